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

ALTER TABLE findings DROP CONSTRAINT findings_change_type_check;

ALTER TABLE findings ADD CONSTRAINT findings_change_type_check
    CHECK (change_type IN ('missing_policy', 'different_version', 'unexpected_policy',
                           'ambiguous_match'));
