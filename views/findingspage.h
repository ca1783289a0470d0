// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace driftdesk::models {
class FindingsModel;
struct FindingsQuery;
} // namespace driftdesk::models

namespace driftdesk::views {

class EvidenceView;
class OperationRunner;
class Session;
class UserPrompts;

/// Drift findings: a sortable table read in pages, a filter bar, the evidence of the chosen
/// finding, acknowledging and reopening, and export of what the filter shows.
class FindingsPage : public QWidget
{
    Q_OBJECT

public:
    FindingsPage(Session& session, OperationRunner& runner, UserPrompts& prompts,
                 QWidget* parent = nullptr);

    /// Reloads the filter choices (tenants, profiles) and the findings.
    void refresh();

    qint64 selectedFindingId() const;
    models::FindingsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    EvidenceView* evidence() const { return m_evidence; }
    QComboBox* tenantFilter() const { return m_tenant; }
    QComboBox* profileFilter() const { return m_profile; }
    QComboBox* statusFilter() const { return m_status; }
    QComboBox* changeFilter() const { return m_change; }
    QComboBox* policyTypeFilter() const { return m_policyType; }
    QLineEdit* textFilter() const { return m_text; }
    QLabel* countLabel() const { return m_count; }

    /// Applies the filter bar now (it otherwise waits briefly while the user types).
    void applyFilter();

    /// Selects the first loaded finding whose display name contains `text`; false if none.
    bool selectFirstNamed(const QString& text);

Q_SIGNALS:
    /// The page changed the workspace (added, edited, deleted, acknowledged…): every page
    /// should show the new state.
    void changed();

    /// Something for the status bar, such as where an export went.
    void message(const QString& text);

public Q_SLOTS:
    void acknowledge();
    void reopen();
    void exportFindings();
    void compareAll();

private:
    models::FindingsQuery currentQuery() const;
    void showSelected();
    void updateActions();

    Session& m_session;
    OperationRunner& m_runner;
    UserPrompts& m_prompts;
    models::FindingsModel* m_model;
    QComboBox* m_tenant;
    QComboBox* m_profile;
    QComboBox* m_status;
    QComboBox* m_change;
    QComboBox* m_policyType;
    QLineEdit* m_text;
    QTimer* m_typing;
    QLabel* m_count;
    QTableView* m_table;
    EvidenceView* m_evidence;
    QPushButton* m_acknowledge;
    QPushButton* m_reopen;
    QPushButton* m_export;
    QPushButton* m_compareAll;
    bool m_columnsSized = false;
    qint64 m_keepSelected = 0;
    int m_keepScroll = 0;
};

} // namespace driftdesk::views
