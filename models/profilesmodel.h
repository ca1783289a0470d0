// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "records.h"

#include <QAbstractTableModel>

namespace driftdesk {
class Database;
}

namespace driftdesk::models {

/// The baseline profiles of a workspace with their active snapshot and assigned tenants.
class ProfilesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        VersionColumn,
        StatusColumn,
        SnapshotColumn,
        TenantsColumn,
        ScopeColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1 };

    ProfilesModel(Database& database, qint64 workspaceId, QObject* parent = nullptr);

    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const BaselineProfile& profile(int row) const { return m_rows.at(row).profile; }
    const QStringList& assignedTenants(int row) const { return m_rows.at(row).tenants; }
    int rowOfProfile(qint64 profileId) const;

    /// "All policy types; no foundation types", or the names of the chosen types.
    static QString describeScope(const nlohmann::json& scope);

private:
    struct Row
    {
        BaselineProfile profile;
        QStringList tenants;
    };

    Database& m_database;
    qint64 m_workspaceId;
    QList<Row> m_rows;
};

} // namespace driftdesk::models
