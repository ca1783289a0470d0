// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagedtablemodel.h"

namespace driftdesk::models {

/// The items of one baseline snapshot, read in pages, filterable by policy type and text.
class SnapshotItemsModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { PolicyTypeColumn, SubjectColumn, DisplayNameColumn, HashColumn, ColumnCount };

    SnapshotItemsModel(Database& database, qint64 workspaceId, QObject* parent = nullptr);

    /// Shows the items of this snapshot (none for 0).
    void setSnapshot(qint64 snapshotId);
    void setFilter(const QString& policyType, const QString& text);
    qint64 snapshotId() const { return m_snapshotId; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString fromClause() const override;
    QString idColumn() const override;
    QString selectList() const override;
    int fieldCount() const override;
    QString filterClause(QVariantList* values) const override;
    QString sortExpression(int column) const override;

private:
    qint64 m_workspaceId;
    qint64 m_snapshotId = 0;
    QString m_policyType;
    QString m_text;
};

} // namespace driftdesk::models
