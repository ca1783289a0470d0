// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingstore.h"

#include "bulkinsert.h"
#include "chunkedquery.h"
#include "engineerror.h"
#include "jsonconvert.h"
#include "sqlvalues.h"

#include <QHash>

namespace driftdesk {

namespace {

const QString findingColumns = QStringLiteral(
    "id, workspace_id, tenant_id, baseline_profile_id, baseline_snapshot_id, policy_type, "
    "subject_type, subject_external_id, ('~' || display_name), change_type, severity, status, "
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
    finding.displayName = unguardedText(query.value(8)); // see guardedTextOrNull()
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
    if (!filter.text.isEmpty()) {
        where.sql += QStringLiteral(" AND (")
            + m_database.containsText(QStringLiteral("display_name")) + QStringLiteral(" OR ")
            + m_database.containsText(QStringLiteral("subject_external_id")) + QStringLiteral(")");
        where.values << Database::likePattern(filter.text) << Database::likePattern(filter.text);
    }

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

QList<Finding> FindingStore::byIds(const QList<qint64>& ids)
{
    QHash<qint64, Finding> found;
    runChunked(m_database,
               QStringLiteral("SELECT ") + findingColumns
                   + QStringLiteral(" FROM findings WHERE workspace_id = ? AND id IN (%1)"),
               {m_workspaceId}, ids, [&](const QSqlQuery& query) {
                   Finding finding = readFinding(query);
                   found.insert(finding.id, std::move(finding));
               });
    QList<Finding> ordered;
    ordered.reserve(found.size());
    for (const qint64 id : ids) {
        const auto it = found.constFind(id);
        if (it != found.constEnd())
            ordered.append(*it);
    }
    return ordered;
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
                       "VALUES (?, ?, ?, ?, ?, ?, ?, substr(?, 2), ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?) "
                       "RETURNING id"),
        {m_workspaceId,
         finding.tenantId,
         finding.baselineProfileId,
         finding.baselineSnapshotId,
         finding.policyType,
         finding.subjectType,
         finding.subjectExternalId,
         guardedTextOrNull(finding.displayName),
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

void FindingStore::insertMany(const std::vector<Finding>& findings)
{
    BulkInsert insert(m_database, QStringLiteral("findings"),
                      {{QStringLiteral("workspace_id")},
                       {QStringLiteral("tenant_id")},
                       {QStringLiteral("baseline_profile_id")},
                       {QStringLiteral("baseline_snapshot_id")},
                       {QStringLiteral("policy_type")},
                       {QStringLiteral("subject_type")},
                       {QStringLiteral("subject_external_id")},
                       {QStringLiteral("display_name"), true},
                       {QStringLiteral("change_type")},
                       {QStringLiteral("severity")},
                       {QStringLiteral("status")},
                       {QStringLiteral("fingerprint")},
                       {QStringLiteral("recurrence_key")},
                       {QStringLiteral("scope_key")},
                       {QStringLiteral("first_seen_at")},
                       {QStringLiteral("last_seen_at")},
                       {QStringLiteral("times_seen")},
                       {QStringLiteral("evidence")},
                       {QStringLiteral("created_at")},
                       {QStringLiteral("updated_at")}});
    for (const Finding& finding : findings) {
        const std::string evidence = finding.evidence.dump();
        insert.addRow({m_workspaceId,
                       finding.tenantId,
                       finding.baselineProfileId,
                       finding.baselineSnapshotId,
                       finding.policyType,
                       finding.subjectType,
                       finding.subjectExternalId,
                       guardedTextOrNull(finding.displayName),
                       finding.changeType,
                       finding.severity,
                       finding.status,
                       finding.fingerprint,
                       textOrNull(finding.recurrenceKey),
                       finding.scopeKey,
                       m_database.timestampValue(finding.firstSeenAt),
                       m_database.timestampValue(finding.lastSeenAt),
                       finding.timesSeen,
                       QByteArray(evidence.data(), static_cast<qsizetype>(evidence.size())),
                       m_database.timestampValue(finding.firstSeenAt),
                       m_database.timestampValue(finding.lastSeenAt)});
    }
    insert.finish();
}

void FindingStore::markSeenMany(const std::vector<SeenFinding>& seen, const QDateTime& seenAt)
{
    // Each finding's name and evidence travel inside one JSON document per chunk, which the
    // database unpacks: one statement per finding made a second compare mostly round trips.
    // Inside JSON a name keeps a leading U+FEFF without the guard of guardedTextOrNull().
    const QString rows = m_database.backend() == Backend::Sqlite
        ? QStringLiteral("(SELECT json_extract(value, '$.id') AS id, "
                         "json_extract(value, '$.display_name') AS display_name, "
                         "json_extract(value, '$.evidence') AS evidence FROM json_each(?)) AS v")
        : QStringLiteral("jsonb_to_recordset(CAST(? AS jsonb)) "
                         "AS v(id bigint, display_name text, evidence jsonb)");
    const QString sql
        = QStringLiteral("UPDATE findings SET times_seen = times_seen + 1, last_seen_at = ?, "
                         "display_name = v.display_name, evidence = v.evidence, updated_at = ?, "
                         "resolved_at = CASE WHEN status = ? THEN NULL ELSE resolved_at END, "
                         "resolved_reason = CASE WHEN status = ? THEN NULL "
                         "ELSE resolved_reason END, "
                         "status = CASE WHEN status = ? THEN ? ELSE status END "
                         "FROM %1 WHERE findings.workspace_id = ? AND findings.id = v.id")
              .arg(rows);
    const QVariant when = m_database.timestampValue(seenAt);
    constexpr std::size_t chunk = 200;
    for (std::size_t start = 0; start < seen.size(); start += chunk) {
        nlohmann::json document = nlohmann::json::array();
        for (std::size_t index = start; index < std::min(seen.size(), start + chunk); ++index) {
            const SeenFinding& finding = seen[index];
            document.push_back({{"id", finding.id},
                                {"display_name",
                                 finding.displayName.isEmpty()
                                     ? nlohmann::json()
                                     : nlohmann::json(finding.displayName.toStdString())},
                                {"evidence", finding.evidence}});
        }
        m_database.run(sql,
                       {when, when, FindingStatus::resolved, FindingStatus::resolved,
                        FindingStatus::resolved, FindingStatus::open, toJsonColumn(document),
                        m_workspaceId});
    }
}

void FindingStore::markResolved(qint64 id, const QDateTime& resolvedAt, const QString& reason)
{
    const QVariant when = m_database.timestampValue(resolvedAt);
    m_database.run(
        QStringLiteral("UPDATE findings SET status = ?, resolved_at = ?, "
                       "resolved_reason = ?, updated_at = ? "
                       "WHERE workspace_id = ? AND id = ? AND status <> ?"),
        {FindingStatus::resolved, when, reason, when, m_workspaceId, id, FindingStatus::resolved});
}

QList<Finding> FindingStore::lockForCompare(qint64 tenantId, qint64 profileId)
{
    if (m_database.backend() == Backend::Sqlite)
        return forTenantProfile(tenantId, profileId);

    // A transaction-scoped advisory lock on the (tenant, profile) pair serialises compares of
    // it, including their inserts of new findings; row locks hold off acknowledgements.
    m_database.run(QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended("
                                  "'driftdesk.compare:' || ? || ':' || ?, 0))"),
                   {QString::number(tenantId), QString::number(profileId)});
    QList<Finding> result;
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT ") + findingColumns
            + QStringLiteral(" FROM findings WHERE workspace_id = ? AND tenant_id = ? "
                             "AND baseline_profile_id = ? ORDER BY id FOR UPDATE"),
        {m_workspaceId, tenantId, profileId});
    while (query.next())
        result.append(readFinding(query));
    return result;
}

void FindingStore::acknowledge(qint64 id, const QString& user, const QString& note)
{
    const auto finding = byId(id);
    if (finding && finding->status == FindingStatus::acknowledged) {
        throw EngineError(QStringLiteral("finding %1 is already acknowledged (by %2 at %3)")
                              .arg(QString::number(id), finding->acknowledgedBy,
                                   toRfc3339(finding->acknowledgedAt)));
    }
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
        QStringLiteral("UPDATE findings SET status = ?, updated_at = ?, acknowledged_at = NULL, "
                       "acknowledged_by = NULL, acknowledgement_note = NULL "
                       "WHERE workspace_id = ? AND id = ? AND status = ?"),
        {FindingStatus::open, m_database.timestampValue(QDateTime::currentDateTimeUtc()),
         m_workspaceId, id, FindingStatus::acknowledged});
    if (query.numRowsAffected() != 1)
        throw EngineError(QStringLiteral("finding %1 is not acknowledged").arg(id));
}

} // namespace driftdesk
