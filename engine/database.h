// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

struct pg_conn;

namespace driftdesk {

/// One open connection to a DriftDesk database, owned by the thread that opened it (Qt's SQL
/// connections must not cross threads). Closing it removes the connection.
class Database
{
public:
    enum class OpenMode {
        Existing, ///< a SQLite file must exist already
        CreateIfMissing, ///< a missing SQLite file (and its folder) is created
    };

    /// Opens a new connection; throws EngineError with the driver's message on failure.
    static std::unique_ptr<Database> open(const ConnectionSettings& settings,
                                          OpenMode mode = OpenMode::Existing);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Backend backend() const { return m_settings.backend(); }
    const ConnectionSettings& settings() const { return m_settings; }
    QSqlDatabase& connection() { return m_connection; }

    /// The libpq connection under QPSQL; throws EngineError on SQLite or when it is closed.
    pg_conn* libpqConnection();

    /// Whether prepare() and run() first open the connection again when the PostgreSQL server
    /// ended it (a restart, say) and no transaction is open, so that the statement after the
    /// one that found the connection lost goes to a new one. Off by default: an operation holds
    /// session locks that a new connection would not have, so it must fail instead.
    void setReconnectWhenLost(bool reconnect) { m_reconnectWhenLost = reconnect; }

    /// Reconnects as described above, if enabled and needed; returns whether it did.
    bool reconnectIfLost();

    /// With reconnection enabled, asks the server whether the connection still works (libpq
    /// only learns that it was ended when it next uses it) and reconnects if not; throws
    /// EngineError when the server cannot be reached. For a reload after a pause.
    void checkConnection();

    /// Prepares a statement with positional ? parameters; throws EngineError on failure.
    QSqlQuery prepare(const QString& sql);

    /// Executes a prepared statement; throws EngineError naming the statement on failure.
    static void exec(QSqlQuery& query);

    /// Prepares, binds and executes in one step.
    QSqlQuery run(const QString& sql, const QVariantList& values = {});

    /// A timestamp as the backend stores it: timestamptz on PostgreSQL, RFC 3339 text in UTC on
    /// SQLite (so text order is time order).
    QVariant timestampValue(const QDateTime& time) const;
    static QDateTime readTimestamp(const QVariant& value);

    /// The server's version, for diagnostics.
    QString serverVersion();

    /// SQL that reads a top-level text member of a JSON column: `column->>'key'` on PostgreSQL,
    /// json_extract() on SQLite. `column` and `key` are program constants, never input.
    QString jsonText(const QString& column, const QString& key) const;

    /// SQL for a case-insensitive "contains" test of `expression` against one bound parameter,
    /// bound with likePattern(); % and _ in the text match themselves.
    QString containsText(const QString& expression) const;
    static QString likePattern(const QString& text);

private:
    friend class Transaction;

    explicit Database(const ConnectionSettings& settings);
    void configureSession();

    ConnectionSettings m_settings;
    QString m_name;
    QSqlDatabase m_connection;
    bool m_inTransaction = false;
    bool m_reconnectWhenLost = false;
};

/// RFC 3339 text in UTC with milliseconds, as DriftDesk prints and stores times.
QString toRfc3339(const QDateTime& time);

/// A write transaction, rolled back unless committed. On SQLite it takes the write lock at once
/// (BEGIN IMMEDIATE), so two writers queue instead of failing halfway.
class Transaction
{
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& m_database;
    bool m_open = true;
};

} // namespace driftdesk
