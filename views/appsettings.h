// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace driftdesk {
class ConnectionSettings;
}

namespace driftdesk::views {

/// Where the application connects: a local workspace file or a PostgreSQL server. Holds no
/// password: that lives in the operating system's keychain.
struct ConnectionChoice
{
    enum class Kind { LocalFile, Server };

    Kind kind = Kind::LocalFile;
    QString filePath; ///< empty: the default workspace file
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode = QStringLiteral("prefer");

    /// The database URL the engine reads (never with a password).
    QString url() const;

    /// The keychain entry of the password for a server connection.
    QString keychainKey() const;

    /// The choice that connects as `settings` does (to show the current connection).
    static ConnectionChoice fromSettings(const ConnectionSettings& settings);
};

/// The application's remembered settings, each with its default in one place. Stored through
/// QSettings (the platform's usual place); never a password.
class AppSettings
{
public:
    AppSettings();

    ConnectionChoice connection() const;
    void setConnection(const ConnectionChoice& choice);

    QString workspace() const;
    void setWorkspace(const QString& name);

    /// Opaque state blobs of widgets: window geometry, splitters, table headers.
    QByteArray state(const QString& key) const;
    void setState(const QString& key, const QByteArray& state);

private:
    QSettings m_settings;
};

} // namespace driftdesk::views
