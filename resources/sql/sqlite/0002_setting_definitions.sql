-- SPDX-License-Identifier: GPL-3.0-or-later
-- DriftDesk schema, version 2, for SQLite. The PostgreSQL twin is
-- postgresql/0002_setting_definitions.sql; keep both in step. JSON columns hold text;
-- timestamps hold RFC 3339 text in UTC.

-- Settings-catalog definitions an administrator imported from Graph
-- (GET /beta/deviceManagement/configurationSettings), so that evidence can show readable names
-- instead of definition ids. Optional: nothing else depends on them. A later import of a
-- definition replaces its row.
CREATE TABLE setting_definitions (
    id integer PRIMARY KEY,
    workspace_id integer NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    definition_id text NOT NULL,
    display_name text NOT NULL,
    description text NOT NULL DEFAULT '',
    -- {"<option itemId>": "<option displayName>", ...}; empty for definitions without options.
    options_jsonb text NOT NULL CHECK (json_valid(options_jsonb)),
    imported_at text NOT NULL,
    UNIQUE (workspace_id, definition_id)
);
