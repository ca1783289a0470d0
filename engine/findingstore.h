// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "records.h"

#include <QList>

#include <optional>
#include <vector>

namespace driftdesk {

/// A finding detected again, with the display name and evidence of this detection.
struct SeenFinding
{
    qint64 id = 0;
    QString displayName;
    nlohmann::json evidence;
};

struct FindingFilter
{
    std::optional<qint64> tenantId;
    std::optional<qint64> profileId;
    QString status;
    QString changeType;
    QString policyType;
    QString text; ///< contained in the display name or the subject id, case-insensitively
};

/// Drift findings of one workspace.
class FindingStore
{
public:
    FindingStore(Database& database, qint64 workspaceId);

    /// Findings matching the filter, ordered by tenant, policy type, subject and change type.
    QList<Finding> list(const FindingFilter& filter);

    std::optional<Finding> byId(qint64 id);

    /// The findings with these ids, in the order of `ids` (ids not found are left out).
    QList<Finding> byIds(const QList<qint64>& ids);

    /// Every finding of one tenant under one profile, whatever its status or snapshot.
    QList<Finding> forTenantProfile(qint64 tenantId, qint64 profileId);

    /// Inside a compare's transaction: waits until no other compare of this tenant and profile
    /// is writing, then reads its findings with their rows locked (on PostgreSQL; SQLite's
    /// write transaction already excludes every other writer). Acknowledgements made meanwhile
    /// wait for the compare to commit instead of being overwritten.
    QList<Finding> lockForCompare(qint64 tenantId, qint64 profileId);

    /// Inserts a new finding and returns its id. Call inside the compare's transaction.
    qint64 insert(const Finding& finding);

    /// Inserts new findings in bulk (see BulkInsert). Call inside the compare's transaction.
    void insertMany(const std::vector<Finding>& findings);

    /// Records that findings were detected again, a few hundred per statement: counts each,
    /// refreshes its evidence and display name, and reopens it if it was resolved. The count is
    /// taken relative to the stored value, so no concurrent update is lost.
    void markSeenMany(const std::vector<SeenFinding>& seen, const QDateTime& seenAt);

    /// Resolves a finding that is not resolved yet, with a reason (not_detected,
    /// baseline_replaced).
    void markResolved(qint64 id, const QDateTime& resolvedAt, const QString& reason);

    /// Marks an open finding acknowledged by `user` with a note; it stays acknowledged while
    /// detected. Throws EngineError for a finding that is resolved or already acknowledged.
    void acknowledge(qint64 id, const QString& user, const QString& note);

    /// Takes back an acknowledgement: the finding is open again and the acknowledgement's
    /// who, when and note are cleared.
    void reopen(qint64 id);

private:
    Database& m_database;
    qint64 m_workspaceId;
};

} // namespace driftdesk
