// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagedtablemodel.h"

namespace driftdesk::models {

/// Operation runs of one workspace, newest first, read in pages.
class RunsModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        TypeColumn,
        OutcomeColumn,
        TenantColumn,
        ProfileColumn,
        StartedColumn,
        DurationColumn,
        ColumnCount
    };

    RunsModel(Database& database, qint64 workspaceId, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "Inventory sync", "Baseline capture", "Baseline compare" for a run type.
    static QString typeLabel(const QString& type);

    /// The row showing run `runId`, or -1 when it is not loaded.
    int rowOfRun(qint64 runId) const;

protected:
    QString fromClause() const override;
    QString idColumn() const override;
    QString selectList() const override;
    int fieldCount() const override;
    QString filterClause(QVariantList* values) const override;
    QString sortExpression(int column) const override;

private:
    qint64 m_workspaceId;
};

} // namespace driftdesk::models
