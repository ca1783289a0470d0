-- SPDX-License-Identifier: GPL-3.0-or-later
-- The findings table opens on the open findings of a workspace, most severe first. This index
-- serves that order directly, so the first page of a million findings comes in a millisecond
-- instead of a full sort. The expression must stay identical to the one the findings model
-- sorts by (models/findingsmodel.cpp).

CREATE INDEX findings_default_order_idx ON findings
    (workspace_id, status, (CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END), id);
