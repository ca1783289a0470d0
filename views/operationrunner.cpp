// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationrunner.h"

namespace driftdesk::views {

OperationRunner::OperationRunner(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<RunResult>::progressRangeChanged, this,
            [this](int, int maximum) {
                Q_EMIT progressed(m_watcher.progressValue(), maximum, m_watcher.progressText());
            });
    connect(&m_watcher, &QFutureWatcher<RunResult>::progressValueChanged, this, [this](int value) {
        Q_EMIT progressed(value, m_watcher.progressMaximum(), m_watcher.progressText());
    });
    connect(&m_watcher, &QFutureWatcher<RunResult>::progressTextChanged, this,
            [this](const QString& text) {
                Q_EMIT progressed(m_watcher.progressValue(), m_watcher.progressMaximum(), text);
            });
    connect(&m_watcher, &QFutureWatcher<RunResult>::finished, this, &OperationRunner::onFinished);
}

bool OperationRunner::start(const QString& title, const Launch& launch)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_title = title;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    Q_EMIT started(title);
    m_watcher.setFuture(launch(m_cancel));
    return true;
}

void OperationRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void OperationRunner::onFinished()
{
    const QList<RunResult> results = m_watcher.future().results();
    const bool cancelled = m_cancel && m_cancel->load();
    m_busy = false;
    m_cancel.reset();
    Q_EMIT finished(m_title, results, cancelled);
}

} // namespace driftdesk::views
