// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace driftdesk {

/// The stable identity of a baseline-compare finding: lowercase hex SHA-256 of the UTF-8 text
/// "tenant_id|baseline_snapshot_id|policy_type|subject_external_id|change_type". The finding's
/// fingerprint is the same value.
QString findingRecurrenceKey(qint64 tenantId, qint64 snapshotId, const QString& policyType,
                             const QString& subjectExternalId, const QString& changeType);

/// The grouping of a baseline-compare finding: "baseline_profile:{id}".
QString findingScopeKey(qint64 profileId);

/// The documented default severity of a change type, for types the registry gives none:
/// missing_policy high, different_version medium, unexpected_policy low, ambiguous_match medium.
QString defaultSeverity(const QString& changeType);

} // namespace driftdesk
