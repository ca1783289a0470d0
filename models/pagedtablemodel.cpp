// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagedtablemodel.h"

#include "database.h"
#include "engineerror.h"

namespace driftdesk::models {

PagedTableModel::PagedTableModel(Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{
}

bool PagedTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_loaded && !m_complete;
}

void PagedTableModel::fetchMore(const QModelIndex& parent)
{
    // Views may ask for more while rows are being inserted; one page at a time.
    if (parent.isValid() || !m_loaded || m_complete || m_fetching)
        return;
    m_fetching = true;
    Page page;
    if (readPage(&page) && !page.rows.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(page.rows.size()) - 1);
        append(std::move(page));
        endInsertRows();
    }
    m_fetching = false;
}

void PagedTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // Before the first load a view's sort only sets the order: a page that applies its filters
    // next must not first read (and sort) every row the empty filter matches.
    if (m_loaded)
        reload();
}

void PagedTableModel::reload()
{
    // The first page loads inside the reset, so views see the new rows with it.
    m_fetching = true;
    m_loaded = true;
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    m_keys.clear();
    m_complete = false;
    m_lastKey = QVariant();
    m_lastId = 0;
    Page page;
    if (readPage(&page))
        append(std::move(page));
    endResetModel();
    m_fetching = false;
    Q_EMIT reloaded();
}

qint64 PagedTableModel::totalCount() const
{
    QVariantList values;
    const QString filter = filterClause(&values);
    try {
        QSqlQuery query = m_database.run(QStringLiteral("SELECT COUNT(*) ") + countFromClause()
                                             + QStringLiteral(" WHERE TRUE") + filter,
                                         values);
        return query.next() ? query.value(0).toLongLong() : 0;
    } catch (const EngineError&) {
        return 0;
    }
}

QList<qint64> PagedTableModel::orderedIds() const
{
    QVariantList values;
    const QString key = sortExpression(m_sortColumn);
    const QString direction
        = m_sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QSqlQuery query = m_database.prepare(
        QStringLiteral("SELECT ") + idColumn() + QLatin1Char(' ') + fromClause()
        + QStringLiteral(" WHERE TRUE") + filterClause(&values) + QStringLiteral(" ORDER BY ") + key
        + direction + QStringLiteral(", ") + idColumn() + direction);
    query.setForwardOnly(true);
    for (const QVariant& value : values)
        query.addBindValue(value);
    Database::exec(query);
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

QString PagedTableModel::pageQuery(bool afterLoadedRows, QVariantList* values) const
{
    const QString key = sortExpression(m_sortColumn);
    const bool ascending = m_sortOrder == Qt::AscendingOrder;

    QString sql = QStringLiteral("SELECT ") + selectList() + QStringLiteral(", ") + key
        + QStringLiteral(" AS sort_key, ") + idColumn() + QStringLiteral(" AS row_id ")
        + fromClause() + QStringLiteral(" WHERE TRUE") + filterClause(values);

    // Continue after the last row loaded: rows are ordered by (sort key, id), a total order.
    if (afterLoadedRows && m_lastId != 0) {
        sql += QStringLiteral(" AND (%1, %2) %3 (?, ?)")
                   .arg(key, idColumn(), ascending ? QStringLiteral(">") : QStringLiteral("<"));
        *values << m_lastKey << m_lastId;
    }
    const QString direction = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    sql += QStringLiteral(" ORDER BY ") + key + direction + QStringLiteral(", ") + idColumn()
        + direction + QStringLiteral(" LIMIT ?");
    *values << m_pageSize;
    return sql;
}

bool PagedTableModel::readPage(Page* page)
{
    QVariantList values;
    const QString sql = pageQuery(true, &values);

    // The read that finds a lost connection fails; when the connection could be opened again,
    // the same read is tried once more on it.
    for (int attempt = 0;; ++attempt) {
        try {
            readRows(sql, values, page);
            break;
        } catch (const EngineError& error) {
            page->rows.clear();
            page->keys.clear();
            page->ids.clear();
            if (attempt == 0 && m_database.reconnectIfLost())
                continue;
            m_complete = true;
            Q_EMIT queryFailed(error.message());
            return false;
        }
    }
    m_complete = page->rows.size() < m_pageSize;
    return true;
}

void PagedTableModel::readRows(const QString& sql, const QVariantList& values, Page* page)
{
    QSqlQuery query = m_database.prepare(sql);
    query.setForwardOnly(true);
    for (const QVariant& value : values)
        query.addBindValue(value);
    Database::exec(query);
    const int fields = fieldCount();
    while (query.next()) {
        QVariantList row;
        row.reserve(fields);
        for (int i = 0; i < fields; ++i)
            row.append(query.value(i));
        page->rows.append(row);
        page->keys.append(query.value(fields));
        page->ids.append(query.value(fields + 1).toLongLong());
    }
}

void PagedTableModel::append(Page&& page)
{
    if (page.rows.isEmpty())
        return;
    m_lastKey = page.keys.last();
    m_lastId = page.ids.last();
    m_rows += page.rows;
    m_ids += page.ids;
    m_keys += page.keys;
}

int PagedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

} // namespace driftdesk::models
