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

db="$build/demo/workspace.db"
"$root/scripts/sample-workspace.sh" "$build/app/driftctl/driftctl" "$db"
"$build/app/driftctl/driftctl" --db "sqlite:$db" findings list --tenant Fabrikam

echo
echo "Explore further: $build/app/driftctl/driftctl --db sqlite:$db runs list"
echo "or in the desktop application: $build/app/driftdesk/driftdesk --db sqlite:$db"
