// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilesmodel.h"

#include "baselinescope.h"
#include "database.h"
#include "profilestore.h"
#include "tenantstore.h"
#include "vocabulary.h"

#include <QHash>

namespace driftdesk::models {

ProfilesModel::ProfilesModel(Database& database, qint64 workspaceId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_workspaceId(workspaceId)
{
    reload();
}

void ProfilesModel::reload()
{
    QHash<qint64, QString> tenantNames;
    for (const Tenant& tenant : TenantStore(m_database, m_workspaceId).list())
        tenantNames.insert(tenant.id, tenant.name);

    QList<Row> rows;
    ProfileStore profiles(m_database, m_workspaceId);
    for (BaselineProfile& profile : profiles.list()) {
        QStringList tenants;
        for (const qint64 id : profiles.assignedTenantIds(profile.id))
            tenants.append(tenantNames.value(id));
        tenants.sort(Qt::CaseInsensitive);
        rows.append({std::move(profile), tenants});
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ProfilesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProfilesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Profile");
    case VersionColumn:
        return tr("Version");
    case StatusColumn:
        return tr("Status");
    case SnapshotColumn:
        return tr("Active snapshot");
    case TenantsColumn:
        return tr("Assigned tenants");
    case ScopeColumn:
        return tr("Scope");
    }
    return {};
}

QVariant ProfilesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == IdRole)
        return row.profile.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};

    switch (index.column()) {
    case NameColumn:
        return row.profile.name;
    case VersionColumn:
        return row.profile.versionLabel;
    case StatusColumn:
        return displayWord(row.profile.status);
    case SnapshotColumn:
        return row.profile.activeSnapshotId ? QString::number(*row.profile.activeSnapshotId)
                                            : tr("none");
    case TenantsColumn:
        return row.tenants.join(QStringLiteral(", "));
    case ScopeColumn:
        return describeScope(row.profile.scope);
    }
    return {};
}

int ProfilesModel::rowOfProfile(qint64 profileId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (m_rows.at(row).profile.id == profileId)
            return row;
    }
    return -1;
}

QString ProfilesModel::describeScope(const nlohmann::json& scope)
{
    QString error;
    const auto& registry = PolicyTypeRegistry::builtIn();
    const auto parsed = BaselineScope::fromJson(scope, registry, &error);
    if (!parsed)
        return tr("invalid scope: %1").arg(error);
    const auto labels = [&](const QStringList& keys) {
        QStringList result;
        for (const QString& key : keys) {
            const PolicyTypeInfo* info = registry.find(key);
            result.append(info ? policyTypeLabel(*info) : key);
        }
        return result.join(QStringLiteral(", "));
    };
    const QString policies
        = parsed->policyTypes().isEmpty() ? tr("All policy types") : labels(parsed->policyTypes());
    const QString foundations = parsed->foundationTypes().isEmpty()
        ? tr("no foundation types")
        : labels(parsed->foundationTypes());
    return tr("%1; %2").arg(policies, foundations);
}

} // namespace driftdesk::models
