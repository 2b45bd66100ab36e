#!/usr/bin/env bash
# The main job on the bundled sample: install, build, validate the sample and plan its
# multi-version upgrade 1.0.0 -> 2.1.0, writing the HTML report to out/sample-plan.html.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_and_build

CLI="$BUILD_DIR/src/cli/passlane-cli"
mkdir -p "$ROOT/out"
echo "== releases of the bundled sample"
"$CLI" releases
echo "== findings"
"$CLI" validate || true   # exit 1 means error-level findings: the sample has deliberate mistakes
echo "== plan 1.0.0 -> 2.1.0"
# Exit 1: the plan runs a migration with an error-level finding (one of the sample's mistakes).
"$CLI" plan --from 1.0.0 --to 2.1.0 --format markdown || [ $? -eq 1 ]
"$CLI" plan --from 1.0.0 --to 2.1.0 --format html --out "$ROOT/out/sample-plan.html" || [ $? -eq 1 ]
echo "== simulation (in-memory SQLite)"
"$CLI" simulate --from 1.0.0 --to 2.1.0 --format markdown
echo
echo "HTML report: $ROOT/out/sample-plan.html    GUI: $BUILD_DIR/src/app/passlane"
