#!/bin/sh
# The benchmark's small preset on the test PostgreSQL server (DRIFTDESK_TEST_PG_URL, set by
# scripts/test.sh). Without a server the test is skipped (77), unless one is required.
bench=$1
if [ -z "$DRIFTDESK_TEST_PG_URL" ]; then
    echo "PostgreSQL not configured: DRIFTDESK_TEST_PG_URL is unset"
    [ -n "$DRIFTDESK_TEST_REQUIRE_PG" ] && exit 1
    exit 77
fi
exec "$bench" --db "$DRIFTDESK_TEST_PG_URL" --preset small --runs 1
