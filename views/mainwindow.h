// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operation.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;
class QToolButton;

namespace driftdesk::views {

class AppSettings;
class FindingsPage;
class OperationRunner;
class ProfilesPage;
class RunsPage;
class Session;
class TenantsPage;
class UserPrompts;

/// The application window: a navigation list of pages (tenants, baseline profiles, findings,
/// operation runs), and a status bar with the connection and any running operation.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { TenantsPageIndex, ProfilesPageIndex, FindingsPageIndex, RunsPageIndex, PageCount };

    MainWindow(Session& session, UserPrompts& prompts, AppSettings* settings = nullptr,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;

    /// Shows a run on the runs page.
    void showRun(qint64 runId);

    /// Renders the window showing `page` into a PNG file.
    bool renderPage(Page page, const QString& path);

    /// The About dialog's text: DriftDesk's version, and the Qt and database versions in use.
    QString aboutText();

    OperationRunner& runner() const { return *m_runner; }
    TenantsPage* tenantsPage() const { return m_tenants; }
    ProfilesPage* profilesPage() const { return m_profiles; }
    FindingsPage* findingsPage() const { return m_findings; }
    RunsPage* runsPage() const { return m_runs; }
    QLabel* resultLabel() const { return m_result; }

public Q_SLOTS:
    /// Imports a settings-definitions catalog (Graph's configurationSettings list, saved as
    /// JSON files in a folder) off the GUI thread, for readable names in evidence.
    void importSettingDefinitions();

Q_SIGNALS:
    /// The user asked to connect elsewhere (File > Connect…).
    void connectRequested();
    /// A settings-definitions import ended; `summary` says what it did.
    void definitionsImported(const QString& summary);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void refreshAll();
    void onOperationFinished(const QString& title, const QList<driftdesk::RunResult>& results,
                             bool cancelled);
    void restoreState();
    void saveState();

    Session& m_session;
    UserPrompts& m_prompts;
    AppSettings* m_settings;
    OperationRunner* m_runner;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    TenantsPage* m_tenants;
    ProfilesPage* m_profiles;
    FindingsPage* m_findings;
    RunsPage* m_runs;
    QLabel* m_connection;
    QLabel* m_step;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QLabel* m_result;
};

} // namespace driftdesk::views
