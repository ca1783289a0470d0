// SPDX-License-Identifier: GPL-3.0-or-later
#include "runliveness.h"

#include "engineerror.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace driftdesk {

namespace {

// The first key of DriftDesk's run locks in PostgreSQL's two-key advisory lock space; the second
// is the run id (run ids beyond 2^31 wrap, which only matters after two billion runs).
constexpr int advisoryKeySpace = 4478027;

QVariantList advisoryKeys(qint64 runId)
{
    return {advisoryKeySpace, static_cast<qint32>(runId)};
}

/// The folder beside a SQLite file that holds one lock file per running run.
QString lockPath(const Database& database, qint64 runId)
{
    return database.settings().sqlitePath() + QStringLiteral("-runs/") + QString::number(runId)
        + QStringLiteral(".lock");
}

} // namespace

RunLivenessLock::RunLivenessLock(Database& database, qint64 runId)
    : m_database(database)
    , m_runId(runId)
{
    if (database.backend() == Backend::PostgreSql) {
        database.run(QStringLiteral("SELECT pg_advisory_lock(?, ?)"), advisoryKeys(runId));
        return;
    }

    // Limitation: flock() is POSIX; on Windows no lock is taken and abandoned SQLite runs are
    // never recognised.
    m_path = lockPath(database, runId);
    QDir().mkpath(QFileInfo(m_path).path());
    m_file = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_file < 0 || ::flock(m_file, LOCK_EX | LOCK_NB) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (m_file >= 0)
            ::close(m_file);
        throw EngineError(QStringLiteral("cannot lock %1: %2").arg(m_path, reason));
    }
}

RunLivenessLock::~RunLivenessLock()
{
    if (m_database.backend() == Backend::PostgreSql) {
        try {
            m_database.run(QStringLiteral("SELECT pg_advisory_unlock(?, ?)"),
                           advisoryKeys(m_runId));
        } catch (const EngineError& error) {
            // A broken connection has lost the lock with its session anyway.
            qCWarning(lcDatabase).noquote()
                << "cannot release the lock of run" << m_runId << ":" << error.message();
        }
        return;
    }
    // Removed while still locked, so no one finds a file whose run has ended.
    ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_file);
}

bool RunLivenessLock::isHeld(Database& database, qint64 runId)
{
    if (database.backend() == Backend::PostgreSql) {
        QSqlQuery query = database.run(
            QStringLiteral("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
                           "AND classid = ? AND objid = ? AND objsubid = 2 "
                           "AND database = (SELECT oid FROM pg_database "
                           "WHERE datname = current_database())"),
            {static_cast<quint32>(advisoryKeySpace),
             static_cast<quint32>(static_cast<qint32>(runId))});
        return query.next();
    }

    const QString path = lockPath(database, runId);
    const int file = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    if (file < 0)
        return false; // never locked here, or its run ended and removed it
    const bool held = ::flock(file, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    if (!held)
        ::unlink(QFile::encodeName(path).constData()); // left behind by a process that died
    ::close(file);
    return held;
}

} // namespace driftdesk
