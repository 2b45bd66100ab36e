#!/usr/bin/env bash
# Configures and builds the libFuzzer harnesses with clang in BUILD_DIR (a tree of its own: the
# whole core is instrumented). Exit 3 when clang or its fuzzer runtime is missing.
#   tests/fuzz/build.sh build-fuzz && tests/fuzz/run.sh build-fuzz 30
set -euo pipefail

build=${1:?usage: build.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
cxx=${PASSLANE_FUZZ_CXX:-clang++-14}
cc=${PASSLANE_FUZZ_CC:-clang-14}
if ! command -v "$cxx" > /dev/null; then
    echo "fuzz: $cxx not found (packaging/install-deps.sh installs clang-14)" >&2
    exit 3
fi
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }' \
        | "$cxx" -x c++ -fsanitize=fuzzer - -o /dev/null 2> /dev/null; then
    echo "fuzz: $cxx cannot link -fsanitize=fuzzer (install libclang-rt-14-dev)" >&2
    exit 3
fi
launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" -DPASSLANE_FUZZ=ON "${launcher[@]}" > /dev/null
ninja -C "$build" -j "${JOBS:-2}" fuzz_archive fuzz_metadata fuzz_registry fuzz_project fuzz_customerexport fuzz_customerscsv
