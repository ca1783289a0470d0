// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotitemsmodel.h"

#include "database.h"
#include "sqlvalues.h"

namespace driftdesk::models {

SnapshotItemsModel::SnapshotItemsModel(Database& database, qint64 workspaceId, QObject* parent)
    : PagedTableModel(database, parent)
    , m_workspaceId(workspaceId)
{
}

void SnapshotItemsModel::setSnapshot(qint64 snapshotId)
{
    m_snapshotId = snapshotId;
    reload();
}

void SnapshotItemsModel::setFilter(const QString& policyType, const QString& text)
{
    m_policyType = policyType;
    m_text = text;
    reload();
}

int SnapshotItemsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SnapshotItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PolicyTypeColumn:
        return tr("Policy type");
    case SubjectColumn:
        return tr("Subject");
    case DisplayNameColumn:
        return tr("Display name");
    case HashColumn:
        return tr("Hash");
    }
    return {};
}

QVariant SnapshotItemsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role == IdRole)
        return rowId(index.row());
    if (role == SortValueRole)
        return index.column() == sortColumn() ? sortValue(index.row()) : QVariant();
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        const QVariant value = field(index.row(), index.column());
        return index.column() == DisplayNameColumn ? unguardedText(value) : value.toString();
    }
    return {};
}

QString SnapshotItemsModel::fromClause() const
{
    // The snapshot join keeps the items inside the workspace.
    return QStringLiteral("FROM baseline_snapshot_items i "
                          "JOIN baseline_snapshots s ON s.id = i.baseline_snapshot_id");
}

QString SnapshotItemsModel::idColumn() const
{
    return QStringLiteral("i.id");
}

QString SnapshotItemsModel::selectList() const
{
    return QStringLiteral("i.policy_type, i.subject_external_id, %1, i.baseline_hash")
        .arg(sortExpression(DisplayNameColumn));
}

int SnapshotItemsModel::fieldCount() const
{
    return ColumnCount;
}

QString SnapshotItemsModel::filterClause(QVariantList* values) const
{
    QString sql = QStringLiteral(" AND s.workspace_id = ? AND i.baseline_snapshot_id = ?");
    values->append(m_workspaceId);
    values->append(m_snapshotId);
    if (!m_policyType.isEmpty()) {
        sql += QStringLiteral(" AND i.policy_type = ?");
        values->append(m_policyType);
    }
    if (!m_text.isEmpty()) {
        const QString name
            = database().jsonText(QStringLiteral("i.meta_jsonb"), QStringLiteral("display_name"));
        sql += QStringLiteral(" AND (") + database().containsText(name) + QStringLiteral(" OR ")
            + database().containsText(QStringLiteral("i.subject_external_id"))
            + QStringLiteral(")");
        values->append(Database::likePattern(m_text));
        values->append(Database::likePattern(m_text));
    }
    return sql;
}

QString SnapshotItemsModel::sortExpression(int column) const
{
    switch (column) {
    case PolicyTypeColumn:
        return QStringLiteral("i.policy_type");
    case SubjectColumn:
        return QStringLiteral("i.subject_external_id");
    case DisplayNameColumn:
        // Guarded, so a display name that begins with U+FEFF keeps it (see guardedTextOrNull()).
        return guardedColumn(QStringLiteral("COALESCE(%1, '')")
                                 .arg(database().jsonText(QStringLiteral("i.meta_jsonb"),
                                                          QStringLiteral("display_name"))));
    case HashColumn:
        return QStringLiteral("i.baseline_hash");
    }
    return QStringLiteral("i.id");
}

} // namespace driftdesk::models
