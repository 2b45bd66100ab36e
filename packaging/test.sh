#!/usr/bin/env bash
# Install, build and run the whole test suite, against a throwaway PostgreSQL cluster that this
# script creates and removes. Then build the .deb and smoke-test it when running as root.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_and_build

# A PostgreSQL cluster of our own (never an existing server): see tests/support/pgcluster.sh.
eval "$(bash "$ROOT/tests/support/pgcluster.sh" start)"
trap 'bash "$ROOT/tests/support/pgcluster.sh" stop "$PASSLANE_TEST_PG_DIR" || true' EXIT

ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 900 -j "$JOBS"

if [ "$(id -u)" -eq 0 ]; then
    bash "$ROOT/packaging/smoke-deb.sh"
fi
