// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QString>

namespace driftdesk {

/// Held by the one compare of a tenant against a profile that is under way, for the whole run,
/// so that a second compare of the same pair started meanwhile (by another process, or another
/// thread of this one) stands aside instead of writing the same findings twice. On PostgreSQL a
/// session advisory lock on the run's connection; on SQLite an flock() on a file beside the
/// database. Both end with the process that holds them.
class CompareLock
{
public:
    /// Tries to take the lock of (`tenantId`, `profileId`) without waiting.
    CompareLock(Database& database, qint64 tenantId, qint64 profileId);
    ~CompareLock();
    CompareLock(const CompareLock&) = delete;
    CompareLock& operator=(const CompareLock&) = delete;

    /// Whether this object holds the lock; false when another compare of the pair holds it.
    bool isHeld() const { return m_held; }

private:
    bool tryLockFile();

    QVariantList advisoryKeys() const;

    Database& m_database;
    qint64 m_tenantId;
    qint64 m_profileId;
    bool m_held = false;
    int m_file = -1; ///< the locked file's descriptor (SQLite)
    QString m_path;
};

} // namespace driftdesk
