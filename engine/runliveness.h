// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QString>

namespace driftdesk {

/// Held by the process that runs an operation for as long as the run lasts, so that any other
/// connection can tell a run in progress from one whose process died. On PostgreSQL it is a
/// session advisory lock on the run's own connection; on SQLite an flock() on a file beside the
/// database. The server or the operating system drops it when the process dies: liveness is
/// never guessed from elapsed time.
class RunLivenessLock
{
public:
    /// Takes the lock of run `runId`. Throws EngineError when it cannot.
    RunLivenessLock(Database& database, qint64 runId);
    ~RunLivenessLock();
    RunLivenessLock(const RunLivenessLock&) = delete;
    RunLivenessLock& operator=(const RunLivenessLock&) = delete;

    /// Whether some connection, of this process or another, holds the lock of `runId`.
    static bool isHeld(Database& database, qint64 runId);

private:
    Database& m_database;
    qint64 m_runId;
    int m_file = -1; ///< the locked file's descriptor (SQLite)
    QString m_path;
};

} // namespace driftdesk
