#!/usr/bin/env bash
# Sourced by the test scripts: starts a private PostgreSQL server in a temporary folder,
# reachable only through a Unix socket there, and stops and removes it on exit.
# Sets DRIFTDESK_TEST_PG_URL. As root, the server runs as the "postgres" user (initdb refuses
# to run as root).

pg_bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bindir" ]; then
    echo "error: no PostgreSQL server binaries under /usr/lib/postgresql" >&2
    exit 1
fi

pg_dir=$(mktemp -d /tmp/driftdesk-pg.XXXXXX)
pg_run=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$pg_dir"
    pg_run=(runuser -u postgres --)
fi

pg_stop() {
    "${pg_run[@]}" "$pg_bindir/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap pg_stop EXIT

"${pg_run[@]}" "$pg_bindir/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log" >&2; exit 1; }
"${pg_run[@]}" "$pg_bindir/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/server.log" \
    -o "-k $pg_dir -p 5432 -c listen_addresses= -c fsync=off" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; exit 1; }

export DRIFTDESK_TEST_PG_URL="postgresql://postgres@/postgres?host=$pg_dir&port=5432"
echo "Throwaway PostgreSQL $("$pg_bindir/postgres" --version | awk '{print $3}') at $pg_dir"
