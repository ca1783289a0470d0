// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "records.h"

#include <QWidget>

class QTableView;
class QTextBrowser;

namespace driftdesk::models {
class RunsModel;
}

namespace driftdesk::views {

class Session;

/// Operation runs, newest first, and the chosen run in readable form: outcome, timing,
/// counts, coverage, skipped types and excluded subjects with their reasons.
class RunsPage : public QWidget
{
    Q_OBJECT

public:
    explicit RunsPage(Session& session, QWidget* parent = nullptr);

    void refresh();

    /// Selects the run (loading pages until it is found).
    bool showRun(qint64 runId);

    QTableView* table() const { return m_table; }
    QTextBrowser* detail() const { return m_detail; }

    /// The readable description of a run, as the detail pane shows it.
    static QString describe(const OperationRun& run);

private:
    void showSelected();

    Session& m_session;
    models::RunsModel* m_model;
    QTableView* m_table;
    QTextBrowser* m_detail;
};

} // namespace driftdesk::views
