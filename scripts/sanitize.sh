#!/usr/bin/env bash
# Builds DriftDesk with AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer in
# a second build folder and runs the whole test suite there, against a throwaway PostgreSQL
# server and SQLite. The first report of any sanitizer ends the program that made it, so the
# test fails. Suppressions (scripts/sanitizers/) only cover reports inside Qt or system
# libraries, each with its reason. Extra arguments go to ctest (e.g. -R badinput).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DRIFTDESK_SANITIZE_BUILD_DIR:-$root/build-sanitize}
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

"$root/scripts/install-deps.sh"
# -O1 keeps the build and the tests quick enough for CI while keeping stack traces readable.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build"

suppressions="$root/scripts/sanitizers"
asan_options=(halt_on_error=1 detect_leaks=1 check_initialization_order=1 strict_init_order=1
    detect_stack_use_after_return=1 "suppressions=$suppressions/asan.supp")
export ASAN_OPTIONS=$(IFS=:; echo "${asan_options[*]}")
export LSAN_OPTIONS="suppressions=$suppressions/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$suppressions/ubsan.supp"

source "$root/scripts/throwaway-postgres.sh"
export DRIFTDESK_TEST_REQUIRE_PG=1
ctest --test-dir "$build" --output-on-failure -j2 "$@"
