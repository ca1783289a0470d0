#!/usr/bin/env bash
# Installs what is missing, builds DriftDesk, starts a throwaway PostgreSQL server and runs the
# whole test suite against it and against SQLite. Extra arguments go to ctest (e.g. -R schema).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DRIFTDESK_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"

source "$root/scripts/throwaway-postgres.sh"
export DRIFTDESK_TEST_REQUIRE_PG=1
ctest --test-dir "$build" --output-on-failure -j2 "$@"
