-- SPDX-License-Identifier: GPL-3.0-or-later
-- Workspace isolation, enforced by PostgreSQL itself (docs/workspace-isolation.md).
--
-- The role that runs the migrations owns the tables and, as their owner, is not bound by
-- row-level security: it is the administrator who sees every workspace and decides who may
-- use which. Every other role (a "member role") may use the tables, but row-level security
-- shows it, and lets it change, only the rows of workspaces it is a member of, directly or
-- through a group role it inherits from. Membership is data in workspace_members, so granting
-- it takes no SQL built from a role name. Superusers and roles with BYPASSRLS see everything.
-- The SQLite twin, sqlite/0005_workspace_isolation.sql, is empty: a SQLite file has one user.

CREATE TABLE workspace_members (
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- A role of this server, by name (a login or a group role). A role that no longer exists
    -- matches nobody: membership is looked up through pg_roles.
    role_name text NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    granted_by text NOT NULL DEFAULT current_user,
    PRIMARY KEY (workspace_id, role_name)
);

CREATE INDEX workspace_members_role_idx ON workspace_members (role_name);

-- Who created a workspace; it becomes the workspace's first member.
ALTER TABLE workspaces ADD COLUMN created_by text NOT NULL DEFAULT current_user;

-- The workspaces the current role may use: those granted to it or to a role whose privileges
-- it inherits. A view, not a function: the planner expands it into each policy as an
-- uncorrelated subquery evaluated once per statement, so indexed queries stay indexed and
-- nothing is planned again per call (a SQL function here cost 4-5 ms per findings page). It
-- reads workspace_members with its owner's rights; its own condition does the filtering, and
-- security_barrier keeps a member's own (possibly leaky) functions from seeing rows before it.
CREATE VIEW driftdesk_member_workspace_ids WITH (security_barrier) AS
    SELECT m.workspace_id FROM workspace_members m
    WHERE m.role_name IN (SELECT r.rolname FROM pg_roles r WHERE pg_has_role(r.oid, 'USAGE'));

-- Creating a workspace makes its creator a member, or a member role could not see the workspace
-- it has just created. This runs as the tables' owner: member roles cannot write memberships.
CREATE FUNCTION driftdesk_add_workspace_creator() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    INSERT INTO workspace_members (workspace_id, role_name, granted_by)
    VALUES (NEW.id, NEW.created_by, NEW.created_by)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER workspaces_add_creator
    AFTER INSERT ON workspaces
    FOR EACH ROW EXECUTE FUNCTION driftdesk_add_workspace_creator();

-- The immutability guards decide whether a snapshot's parent still exists. They must see every
-- row, not only those row-level security shows the deleting role, and must find the real
-- tables, not a temporary table of the same name that a session created to shadow them.
-- SECURITY DEFINER functions therefore get a fixed search path: the schema the migrations run
-- in, then pg_temp last.
DO $$
DECLARE
    path text := format('%I, pg_temp', current_schema());
BEGIN
    EXECUTE format('ALTER FUNCTION driftdesk_guard_baseline_snapshot() '
                   'SECURITY DEFINER SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION driftdesk_guard_baseline_snapshot_item() '
                   'SECURITY DEFINER SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION driftdesk_add_workspace_creator() '
                   'SET search_path = %s', path);
END
$$;

-- Member roles: what they may do at all. Row-level security below narrows it to their
-- workspaces. Memberships are granted by the owner only; TRUNCATE, ALTER and DROP stay the
-- owner's (so no member can switch off a trigger or a policy).
GRANT SELECT ON schema_migrations TO PUBLIC;
GRANT SELECT, INSERT ON workspaces TO PUBLIC;
GRANT SELECT ON workspace_members, driftdesk_member_workspace_ids TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON
    tenants, baseline_profiles, baseline_tenant_assignments, operation_runs, inventory_items,
    baseline_snapshots, baseline_snapshot_items, findings, setting_definitions
    TO PUBLIC;

ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspaces_members_read ON workspaces FOR SELECT
    USING (id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));
CREATE POLICY workspaces_anyone_creates ON workspaces FOR INSERT
    WITH CHECK (created_by = current_user::text);

ALTER TABLE workspace_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_members_own_read ON workspace_members FOR SELECT
    USING (role_name IN (SELECT r.rolname FROM pg_roles r WHERE pg_has_role(r.oid, 'USAGE')));

-- One policy per workspace-owned table, for every command: USING hides and protects other
-- workspaces' rows, the implied WITH CHECK keeps a row from being written into, or moved to,
-- a workspace the role is not a member of.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenants_workspace_members ON tenants
    USING (workspace_id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));

ALTER TABLE baseline_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY baseline_profiles_workspace_members ON baseline_profiles
    USING (workspace_id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));

ALTER TABLE baseline_tenant_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY baseline_tenant_assignments_workspace_members ON baseline_tenant_assignments
    USING (workspace_id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));

ALTER TABLE operation_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY operation_runs_workspace_members ON operation_runs
    USING (workspace_id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));

ALTER TABLE inventory_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY inventory_items_workspace_members ON inventory_items
    USING (workspace_id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));

ALTER TABLE baseline_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY baseline_snapshots_workspace_members ON baseline_snapshots
    USING (workspace_id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));

-- Snapshot items belong to the workspace of their snapshot: visible, and insertable, exactly
-- when their snapshot is (the subquery is itself under the snapshots' policy).
ALTER TABLE baseline_snapshot_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY baseline_snapshot_items_workspace_members ON baseline_snapshot_items
    USING (baseline_snapshot_id IN (SELECT s.id FROM baseline_snapshots s));

ALTER TABLE findings ENABLE ROW LEVEL SECURITY;
CREATE POLICY findings_workspace_members ON findings
    USING (workspace_id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));

ALTER TABLE setting_definitions ENABLE ROW LEVEL SECURITY;
CREATE POLICY setting_definitions_workspace_members ON setting_definitions
    USING (workspace_id IN (SELECT workspace_id FROM driftdesk_member_workspace_ids));

-- Existing workspaces: their creator is unknown, so they start with no member; the
-- administrator grants them (`driftctl --workspace NAME workspace grant ROLE`).

-- Limitation: foreign keys are checked without row-level security, so a member role writing raw
-- SQL can make a row of its own workspace refer to another workspace's row by id (and learn from
-- the error whether that id exists). It reads and changes nothing of the other workspace through
-- it; deleting the referenced row deletes or clears the referring one.
-- Limitation: workspace names are unique on the server: a name taken by a workspace a role
-- cannot see is refused to it as well.
