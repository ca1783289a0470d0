-- SPDX-License-Identifier: GPL-3.0-or-later
-- DriftDesk schema, version 1, for SQLite. The PostgreSQL twin is postgresql/0001_initial.sql;
-- keep both in step. JSON columns hold text; timestamps hold RFC 3339 text in UTC.

CREATE TABLE workspaces (
    id integer PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at text NOT NULL,
    updated_at text NOT NULL
);

CREATE TABLE tenants (
    id integer PRIMARY KEY,
    workspace_id integer NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name text NOT NULL,
    external_id text,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    UNIQUE (workspace_id, name)
);

CREATE UNIQUE INDEX tenants_workspace_external_id_key
    ON tenants (workspace_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE baseline_profiles (
    id integer PRIMARY KEY,
    workspace_id integer NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name text NOT NULL,
    description text NOT NULL DEFAULT '',
    version_label text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'archived')),
    scope_jsonb text NOT NULL CHECK (json_valid(scope_jsonb)),
    active_snapshot_id integer REFERENCES baseline_snapshots (id) ON DELETE SET NULL,
    created_by_user_id text,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    UNIQUE (workspace_id, name)
);

CREATE TABLE baseline_tenant_assignments (
    id integer PRIMARY KEY,
    workspace_id integer NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    baseline_profile_id integer NOT NULL REFERENCES baseline_profiles (id) ON DELETE CASCADE,
    tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    UNIQUE (baseline_profile_id, tenant_id)
);

CREATE INDEX baseline_tenant_assignments_tenant_idx ON baseline_tenant_assignments (tenant_id);

CREATE TABLE operation_runs (
    id integer PRIMARY KEY,
    workspace_id integer NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    tenant_id integer REFERENCES tenants (id) ON DELETE CASCADE,
    baseline_profile_id integer REFERENCES baseline_profiles (id) ON DELETE SET NULL,
    type text NOT NULL
        CHECK (type IN ('inventory_sync', 'baseline_capture', 'baseline_compare')),
    status text NOT NULL CHECK (status IN ('queued', 'running', 'completed')),
    outcome text CHECK (outcome IN ('succeeded', 'partially_succeeded', 'failed', 'blocked',
                                    'cancelled')),
    summary_counts text NOT NULL DEFAULT '{}' CHECK (json_valid(summary_counts)),
    context text NOT NULL DEFAULT '{}' CHECK (json_valid(context)),
    initiated_by text,
    created_at text NOT NULL,
    started_at text,
    completed_at text,
    CHECK ((status = 'completed') = (outcome IS NOT NULL))
);

CREATE INDEX operation_runs_tenant_type_idx ON operation_runs (tenant_id, type, id);

CREATE TABLE inventory_items (
    id integer PRIMARY KEY,
    workspace_id integer NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    policy_type text NOT NULL,
    subject_type text NOT NULL,
    subject_external_id text NOT NULL,
    display_name text,
    source_file text NOT NULL,
    -- Two exported objects of one type share this id: both are kept, neither is compared.
    ambiguous integer NOT NULL DEFAULT 0 CHECK (ambiguous IN (0, 1)),
    raw_jsonb text NOT NULL CHECK (json_valid(raw_jsonb)),
    meta_contract_version integer NOT NULL,
    meta_hash text NOT NULL,
    sync_run_id integer REFERENCES operation_runs (id) ON DELETE SET NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL
);

CREATE INDEX inventory_items_tenant_type_idx ON inventory_items (tenant_id, policy_type);

CREATE UNIQUE INDEX inventory_items_subject_key
    ON inventory_items (tenant_id, policy_type, subject_external_id) WHERE ambiguous = 0;

CREATE TABLE baseline_snapshots (
    id integer PRIMARY KEY,
    workspace_id integer NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    baseline_profile_id integer NOT NULL REFERENCES baseline_profiles (id) ON DELETE CASCADE,
    snapshot_identity_hash text NOT NULL,
    captured_at text NOT NULL,
    summary_jsonb text NOT NULL CHECK (json_valid(summary_jsonb)),
    -- Kept as history without a foreign key: a snapshot outlives its source tenant and can
    -- never be updated to forget it.
    source_tenant_id integer,
    capture_run_id integer,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    UNIQUE (baseline_profile_id, snapshot_identity_hash)
);

CREATE TABLE baseline_snapshot_items (
    id integer PRIMARY KEY,
    baseline_snapshot_id integer NOT NULL
        REFERENCES baseline_snapshots (id) ON DELETE CASCADE,
    subject_type text NOT NULL,
    subject_external_id text NOT NULL,
    policy_type text NOT NULL,
    baseline_hash text NOT NULL,
    meta_jsonb text NOT NULL CHECK (json_valid(meta_jsonb)),
    created_at text NOT NULL,
    updated_at text NOT NULL,
    UNIQUE (baseline_snapshot_id, policy_type, subject_external_id)
);

CREATE INDEX baseline_snapshot_items_snapshot_type_idx
    ON baseline_snapshot_items (baseline_snapshot_id, policy_type);

CREATE TABLE findings (
    id integer PRIMARY KEY,
    workspace_id integer NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    baseline_profile_id integer NOT NULL REFERENCES baseline_profiles (id) ON DELETE CASCADE,
    baseline_snapshot_id integer NOT NULL
        REFERENCES baseline_snapshots (id) ON DELETE CASCADE,
    policy_type text NOT NULL,
    subject_type text NOT NULL,
    subject_external_id text NOT NULL,
    display_name text,
    change_type text NOT NULL
        CHECK (change_type IN ('missing_policy', 'different_version', 'unexpected_policy')),
    severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    fingerprint text NOT NULL,
    recurrence_key text,
    scope_key text NOT NULL,
    first_seen_at text NOT NULL,
    last_seen_at text NOT NULL,
    times_seen integer NOT NULL CHECK (times_seen >= 1),
    resolved_at text,
    resolved_reason text,
    acknowledged_at text,
    acknowledged_by text,
    acknowledgement_note text,
    evidence text NOT NULL CHECK (json_valid(evidence)),
    created_at text NOT NULL,
    updated_at text NOT NULL,
    UNIQUE (tenant_id, fingerprint)
);

CREATE INDEX findings_tenant_scope_idx ON findings (tenant_id, scope_key);

CREATE INDEX findings_snapshot_idx ON findings (baseline_snapshot_id);

-- Snapshots and their items are immutable. The database itself refuses to change them, and to
-- delete them unless their parent is already gone, which happens only when a profile is deleted
-- and the deletion cascades.
CREATE TRIGGER baseline_snapshots_no_update
BEFORE UPDATE ON baseline_snapshots
BEGIN
    SELECT RAISE(ABORT, 'baseline snapshots are immutable');
END;

CREATE TRIGGER baseline_snapshots_no_delete
BEFORE DELETE ON baseline_snapshots
WHEN EXISTS (SELECT 1 FROM baseline_profiles WHERE id = OLD.baseline_profile_id)
BEGIN
    SELECT RAISE(ABORT, 'baseline snapshots are immutable: deleted only with their profile');
END;

CREATE TRIGGER baseline_snapshot_items_no_update
BEFORE UPDATE ON baseline_snapshot_items
BEGIN
    SELECT RAISE(ABORT, 'baseline snapshot items are immutable');
END;

CREATE TRIGGER baseline_snapshot_items_no_delete
BEFORE DELETE ON baseline_snapshot_items
WHEN EXISTS (SELECT 1 FROM baseline_snapshots WHERE id = OLD.baseline_snapshot_id)
BEGIN
    SELECT RAISE(ABORT, 'baseline snapshot items are immutable: deleted only with their profile');
END;
