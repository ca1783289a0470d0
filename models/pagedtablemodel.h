// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QSqlQuery>
#include <QVariant>

namespace driftdesk {
class Database;
}

namespace driftdesk::models {

/// A table model that reads its rows from SQL in pages, with keyset pagination: each page
/// continues after the sort key and id of the last row loaded, so the thousandth page costs the
/// same as the first. Sorting and filtering happen in SQL. Subclasses describe their query and
/// keep their own rows.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Roles shared by the paged models.
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the row's database id (qint64)
        SortValueRole, ///< the value the column sorts by
    };

    explicit PagedTableModel(Database& database, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    /// Sets the order, and reloads if rows were loaded; before the first reload() it only sets
    /// the order the first page will have.
    void sort(int column, Qt::SortOrder order) override;

    /// Drops the loaded rows and loads the first page again (after a filter change, say). Until
    /// the first call the model is empty and reads nothing.
    void reload();

    /// How many rows the current filter matches in all, counted in SQL.
    qint64 totalCount() const;

    /// The ids of every row the current filter matches, in the current order (for exports).
    QList<qint64> orderedIds() const;

    /// The statement that reads the first page (`afterLoadedRows` false) or the page after the
    /// rows loaded, with its bound values appended to `values` (so that its plan can be shown).
    QString pageQuery(bool afterLoadedRows, QVariantList* values) const;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    void setPageSize(int rows) { m_pageSize = rows; }

Q_SIGNALS:
    void reloaded();
    void queryFailed(const QString& message);

protected:
    /// "FROM ... [JOIN ...]", with the alias of the table whose "id" orders ties.
    virtual QString fromClause() const = 0;

    /// The FROM clause for counting: without joins that only serve display, when the filters
    /// do not need them.
    virtual QString countFromClause() const { return fromClause(); }
    virtual QString idColumn() const = 0;

    /// The columns to select, in the order readRow() reads them.
    virtual QString selectList() const = 0;

    /// Conditions (" AND ...") with their bound values appended to `values`.
    virtual QString filterClause(QVariantList* values) const = 0;

    /// A non-null SQL expression that orders rows by `column`.
    virtual QString sortExpression(int column) const = 0;

    /// How many values selectList() selects.
    virtual int fieldCount() const = 0;

    /// Field `field` (in selectList() order) of loaded row `row`.
    QVariant field(int row, int field) const { return m_rows.at(row).at(field); }
    qint64 rowId(int row) const { return m_ids.at(row); }
    QVariant sortValue(int row) const { return m_keys.at(row); }

    Database& database() const { return m_database; }

    /// The order before the first sort() call.
    void setInitialSort(int column, Qt::SortOrder order)
    {
        m_sortColumn = column;
        m_sortOrder = order;
    }

private:
    struct Page
    {
        QList<QVariantList> rows;
        QList<qint64> ids;
        QVariantList keys;
    };

    /// Reads the page after the last row loaded; false after reporting a query failure.
    bool readPage(Page* page);
    void readRows(const QString& sql, const QVariantList& values, Page* page);
    void append(Page&& page);

    QList<QVariantList> m_rows;
    QList<qint64> m_ids;
    QVariantList m_keys;
    Database& m_database;
    int m_pageSize = 200;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_loaded = false;
    bool m_complete = false;
    QVariant m_lastKey;
    qint64 m_lastId = 0;
    bool m_fetching = false;
};

} // namespace driftdesk::models
