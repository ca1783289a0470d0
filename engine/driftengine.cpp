// SPDX-License-Identifier: GPL-3.0-or-later
#include "driftengine.h"

#include "database.h"
#include "engineerror.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace driftdesk {

namespace {

class PromiseControl : public OperationControl
{
public:
    explicit PromiseControl(QPromise<RunResult>& promise)
        : m_promise(promise)
    {
    }

    bool isCancelled() const override { return m_promise.isCanceled(); }

    void progress(int done, int total, const QString& step) override
    {
        m_promise.setProgressRange(0, total);
        m_promise.setProgressValueAndText(done, step);
    }

private:
    QPromise<RunResult>& m_promise;
};

/// A request the engine refused before recording a run (an unknown tenant, say).
RunResult refused(const QString& type, const QString& message)
{
    RunResult result;
    result.type = type;
    result.outcome = RunOutcome::failed;
    result.message = message;
    return result;
}

template <typename Work>
void runInWorker(QPromise<RunResult>& promise, const ConnectionSettings& settings,
                 const QString& type, Work work)
{
    try {
        const auto database = Database::open(settings);
        PromiseControl control(promise);
        work(*database, control, promise);
    } catch (const EngineError& error) {
        promise.addResult(refused(type, error.message()));
    } catch (const std::exception& error) {
        promise.addResult(refused(type, QString::fromUtf8(error.what())));
    }
}

/// One operation of type `Operation` (InventoryImport, BaselineCapture, ...) on the pool.
template <typename Operation, typename Request>
QFuture<RunResult> runOne(const ConnectionSettings& settings, qint64 workspaceId,
                          const QString& type, const Request& request)
{
    return QtConcurrent::run([settings, workspaceId, type, request](QPromise<RunResult>& promise) {
        runInWorker(promise, settings, type,
                    [&](Database& database, OperationControl& control, QPromise<RunResult>& p) {
                        p.addResult(Operation(database, workspaceId).run(request, control));
                    });
    });
}

} // namespace

DriftEngine::DriftEngine(ConnectionSettings settings, qint64 workspaceId)
    : m_settings(std::move(settings))
    , m_workspaceId(workspaceId)
{
}

QFuture<RunResult> DriftEngine::importInventory(const ImportRequest& request)
{
    return runOne<InventoryImport>(m_settings, m_workspaceId, RunType::inventorySync, request);
}

QFuture<RunResult> DriftEngine::capture(const CaptureRequest& request)
{
    return runOne<BaselineCapture>(m_settings, m_workspaceId, RunType::baselineCapture, request);
}

QFuture<RunResult> DriftEngine::compare(const QList<CompareRequest>& requests)
{
    return QtConcurrent::run([settings = m_settings, workspaceId = m_workspaceId,
                              requests](QPromise<RunResult>& promise) {
        runInWorker(promise, settings, RunType::baselineCompare,
                    [&](Database& database, OperationControl& control, QPromise<RunResult>& p) {
                        BaselineCompare compare(database, workspaceId);
                        for (const CompareRequest& request : requests) {
                            if (p.isCanceled())
                                break;
                            try {
                                p.addResult(compare.run(request, control));
                            } catch (const EngineError& error) {
                                p.addResult(refused(RunType::baselineCompare, error.message()));
                            }
                        }
                    });
    });
}

} // namespace driftdesk
