-- SPDX-License-Identifier: GPL-3.0-or-later
-- DriftDesk schema, version 1, for PostgreSQL. The SQLite twin is sqlite/0001_initial.sql;
-- keep both in step.

CREATE TABLE workspaces (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE tenants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name text NOT NULL,
    external_id text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (workspace_id, name)
);

CREATE UNIQUE INDEX tenants_workspace_external_id_key
    ON tenants (workspace_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE baseline_profiles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name text NOT NULL,
    description text NOT NULL DEFAULT '',
    version_label text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'archived')),
    scope_jsonb jsonb NOT NULL,
    active_snapshot_id bigint,
    created_by_user_id text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (workspace_id, name)
);

CREATE TABLE baseline_tenant_assignments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    baseline_profile_id bigint NOT NULL REFERENCES baseline_profiles (id) ON DELETE CASCADE,
    tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (baseline_profile_id, tenant_id)
);

CREATE INDEX baseline_tenant_assignments_tenant_idx ON baseline_tenant_assignments (tenant_id);

CREATE TABLE operation_runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    tenant_id bigint REFERENCES tenants (id) ON DELETE CASCADE,
    baseline_profile_id bigint REFERENCES baseline_profiles (id) ON DELETE SET NULL,
    type text NOT NULL
        CHECK (type IN ('inventory_sync', 'baseline_capture', 'baseline_compare')),
    status text NOT NULL CHECK (status IN ('queued', 'running', 'completed')),
    outcome text CHECK (outcome IN ('succeeded', 'partially_succeeded', 'failed', 'blocked',
                                    'cancelled')),
    summary_counts jsonb NOT NULL DEFAULT '{}',
    context jsonb NOT NULL DEFAULT '{}',
    initiated_by text,
    created_at timestamptz NOT NULL,
    started_at timestamptz,
    completed_at timestamptz,
    CHECK ((status = 'completed') = (outcome IS NOT NULL))
);

CREATE INDEX operation_runs_tenant_type_idx ON operation_runs (tenant_id, type, id);

CREATE TABLE inventory_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    policy_type text NOT NULL,
    subject_type text NOT NULL,
    subject_external_id text NOT NULL,
    display_name text,
    source_file text NOT NULL,
    -- Two exported objects of one type share this id: both are kept, neither is compared.
    ambiguous boolean NOT NULL DEFAULT false,
    raw_jsonb jsonb NOT NULL,
    meta_contract_version integer NOT NULL,
    meta_hash text NOT NULL,
    sync_run_id bigint REFERENCES operation_runs (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX inventory_items_tenant_type_idx ON inventory_items (tenant_id, policy_type);

CREATE UNIQUE INDEX inventory_items_subject_key
    ON inventory_items (tenant_id, policy_type, subject_external_id) WHERE NOT ambiguous;

CREATE TABLE baseline_snapshots (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    baseline_profile_id bigint NOT NULL REFERENCES baseline_profiles (id) ON DELETE CASCADE,
    snapshot_identity_hash text NOT NULL,
    captured_at timestamptz NOT NULL,
    summary_jsonb jsonb NOT NULL,
    -- Kept as history without a foreign key: a snapshot outlives its source tenant and can
    -- never be updated to forget it.
    source_tenant_id bigint,
    capture_run_id bigint,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (baseline_profile_id, snapshot_identity_hash)
);

ALTER TABLE baseline_profiles
    ADD CONSTRAINT baseline_profiles_active_snapshot_fkey
    FOREIGN KEY (active_snapshot_id) REFERENCES baseline_snapshots (id) ON DELETE SET NULL;

CREATE TABLE baseline_snapshot_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    baseline_snapshot_id bigint NOT NULL REFERENCES baseline_snapshots (id) ON DELETE CASCADE,
    subject_type text NOT NULL,
    subject_external_id text NOT NULL,
    policy_type text NOT NULL,
    baseline_hash text NOT NULL,
    meta_jsonb jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (baseline_snapshot_id, policy_type, subject_external_id)
);

CREATE INDEX baseline_snapshot_items_snapshot_type_idx
    ON baseline_snapshot_items (baseline_snapshot_id, policy_type);

CREATE TABLE findings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    baseline_profile_id bigint NOT NULL REFERENCES baseline_profiles (id) ON DELETE CASCADE,
    baseline_snapshot_id bigint NOT NULL REFERENCES baseline_snapshots (id) ON DELETE CASCADE,
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
    first_seen_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    times_seen integer NOT NULL CHECK (times_seen >= 1),
    resolved_at timestamptz,
    resolved_reason text,
    acknowledged_at timestamptz,
    acknowledged_by text,
    acknowledgement_note text,
    evidence jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, fingerprint)
);

CREATE INDEX findings_tenant_scope_idx ON findings (tenant_id, scope_key);

CREATE INDEX findings_snapshot_idx ON findings (baseline_snapshot_id);

-- Snapshots and their items are immutable. The database itself refuses to change them, and to
-- delete them unless their parent is already gone, which happens only when a profile is deleted
-- and the deletion cascades.
CREATE FUNCTION driftdesk_guard_baseline_snapshot() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND NOT EXISTS (SELECT 1 FROM baseline_profiles WHERE id = OLD.baseline_profile_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'baseline snapshot % is immutable: it is deleted only with its profile',
        OLD.id USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE FUNCTION driftdesk_guard_baseline_snapshot_item() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND NOT EXISTS (SELECT 1 FROM baseline_snapshots WHERE id = OLD.baseline_snapshot_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'baseline snapshot item % is immutable: it is deleted only with its profile',
        OLD.id USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE FUNCTION driftdesk_refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is immutable and cannot be truncated', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER baseline_snapshots_immutable
    BEFORE UPDATE OR DELETE ON baseline_snapshots
    FOR EACH ROW EXECUTE FUNCTION driftdesk_guard_baseline_snapshot();

CREATE TRIGGER baseline_snapshot_items_immutable
    BEFORE UPDATE OR DELETE ON baseline_snapshot_items
    FOR EACH ROW EXECUTE FUNCTION driftdesk_guard_baseline_snapshot_item();

CREATE TRIGGER baseline_snapshots_no_truncate
    BEFORE TRUNCATE ON baseline_snapshots
    FOR EACH STATEMENT EXECUTE FUNCTION driftdesk_refuse_truncate();

CREATE TRIGGER baseline_snapshot_items_no_truncate
    BEFORE TRUNCATE ON baseline_snapshot_items
    FOR EACH STATEMENT EXECUTE FUNCTION driftdesk_refuse_truncate();
