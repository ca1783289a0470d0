#!/usr/bin/env bash
# Runs driftdesk-bench at the given sizes on a throwaway PostgreSQL server and on SQLite, and
# keeps each run's figures as JSON and as the printed table. docs/performance.md shows the
# commands and what they gave.
#   bench/measure.sh BUILD_DIR OUT_DIR RUNS TENANTSxPOLICIES...
# Example: bench/measure.sh build /tmp/bench 3 5x2000 50x2000 500x2000
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
out=$2
runs=$3
shift 3
mkdir -p "$out"
out=$(cd "$out" && pwd)

source "$root/scripts/throwaway-postgres.sh"
export QT_LOGGING_RULES='driftdesk.*.info=false'

for size in "$@"; do
    tenants=${size%x*}
    policies=${size#*x}
    for backend in postgresql sqlite; do
        if [ "$backend" = postgresql ]; then
            db=$DRIFTDESK_TEST_PG_URL
        else
            db="sqlite:$out/sqlite/bench.db"
        fi
        name="$backend-${tenants}x$policies"
        echo "== $name ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
        /usr/bin/time -v "$build/bench/driftdesk-bench" --db "$db" --tenants "$tenants" \
            --policies "$policies" --runs "$runs" --json "$out/$name.json" \
            2> "$out/$name.time" | tee "$out/$name.txt"
        grep -E 'Maximum resident|Elapsed' "$out/$name.time"
    done
done
