#!/usr/bin/env bash
# Install, build and run the whole test suite, against a throwaway PostgreSQL cluster that this
# script creates and removes. Then build the .deb and smoke-test it when running as root.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_and_build

# A PostgreSQL cluster of our own (never an existing server): see tests/support/pgcluster.sh.
eval "$(bash "$ROOT/tests/support/pgcluster.sh" start)"
trap 'bash "$ROOT/tests/support/pgcluster.sh" stop "$PASSLANE_TEST_PG_DIR" || true' EXIT

ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 900 -j "$JOBS"

# A short libFuzzer run of every input reader, instrumented with ASan and UBSan (clang only).
# FUZZ_SECONDS=0 skips it; without clang it is skipped with a message, and under CI it fails.
FUZZ_SECONDS=${FUZZ_SECONDS:-15}
if [ "$FUZZ_SECONDS" -gt 0 ]; then
    status=0
    bash "$ROOT/tests/fuzz/build.sh" "${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}" || status=$?
    if [ "$status" -eq 3 ] && [ "${CI:-}" != true ]; then
        echo "fuzz: skipped (no clang with libFuzzer)" >&2
    elif [ "$status" -ne 0 ]; then
        exit "$status"
    else
        bash "$ROOT/tests/fuzz/run.sh" "${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}" "$FUZZ_SECONDS"
    fi
fi

if [ "$(id -u)" -eq 0 ]; then
    bash "$ROOT/packaging/smoke-deb.sh"
fi
