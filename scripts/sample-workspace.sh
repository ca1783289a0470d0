#!/usr/bin/env bash
# Creates a fresh sample workspace from the bundled OpenIntuneBaseline exports: tenant
# "Reference" at v3.6 is the baseline of profile "OIB Windows", tenant "Fabrikam" at v3.7 is
# assigned to it and compared. Usage: sample-workspace.sh DRIFTCTL DATABASE_FILE
set -euo pipefail
driftctl_bin=$1
db_file=$2
root=$(cd "$(dirname "$0")/.." && pwd)
samples="$root/tests/data/oib"

rm -f "$db_file" "$db_file-wal" "$db_file-shm"
mkdir -p "$(dirname "$db_file")"
driftctl() { "$driftctl_bin" --db "sqlite:$db_file" "$@"; }

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
{ set +x; } 2>/dev/null

# compare --all exits 4 when it opened new findings, which is the expected result here.
if [ "$status" -ne 4 ]; then
    echo "error: compare --all exited $status, expected 4 (new findings)" >&2
    exit 1
fi
