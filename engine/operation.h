// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "records.h"
#include "runliveness.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>

namespace driftdesk {

/// What an import, capture or compare ended with, as recorded in its run.
struct RunResult
{
    qint64 runId = 0;
    QString type;
    QString outcome;
    std::optional<qint64> tenantId;
    std::optional<qint64> profileId;
    nlohmann::json summaryCounts = nlohmann::json::object();
    nlohmann::json context = nlohmann::json::object();
    QString message; ///< one line for people: what happened, or why it did not
};

/// How a front end steers a running operation: asks it to stop, hears its progress.
class OperationControl
{
public:
    virtual ~OperationControl() = default;
    virtual bool isCancelled() const { return false; }
    virtual void progress(int done, int total, const QString& step)
    {
        Q_UNUSED(done);
        Q_UNUSED(total);
        Q_UNUSED(step);
    }
};

/// Thrown at a checkpoint after a cancel request; the run records `cancelled`.
struct OperationCancelled
{
};

inline void checkpoint(const OperationControl& control)
{
    if (control.isCancelled())
        throw OperationCancelled{};
}

/// Records one run from start to outcome. The run row is committed before the work begins, so
/// a failed or cancelled unit of work (rolled back) still leaves its record. While the run
/// lasts its process holds the run's liveness lock, so a run whose process died is told apart
/// from one in progress: starting a run marks the tenant's abandoned runs failed.
class RunRecorder
{
public:
    RunRecorder(Database& database, qint64 workspaceId, const QString& type,
                std::optional<qint64> tenantId, std::optional<qint64> profileId);
    ~RunRecorder();

    qint64 runId() const { return m_result.runId; }

    /// Completes the run inside `transaction` and commits both together.
    RunResult finish(Transaction& transaction, const QString& outcome, const nlohmann::json& counts,
                     const nlohmann::json& context, const QString& message);

    /// Completes a run that wrote nothing (for example one that is blocked).
    RunResult finishWithoutWork(const QString& outcome, const nlohmann::json& counts,
                                const nlohmann::json& context, const QString& message);

    /// Runs `work`; a cancel request or an error rolls its transaction back (by unwinding) and
    /// is recorded as the run's outcome with the reason.
    RunResult guard(const std::function<RunResult()>& work, const nlohmann::json& context = {});

private:
    Database& m_database;
    qint64 m_workspaceId;
    RunResult m_result;
    std::unique_ptr<RunLivenessLock> m_liveness;
};

} // namespace driftdesk
