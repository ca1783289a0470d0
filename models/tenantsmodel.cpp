// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantsmodel.h"

#include "coverage.h"
#include "database.h"
#include "runstore.h"
#include "tenantstore.h"
#include "vocabulary.h"

namespace driftdesk::models {

TenantsModel::TenantsModel(Database& database, qint64 workspaceId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_workspaceId(workspaceId)
{
    reload();
}

void TenantsModel::reload()
{
    QList<Row> rows;
    RunStore runs(m_database, m_workspaceId);
    for (Tenant& tenant : TenantStore(m_database, m_workspaceId).list()) {
        auto sync = runs.latestInventorySync(tenant.id);
        rows.append({std::move(tenant), std::move(sync)});
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int TenantsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TenantsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TenantsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Tenant");
    case ExternalIdColumn:
        return tr("Tenant id");
    case LatestSyncColumn:
        return tr("Latest inventory sync");
    case CoverageColumn:
        return tr("Coverage");
    }
    return {};
}

QVariant TenantsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == IdRole)
        return row.tenant.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};

    switch (index.column()) {
    case NameColumn:
        return row.tenant.name;
    case ExternalIdColumn:
        return row.tenant.externalId;
    case LatestSyncColumn:
        if (!row.sync)
            return tr("never");
        return tr("%1, %2 (run %3)")
            .arg(row.sync->completedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 displayWord(row.sync->outcome), QString::number(row.sync->id));
    case CoverageColumn: {
        if (!row.sync)
            return QString();
        const Coverage coverage = Coverage::fromRunContext(row.sync->context);
        int succeeded = 0;
        for (const QString& type : coverage.types())
            succeeded += coverage.succeeded(type) ? 1 : 0;
        return tr("%1 of %2 types succeeded").arg(succeeded).arg(coverage.types().size());
    }
    }
    return {};
}

int TenantsModel::rowOfTenant(qint64 tenantId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (m_rows.at(row).tenant.id == tenantId)
            return row;
    }
    return -1;
}

} // namespace driftdesk::models
