// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace testsupport {

/// A PostgreSQL server of one test's own, made with initdb in a temporary folder and stopped and
/// removed again with this object: trust on a Unix socket in that folder (for the test's setup),
/// and on 127.0.0.1 only TLS with a SCRAM password. Its certificate names "localhost" and is
/// signed by a certificate authority made with openssl for this server; a second authority,
/// which signed nothing, is there to be wrong. As root the server runs as the "postgres" user,
/// since initdb refuses root.
class PrivatePostgres
{
public:
    ~PrivatePostgres();

    /// Starts the server with a superuser of that name and password. Returns null with `error`
    /// set when something is missing or fails (the server binaries, openssl, a free port).
    static std::unique_ptr<PrivatePostgres> start(const QString& superuser, const QString& password,
                                                  QString* error);

    int port() const { return m_port; }
    QString folder() const { return m_folder.path(); }
    QString caCertificate() const { return m_folder.filePath(QStringLiteral("ca.crt")); }
    QString otherCaCertificate() const { return m_folder.filePath(QStringLiteral("other-ca.crt")); }
    QString serverLog() const { return m_folder.filePath(QStringLiteral("server.log")); }

    /// The superuser through the Unix socket (trust: no password).
    driftdesk::ConnectionSettings socketSettings(const QString& database) const;

    /// A URL over TCP with sslmode=verify-full against `rootCertificate`; never with a password.
    QString tlsUrl(const QString& host, const QString& database, const QString& rootCertificate,
                   const QString& user = {}) const;

private:
    PrivatePostgres() = default;
    bool run(const QString& program, const QStringList& arguments, bool asServerUser,
             QString* error) const;

    QTemporaryDir m_folder{QStringLiteral("/tmp/driftdesk-private-pg-XXXXXX")};
    QString m_binaries;
    QString m_superuser;
    int m_port = 0;
    bool m_started = false;
};

} // namespace testsupport
