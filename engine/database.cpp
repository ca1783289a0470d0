// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "engineerror.h"
#include "faultpoint.h"
#include "logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <libpq-fe.h>

namespace driftdesk {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("driftdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString errorText(const QSqlError& error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    return text;
}

/// Whether the PostgreSQL server ended the connection that `driver` uses.
bool connectionEnded(const QSqlDriver* driver)
{
    const QVariant handle = driver ? driver->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0)
        return false;
    PGconn* connection = *static_cast<PGconn* const*>(handle.constData());
    return connection && PQstatus(connection) == CONNECTION_BAD;
}

/// A failed statement's message; a lost connection says so first, in words for people.
QString statementError(const QSqlQuery& query, const QString& sql)
{
    const QString text = errorText(query.lastError());
    if (connectionEnded(query.driver()))
        return QStringLiteral("lost the connection to the database server; work not yet "
                              "committed was not saved: %1 (in: %2)")
            .arg(text, sql.simplified());
    return QStringLiteral("database error: %1 (in: %2)").arg(text, sql.simplified());
}

// libpq connection parameters go to QPSQL as key='value' options, quoted as libpq expects.
QString quotedOption(const QString& key, const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QStringLiteral("%1='%2'").arg(key, escaped);
}

} // namespace

Database::Database(const ConnectionSettings& settings)
    : m_settings(settings)
    , m_name(uniqueConnectionName())
{
}

Database::~Database()
{
    m_connection.close();
    m_connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::unique_ptr<Database> Database::open(const ConnectionSettings& settings, OpenMode mode)
{
    std::unique_ptr<Database> database(new Database(settings));
    QSqlDatabase& db = database->m_connection;

    if (settings.backend() == Backend::Sqlite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_name);
        const QFileInfo file(settings.sqlitePath());
        if (mode == OpenMode::Existing && !file.exists()) {
            throw EngineError(QStringLiteral("there is no DriftDesk workspace file at %1; create "
                                             "it with `driftctl migrate`")
                                  .arg(file.absoluteFilePath()));
        }
        if (!file.absoluteDir().exists() && !QDir().mkpath(file.absolutePath()))
            throw EngineError(
                QStringLiteral("cannot create the folder %1").arg(file.absolutePath()));
        // Every command records its run, and SQLite keeps its write-ahead log beside the file:
        // say so plainly rather than with SQLite's words from the middle of a statement.
        if (file.exists() && !file.isWritable())
            throw EngineError(QStringLiteral("the workspace file %1 is read-only; DriftDesk "
                                             "writes to it (every command records its run)")
                                  .arg(file.absoluteFilePath()));
        if (!QFileInfo(file.absolutePath()).isWritable())
            throw EngineError(QStringLiteral("the folder %1 is read-only; SQLite keeps the "
                                             "workspace's journal files beside %2")
                                  .arg(file.absolutePath(), file.fileName()));
        db.setDatabaseName(settings.sqlitePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), database->m_name);
        QStringList options;
        for (const auto& [key, value] : settings.postgresParameters()) {
            if (key == QLatin1String("host"))
                db.setHostName(value);
            else if (key == QLatin1String("port"))
                db.setPort(value.toInt());
            else if (key == QLatin1String("dbname"))
                db.setDatabaseName(value);
            else if (key == QLatin1String("user"))
                db.setUserName(value);
            else if (value.contains(QLatin1Char(';')))
                throw EngineError(QStringLiteral("the connection parameter %1 cannot contain "
                                                 "';'")
                                      .arg(key));
            else
                options.append(quotedOption(key, value));
        }
        db.setConnectOptions(options.join(QLatin1Char(' ')));
        if (!settings.password().isEmpty())
            db.setPassword(settings.password());
    }

    if (!db.isValid())
        throw EngineError(QStringLiteral("the Qt SQL driver for %1 is not installed")
                              .arg(settings.backend() == Backend::Sqlite
                                       ? QStringLiteral("SQLite (QSQLITE)")
                                       : QStringLiteral("PostgreSQL (QPSQL)")));
    if (!db.open())
        throw EngineError(QStringLiteral("cannot connect to %1: %2")
                              .arg(settings.displayString(), errorText(db.lastError())));

    database->configureSession();
    qCDebug(lcDatabase).noquote() << "connected to" << settings.displayString() << "as"
                                  << database->m_name << "in thread" << QThread::currentThread();
    return database;
}

void Database::configureSession()
{
    if (backend() == Backend::Sqlite) {
        // Cascading deletes and the journal mode are per connection in SQLite.
        run(QStringLiteral("PRAGMA foreign_keys = ON"));
        run(QStringLiteral("PRAGMA journal_mode = WAL"));
        run(QStringLiteral("PRAGMA synchronous = NORMAL"));
    } else {
        run(QStringLiteral("SET TIME ZONE 'UTC'"));
        // Notices ("relation already exists, skipping") are not for administrators' eyes.
        run(QStringLiteral("SET client_min_messages = warning"));
    }
}

pg_conn* Database::libpqConnection()
{
    const QVariant handle = m_connection.driver()->handle();
    // QPSQL's handle is the libpq connection; Qt 6 names its type "pg_conn*".
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0)
        throw EngineError(QStringLiteral("the PostgreSQL driver gives no libpq connection"));
    PGconn* connection = *static_cast<PGconn* const*>(handle.constData());
    if (!connection)
        throw EngineError(QStringLiteral("the PostgreSQL connection is closed"));
    return connection;
}

bool Database::reconnectIfLost()
{
    if (!m_reconnectWhenLost || backend() != Backend::PostgreSql || m_inTransaction)
        return false;
    // QPSQL closes the connection itself when a statement finds it ended, or leaves it to us.
    if (m_connection.isOpen() && !connectionEnded(m_connection.driver()))
        return false;

    // Inside a transaction the work so far is gone with the old connection, so the statement
    // must fail; outside one nothing is lost by going on with a new connection.
    qCWarning(lcDatabase).noquote()
        << "the connection to" << m_settings.displayString() << "was lost; connecting again";
    m_connection.close();
    if (!m_connection.open())
        throw EngineError(
            QStringLiteral("cannot connect to %1 again: %2")
                .arg(m_settings.displayString(), errorText(m_connection.lastError())));
    configureSession();
    return true;
}

void Database::checkConnection()
{
    if (!m_reconnectWhenLost || backend() != Backend::PostgreSql || m_inTransaction)
        return;
    QSqlQuery probe(m_connection);
    if (!probe.exec(QStringLiteral("SELECT 1")))
        reconnectIfLost();
}

QSqlQuery Database::prepare(const QString& sql)
{
    reconnectIfLost();
    QSqlQuery query(m_connection);
    if (!query.prepare(sql))
        throw EngineError(statementError(query, sql));
    return query;
}

void Database::exec(QSqlQuery& query)
{
    // Every statement is a place where a kill test may end the process.
    faultPoint();
    if (!query.exec())
        throw EngineError(statementError(query, query.lastQuery()));
}

QSqlQuery Database::run(const QString& sql, const QVariantList& values)
{
    // Without parameters the statement goes to the server as it is: PostgreSQL cannot prepare
    // statements such as BEGIN or SET.
    if (values.isEmpty()) {
        reconnectIfLost();
        faultPoint();
        QSqlQuery query(m_connection);
        if (!query.exec(sql))
            throw EngineError(statementError(query, sql));
        return query;
    }

    QSqlQuery query = prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    exec(query);
    return query;
}

QVariant Database::timestampValue(const QDateTime& time) const
{
    if (!time.isValid())
        return QVariant(backend() == Backend::Sqlite ? QMetaType(QMetaType::QString)
                                                     : QMetaType(QMetaType::QDateTime));
    if (backend() == Backend::Sqlite)
        return toRfc3339(time);
    return time.toUTC();
}

QDateTime Database::readTimestamp(const QVariant& value)
{
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.toUTC();
}

QString Database::serverVersion()
{
    QSqlQuery query = run(backend() == Backend::Sqlite ? QStringLiteral("SELECT sqlite_version()")
                                                       : QStringLiteral("SHOW server_version"));
    return query.next() ? query.value(0).toString() : QString();
}

QString Database::jsonText(const QString& column, const QString& key) const
{
    if (backend() == Backend::Sqlite)
        return QStringLiteral("json_extract(%1, '$.%2')").arg(column, key);
    return QStringLiteral("(%1->>'%2')").arg(column, key);
}

QString Database::containsText(const QString& expression) const
{
    return QStringLiteral("LOWER(COALESCE(%1, '')) LIKE ? ESCAPE '!'").arg(expression);
}

QString Database::likePattern(const QString& text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1Char('!'), QLatin1String("!!"));
    escaped.replace(QLatin1Char('%'), QLatin1String("!%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("!_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString toRfc3339(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Transaction::Transaction(Database& database)
    : m_database(database)
{
    if (database.backend() == Backend::Sqlite)
        database.run(QStringLiteral("BEGIN IMMEDIATE"));
    else
        database.run(QStringLiteral("BEGIN"));
    database.m_inTransaction = true;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    m_database.m_inTransaction = false;
    QSqlQuery rollback(m_database.connection());
    if (!rollback.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcDatabase).noquote() << "rollback failed:" << rollback.lastError().text();
}

void Transaction::commit()
{
    m_database.run(QStringLiteral("COMMIT"));
    m_open = false;
    m_database.m_inTransaction = false;
}

} // namespace driftdesk
