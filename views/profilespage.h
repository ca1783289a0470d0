// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QPushButton;
class QTableView;

namespace driftdesk::models {
class ProfilesModel;
}

namespace driftdesk::views {

class AssignTenantsDialog;
class OperationRunner;
class ProfileDialog;
class Session;
class SnapshotView;
class UserPrompts;

/// Baseline profiles: create and edit them (with their scope), assign tenants, capture a
/// baseline from a tenant, compare the assigned tenants, and browse snapshots.
class ProfilesPage : public QWidget
{
    Q_OBJECT

public:
    ProfilesPage(Session& session, OperationRunner& runner, UserPrompts& prompts,
                 QWidget* parent = nullptr);

    void refresh();
    qint64 selectedProfileId() const;
    bool selectProfile(qint64 profileId);

    QTableView* table() const { return m_table; }
    SnapshotView* snapshotView() const { return m_snapshots; }

    /// Called with each dialog before it opens, so a test can fill it in and close it. The
    /// dialog runs modally unless the hook closes it.
    std::function<void(ProfileDialog&)> profileDialogHook;
    std::function<void(AssignTenantsDialog&)> assignDialogHook;

Q_SIGNALS:
    /// The page changed the workspace (added, edited, deleted, acknowledged…): every page
    /// should show the new state.
    void changed();

public Q_SLOTS:
    void newProfile();
    void editProfile();
    void deleteProfile();
    void assignTenants();
    void captureBaseline();
    void compareNow();

private:
    void showSelected();
    void updateActions();
    bool runProfileDialog(ProfileDialog& dialog);

    Session& m_session;
    OperationRunner& m_runner;
    UserPrompts& m_prompts;
    models::ProfilesModel* m_model;
    QTableView* m_table;
    SnapshotView* m_snapshots;
    QPushButton* m_new;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_assign;
    QPushButton* m_capture;
    QPushButton* m_compare;
};

} // namespace driftdesk::views
