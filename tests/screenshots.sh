#!/usr/bin/env bash
# Saves a PNG of each view of the desktop app on the real Sourcegraph releases, and page 1 of
# the real-data plan report as PDF (pdftoppm) and as HTML (headless chromium). Builds nothing. Usage: tests/screenshots.sh BUILD_DIR [OUTPUT_DIR]
#   OUTPUT_DIR defaults to docs/screenshots/ in the source tree.
# Needs xvfb-run (package xvfb); the fixtures live in ../shared/fixtures/sourcegraph.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${1:?usage: $0 BUILD_DIR [OUTPUT_DIR]}"
out="${2:-$root/docs/screenshots}"
fixtures="${PASSLANE_FIXTURES:-$root/../shared/fixtures/sourcegraph}"
app="$build/src/app/passlane"

[ -x "$app" ] || { echo "screenshots: $app not built" >&2; exit 1; }
[ -d "$fixtures/releases" ] || { echo "screenshots: no fixtures at $fixtures" >&2; exit 1; }
mkdir -p "$out"

# A private settings folder: no saved geometry or theme leaks into the pictures.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT

run() { # run THEME
  XDG_CONFIG_HOME="$config" PASSLANE_THEME="$1" timeout 300 \
    xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$app" --screenshots "$out" \
    "$fixtures/releases" "$fixtures/oob/oobmigrations-whatif-6x.yaml"
}

run light
# Dark pictures of the graph and the Simulation tab, to show the palette that follows the system.
tmp="$(mktemp -d)"
out_light="$out"; out="$tmp"; run dark; out="$out_light"
cp "$tmp/02-graph-migration.png" "$out/08-graph-dark.png"
# PASSLANE_THEME wins over the theme the app switches to, so the dark Simulation tab comes from
# this run too.
cp "$tmp/07-simulation-dark.png" "$out/07-simulation-dark.png"
rm -rf "$tmp"

# The report a support engineer sends: the same plan as PDF (page 1) and as HTML (the top).
cli="$build/src/cli/passlane-cli"
reports="$(mktemp -d)"
for format in pdf html; do
  SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)} "$cli" plan "$fixtures/releases" \
    --oob "$fixtures/oob/oobmigrations-whatif-6x.yaml" --from 5.9.45 --to 7.2.1943 \
    --title "Upgrade plan for Example Corp: 5.9.45 to 7.2.1943" --format "$format" --out "$reports/plan.$format" || [ $? -eq 1 ]
done
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$reports/plan.pdf" "$out/09-report-pdf-page1"
if command -v chromium > /dev/null; then
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1130 \
    --screenshot="$out/10-report-html.png" "file://$reports/plan.html" 2> /dev/null
else
  echo "screenshots: chromium not installed: 10-report-html.png not refreshed" >&2
fi
rm -rf "$reports"

# Keep the committed pictures small.
for f in "$out"/*.png; do
  size=$(stat -c %s "$f")
  if [ "$size" -gt 300000 ]; then
    echo "screenshots: warning: $(basename "$f") is $((size / 1024)) KB (> 300 KB)" >&2
  fi
done
ls -l "$out"
