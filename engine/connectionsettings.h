// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace driftdesk {

enum class Backend { PostgreSql, Sqlite };

/// Where a DriftDesk database lives: a PostgreSQL server named by a libpq URI, or a SQLite
/// file. A URL never carries a password: libpq takes it from PGPASSWORD or ~/.pgpass, or the
/// desktop application sets one it read from the keychain. That password stays in memory: no
/// form of the settings (URL, display string) includes it.
class ConnectionSettings
{
public:
    /// Parses "postgresql://user@host:port/db?sslmode=..." (a socket folder as host=/path) or
    /// "sqlite:/path/file.db". Throws EngineError for other forms, and for a URI that carries a
    /// password, without repeating it.
    static ConnectionSettings fromUrl(const QString& url);

    /// The embedded default: a SQLite workspace file in the application-data folder.
    static ConnectionSettings embeddedDefault();

    /// The file the embedded default uses.
    static QString defaultSqlitePath();

    Backend backend() const { return m_backend; }
    QString sqlitePath() const { return m_sqlitePath; }

    /// libpq connection parameters other than the password, in the URI's order.
    const QList<QPair<QString, QString>>& postgresParameters() const { return m_parameters; }
    QString postgresParameter(const QString& key) const;

    /// A form safe to show people and write to logs.
    QString displayString() const;

    /// A URL that fromUrl() reads back into these settings (it never holds a password).
    QString toUrl() const;

    /// A copy with one libpq parameter set, e.g. another dbname on the same server.
    ConnectionSettings withPostgresParameter(const QString& key, const QString& value) const;

    void setPassword(const QString& password) { m_password = password; }
    const QString& password() const { return m_password; }

private:
    Backend m_backend = Backend::Sqlite;
    QString m_sqlitePath;
    QList<QPair<QString, QString>> m_parameters;
    QString m_password;
};

} // namespace driftdesk
