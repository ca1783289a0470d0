// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionsettings.h"

#include "engineerror.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

#include <libpq-fe.h>

#include <memory>

namespace driftdesk {

namespace {

/// The URL with any password (or client key passphrase) replaced by "***", for messages about
/// a URL that failed to parse.
QString redactedUrl(QString url)
{
    static const QRegularExpression userPassword(QStringLiteral("^([A-Za-z]+://[^:@/?#]*):[^@]*@"));
    static const QRegularExpression passwordParameter(
        QStringLiteral("([?&](?:ssl)?password=)[^&]*"));
    url.replace(userPassword, QStringLiteral("\\1:***@"));
    url.replace(passwordParameter, QStringLiteral("\\1***"));
    return url;
}

} // namespace

ConnectionSettings ConnectionSettings::fromUrl(const QString& url)
{
    ConnectionSettings settings;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        QString path = url.mid(7);
        // Accept "sqlite:///abs/path" as well as "sqlite:/abs/path" and "sqlite:relative".
        if (path.startsWith(QLatin1String("//")))
            path.remove(0, 2);
        if (path.isEmpty())
            throw EngineError(QStringLiteral("the SQLite URL names no file"));
        settings.m_backend = Backend::Sqlite;
        settings.m_sqlitePath = QDir::cleanPath(QDir::current().absoluteFilePath(path));
        return settings;
    }

    if (!url.startsWith(QLatin1String("postgresql://"))
        && !url.startsWith(QLatin1String("postgres://"))) {
        throw EngineError(QStringLiteral("unsupported database URL: use postgresql://... or "
                                         "sqlite:/path/file.db"));
    }

    // libpq's own parser reads the URI exactly as libpq will.
    char* parseError = nullptr;
    const QByteArray utf8 = url.toUtf8();
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
        PQconninfoParse(utf8.constData(), &parseError), &PQconninfoFree);
    if (!options) {
        QString message = parseError ? QString::fromUtf8(parseError).trimmed()
                                     : QStringLiteral("out of memory");
        PQfreemem(parseError);
        // libpq quotes the URI in its message, password and all.
        message.replace(url, redactedUrl(url));
        throw EngineError(QStringLiteral("invalid PostgreSQL URI: %1").arg(message));
    }

    settings.m_backend = Backend::PostgreSql;
    for (PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString key = QString::fromUtf8(option->keyword);
        if (key == QLatin1String("password")) {
            throw EngineError(QStringLiteral(
                "the database URL contains a password; give it through PGPASSWORD or "
                "~/.pgpass instead"));
        }
        // A client key's passphrase is a secret as well, and URLs end up in settings files.
        if (key == QLatin1String("sslpassword")) {
            throw EngineError(QStringLiteral(
                "the database URL contains sslpassword, a secret; use a client key without a "
                "passphrase, readable only by you"));
        }
        settings.m_parameters.append({key, QString::fromUtf8(option->val)});
    }
    return settings;
}

QString ConnectionSettings::defaultSqlitePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("workspace.db"));
}

ConnectionSettings ConnectionSettings::embeddedDefault()
{
    ConnectionSettings settings;
    settings.m_backend = Backend::Sqlite;
    settings.m_sqlitePath = defaultSqlitePath();
    return settings;
}

QString ConnectionSettings::postgresParameter(const QString& key) const
{
    for (const auto& [name, value] : m_parameters) {
        if (name == key)
            return value;
    }
    return {};
}

QString ConnectionSettings::displayString() const
{
    if (m_backend == Backend::Sqlite)
        return QStringLiteral("sqlite:%1").arg(m_sqlitePath);

    const QString user = postgresParameter(QStringLiteral("user"));
    const QString host = postgresParameter(QStringLiteral("host"));
    const QString port = postgresParameter(QStringLiteral("port"));
    const QString database = postgresParameter(QStringLiteral("dbname"));
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += QString::fromLatin1(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    if (!host.startsWith(QLatin1Char('/')))
        text += host;
    if (!port.isEmpty())
        text += QLatin1Char(':') + port;
    text += QLatin1Char('/') + database;
    if (host.startsWith(QLatin1Char('/')))
        text += QStringLiteral("?host=") + host;
    return text;
}

QString ConnectionSettings::toUrl() const
{
    if (m_backend == Backend::Sqlite)
        return QStringLiteral("sqlite:") + m_sqlitePath;

    QStringList query;
    for (const auto& [key, value] : m_parameters) {
        query.append(QString::fromLatin1(QUrl::toPercentEncoding(key)) + QLatin1Char('=')
                     + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    return QStringLiteral("postgresql://?") + query.join(QLatin1Char('&'));
}

ConnectionSettings ConnectionSettings::withPostgresParameter(const QString& key,
                                                             const QString& value) const
{
    ConnectionSettings copy = *this;
    for (auto& parameter : copy.m_parameters) {
        if (parameter.first == key) {
            parameter.second = value;
            return copy;
        }
    }
    copy.m_parameters.append({key, value});
    return copy;
}

} // namespace driftdesk
