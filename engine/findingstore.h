// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "records.h"

#include <QList>

#include <optional>

namespace driftdesk {

struct FindingFilter
{
    std::optional<qint64> tenantId;
    std::optional<qint64> profileId;
    QString status;
    QString changeType;
    QString policyType;
};

/// Drift findings of one workspace.
class FindingStore
{
public:
    FindingStore(Database& database, qint64 workspaceId);

    /// Findings matching the filter, ordered by tenant, policy type, subject and change type.
    QList<Finding> list(const FindingFilter& filter);

    std::optional<Finding> byId(qint64 id);

    /// Every finding of one tenant under one profile, whatever its status or snapshot.
    QList<Finding> forTenantProfile(qint64 tenantId, qint64 profileId);

    /// Inserts a new finding and returns its id. Call inside the compare's transaction.
    qint64 insert(const Finding& finding);

    /// Writes the lifecycle fields (status, last seen, times seen, resolution, display name,
    /// evidence) of an existing finding.
    void updateLifecycle(const Finding& finding);

    /// Marks a finding acknowledged by `user` with a note; it stays acknowledged while detected.
    void acknowledge(qint64 id, const QString& user, const QString& note);

    /// Takes back an acknowledgement: the finding is open again.
    void reopen(qint64 id);

private:
    Database& m_database;
    qint64 m_workspaceId;
};

} // namespace driftdesk
