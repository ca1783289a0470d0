// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventorystore.h"

#include "bulkinsert.h"
#include "chunkedquery.h"
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
    BulkInsert insert(m_database, QStringLiteral("inventory_items"),
                      {{QStringLiteral("workspace_id")},
                       {QStringLiteral("tenant_id")},
                       {QStringLiteral("policy_type")},
                       {QStringLiteral("subject_type")},
                       {QStringLiteral("subject_external_id")},
                       {QStringLiteral("display_name"), true},
                       {QStringLiteral("source_file")},
                       {QStringLiteral("ambiguous")},
                       {QStringLiteral("raw_jsonb")},
                       {QStringLiteral("meta_contract_version")},
                       {QStringLiteral("meta_hash")},
                       {QStringLiteral("sync_run_id")},
                       {QStringLiteral("created_at")},
                       {QStringLiteral("updated_at")}});
    for (const ExportedObject* object : objects) {
        const std::string raw = object->raw.dump();
        insert.addRow({m_workspaceId, tenantId, policyType, object->subjectType, object->externalId,
                       guardedTextOrNull(object->displayName), object->sourceFile,
                       ambiguousIds.contains(object->externalId),
                       QByteArray(raw.data(), static_cast<qsizetype>(raw.size())),
                       object->metaContractVersion, QString::fromStdString(object->metaHash),
                       syncRunId, now, now});
    }
    insert.finish();
}

std::vector<InventoryRow> InventoryStore::rows(qint64 tenantId, const QStringList& policyTypes,
                                               RowDetail detail)
{
    // Identity fields come as one small JSON array per row, [technologies, template id].
    QString identity = QStringLiteral("NULL");
    if (detail == RowDetail::IdentityFields) {
        identity = m_database.backend() == Backend::Sqlite
            ? QStringLiteral("json_extract(raw_jsonb, '$.technologies', "
                             "'$.templateReference.templateId')")
            : QStringLiteral("jsonb_build_array(raw_jsonb -> 'technologies', "
                             "raw_jsonb #> '{templateReference,templateId}')::text");
    }
    // Forward only: a million rows stream through instead of being held twice.
    QSqlQuery query = m_database.prepare(
        QStringLiteral("SELECT id, policy_type, subject_type, subject_external_id, %1, "
                       "source_file, ambiguous, meta_contract_version, meta_hash, %2 "
                       "FROM inventory_items WHERE workspace_id = ? AND tenant_id = ? "
                       "ORDER BY policy_type, subject_external_id, id")
            .arg(guardedColumn(QStringLiteral("display_name")), identity));
    query.setForwardOnly(true);
    query.addBindValue(m_workspaceId);
    query.addBindValue(tenantId);
    Database::exec(query);
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
        if (detail == RowDetail::IdentityFields) {
            const nlohmann::json fields = parseJsonColumn(query.value(9).toString());
            row.identityFields = nlohmann::json::object();
            if (fields.at(0).is_string())
                row.identityFields["technologies"] = fields.at(0);
            if (fields.at(1).is_string())
                row.identityFields["templateReference"] = {{"templateId", fields.at(1)}};
        }
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

std::unordered_map<qint64, nlohmann::json> InventoryStore::rawObjects(const QList<qint64>& itemIds)
{
    std::unordered_map<qint64, nlohmann::json> found;
    runChunked(m_database,
               QStringLiteral("SELECT id, raw_jsonb FROM inventory_items WHERE workspace_id = ? "
                              "AND id IN (%1)"),
               {m_workspaceId}, itemIds, [&](const QSqlQuery& query) {
                   found.emplace(query.value(0).toLongLong(),
                                 parseJsonColumn(query.value(1).toString()));
               });
    for (const qint64 id : itemIds) {
        if (found.find(id) == found.end())
            throw EngineError(QStringLiteral("inventory item %1 no longer exists").arg(id));
    }
    return found;
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
