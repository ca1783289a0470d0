// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkinsert.h"

#include "engineerror.h"
#include "faultpoint.h"
#include "logging.h"

#include <QDateTime>
#include <QSqlDriver>

#include <libpq-fe.h>

namespace driftdesk {

namespace {

// About 64 KiB per PQputCopyData call moved rows fastest here.
constexpr qsizetype copyChunkBytes = 64 * 1024;

PGconn* libpqConnection(Database& database)
{
    const QVariant handle = database.connection().driver()->handle();
    // QPSQL's handle is the libpq connection; Qt 6 names its type "pg_conn*".
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0)
        throw EngineError(QStringLiteral("the PostgreSQL driver gives no libpq connection"));
    PGconn* connection = *static_cast<PGconn* const*>(handle.constData());
    if (!connection)
        throw EngineError(QStringLiteral("the PostgreSQL connection is closed"));
    return connection;
}

QString libpqError(PGconn* connection)
{
    return QString::fromUtf8(PQerrorMessage(connection)).trimmed();
}

/// Appends text in COPY's text format: backslash, tab and line ends escaped.
void appendEscaped(QByteArray* out, const char* data, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        switch (c) {
        case '\\':
            out->append("\\\\", 2);
            break;
        case '\t':
            out->append("\\t", 2);
            break;
        case '\n':
            out->append("\\n", 2);
            break;
        case '\r':
            out->append("\\r", 2);
            break;
        default:
            out->append(c);
        }
    }
}

void appendCopyValue(QByteArray* out, const QVariant& value, bool guarded)
{
    if (value.isNull()) {
        out->append("\\N", 2);
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        out->append(value.toBool() ? 't' : 'f');
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out->append(QByteArray::number(value.toLongLong()));
        return;
    case QMetaType::QDateTime: {
        const QByteArray text = toRfc3339(value.toDateTime()).toLatin1();
        out->append(text);
        return;
    }
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        appendEscaped(out, bytes.constData(), bytes.size());
        return;
    }
    default: {
        // COPY sends UTF-8 as it is, so a guard character is only dropped, never needed.
        QString text = value.toString();
        if (guarded)
            text.remove(0, 1);
        const QByteArray bytes = text.toUtf8();
        appendEscaped(out, bytes.constData(), bytes.size());
    }
    }
}

QString stagingTable(const QString& table)
{
    return QStringLiteral("driftdesk_staging_") + table;
}

} // namespace

BulkInsert::BulkInsert(Database& database, const QString& table, const QList<BulkColumn>& columns)
    : m_database(database)
    , m_table(table)
    , m_columns(columns)
{
    if (database.backend() == Backend::Sqlite) {
        QStringList names;
        QStringList marks;
        for (const BulkColumn& column : columns) {
            names.append(column.name);
            marks.append(column.guarded ? QStringLiteral("substr(?, 2)") : QStringLiteral("?"));
        }
        m_insert = database.prepare(
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(table, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    }
}

BulkInsert::~BulkInsert()
{
    if (!m_copying)
        return;
    // Unwinding after an error: end the COPY so that the connection can roll back.
    try {
        PGconn* connection = libpqConnection(m_database);
        PQputCopyEnd(connection, "abandoned");
        while (PGresult* result = PQgetResult(connection))
            PQclear(result);
    } catch (const EngineError& error) {
        qCWarning(lcDatabase).noquote() << "cannot end an abandoned COPY:" << error.message();
    }
}

void BulkInsert::addRow(const QVariantList& values)
{
    Q_ASSERT(values.size() == m_columns.size());
    if (m_database.backend() == Backend::Sqlite) {
        for (int i = 0; i < values.size(); ++i) {
            const QVariant& value = values.at(i);
            // SQLite's JSON functions read text, not blobs.
            m_insert.bindValue(i,
                               value.metaType().id() == QMetaType::QByteArray
                                   ? QVariant(QString::fromUtf8(value.toByteArray()))
                                   : value);
        }
        Database::exec(m_insert);
        ++m_written;
        return;
    }

    for (int i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_chunk.append('\t');
        appendCopyValue(&m_chunk, values.at(i), m_columns.at(i).guarded);
    }
    m_chunk.append('\n');
    ++m_pending;
    if (m_chunk.size() >= copyChunkBytes)
        flushChunk();
}

void BulkInsert::flushChunk()
{
    PGconn* connection = libpqConnection(m_database);
    if (!m_copying) {
        QStringList names;
        for (const BulkColumn& column : m_columns)
            names.append(column.name);
        const QString columnList = names.join(QStringLiteral(", "));
        const QString staging = stagingTable(m_table);
        // A temporary table per connection; its rows last until the transaction ends.
        m_database.run(QStringLiteral("CREATE TEMPORARY TABLE IF NOT EXISTS %1 ON COMMIT DELETE "
                                      "ROWS AS SELECT %2 FROM %3 WITH NO DATA")
                           .arg(staging, columnList, m_table));
        faultPoint();
        const QByteArray copy
            = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(staging, columnList).toUtf8();
        PGresult* result = PQexec(connection, copy.constData());
        const bool started = PQresultStatus(result) == PGRES_COPY_IN;
        PQclear(result);
        if (!started)
            throw EngineError(QStringLiteral("database error: %1 (while copying rows into %2)")
                                  .arg(libpqError(connection), m_table));
        m_copying = true;
    }
    if (m_chunk.isEmpty())
        return;
    faultPoint();
    if (PQputCopyData(connection, m_chunk.constData(), static_cast<int>(m_chunk.size())) != 1)
        throw EngineError(QStringLiteral("database error: %1 (while copying rows into %2)")
                              .arg(libpqError(connection), m_table));
    m_chunk.clear();
}

void BulkInsert::finish()
{
    if (m_database.backend() == Backend::Sqlite || m_pending == 0)
        return;
    flushChunk();

    PGconn* connection = libpqConnection(m_database);
    m_copying = false;
    faultPoint();
    if (PQputCopyEnd(connection, nullptr) != 1)
        throw EngineError(QStringLiteral("database error: %1 (while copying rows into %2)")
                              .arg(libpqError(connection), m_table));
    QString error;
    while (PGresult* result = PQgetResult(connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && error.isEmpty())
            error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
    }
    if (!error.isEmpty())
        throw EngineError(
            QStringLiteral("database error: %1 (while copying rows into %2)").arg(error, m_table));

    QStringList names;
    for (const BulkColumn& column : m_columns)
        names.append(column.name);
    const QString columnList = names.join(QStringLiteral(", "));
    m_database.run(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3")
                       .arg(m_table, columnList, stagingTable(m_table)));
    m_database.run(QStringLiteral("TRUNCATE %1").arg(stagingTable(m_table)));
    qCDebug(lcDatabase).noquote() << "copied" << m_pending << "rows into" << m_table;
    m_written += m_pending;
    m_pending = 0;
}

} // namespace driftdesk
