// SPDX-License-Identifier: GPL-3.0-or-later
#include "operation.h"

#include "engineerror.h"
#include "faultpoint.h"
#include "logging.h"
#include "runstore.h"

namespace driftdesk {

RunRecorder::RunRecorder(Database& database, qint64 workspaceId, const QString& type,
                         std::optional<qint64> tenantId, std::optional<qint64> profileId)
    : m_database(database)
    , m_workspaceId(workspaceId)
{
    m_result.type = type;
    m_result.tenantId = tenantId;
    m_result.profileId = profileId;

    // The lock is taken before the run row is visible to anyone, so no one can see the run
    // running without its lock and take it for abandoned.
    RunStore runs(database, workspaceId);
    {
        Transaction transaction(database);
        m_result.runId = runs.start(type, tenantId, profileId);
        m_liveness = std::make_unique<RunLivenessLock>(database, m_result.runId);
        transaction.commit();
    }
    faultPoint();
    if (tenantId) {
        Transaction transaction(database);
        runs.failAbandoned(*tenantId, m_result.runId);
        transaction.commit();
    }
}

RunRecorder::~RunRecorder() = default;

RunResult RunRecorder::finish(Transaction& transaction, const QString& outcome,
                              const nlohmann::json& counts, const nlohmann::json& context,
                              const QString& message)
{
    RunStore(m_database, m_workspaceId).complete(m_result.runId, outcome, counts, context);
    faultPoint();
    transaction.commit();
    faultPoint();
    m_result.outcome = outcome;
    m_result.summaryCounts = counts;
    m_result.context = context;
    m_result.message = message;
    return m_result;
}

RunResult RunRecorder::finishWithoutWork(const QString& outcome, const nlohmann::json& counts,
                                         const nlohmann::json& context, const QString& message)
{
    Transaction transaction(m_database);
    return finish(transaction, outcome, counts, context, message);
}

RunResult RunRecorder::guard(const std::function<RunResult()>& work, const nlohmann::json& context)
{
    QString outcome;
    QString message;
    try {
        return work();
    } catch (const OperationCancelled&) {
        outcome = RunOutcome::cancelled;
        message = QStringLiteral("cancelled; nothing was changed");
    } catch (const EngineError& error) {
        outcome = RunOutcome::failed;
        message = error.message();
    } catch (const std::exception& error) {
        outcome = RunOutcome::failed;
        message = QString::fromUtf8(error.what());
    }

    nlohmann::json failureContext = context.is_object() ? context : nlohmann::json::object();
    failureContext["error"] = message.toStdString();
    m_result.outcome = outcome;
    m_result.context = failureContext;
    m_result.message = message;
    try {
        RunStore(m_database, m_workspaceId)
            .complete(m_result.runId, outcome, nlohmann::json::object(), failureContext);
    } catch (const EngineError& error) {
        // The database itself may be what failed; the caller still learns the outcome.
        qCWarning(lcDatabase).noquote()
            << "cannot record the outcome of run" << m_result.runId << ":" << error.message();
    }
    return m_result;
}

} // namespace driftdesk
