#!/usr/bin/env bash
# Grows the fuzz corpora: builds the libFuzzer targets with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) in build-fuzz, runs each target for SECONDS (default 900) at
# the lowest priority on one core, then merges what it found into fuzz/corpus/<target>,
# keeping only inputs that add coverage. A crash leaves its input in build-fuzz/findings.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (targets: exportfile metacontract)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DRIFTDESK_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-900}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(exportfile metacontract)

# libFuzzer comes with clang's runtime libraries; both from Debian.
missing=()
for package in clang libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
"$root/scripts/install-deps.sh"

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDRIFTDESK_FUZZ=ON >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export QT_LOGGING_RULES='driftdesk.*.info=false'
status=0
for target in "${targets[@]}"; do
    grown="$build/grown/$target"
    findings="$build/findings/$target"
    mkdir -p "$grown" "$findings" "$root/fuzz/corpus/$target"
    echo "fuzz_$target: ${seconds} s"
    # A crash ends this target's run early; the other target still runs, and the script
    # fails at the end.
    log="$build/fuzz-$target.log"
    if ! nice -n 19 "$build/fuzz/fuzz_$target" "$grown" "$root/fuzz/corpus/$target" \
        "$root/fuzz/seeds/$target" -dict="$root/fuzz/json.dict" -max_len=16384 \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
        echo "fuzz_$target FOUND A CRASH: see $log and $findings/"
        status=1
    fi
    tail -n 25 "$log"
    nice -n 19 "$build/fuzz/fuzz_$target" -merge=1 "$root/fuzz/corpus/$target" "$grown" \
        "$root/fuzz/seeds/$target" -max_len=16384 2>&1 | tail -n 2
done
exit $status
