#!/usr/bin/env bash
# Renders the desktop application's main views of the sample workspace (with the sample
# settings-definitions catalog imported) to PNG files in docs/screenshots, for the README.
# Needs no display: it uses Qt's offscreen platform.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DRIFTDESK_BUILD_DIR:-$root/build}

cmake --build "$build" --target driftctl driftdesk
db="$build/screenshots/workspace.db"
"$root/scripts/sample-workspace.sh" "$build/app/driftctl/driftctl" "$db" >/dev/null 2>&1
"$build/app/driftctl/driftctl" --db "sqlite:$db" definitions import \
    --from "$root/tests/data/settings-definitions" >/dev/null

# A private settings folder, so the screenshots show default layouts.
export XDG_CONFIG_HOME="$build/screenshots/config"
QT_QPA_PLATFORM=offscreen "$build/app/driftdesk/driftdesk" --db "sqlite:$db" \
    --screenshots "$root/docs/screenshots"
ls "$root/docs/screenshots"
