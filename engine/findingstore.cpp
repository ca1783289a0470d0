// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingstore.h"

#include "engineerror.h"
#include "jsonconvert.h"
#include "sqlvalues.h"

namespace driftdesk {

namespace {

const QString findingColumns = QStringLiteral(
    "id, workspace_id, tenant_id, baseline_profile_id, baseline_snapshot_id, policy_type, "
    "subject_type, subject_external_id, display_name, change_type, severity, status, "
    "fingerprint, recurrence_key, scope_key, first_seen_at, last_seen_at, times_seen, "
    "resolved_at, resolved_reason, acknowledged_at, acknowledged_by, acknowledgement_note, "
    "evidence");

Finding readFinding(const QSqlQuery& query)
{
    Finding finding;
    finding.id = query.value(0).toLongLong();
    finding.workspaceId = query.value(1).toLongLong();
    finding.tenantId = query.value(2).toLongLong();
    finding.baselineProfileId = query.value(3).toLongLong();
    finding.baselineSnapshotId = query.value(4).toLongLong();
    finding.policyType = query.value(5).toString();
    finding.subjectType = query.value(6).toString();
    finding.subjectExternalId = query.value(7).toString();
    finding.displayName = query.value(8).toString();
    finding.changeType = query.value(9).toString();
    finding.severity = query.value(10).toString();
    finding.status = query.value(11).toString();
    finding.fingerprint = query.value(12).toString();
    finding.recurrenceKey = query.value(13).toString();
    finding.scopeKey = query.value(14).toString();
    finding.firstSeenAt = Database::readTimestamp(query.value(15));
    finding.lastSeenAt = Database::readTimestamp(query.value(16));
    finding.timesSeen = query.value(17).toInt();
    finding.resolvedAt = Database::readTimestamp(query.value(18));
    finding.resolvedReason = query.value(19).toString();
    finding.acknowledgedAt = Database::readTimestamp(query.value(20));
    finding.acknowledgedBy = query.value(21).toString();
    finding.acknowledgementNote = query.value(22).toString();
    finding.evidence = parseJsonColumn(query.value(23).toString());
    return finding;
}

} // namespace

FindingStore::FindingStore(Database& database, qint64 workspaceId)
    : m_database(database)
    , m_workspaceId(workspaceId)
{
}

QList<Finding> FindingStore::list(const FindingFilter& filter)
{
    SqlConditions where;
    where.add("workspace_id", m_workspaceId);
    where.addIf(filter.tenantId.has_value(), "tenant_id", filter.tenantId.value_or(0));
    where.addIf(filter.profileId.has_value(), "baseline_profile_id", filter.profileId.value_or(0));
    where.addIf(!filter.status.isEmpty(), "status", filter.status);
    where.addIf(!filter.changeType.isEmpty(), "change_type", filter.changeType);
    where.addIf(!filter.policyType.isEmpty(), "policy_type", filter.policyType);

    QList<Finding> result;
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT ") + findingColumns + QStringLiteral(" FROM findings WHERE TRUE")
            + where.sql
            + QStringLiteral(" ORDER BY tenant_id, baseline_profile_id, policy_type, "
                             "subject_external_id, change_type, id"),
        where.values);
    while (query.next())
        result.append(readFinding(query));
    return result;
}

std::optional<Finding> FindingStore::byId(qint64 id)
{
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + findingColumns
                                         + QStringLiteral(" FROM findings "
                                                          "WHERE workspace_id = ? AND id = ?"),
                                     {m_workspaceId, id});
    if (!query.next())
        return std::nullopt;
    return readFinding(query);
}

QList<Finding> FindingStore::forTenantProfile(qint64 tenantId, qint64 profileId)
{
    FindingFilter filter;
    filter.tenantId = tenantId;
    filter.profileId = profileId;
    return list(filter);
}

qint64 FindingStore::insert(const Finding& finding)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("INSERT INTO findings (workspace_id, tenant_id, baseline_profile_id, "
                       "baseline_snapshot_id, policy_type, subject_type, subject_external_id, "
                       "display_name, change_type, severity, status, fingerprint, "
                       "recurrence_key, scope_key, first_seen_at, last_seen_at, times_seen, "
                       "evidence, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "RETURNING id"),
        {m_workspaceId,
         finding.tenantId,
         finding.baselineProfileId,
         finding.baselineSnapshotId,
         finding.policyType,
         finding.subjectType,
         finding.subjectExternalId,
         textOrNull(finding.displayName),
         finding.changeType,
         finding.severity,
         finding.status,
         finding.fingerprint,
         textOrNull(finding.recurrenceKey),
         finding.scopeKey,
         m_database.timestampValue(finding.firstSeenAt),
         m_database.timestampValue(finding.lastSeenAt),
         finding.timesSeen,
         toJsonColumn(finding.evidence),
         m_database.timestampValue(finding.firstSeenAt),
         m_database.timestampValue(finding.lastSeenAt)});
    query.next();
    return query.value(0).toLongLong();
}

void FindingStore::updateLifecycle(const Finding& finding)
{
    m_database.run(
        QStringLiteral("UPDATE findings SET display_name = ?, status = ?, last_seen_at = ?, "
                       "times_seen = ?, resolved_at = ?, resolved_reason = ?, evidence = ?, "
                       "updated_at = ? WHERE workspace_id = ? AND id = ?"),
        {textOrNull(finding.displayName), finding.status,
         m_database.timestampValue(finding.lastSeenAt), finding.timesSeen,
         m_database.timestampValue(finding.resolvedAt), textOrNull(finding.resolvedReason),
         toJsonColumn(finding.evidence), m_database.timestampValue(QDateTime::currentDateTimeUtc()),
         m_workspaceId, finding.id});
}

void FindingStore::acknowledge(qint64 id, const QString& user, const QString& note)
{
    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    QSqlQuery query = m_database.run(
        QStringLiteral("UPDATE findings SET status = ?, acknowledged_at = ?, acknowledged_by = ?, "
                       "acknowledgement_note = ?, updated_at = ? "
                       "WHERE workspace_id = ? AND id = ? AND status <> ?"),
        {FindingStatus::acknowledged, now, textOrNull(user), textOrNull(note), now, m_workspaceId,
         id, FindingStatus::resolved});
    if (query.numRowsAffected() != 1)
        throw EngineError(QStringLiteral("finding %1 does not exist or is resolved").arg(id));
}

void FindingStore::reopen(qint64 id)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("UPDATE findings SET status = ?, updated_at = ? "
                       "WHERE workspace_id = ? AND id = ? AND status = ?"),
        {FindingStatus::open, m_database.timestampValue(QDateTime::currentDateTimeUtc()),
         m_workspaceId, id, FindingStatus::acknowledged});
    if (query.numRowsAffected() != 1)
        throw EngineError(QStringLiteral("finding %1 is not acknowledged").arg(id));
}

} // namespace driftdesk
