# Shared by run-sample.sh and test.sh: install what is missing, then configure and build.
# BUILD_DIR defaults to ./build; the build uses Ninja with two jobs (the reference machine has 2 cores).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-2}

install_and_build() {
    bash "$ROOT/packaging/install-deps.sh"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$BUILD_DIR" -j "$JOBS"
}
