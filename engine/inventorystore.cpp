// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventorystore.h"

#include "engineerror.h"
#include "jsonconvert.h"
#include "sqlvalues.h"

namespace driftdesk {

InventoryStore::InventoryStore(Database& database, qint64 workspaceId)
    : m_database(database)
    , m_workspaceId(workspaceId)
{
}

void InventoryStore::replaceType(qint64 tenantId, const QString& policyType,
                                 const std::vector<const ExportedObject*>& objects,
                                 const QSet<QString>& ambiguousIds, qint64 syncRunId)
{
    m_database.run(QStringLiteral("DELETE FROM inventory_items WHERE workspace_id = ? "
                                  "AND tenant_id = ? AND policy_type = ?"),
                   {m_workspaceId, tenantId, policyType});

    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    QSqlQuery insert = m_database.prepare(QStringLiteral(
        "INSERT INTO inventory_items (workspace_id, tenant_id, policy_type, subject_type, "
        "subject_external_id, display_name, source_file, ambiguous, raw_jsonb, "
        "meta_contract_version, meta_hash, sync_run_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, substr(?, 2), ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ExportedObject* object : objects) {
        const QVariantList values{m_workspaceId,
                                  tenantId,
                                  policyType,
                                  object->subjectType,
                                  object->externalId,
                                  guardedTextOrNull(object->displayName),
                                  object->sourceFile,
                                  ambiguousIds.contains(object->externalId),
                                  toJsonColumn(object->raw),
                                  object->metaContractVersion,
                                  QString::fromStdString(object->metaHash),
                                  syncRunId,
                                  now,
                                  now};
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values.at(i));
        Database::exec(insert);
    }
}

std::vector<InventoryRow> InventoryStore::rows(qint64 tenantId, const QStringList& policyTypes)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT id, policy_type, subject_type, subject_external_id, %1, "
                       "source_file, ambiguous, meta_contract_version, meta_hash "
                       "FROM inventory_items WHERE workspace_id = ? AND tenant_id = ? "
                       "ORDER BY policy_type, subject_external_id, id")
            .arg(guardedColumn(QStringLiteral("display_name"))),
        {m_workspaceId, tenantId});
    std::vector<InventoryRow> result;
    while (query.next()) {
        InventoryRow row;
        row.policyType = query.value(1).toString();
        if (!policyTypes.isEmpty() && !policyTypes.contains(row.policyType))
            continue;
        row.id = query.value(0).toLongLong();
        row.subjectType = query.value(2).toString();
        row.subjectExternalId = query.value(3).toString();
        row.displayName = unguardedText(query.value(4));
        row.sourceFile = query.value(5).toString();
        row.ambiguous = query.value(6).toBool();
        row.metaContractVersion = query.value(7).toInt();
        row.metaHash = query.value(8).toString();
        result.push_back(std::move(row));
    }
    return result;
}

nlohmann::json InventoryStore::rawObject(qint64 itemId)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT raw_jsonb FROM inventory_items WHERE workspace_id = ? AND id = ?"),
        {m_workspaceId, itemId});
    if (!query.next())
        throw EngineError(QStringLiteral("inventory item %1 no longer exists").arg(itemId));
    return parseJsonColumn(query.value(0).toString());
}

QList<QPair<QString, int>> InventoryStore::countsByType(qint64 tenantId)
{
    QList<QPair<QString, int>> result;
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT policy_type, COUNT(*) FROM inventory_items WHERE workspace_id = ? "
                       "AND tenant_id = ? GROUP BY policy_type ORDER BY policy_type"),
        {m_workspaceId, tenantId});
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toInt()});
    return result;
}

} // namespace driftdesk
