// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "baselinecapture.h"
#include "baselinecompare.h"
#include "connectionsettings.h"
#include "inventoryimport.h"

#include <QFuture>
#include <QList>

namespace driftdesk {

/// Runs imports, captures and compares on Qt Concurrent's thread pool. Each task opens its own
/// connection in its worker thread, as Qt requires. A task's future carries one RunResult per
/// run; cancelling the future makes the running operation stop at its next checkpoint and
/// record its run as cancelled, with the database as it was.
class DriftEngine
{
public:
    DriftEngine(ConnectionSettings settings, qint64 workspaceId);

    QFuture<RunResult> importInventory(const ImportRequest& request);
    QFuture<RunResult> capture(const CaptureRequest& request);

    /// One run per request, in order; the future holds a result for each.
    QFuture<RunResult> compare(const QList<CompareRequest>& requests);

private:
    ConnectionSettings m_settings;
    qint64 m_workspaceId;
};

} // namespace driftdesk
