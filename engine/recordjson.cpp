// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordjson.h"

#include "database.h"

namespace driftdesk {

namespace {

nlohmann::ordered_json time(const QDateTime& value)
{
    if (!value.isValid())
        return nullptr;
    return toRfc3339(value).toStdString();
}

nlohmann::ordered_json text(const QString& value)
{
    if (value.isEmpty())
        return nullptr;
    return value.toStdString();
}

nlohmann::ordered_json id(const std::optional<qint64>& value)
{
    if (!value)
        return nullptr;
    return *value;
}

} // namespace

nlohmann::ordered_json toJson(const Workspace& workspace)
{
    return {{"id", workspace.id},
            {"name", workspace.name.toStdString()},
            {"created_at", time(workspace.createdAt)}};
}

nlohmann::ordered_json toJson(const WorkspaceMember& member)
{
    return {{"role_name", member.roleName.toStdString()},
            {"granted_at", time(member.grantedAt)},
            {"granted_by", text(member.grantedBy)}};
}

nlohmann::ordered_json toJson(const Tenant& tenant)
{
    return {{"id", tenant.id},
            {"workspace_id", tenant.workspaceId},
            {"name", tenant.name.toStdString()},
            {"external_id", text(tenant.externalId)},
            {"created_at", time(tenant.createdAt)},
            {"updated_at", time(tenant.updatedAt)}};
}

nlohmann::ordered_json toJson(const BaselineProfile& profile)
{
    return {{"id", profile.id},
            {"workspace_id", profile.workspaceId},
            {"name", profile.name.toStdString()},
            {"description", profile.description.toStdString()},
            {"version_label", profile.versionLabel.toStdString()},
            {"status", profile.status.toStdString()},
            {"scope_jsonb", profile.scope},
            {"matching_mode", profile.matchingMode.toStdString()},
            {"version_suffix_pattern", profile.versionSuffixPattern.toStdString()},
            {"active_snapshot_id", id(profile.activeSnapshotId)},
            {"created_by_user_id", text(profile.createdByUserId)},
            {"created_at", time(profile.createdAt)},
            {"updated_at", time(profile.updatedAt)}};
}

nlohmann::ordered_json toJson(const OperationRun& run)
{
    return {{"id", run.id},
            {"workspace_id", run.workspaceId},
            {"tenant_id", id(run.tenantId)},
            {"baseline_profile_id", id(run.baselineProfileId)},
            {"type", run.type.toStdString()},
            {"status", run.status.toStdString()},
            {"outcome", text(run.outcome)},
            {"summary_counts", run.summaryCounts},
            {"context", run.context},
            {"initiated_by", text(run.initiatedBy)},
            {"created_at", time(run.createdAt)},
            {"started_at", time(run.startedAt)},
            {"completed_at", time(run.completedAt)}};
}

nlohmann::ordered_json toJson(const Finding& finding)
{
    return {{"id", finding.id},
            {"tenant_id", finding.tenantId},
            {"baseline_profile_id", finding.baselineProfileId},
            {"baseline_snapshot_id", finding.baselineSnapshotId},
            {"policy_type", finding.policyType.toStdString()},
            {"subject_type", finding.subjectType.toStdString()},
            {"subject_external_id", finding.subjectExternalId.toStdString()},
            {"display_name", text(finding.displayName)},
            {"change_type", finding.changeType.toStdString()},
            {"severity", finding.severity.toStdString()},
            {"status", finding.status.toStdString()},
            {"fingerprint", finding.fingerprint.toStdString()},
            {"recurrence_key", text(finding.recurrenceKey)},
            {"scope_key", finding.scopeKey.toStdString()},
            {"first_seen_at", time(finding.firstSeenAt)},
            {"last_seen_at", time(finding.lastSeenAt)},
            {"times_seen", finding.timesSeen},
            {"resolved_at", time(finding.resolvedAt)},
            {"resolved_reason", text(finding.resolvedReason)},
            {"acknowledged_at", time(finding.acknowledgedAt)},
            {"acknowledged_by", text(finding.acknowledgedBy)},
            {"acknowledgement_note", text(finding.acknowledgementNote)},
            {"evidence", finding.evidence}};
}

nlohmann::ordered_json toJson(const BaselineSnapshot& snapshot)
{
    return {{"id", snapshot.id},
            {"workspace_id", snapshot.workspaceId},
            {"baseline_profile_id", snapshot.baselineProfileId},
            {"snapshot_identity_hash", snapshot.identityHash.toStdString()},
            {"captured_at", time(snapshot.capturedAt)},
            {"summary_jsonb", snapshot.summary},
            {"source_tenant_id", id(snapshot.sourceTenantId)},
            {"capture_run_id", id(snapshot.captureRunId)}};
}

nlohmann::ordered_json toJson(const RunResult& result)
{
    return {{"id", result.runId ? nlohmann::ordered_json(result.runId) : nullptr},
            {"type", result.type.toStdString()},
            {"status", result.runId ? "completed" : nullptr},
            {"outcome", result.outcome.toStdString()},
            {"tenant_id", id(result.tenantId)},
            {"baseline_profile_id", id(result.profileId)},
            {"summary_counts", result.summaryCounts},
            {"context", result.context},
            {"message", result.message.toStdString()}};
}

} // namespace driftdesk
