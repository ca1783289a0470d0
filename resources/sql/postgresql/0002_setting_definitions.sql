-- SPDX-License-Identifier: GPL-3.0-or-later
-- DriftDesk schema, version 2, for PostgreSQL. The SQLite twin is
-- sqlite/0002_setting_definitions.sql; keep both in step.

-- Settings-catalog definitions an administrator imported from Graph
-- (GET /beta/deviceManagement/configurationSettings), so that evidence can show readable names
-- instead of definition ids. Optional: nothing else depends on them. A later import of a
-- definition replaces its row.
CREATE TABLE setting_definitions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    definition_id text NOT NULL,
    display_name text NOT NULL,
    description text NOT NULL DEFAULT '',
    -- {"<option itemId>": "<option displayName>", ...}; empty for definitions without options.
    options_jsonb jsonb NOT NULL,
    imported_at timestamptz NOT NULL,
    UNIQUE (workspace_id, definition_id)
);
