// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstore.h"

#include "logging.h"
#include "runliveness.h"

#include "currentuser.h"
#include "jsonconvert.h"
#include "sqlvalues.h"

namespace driftdesk {

namespace {

const QString runColumns = QStringLiteral(
    "id, workspace_id, tenant_id, baseline_profile_id, type, status, outcome, summary_counts, "
    "context, initiated_by, created_at, started_at, completed_at");

OperationRun readRun(const QSqlQuery& query)
{
    OperationRun run;
    run.id = query.value(0).toLongLong();
    run.workspaceId = query.value(1).toLongLong();
    run.tenantId = optionalId(query.value(2));
    run.baselineProfileId = optionalId(query.value(3));
    run.type = query.value(4).toString();
    run.status = query.value(5).toString();
    run.outcome = query.value(6).toString();
    run.summaryCounts = parseJsonColumn(query.value(7).toString());
    run.context = parseJsonColumn(query.value(8).toString());
    run.initiatedBy = query.value(9).toString();
    run.createdAt = Database::readTimestamp(query.value(10));
    run.startedAt = Database::readTimestamp(query.value(11));
    run.completedAt = Database::readTimestamp(query.value(12));
    return run;
}

} // namespace

RunStore::RunStore(Database& database, qint64 workspaceId)
    : m_database(database)
    , m_workspaceId(workspaceId)
{
}

qint64 RunStore::start(const QString& type, std::optional<qint64> tenantId,
                       std::optional<qint64> profileId, const nlohmann::json& context)
{
    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    QSqlQuery query = m_database.run(
        QStringLiteral("INSERT INTO operation_runs (workspace_id, tenant_id, baseline_profile_id, "
                       "type, status, context, initiated_by, created_at, started_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {m_workspaceId, idValue(tenantId), idValue(profileId), type, RunStatus::running,
         toJsonColumn(context.is_null() ? nlohmann::json::object() : context),
         textOrNull(currentUserName()), now, now});
    query.next();
    return query.value(0).toLongLong();
}

void RunStore::complete(qint64 runId, const QString& outcome, const nlohmann::json& summaryCounts,
                        const nlohmann::json& context)
{
    m_database.run(
        QStringLiteral("UPDATE operation_runs SET status = ?, outcome = ?, "
                       "summary_counts = ?, context = ?, completed_at = ? "
                       "WHERE workspace_id = ? AND id = ?"),
        {RunStatus::completed, outcome, toJsonColumn(summaryCounts), toJsonColumn(context),
         m_database.timestampValue(QDateTime::currentDateTimeUtc()), m_workspaceId, runId});
}

QList<qint64> RunStore::failAbandoned(qint64 tenantId, qint64 noticedBy)
{
    QList<qint64> running;
    {
        QSqlQuery query = m_database.run(
            QStringLiteral("SELECT id FROM operation_runs WHERE workspace_id = ? AND tenant_id = ? "
                           "AND status = ? AND id <> ?"),
            {m_workspaceId, tenantId, RunStatus::running, noticedBy});
        while (query.next())
            running.append(query.value(0).toLongLong());
    }

    QList<qint64> failed;
    for (const qint64 id : std::as_const(running)) {
        if (RunLivenessLock::isHeld(m_database, id))
            continue;
        const QString reason = QStringLiteral("the process running it ended before the run "
                                              "finished; nothing it did was kept (noticed by "
                                              "run %1)")
                                   .arg(noticedBy);
        // Only if still running: the run may have finished since it was read.
        QSqlQuery update = m_database.run(
            QStringLiteral("UPDATE operation_runs SET status = ?, outcome = ?, context = ?, "
                           "completed_at = ? WHERE workspace_id = ? AND id = ? AND status = ?"),
            {RunStatus::completed, RunOutcome::failed,
             toJsonColumn({{"error", reason.toStdString()}, {"abandoned", true}}),
             m_database.timestampValue(QDateTime::currentDateTimeUtc()), m_workspaceId, id,
             RunStatus::running});
        if (update.numRowsAffected() == 1) {
            qCWarning(lcDatabase).noquote() << "run" << id << "failed:" << reason;
            failed.append(id);
        }
    }
    return failed;
}

std::optional<OperationRun> RunStore::byId(qint64 id)
{
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + runColumns
                                         + QStringLiteral(" FROM operation_runs "
                                                          "WHERE workspace_id = ? AND id = ?"),
                                     {m_workspaceId, id});
    if (!query.next())
        return std::nullopt;
    return readRun(query);
}

QList<OperationRun> RunStore::list(const RunFilter& filter)
{
    SqlConditions where;
    where.add("workspace_id", m_workspaceId);
    where.addIf(filter.tenantId.has_value(), "tenant_id", filter.tenantId.value_or(0));
    where.addIf(filter.profileId.has_value(), "baseline_profile_id", filter.profileId.value_or(0));
    where.addIf(!filter.type.isEmpty(), "type", filter.type);
    where.values.append(filter.limit);

    QList<OperationRun> result;
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + runColumns
                                         + QStringLiteral(" FROM operation_runs WHERE TRUE")
                                         + where.sql + QStringLiteral(" ORDER BY id DESC LIMIT ?"),
                                     where.values);
    while (query.next())
        result.append(readRun(query));
    return result;
}

std::optional<OperationRun> RunStore::latestInventorySync(qint64 tenantId)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT ") + runColumns
            + QStringLiteral(" FROM operation_runs WHERE workspace_id = ? AND tenant_id = ? "
                             "AND type = ? AND status = ? AND outcome <> ? "
                             "ORDER BY completed_at DESC, id DESC LIMIT 1"),
        {m_workspaceId, tenantId, RunType::inventorySync, RunStatus::completed,
         RunOutcome::cancelled});
    if (!query.next())
        return std::nullopt;
    return readRun(query);
}

} // namespace driftdesk
