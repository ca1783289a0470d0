// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

namespace driftdesk {

/// A column written by BulkInsert.
struct BulkColumn
{
    QString name;
    /// The value is bound guarded (see guardedTextOrNull()) and unguarded in SQL.
    bool guarded = false;
};

/// Inserts many rows into one table inside the caller's transaction, as fast as the backend
/// allows. On PostgreSQL the rows go through the QPSQL connection's own libpq handle with COPY
/// into a temporary table, in chunks of about 64 KiB, and move into the table with one INSERT
/// ... SELECT, so that triggers, constraints and row-level security policies see an ordinary
/// insert (COPY FROM itself is refused on tables with row-level security). On SQLite each row
/// is one execution of a prepared INSERT. Every chunk or statement sent is a fault point, and
/// nothing is visible before the caller commits.
class BulkInsert
{
public:
    BulkInsert(Database& database, const QString& table, const QList<BulkColumn>& columns);
    ~BulkInsert();
    BulkInsert(const BulkInsert&) = delete;
    BulkInsert& operator=(const BulkInsert&) = delete;

    /// One row, values in the order of the columns. A QByteArray is UTF-8 text (JSON, say);
    /// a null QVariant is NULL.
    void addRow(const QVariantList& values);

    /// Writes what is buffered; throws EngineError naming the table on failure. Rows added
    /// after it start a new batch.
    void finish();

    /// Rows written by finish() so far.
    qint64 rowsWritten() const { return m_written; }

private:
    void flushChunk();
    void copyIntoTable();

    Database& m_database;
    QString m_table;
    QList<BulkColumn> m_columns;
    QSqlQuery m_insert; ///< SQLite
    QByteArray m_chunk; ///< PostgreSQL: COPY text not yet sent
    bool m_copying = false;
    qint64 m_pending = 0;
    qint64 m_written = 0;
};

} // namespace driftdesk
