#!/usr/bin/env bash
# Runs every libFuzzer harness for SECONDS each, from a corpus seeded at run time (never
# committed) from the real snapshots beside the checkout and the bundled sample.
#   tests/fuzz/build.sh build-fuzz && tests/fuzz/run.sh build-fuzz 30
# Exit 1 when a harness crashed, leaked or timed out; the reproducer is kept in OUT (printed).
set -euo pipefail

build=${1:?usage: run.sh BUILD_DIR SECONDS}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS}
root=$(cd "$(dirname "$0")/../.." && pwd)
fixtures=${PASSLANE_FIXTURES:-$root/../shared/fixtures/sourcegraph}
sample=$root/resources/sample
work=$(mktemp -d)
out=${FUZZ_OUT:-$work/artifacts}
mkdir -p "$out"
trap 'rm -rf "$work/corpus"' EXIT

seed() { # seed NAME FILE...
    local dir=$work/corpus/$1
    shift
    mkdir -p "$dir"
    local f
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | md5sum | cut -c1-16)"
    done
    return 0
}

# Archives: a few real snapshots (small ones first) and the sample's folders as tar.gz.
mapfile -t real < <(ls -S -r "$fixtures"/releases/*.tar.gz 2>/dev/null | head -n 3)
seed archive "${real[@]}"
for v in "$sample"/releases/v*; do
    tar -C "$v" -czf "$work/$(basename "$v").tar.gz" migrations
    seed archive "$work/$(basename "$v").tar.gz"
done
mapfile -t metadata < <(find "$sample/releases" -name metadata.yaml | head -n 40)
seed metadata "${metadata[@]}"
mapfile -t sql < <(find "$sample/releases" -name up.sql | head -n 40)
seed registry "$sample/oobmigrations.yaml" "$fixtures"/oob/*.yaml "${sql[@]}"
printf 'sources: [releases]\noobFiles: [oobmigrations.yaml]\nprogress:\n  default: {rows: 1000, batchSize: 500, intervalSeconds: 3}\ncustomers:\n  - {name: acme, version: 1.1.0, oobRows: {1: 200}}\nproposals:\n  - {oob: 1, deprecated: "2.0"}\ncustomersCsv: customers.csv\n' > "$work/p.passlane"
seed project "$work/p.passlane"
printf '{"migration_logs":[{"id":1,"schema":"main","version":1000000001,"up":true,"started_at":"2024-05-01T10:00:00Z","finished_at":"2024-05-01T10:00:01Z","success":true}],"out_of_band_migrations":[{"id":1,"team":"t","component":"c","introduced_version_major":1,"introduced_version_minor":1,"progress":0.5,"created":"2024-05-01T10:00:00Z"}],"versions":[{"service":"frontend","version":"1.1.0","updated_at":"2024-05-01T10:00:00Z","first_version":"1.0.0"}]}' > "$work/e.json"
printf 'id,schema,version,up,started_at,finished_at,success\n1,main,1000000001,t,2024-05-01 10:00:00+00,2024-05-01 10:00:01+00,t\n\nid,team,component,introduced_version_major,introduced_version_minor,progress\n1,t,c,1,1,0.5\n' > "$work/e.csv"
seed customerexport "$work/e.json" "$work/e.csv"
printf 'version,instances\r\n"1.0.0","3"\r\n# comment\r\n1.1.0,7\r\n' > "$work/c.csv"
seed customerscsv "$fixtures/customers-example.csv" "$work/c.csv"

failed=0
for h in archive metadata registry project customerexport customerscsv; do
    bin=$build/tests/fuzz/fuzz_$h
    if [ ! -x "$bin" ]; then
        echo "fuzz_$h: not built in $build" >&2
        failed=1
        continue
    fi
    start=$(date +%s)
    # rss_limit_mb and max_len keep each run within the machine; timeout catches hangs.
    if "$bin" -max_total_time="$seconds" -max_len=1048576 -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="$out/$h-" -print_final_stats=1 "$work/corpus/$h" > "$work/$h.log" 2>&1; then
        echo "fuzz_$h: ok after $(( $(date +%s) - start )) s, $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work/$h.log" | grep -o '[0-9]*$') runs"
    else
        echo "fuzz_$h: FAILED, reproducer in $out:" >&2
        grep -E 'ERROR|SUMMARY|Test unit written' "$work/$h.log" | head -n 5 >&2
        failed=1
    fi
done
exit $failed
