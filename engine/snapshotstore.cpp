// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotstore.h"

#include "chunkedquery.h"
#include "engineerror.h"
#include "jsonconvert.h"
#include "sqlvalues.h"

namespace driftdesk {

namespace {

const QString snapshotColumns = QStringLiteral(
    "id, workspace_id, baseline_profile_id, snapshot_identity_hash, captured_at, summary_jsonb, "
    "source_tenant_id, capture_run_id");

BaselineSnapshot readSnapshot(const QSqlQuery& query)
{
    BaselineSnapshot snapshot;
    snapshot.id = query.value(0).toLongLong();
    snapshot.workspaceId = query.value(1).toLongLong();
    snapshot.baselineProfileId = query.value(2).toLongLong();
    snapshot.identityHash = query.value(3).toString();
    snapshot.capturedAt = Database::readTimestamp(query.value(4));
    snapshot.summary = parseJsonColumn(query.value(5).toString());
    snapshot.sourceTenantId = optionalId(query.value(6));
    snapshot.captureRunId = optionalId(query.value(7));
    return snapshot;
}

} // namespace

SnapshotStore::SnapshotStore(Database& database, qint64 workspaceId)
    : m_database(database)
    , m_workspaceId(workspaceId)
{
}

std::optional<BaselineSnapshot> SnapshotStore::byId(qint64 id)
{
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + snapshotColumns
                                         + QStringLiteral(" FROM baseline_snapshots "
                                                          "WHERE workspace_id = ? AND id = ?"),
                                     {m_workspaceId, id});
    if (!query.next())
        return std::nullopt;
    return readSnapshot(query);
}

std::optional<BaselineSnapshot> SnapshotStore::byIdentity(qint64 profileId,
                                                          const QString& identityHash)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT ") + snapshotColumns
            + QStringLiteral(" FROM baseline_snapshots WHERE workspace_id = ? "
                             "AND baseline_profile_id = ? AND snapshot_identity_hash = ?"),
        {m_workspaceId, profileId, identityHash});
    if (!query.next())
        return std::nullopt;
    return readSnapshot(query);
}

QList<BaselineSnapshot> SnapshotStore::listForProfile(qint64 profileId)
{
    QList<BaselineSnapshot> result;
    QSqlQuery query
        = m_database.run(QStringLiteral("SELECT ") + snapshotColumns
                             + QStringLiteral(" FROM baseline_snapshots WHERE workspace_id = ? "
                                              "AND baseline_profile_id = ? ORDER BY id DESC"),
                         {m_workspaceId, profileId});
    while (query.next())
        result.append(readSnapshot(query));
    return result;
}

qint64 SnapshotStore::insert(const BaselineSnapshot& snapshot,
                             const std::vector<BaselineSnapshotItem>& items)
{
    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    QSqlQuery query = m_database.run(
        QStringLiteral("INSERT INTO baseline_snapshots (workspace_id, baseline_profile_id, "
                       "snapshot_identity_hash, captured_at, summary_jsonb, source_tenant_id, "
                       "capture_run_id, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {m_workspaceId, snapshot.baselineProfileId, snapshot.identityHash,
         m_database.timestampValue(snapshot.capturedAt), toJsonColumn(snapshot.summary),
         idValue(snapshot.sourceTenantId), idValue(snapshot.captureRunId), now, now});
    query.next();
    const qint64 snapshotId = query.value(0).toLongLong();

    QSqlQuery insertItem = m_database.prepare(QStringLiteral(
        "INSERT INTO baseline_snapshot_items (baseline_snapshot_id, subject_type, "
        "subject_external_id, policy_type, baseline_hash, meta_jsonb, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const BaselineSnapshotItem& item : items) {
        const QVariantList values{snapshotId,
                                  item.subjectType,
                                  item.subjectExternalId,
                                  item.policyType,
                                  item.baselineHash,
                                  toJsonColumn(item.meta),
                                  now,
                                  now};
        for (int i = 0; i < values.size(); ++i)
            insertItem.bindValue(i, values.at(i));
        Database::exec(insertItem);
    }
    return snapshotId;
}

namespace {

// Items carry no workspace column; the snapshot join keeps reads inside the workspace.
const QString itemQuery = QStringLiteral(
    "SELECT i.id, i.baseline_snapshot_id, i.subject_type, i.subject_external_id, i.policy_type, "
    "i.baseline_hash, i.meta_jsonb FROM baseline_snapshot_items i "
    "JOIN baseline_snapshots s ON s.id = i.baseline_snapshot_id WHERE s.workspace_id = ? ");

BaselineSnapshotItem readItem(const QSqlQuery& query)
{
    BaselineSnapshotItem item;
    item.id = query.value(0).toLongLong();
    item.snapshotId = query.value(1).toLongLong();
    item.subjectType = query.value(2).toString();
    item.subjectExternalId = query.value(3).toString();
    item.policyType = query.value(4).toString();
    item.baselineHash = query.value(5).toString();
    item.meta = parseJsonColumn(query.value(6).toString());
    return item;
}

} // namespace

std::vector<BaselineSnapshotItem> SnapshotStore::items(qint64 snapshotId)
{
    QSqlQuery query
        = m_database.run(itemQuery
                             + QStringLiteral("AND i.baseline_snapshot_id = ? "
                                              "ORDER BY i.policy_type, i.subject_external_id"),
                         {m_workspaceId, snapshotId});
    std::vector<BaselineSnapshotItem> result;
    while (query.next())
        result.push_back(readItem(query));
    return result;
}

std::vector<BaselineSnapshotItem> SnapshotStore::itemHeads(qint64 snapshotId)
{
    // One small JSON array per item, [version, display name, template id, technologies],
    // instead of the whole payload.
    const QString heads = m_database.backend() == Backend::Sqlite
        ? QStringLiteral(
            "json_extract(i.meta_jsonb, '$.meta_contract.version', "
            "'$.display_name', '$.meta_contract.payload.templateReference.templateId', "
            "'$.meta_contract.payload.technologies')")
        : QStringLiteral("jsonb_build_array(i.meta_jsonb #> '{meta_contract,version}', "
                         "i.meta_jsonb -> 'display_name', "
                         "i.meta_jsonb #> '{meta_contract,payload,templateReference,templateId}', "
                         "i.meta_jsonb #> '{meta_contract,payload,technologies}')::text");
    QSqlQuery query = m_database.prepare(
        QStringLiteral("SELECT i.id, i.baseline_snapshot_id, i.subject_type, "
                       "i.subject_external_id, i.policy_type, i.baseline_hash, %1 "
                       "FROM baseline_snapshot_items i "
                       "JOIN baseline_snapshots s ON s.id = i.baseline_snapshot_id "
                       "WHERE s.workspace_id = ? AND i.baseline_snapshot_id = ? "
                       "ORDER BY i.policy_type, i.subject_external_id")
            .arg(heads));
    query.setForwardOnly(true);
    query.addBindValue(m_workspaceId);
    query.addBindValue(snapshotId);
    Database::exec(query);

    std::vector<BaselineSnapshotItem> result;
    while (query.next()) {
        BaselineSnapshotItem item;
        item.id = query.value(0).toLongLong();
        item.snapshotId = query.value(1).toLongLong();
        item.subjectType = query.value(2).toString();
        item.subjectExternalId = query.value(3).toString();
        item.policyType = query.value(4).toString();
        item.baselineHash = query.value(5).toString();
        const nlohmann::json head = parseJsonColumn(query.value(6).toString());
        nlohmann::json payload = nlohmann::json::object();
        if (head.at(2).is_string())
            payload["templateReference"] = {{"templateId", head.at(2)}};
        if (head.at(3).is_string())
            payload["technologies"] = head.at(3);
        item.meta = {{"meta_contract", {{"version", head.at(0)}, {"payload", payload}}}};
        if (!head.at(1).is_null())
            item.meta["display_name"] = head.at(1);
        result.push_back(std::move(item));
    }
    return result;
}

std::optional<BaselineSnapshotItem> SnapshotStore::item(qint64 itemId)
{
    QSqlQuery query
        = m_database.run(itemQuery + QStringLiteral("AND i.id = ?"), {m_workspaceId, itemId});
    if (!query.next())
        return std::nullopt;
    return readItem(query);
}

std::unordered_map<qint64, BaselineSnapshotItem> SnapshotStore::itemsById(
    const QList<qint64>& itemIds)
{
    std::unordered_map<qint64, BaselineSnapshotItem> found;
    runChunked(m_database, itemQuery + QStringLiteral("AND i.id IN (%1)"), {m_workspaceId}, itemIds,
               [&](const QSqlQuery& query) {
                   BaselineSnapshotItem item = readItem(query);
                   found.emplace(item.id, std::move(item));
               });
    for (const qint64 id : itemIds) {
        if (found.find(id) == found.end())
            throw EngineError(QStringLiteral("baseline snapshot item %1 no longer exists").arg(id));
    }
    return found;
}

int SnapshotStore::itemCount(qint64 snapshotId)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT COUNT(*) FROM baseline_snapshot_items i "
                       "JOIN baseline_snapshots s ON s.id = i.baseline_snapshot_id "
                       "WHERE s.workspace_id = ? AND i.baseline_snapshot_id = ?"),
        {m_workspaceId, snapshotId});
    return query.next() ? query.value(0).toInt() : 0;
}

} // namespace driftdesk
