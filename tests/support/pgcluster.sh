#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the simulator tests and benchmarks.
#
#   eval "$(bash tests/support/pgcluster.sh start)"   # prints export PASSLANE_TEST_PG=... lines
#   ctest ...
#   bash tests/support/pgcluster.sh stop               # stops it and removes its folder
#
# start: initdb (as the `postgres` user when run as root) into a fresh mktemp folder, listening
# on a unix socket in that folder and on 127.0.0.1:<free port>, with a superuser role `passlane`.
# Durability is off (fsync, full_page_writes): the data is thrown away anyway.
# stop: uses PASSLANE_TEST_PG_DIR (or the folder given as second argument).
# Only stdout carries the export lines; progress and errors go to stderr.
set -euo pipefail

pg_bindir() {
    if [[ -n "${PG_BINDIR:-}" ]]; then echo "$PG_BINDIR"; return; fi
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/initdb" ]] && { echo "$d"; return; }
    done
    local initdb
    initdb=$(command -v initdb || true)
    [[ -n "$initdb" ]] && { dirname "$initdb"; return; }
    echo "pgcluster.sh: no PostgreSQL binaries found (set PG_BINDIR)" >&2
    exit 1
}

# Runs a command as the cluster owner: postgres when we are root, else ourselves.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    local port
    for port in $(seq 55432 55632); do
        if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
            echo "$port"; return
        fi
    done
    echo "pgcluster.sh: no free port in 55432..55632" >&2
    exit 1
}

start() {
    local bin dir port
    bin=$(pg_bindir)
    dir=$(mktemp -d /tmp/passlane-pg.XXXXXX)
    chmod 755 "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
    port=$(free_port)
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
full_page_writes = off
synchronous_commit = off
max_connections = 60
shared_buffers = 128MB
track_counts = on
CONF
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE passlane LOGIN SUPERUSER" >&2
    echo "export PASSLANE_TEST_PG='host=$dir port=$port user=passlane dbname=postgres'"
    echo "export PASSLANE_TEST_PG_DIR='$dir'"
    echo "export PASSLANE_TEST_PG_BINDIR='$bin'"
}

stop() {
    local dir="${1:-${PASSLANE_TEST_PG_DIR:-}}" bin
    if [[ -z "$dir" || ! -d "$dir/data" ]]; then
        echo "pgcluster.sh: nothing to stop (PASSLANE_TEST_PG_DIR unset or not a cluster)" >&2
        return 0
    fi
    case "$dir" in /tmp/passlane-pg.*) ;; *) echo "pgcluster.sh: refusing to remove $dir" >&2; exit 1 ;; esac
    bin=$(pg_bindir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: pgcluster.sh start|stop [DIR]" >&2; exit 2 ;;
esac
