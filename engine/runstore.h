// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "records.h"

#include <QList>

#include <optional>

namespace driftdesk {

struct RunFilter
{
    std::optional<qint64> tenantId;
    std::optional<qint64> profileId;
    QString type;
    int limit = 100;
};

/// The record of every import, capture and compare: written as running before the work
/// starts (and committed, so a failure never erases it), completed with its outcome after.
class RunStore
{
public:
    RunStore(Database& database, qint64 workspaceId);

    /// Records a run as running and returns its id.
    qint64 start(const QString& type, std::optional<qint64> tenantId,
                 std::optional<qint64> profileId, const nlohmann::json& context = {});

    /// Records the outcome. Call inside the unit of work's transaction when it succeeds, so
    /// the work and its record land together.
    void complete(qint64 runId, const QString& outcome, const nlohmann::json& summaryCounts,
                  const nlohmann::json& context);

    /// Marks failed every run of the tenant that is still `running` although no process holds
    /// its liveness lock any more (its process died), naming `noticedBy`, the run that found
    /// it. Returns the ids it marked.
    QList<qint64> failAbandoned(qint64 tenantId, qint64 noticedBy);

    std::optional<OperationRun> byId(qint64 id);
    QList<OperationRun> list(const RunFilter& filter);

    /// The tenant's most recently completed inventory sync that was not cancelled: the one whose
    /// coverage decides what is compared.
    std::optional<OperationRun> latestInventorySync(qint64 tenantId);

private:
    Database& m_database;
    qint64 m_workspaceId;
};

} // namespace driftdesk
