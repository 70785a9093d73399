#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a
# bounded time; exits non-zero when a target crashes, leaks, hangs or fails to build.
#
#   tests/fuzz/run.sh                 # 60 s per target, build in ./build-fuzz
#   PMI_FUZZ_SECONDS=600 PMI_FUZZ_BUILD=/tmp/fuzz tests/fuzz/run.sh
#
# A crashing input is saved as <build>/fuzz-artifacts/<target>-crash-…; turn it
# into a regression test (a seed in tests/fuzz/corpus/<target>/ and a unit test).
set -euo pipefail

SOURCE=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${PMI_FUZZ_BUILD:-$SOURCE/build-fuzz}
SECONDS_PER_TARGET=${PMI_FUZZ_SECONDS:-60}
JOBS=${PMI_FUZZ_JOBS:-2}

cmake -S "$SOURCE" -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER="${CXX:-clang++}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPMI_FUZZ=ON -DPMI_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" --target fuzz_note fuzz_config fuzz_markdown fuzz_share -j "$JOBS"

mkdir -p "$BUILD/fuzz-artifacts"
status=0
for target in note config markdown share; do
    # New inputs go to a scratch corpus; the seeds in the repository stay unchanged.
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/pmi-fuzz-$target.XXXXXX")
    dict="$SOURCE/tests/fuzz/$target.dict"
    [ -f "$dict" ] || dict="$SOURCE/tests/fuzz/yaml.dict"
    echo "fuzz_$target: ${SECONDS_PER_TARGET}s"
    if ! "$BUILD/tests/fuzz/fuzz_$target" \
        -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
        -dict="$dict" -print_final_stats=1 \
        -artifact_prefix="$BUILD/fuzz-artifacts/$target-" \
        "$scratch" "$SOURCE/tests/fuzz/corpus/$target" 2>"$BUILD/fuzz-artifacts/$target.log"; then
        echo "fuzz_$target FAILED; last lines of $BUILD/fuzz-artifacts/$target.log:" >&2
        tail -n 40 "$BUILD/fuzz-artifacts/$target.log" >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' \
            "$BUILD/fuzz-artifacts/$target.log" || true
    fi
    rm -rf "$scratch"
done
exit "$status"
