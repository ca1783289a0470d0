// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableviews.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScrollBar>

namespace driftdesk::views {

namespace {
constexpr int idRole = Qt::UserRole + 1; // IdRole of every DriftDesk model
}

QTableView* makeTableView(const QString& accessibleName, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionsMovable(true);
    view->setTabKeyNavigation(false);
    return view;
}

void fitColumns(QTableView* view, int maxWidth)
{
    view->resizeColumnsToContents();
    QHeaderView* header = view->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (header->sectionSize(column) > maxWidth)
            header->resizeSection(column, maxWidth);
    }
}

qint64 selectedId(const QTableView* view)
{
    if (!view->selectionModel())
        return 0;
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(idRole).toLongLong();
}

bool selectId(QTableView* view, qint64 id, bool scrollHorizontally)
{
    QAbstractItemModel* model = view->model();
    if (!model)
        return false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(idRole).toLongLong() != id)
            continue;
        const QModelIndex index = model->index(row, 0);
        const int scroll = view->horizontalScrollBar()->value();
        view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view->scrollTo(index);
        if (!scrollHorizontally)
            view->horizontalScrollBar()->setValue(scroll);
        return true;
    }
    return false;
}

} // namespace driftdesk::views
