// SPDX-License-Identifier: GPL-3.0-or-later
#include "privatepostgres.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QUrl>

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace testsupport {

namespace {

/// The newest PostgreSQL server binaries Debian installed.
QString serverBinaries()
{
    QStringList versions
        = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(), numeric);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(*it);
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

PrivatePostgres::~PrivatePostgres()
{
    if (m_started) {
        QString ignored;
        run(m_binaries + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_folder.filePath(QStringLiteral("data")), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("stop")},
            true, &ignored);
    }
}

bool PrivatePostgres::run(const QString& program, const QStringList& arguments, bool asServerUser,
                          QString* error) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (asServerUser && ::geteuid() == 0)
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), program}
                          + arguments);
    else
        process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2%3")
                     .arg(QFileInfo(program).fileName(), process.errorString(),
                          QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

std::unique_ptr<PrivatePostgres> PrivatePostgres::start(const QString& superuser,
                                                        const QString& password, QString* error)
{
    std::unique_ptr<PrivatePostgres> server(new PrivatePostgres);
    server->m_superuser = superuser;
    server->m_binaries = serverBinaries();
    if (server->m_binaries.isEmpty()) {
        *error = QStringLiteral("no PostgreSQL server binaries under /usr/lib/postgresql");
        return nullptr;
    }
    if (!server->m_folder.isValid()) {
        *error = QStringLiteral("cannot create a temporary folder");
        return nullptr;
    }
    const QDir folder(server->m_folder.path());
    const auto path = [&](const char* name) { return folder.filePath(QLatin1String(name)); };

    // Two certificate authorities; the first signs the server's certificate for "localhost".
    const QStringList ecKey{
        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    for (const char* ca : {"ca", "other-ca"}) {
        if (!server->run(
                QStringLiteral("openssl"),
                QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
                    + QStringList{QStringLiteral("-keyout"),
                                  folder.filePath(QLatin1String(ca) + QStringLiteral(".key")),
                                  QStringLiteral("-out"),
                                  folder.filePath(QLatin1String(ca) + QStringLiteral(".crt")),
                                  QStringLiteral("-days"), QStringLiteral("2"),
                                  QStringLiteral("-subj"),
                                  QStringLiteral("/CN=DriftDesk test %1").arg(QLatin1String(ca))},
                false, error))
            return nullptr;
    }
    if (!writeFile(path("server.ext"),
                   "subjectAltName = DNS:localhost\n"
                   "basicConstraints = CA:FALSE\n"
                   "keyUsage = digitalSignature, keyEncipherment\n"
                   "extendedKeyUsage = serverAuth\n")
        || !server->run(QStringLiteral("openssl"),
                        QStringList{QStringLiteral("req")} + ecKey
                            + QStringList{QStringLiteral("-keyout"), path("server.key"),
                                          QStringLiteral("-out"), path("server.csr"),
                                          QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
                        false, error)
        || !server->run(QStringLiteral("openssl"),
                        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         path("server.csr"), QStringLiteral("-CA"), path("ca.crt"),
                         QStringLiteral("-CAkey"), path("ca.key"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                         path("server.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                         QStringLiteral("-extfile"), path("server.ext")},
                        false, error))
        return nullptr;
    QFile::setPermissions(path("server.key"), QFile::ReadOwner | QFile::WriteOwner);

    // initdb reads the superuser's password from a file, removed right after.
    if (!writeFile(path("password"), password.toUtf8() + '\n')) {
        *error = QStringLiteral("cannot write the password file");
        return nullptr;
    }
    if (::geteuid() == 0) {
        const passwd* postgres = ::getpwnam("postgres");
        if (!postgres) {
            *error = QStringLiteral("running as root, but there is no \"postgres\" user");
            return nullptr;
        }
        for (const QString& file :
             {folder.path(), path("server.key"), path("server.crt"), path("password")}) {
            if (::chown(QFile::encodeName(file).constData(), postgres->pw_uid, postgres->pw_gid)
                != 0) {
                *error = QStringLiteral("cannot hand %1 to the postgres user").arg(file);
                return nullptr;
            }
        }
    }
    const bool initialised = server->run(
        server->m_binaries + QStringLiteral("/initdb"),
        {QStringLiteral("-D"), path("data"), QStringLiteral("-U"), superuser,
         QStringLiteral("--pwfile=") + path("password"), QStringLiteral("--auth-local=trust"),
         QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
         QStringLiteral("--locale=C.UTF-8")},
        true, error);
    QFile::remove(path("password"));
    if (!initialised)
        return nullptr;

    // Over TCP only TLS, with a password; no other entry, so anything else is refused.
    const QString hba = QStringLiteral("local all all trust\n"
                                       "hostssl all all 127.0.0.1/32 scram-sha-256\n");
    if (!writeFile(folder.filePath(QStringLiteral("data/pg_hba.conf")), hba.toUtf8())) {
        *error = QStringLiteral("cannot write pg_hba.conf");
        return nullptr;
    }

    // The port is free when chosen; another program may take it before the server does, so try
    // a few.
    for (int attempt = 0; attempt < 5 && !server->m_started; ++attempt) {
        server->m_port = freePort();
        const QString options
            = QStringLiteral("-k %1 -p %2 -c listen_addresses=127.0.0.1 -c ssl=on "
                             "-c ssl_cert_file=%3 -c ssl_key_file=%4 -c fsync=off")
                  .arg(folder.path())
                  .arg(server->m_port)
                  .arg(path("server.crt"), path("server.key"));
        server->m_started = server->run(server->m_binaries + QStringLiteral("/pg_ctl"),
                                        {QStringLiteral("-D"), path("data"), QStringLiteral("-w"),
                                         QStringLiteral("-l"), path("server.log"),
                                         QStringLiteral("-o"), options, QStringLiteral("start")},
                                        true, error);
    }
    if (!server->m_started)
        return nullptr;
    return server;
}

driftdesk::ConnectionSettings PrivatePostgres::socketSettings(const QString& database) const
{
    return driftdesk::ConnectionSettings::fromUrl(
        QStringLiteral("postgresql://%1@/%2?host=%3&port=%4")
            .arg(m_superuser, database, m_folder.path())
            .arg(m_port));
}

QString PrivatePostgres::tlsUrl(const QString& host, const QString& database,
                                const QString& rootCertificate, const QString& user) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=verify-full&sslrootcert=%5")
        .arg(user.isEmpty() ? m_superuser : user, host)
        .arg(m_port)
        .arg(database, QString::fromLatin1(QUrl::toPercentEncoding(rootCertificate)));
}

} // namespace testsupport
