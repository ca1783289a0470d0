// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTextBrowser;

namespace driftdesk::models {
class TenantsModel;
}

namespace driftdesk::views {

class OperationRunner;
class TenantDialog;
class Session;
class UserPrompts;

/// Tenants with their latest inventory sync and its per-type coverage; adds and deletes
/// tenants and imports an inventory from an export folder.
class TenantsPage : public QWidget
{
    Q_OBJECT

public:
    TenantsPage(Session& session, OperationRunner& runner, UserPrompts& prompts,
                QWidget* parent = nullptr);

    void refresh();
    qint64 selectedTenantId() const;
    bool selectTenant(qint64 tenantId);

    QTableView* table() const { return m_table; }

    /// Called with the add-tenant dialog before it opens, so a test can fill it in.
    std::function<void(TenantDialog&)> tenantDialogHook;
    QTableWidget* coverageTable() const { return m_coverage; }

Q_SIGNALS:
    /// The page changed the workspace (added, edited, deleted, acknowledged…): every page
    /// should show the new state.
    void changed();

public Q_SLOTS:
    void addTenant();
    void deleteTenant();
    void importInventory();

private:
    void showSelected();
    void updateActions();

    Session& m_session;
    OperationRunner& m_runner;
    UserPrompts& m_prompts;
    models::TenantsModel* m_model;
    QTableView* m_table;
    QTableWidget* m_coverage;
    QTextBrowser* m_problems;
    QLabel* m_hint;
    QPushButton* m_add;
    QPushButton* m_delete;
    QPushButton* m_import;
};

} // namespace driftdesk::views
