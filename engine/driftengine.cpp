// SPDX-License-Identifier: GPL-3.0-or-later
#include "driftengine.h"

#include "database.h"
#include "engineerror.h"

#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace driftdesk {

namespace {

class PromiseControl : public OperationControl
{
public:
    PromiseControl(QPromise<RunResult>& promise, CancelFlag cancel)
        : m_promise(promise)
        , m_cancel(std::move(cancel))
    {
    }

    bool isCancelled() const override
    {
        return m_promise.isCanceled() || (m_cancel && m_cancel->load());
    }

    void progress(int done, int total, const QString& step) override
    {
        m_promise.setProgressRange(0, total);
        m_promise.setProgressValueAndText(done, step);
    }

private:
    QPromise<RunResult>& m_promise;
    CancelFlag m_cancel;
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
                 const CancelFlag& cancel, const QString& type, Work work)
{
    try {
        const auto database = Database::open(settings);
        PromiseControl control(promise, cancel);
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
                          const QString& type, const Request& request, const CancelFlag& cancel)
{
    return QtConcurrent::run(
        [settings, workspaceId, type, request, cancel](QPromise<RunResult>& promise) {
            runInWorker(promise, settings, cancel, type,
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

QFuture<RunResult> DriftEngine::importInventory(const ImportRequest& request,
                                                CancelFlag cancel) const
{
    return runOne<InventoryImport>(m_settings, m_workspaceId, RunType::inventorySync, request,
                                   cancel);
}

QFuture<RunResult> DriftEngine::capture(const CaptureRequest& request, CancelFlag cancel) const
{
    return runOne<BaselineCapture>(m_settings, m_workspaceId, RunType::baselineCapture, request,
                                   cancel);
}

QFuture<RunResult> DriftEngine::compare(const QList<CompareRequest>& requests, CancelFlag cancel,
                                        int workers) const
{
    return QtConcurrent::run([settings = m_settings, workspaceId = m_workspaceId, requests, cancel,
                              workers](QPromise<RunResult>& promise) {
        // Each worker takes the next request until none is left; a cancel stops them before
        // their next run, and the runs under way record it.
        std::atomic<qsizetype> next{0};
        const auto work = [&] {
            runInWorker(promise, settings, cancel, RunType::baselineCompare,
                        [&](Database& database, OperationControl& control, QPromise<RunResult>& p) {
                            BaselineCompare compare(database, workspaceId);
                            for (qsizetype index = next++; index < requests.size();
                                 index = next++) {
                                if (index > 0 && control.isCancelled())
                                    break;
                                try {
                                    p.addResult(compare.run(requests.at(index), control));
                                } catch (const EngineError& error) {
                                    p.addResult(refused(RunType::baselineCompare, error.message()));
                                }
                            }
                        });
        };
        const int count = static_cast<int>(
            std::clamp<qsizetype>(workers, 1, std::max<qsizetype>(requests.size(), 1)));
        if (count == 1) {
            work();
            return;
        }
        QThreadPool pool;
        pool.setMaxThreadCount(count);
        for (int worker = 0; worker < count; ++worker)
            pool.start(work);
        pool.waitForDone();
    });
}

} // namespace driftdesk
