// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "driftengine.h"
#include "operation.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>

namespace driftdesk::views {

/// Runs one engine operation at a time off the GUI thread and reports on it: progress while it
/// runs, the results when it ends. Cancel asks the operation to stop at its next checkpoint;
/// it then records its run as cancelled and leaves the database as it was.
class OperationRunner : public QObject
{
    Q_OBJECT

public:
    using Launch = std::function<QFuture<RunResult>(CancelFlag)>;

    explicit OperationRunner(QObject* parent = nullptr);

    bool isBusy() const { return m_busy; }

    /// Starts `launch` (for example a call to DriftEngine::compare) unless one is running.
    bool start(const QString& title, const Launch& launch);

    QString title() const { return m_title; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void started(const QString& title);
    void progressed(int value, int maximum, const QString& step);
    void finished(const QString& title, const QList<driftdesk::RunResult>& results, bool cancelled);

private:
    void onFinished();

    QFutureWatcher<RunResult> m_watcher;
    CancelFlag m_cancel;
    QString m_title;
    bool m_busy = false;
};

} // namespace driftdesk::views
