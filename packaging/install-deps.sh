#!/usr/bin/env bash
# Installs the Debian 12 packages Passlane needs to build, test and package.
# Idempotent: only missing packages are fetched. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-l10n-tools
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libgl-dev
  libboost-graph-dev libyaml-cpp-dev libarchive-dev zlib1g-dev libgraphviz-dev libpq-dev
  postgresql postgresql-client
  xvfb xauth fonts-dejavu-core
  poppler-utils   # pdftotext: tests measure the words of printed reports
  dpkg-dev file
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
