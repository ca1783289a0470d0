-- SPDX-License-Identifier: GPL-3.0-or-later
-- A profile compares either by subject id (one tenant over time) or by identity (other tenants,
-- whose policies have other ids): policy type plus normalised display name, with a trailing
-- version suffix removed by a per-profile pattern. An object that could be either of two
-- subjects is an ambiguous_match finding.

ALTER TABLE baseline_profiles
    ADD COLUMN matching_mode text NOT NULL DEFAULT 'by_id'
        CHECK (matching_mode IN ('by_id', 'by_identity'));

ALTER TABLE baseline_profiles
    ADD COLUMN version_suffix_pattern text NOT NULL DEFAULT '\s*-\s*v\d+(\.\d+)*$';

-- SQLite cannot change a CHECK constraint: the findings table is rebuilt with the new one. No
-- table refers to findings, so the rebuild keeps every reference intact.
CREATE TABLE findings_rebuilt (
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
        CHECK (change_type IN ('missing_policy', 'different_version', 'unexpected_policy',
                               'ambiguous_match')),
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

INSERT INTO findings_rebuilt SELECT * FROM findings;

DROP TABLE findings;

ALTER TABLE findings_rebuilt RENAME TO findings;

CREATE INDEX findings_tenant_scope_idx ON findings (tenant_id, scope_key);

CREATE INDEX findings_snapshot_idx ON findings (baseline_snapshot_id);

CREATE INDEX findings_default_order_idx ON findings
    (workspace_id, status, (CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END), id);
