#!/usr/bin/env bash
# Installs what is missing, builds driftctl, and runs DriftDesk's main job on the bundled
# OpenIntuneBaseline exports: a reference tenant at v3.6 is the baseline, a second tenant at
# v3.7 is compared with it, and the findings are printed. Uses its own workspace file under the
# build folder, created afresh each time, so it is safe to run again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DRIFTDESK_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target driftctl

mkdir -p "$build/demo"
rm -f "$build/demo/workspace.db" "$build/demo/workspace.db-wal" "$build/demo/workspace.db-shm"
db="sqlite:$build/demo/workspace.db"
driftctl() { "$build/app/driftctl/driftctl" --db "$db" "$@"; }
samples="$root/tests/data/oib"

set -x
driftctl migrate
driftctl tenant add --name Reference
driftctl tenant add --name Fabrikam
driftctl profile create --name "OIB Windows" --version-label v3.6
driftctl profile assign --profile "OIB Windows" --tenant Fabrikam
driftctl inventory import --tenant Reference --from "$samples/windows-v3.6"
driftctl inventory import --tenant Fabrikam --from "$samples/windows-v3.7"
driftctl capture --profile "OIB Windows" --from-tenant Reference
status=0
driftctl compare --all || status=$?
driftctl findings list --tenant Fabrikam
{ set +x; } 2>/dev/null

# compare --all exits 4 when it opened new findings, which is the expected result here.
if [ "$status" -ne 4 ]; then
    echo "error: compare --all exited $status, expected 4 (new findings)" >&2
    exit 1
fi
echo
echo "Explore further: $build/app/driftctl/driftctl --db $db runs list"
