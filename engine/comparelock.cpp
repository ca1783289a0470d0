// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparelock.h"

#include "engineerror.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace driftdesk {

namespace {

// The same key serialises the findings writes of a compare (FindingStore::lockForCompare);
// a session may take a lock it already holds, so the run's own writes never wait for it.
const QString advisoryKey
    = QStringLiteral("hashtextextended('driftdesk.compare:' || ? || ':' || ?, 0)");

} // namespace

CompareLock::CompareLock(Database& database, qint64 tenantId, qint64 profileId)
    : m_database(database)
    , m_tenantId(tenantId)
    , m_profileId(profileId)
{
    if (database.backend() == Backend::PostgreSql) {
        QSqlQuery query = database.run(QStringLiteral("SELECT pg_try_advisory_lock(") + advisoryKey
                                           + QLatin1Char(')'),
                                       advisoryKeys());
        m_held = query.next() && query.value(0).toBool();
        return;
    }

    // Limitation: flock() is POSIX; on Windows every compare takes the lock, and two compares
    // of one pair at once are kept apart only by SQLite's single writer.
    m_path = database.settings().sqlitePath() + QStringLiteral("-runs/compare-")
        + QString::number(tenantId) + QLatin1Char('-') + QString::number(profileId)
        + QStringLiteral(".lock");
    QDir().mkpath(QFileInfo(m_path).path());
    m_held = tryLockFile();
}

QVariantList CompareLock::advisoryKeys() const
{
    return {QString::number(m_tenantId), QString::number(m_profileId)};
}

bool CompareLock::tryLockFile()
{
    const QByteArray path = QFile::encodeName(m_path);
    // The holder removes the file when it is done. Whoever locked the file just before it was
    // removed holds a lock on nothing, so a lock counts only if the path still names its file.
    for (;;) {
        m_file = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_file < 0) {
            throw EngineError(QStringLiteral("cannot open %1: %2")
                                  .arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
        }
        if (::flock(m_file, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            ::close(m_file);
            m_file = -1;
            if (error == EWOULDBLOCK)
                return false;
            throw EngineError(QStringLiteral("cannot lock %1: %2")
                                  .arg(m_path, QString::fromLocal8Bit(std::strerror(error))));
        }
        struct stat opened = {};
        struct stat named = {};
        if (::fstat(m_file, &opened) == 0 && ::stat(path.constData(), &named) == 0
            && opened.st_dev == named.st_dev && opened.st_ino == named.st_ino) {
            return true;
        }
        ::close(m_file);
        m_file = -1;
    }
}

CompareLock::~CompareLock()
{
    if (!m_held)
        return;
    if (m_database.backend() == Backend::PostgreSql) {
        try {
            m_database.run(QStringLiteral("SELECT pg_advisory_unlock(") + advisoryKey
                               + QLatin1Char(')'),
                           advisoryKeys());
        } catch (const EngineError& error) {
            // A broken connection has lost the lock with its session anyway.
            qCWarning(lcDatabase).noquote()
                << "cannot release the compare lock of tenant" << m_tenantId << "and profile"
                << m_profileId << ":" << error.message();
        }
        return;
    }
    ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_file);
}

} // namespace driftdesk
