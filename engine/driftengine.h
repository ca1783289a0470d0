// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "baselinecapture.h"
#include "baselinecompare.h"
#include "connectionsettings.h"
#include "inventoryimport.h"

#include <QFuture>
#include <QList>

#include <atomic>
#include <memory>

namespace driftdesk {

/// Set to ask a running operation to stop at its next checkpoint; its run then records
/// `cancelled` and the database stays as it was.
using CancelFlag = std::shared_ptr<std::atomic_bool>;

/// Runs imports, captures and compares on Qt Concurrent's thread pool. Each task opens its own
/// connection in its worker thread, as Qt requires. A task's future carries one RunResult per
/// run and reports progress (value, maximum, step text). Cancel through the CancelFlag rather
/// than QFuture::cancel(), which would also discard the cancelled run's result.
class DriftEngine
{
public:
    DriftEngine(ConnectionSettings settings, qint64 workspaceId);

    QFuture<RunResult> importInventory(const ImportRequest& request, CancelFlag cancel = {}) const;
    QFuture<RunResult> capture(const CaptureRequest& request, CancelFlag cancel = {}) const;

    /// One run per request; the future holds a result for each. With one worker the runs go in
    /// the order of `requests`; with more, each worker has its own connection and takes the
    /// next request when it is done with one, and results arrive in the order runs end.
    QFuture<RunResult> compare(const QList<CompareRequest>& requests, CancelFlag cancel = {},
                               int workers = 1) const;

private:
    ConnectionSettings m_settings;
    qint64 m_workspaceId;
};

} // namespace driftdesk
