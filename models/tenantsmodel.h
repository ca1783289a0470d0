// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "records.h"

#include <QAbstractTableModel>

#include <optional>

namespace driftdesk {
class Database;
}

namespace driftdesk::models {

/// The tenants of a workspace with their latest inventory sync. A workspace holds hundreds of
/// tenants at most, so the model loads them all.
class TenantsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ExternalIdColumn, LatestSyncColumn, CoverageColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    TenantsModel(Database& database, qint64 workspaceId, QObject* parent = nullptr);

    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Tenant& tenant(int row) const { return m_rows.at(row).tenant; }
    const std::optional<OperationRun>& latestSync(int row) const { return m_rows.at(row).sync; }
    int rowOfTenant(qint64 tenantId) const;

private:
    struct Row
    {
        Tenant tenant;
        std::optional<OperationRun> sync;
    };

    Database& m_database;
    qint64 m_workspaceId;
    QList<Row> m_rows;
};

} // namespace driftdesk::models
