// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "exportreader.h"

#include <QList>
#include <QSet>

#include <unordered_map>
#include <vector>

namespace driftdesk {

/// One stored inventory item without its raw object.
struct InventoryRow
{
    qint64 id = 0;
    QString policyType;
    QString subjectType;
    QString subjectExternalId;
    QString displayName;
    QString sourceFile;
    bool ambiguous = false;
    int metaContractVersion = 0;
    QString metaHash;
    /// With rows(..., RowDetail::IdentityFields): the raw object's templateReference.templateId
    /// and technologies, where they are strings (all that identity matching reads of it).
    nlohmann::json identityFields;
};

enum class RowDetail { Plain, IdentityFields };

/// A tenant's current inventory: the raw exported objects, with their contract hashes.
class InventoryStore
{
public:
    InventoryStore(Database& database, qint64 workspaceId);

    /// Replaces the tenant's items of one type. Objects whose id appears in `ambiguousIds` are
    /// stored marked ambiguous. Call inside a transaction.
    void replaceType(qint64 tenantId, const QString& policyType,
                     const std::vector<const ExportedObject*>& objects,
                     const QSet<QString>& ambiguousIds, qint64 syncRunId);

    /// The tenant's items of these types (every type when empty), ordered by type and id.
    std::vector<InventoryRow> rows(qint64 tenantId, const QStringList& policyTypes = {},
                                   RowDetail detail = RowDetail::Plain);

    /// The raw exported object of one item.
    nlohmann::json rawObject(qint64 itemId);

    /// The raw exported objects of these items by id, read a few hundred per statement; throws
    /// EngineError naming an item that no longer exists.
    std::unordered_map<qint64, nlohmann::json> rawObjects(const QList<qint64>& itemIds);

    /// Item counts per policy type.
    QList<QPair<QString, int>> countsByType(qint64 tenantId);

private:
    Database& m_database;
    qint64 m_workspaceId;
};

} // namespace driftdesk
