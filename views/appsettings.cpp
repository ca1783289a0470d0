// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include "connectionsettings.h"

#include <QUrl>

namespace driftdesk::views {

namespace {

namespace Key {
const QString kind = QStringLiteral("connection/kind");
const QString filePath = QStringLiteral("connection/file");
const QString host = QStringLiteral("connection/host");
const QString port = QStringLiteral("connection/port");
const QString database = QStringLiteral("connection/database");
const QString user = QStringLiteral("connection/user");
const QString sslMode = QStringLiteral("connection/sslmode");
const QString workspace = QStringLiteral("workspace/name");
} // namespace Key

QString encoded(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

QString ConnectionChoice::url() const
{
    if (kind == Kind::LocalFile) {
        return QStringLiteral("sqlite:")
            + (filePath.isEmpty() ? ConnectionSettings::defaultSqlitePath() : filePath);
    }
    QStringList query{QStringLiteral("sslmode=") + encoded(sslMode)};
    if (host.startsWith(QLatin1Char('/')))
        query.prepend(QStringLiteral("host=") + encoded(host));
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += encoded(user) + QLatin1Char('@');
    if (!host.startsWith(QLatin1Char('/')))
        text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']')
                                                : encoded(host);
    text += QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + encoded(database);
    return text + QLatin1Char('?') + query.join(QLatin1Char('&'));
}

QString ConnectionChoice::keychainKey() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(user, host, QString::number(port), database);
}

ConnectionChoice ConnectionChoice::fromSettings(const ConnectionSettings& settings)
{
    ConnectionChoice choice;
    if (settings.backend() == Backend::Sqlite) {
        choice.kind = Kind::LocalFile;
        if (settings.sqlitePath() != ConnectionSettings::defaultSqlitePath())
            choice.filePath = settings.sqlitePath();
        return choice;
    }
    choice.kind = Kind::Server;
    choice.host = settings.postgresParameter(QStringLiteral("host"));
    const QString port = settings.postgresParameter(QStringLiteral("port"));
    choice.port = port.isEmpty() ? 5432 : port.toInt();
    choice.database = settings.postgresParameter(QStringLiteral("dbname"));
    choice.user = settings.postgresParameter(QStringLiteral("user"));
    const QString sslMode = settings.postgresParameter(QStringLiteral("sslmode"));
    if (!sslMode.isEmpty())
        choice.sslMode = sslMode;
    return choice;
}

AppSettings::AppSettings() = default;

ConnectionChoice AppSettings::connection() const
{
    ConnectionChoice choice;
    choice.kind = m_settings.value(Key::kind).toString() == QLatin1String("server")
        ? ConnectionChoice::Kind::Server
        : ConnectionChoice::Kind::LocalFile;
    choice.filePath = m_settings.value(Key::filePath).toString();
    choice.host = m_settings.value(Key::host).toString();
    choice.port = m_settings.value(Key::port, 5432).toInt();
    choice.database = m_settings.value(Key::database).toString();
    choice.user = m_settings.value(Key::user).toString();
    choice.sslMode = m_settings.value(Key::sslMode, QStringLiteral("prefer")).toString();
    return choice;
}

void AppSettings::setConnection(const ConnectionChoice& choice)
{
    m_settings.setValue(Key::kind,
                        choice.kind == ConnectionChoice::Kind::Server ? QStringLiteral("server")
                                                                      : QStringLiteral("file"));
    m_settings.setValue(Key::filePath, choice.filePath);
    m_settings.setValue(Key::host, choice.host);
    m_settings.setValue(Key::port, choice.port);
    m_settings.setValue(Key::database, choice.database);
    m_settings.setValue(Key::user, choice.user);
    m_settings.setValue(Key::sslMode, choice.sslMode);
}

QString AppSettings::workspace() const
{
    return m_settings.value(Key::workspace, QStringLiteral("default")).toString();
}

void AppSettings::setWorkspace(const QString& name)
{
    m_settings.setValue(Key::workspace, name);
}

QByteArray AppSettings::state(const QString& key) const
{
    return m_settings.value(QStringLiteral("state/") + key).toByteArray();
}

void AppSettings::setState(const QString& key, const QByteArray& state)
{
    m_settings.setValue(QStringLiteral("state/") + key, state);
}

} // namespace driftdesk::views
