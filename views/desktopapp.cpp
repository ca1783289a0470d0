// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopapp.h"

#include "connectiondialog.h"
#include "connectionsettings.h"
#include "engineerror.h"
#include "mainwindow.h"
#include "passwordstore.h"
#include "session.h"

#include "userprompts.h"
#include <QFileInfo>

namespace driftdesk::views {

DesktopApp::DesktopApp(AppSettings& settings, UserPrompts& prompts, PasswordStore& passwords,
                       QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_prompts(prompts)
    , m_passwords(passwords)
{
}

DesktopApp::~DesktopApp()
{
    // The window refers to the session: close it first.
    m_window.reset();
}

void DesktopApp::start(const QString& url, const QString& workspace)
{
    const QString chosenWorkspace = workspace.isEmpty() ? m_settings.workspace() : workspace;
    if (!url.isEmpty()) {
        QString problem;
        try {
            if (open(ConnectionSettings::fromUrl(url), chosenWorkspace, &problem))
                return;
        } catch (const EngineError& error) {
            problem = error.message();
        }
        askForConnection(problem);
        return;
    }

    const ConnectionChoice choice = m_settings.connection();
    if (choice.kind == ConnectionChoice::Kind::LocalFile) {
        connectTo(choice, chosenWorkspace, QString(), false);
        return;
    }
    m_passwords.read(choice.keychainKey(), this,
                     [this, choice, chosenWorkspace](std::optional<QString> password, QString) {
                         // Without a stored password libpq still tries PGPASSWORD and .pgpass.
                         connectTo(choice, chosenWorkspace, password.value_or(QString()), false);
                     });
}

void DesktopApp::connectTo(const ConnectionChoice& choice, const QString& workspace,
                           const QString& password, bool rememberPassword)
{
    QString problem;
    try {
        ConnectionSettings settings = ConnectionSettings::fromUrl(choice.url());
        settings.setPassword(password);
        if (open(settings, workspace, &problem)) {
            m_settings.setConnection(choice);
            m_settings.setWorkspace(workspace);
            if (rememberPassword && !password.isEmpty()) {
                m_passwords.write(choice.keychainKey(), password, this, [this](QString error) {
                    if (!error.isEmpty())
                        m_prompts.error(m_window.get(), tr("Keychain"),
                                        tr("The password could not be remembered: %1").arg(error));
                });
            }
            return;
        }
    } catch (const EngineError& error) {
        problem = error.message();
    }
    askForConnection(problem, choice, workspace);
}

bool DesktopApp::open(const ConnectionSettings& settings, const QString& workspace,
                      QString* problem)
{
    // A mistyped path must not leave a new workspace file behind unasked; the default file is
    // the application's own and is created quietly on first use.
    if (settings.backend() == Backend::Sqlite && !QFileInfo::exists(settings.sqlitePath())
        && settings.sqlitePath() != ConnectionSettings::defaultSqlitePath()
        && !m_prompts.confirm(nullptr, tr("Connect"),
                              tr("There is no workspace file at %1. Create a new, empty "
                                 "workspace there?")
                                  .arg(settings.sqlitePath()))) {
        *problem = tr("There is no workspace file at %1.").arg(settings.sqlitePath());
        return false;
    }

    std::unique_ptr<Session> session;
    try {
        try {
            session = Session::open(settings, workspace);
        } catch (const WorkspaceNotFound&) {
            if (!m_prompts.confirm(
                    nullptr, tr("Connect"),
                    tr("There is no workspace named \"%1\" there. Create it?").arg(workspace)))
                throw;
            session = Session::open(settings, workspace, true);
        }
    } catch (const EngineError& error) {
        *problem = error.message();
        return false;
    }

    // The new window replaces the old one; the old session closes after its window.
    auto window = std::make_unique<MainWindow>(*session, m_prompts, &m_settings);
    connect(
        window.get(), &MainWindow::connectRequested, this, [this] { askForConnection(); },
        Qt::QueuedConnection);
    if (m_window)
        window->setGeometry(m_window->geometry());
    else
        window->resize(1280, 800);
    m_window.reset();
    m_session = std::move(session);
    m_window = std::move(window);
    m_window->show();
    Q_EMIT connected();
    return true;
}

void DesktopApp::askForConnection(const QString& problem,
                                  const std::optional<ConnectionChoice>& attempted,
                                  const QString& attemptedWorkspace)
{
    // Not a child of the window: connecting replaces the window while the dialog still exists.
    ConnectionDialog dialog;
    dialog.setWindowModality(Qt::ApplicationModal);
    // Start from what the user just tried, else from where the application is connected now,
    // else from the remembered connection.
    if (attempted)
        dialog.setChoice(*attempted, attemptedWorkspace);
    else if (m_session)
        dialog.setChoice(ConnectionChoice::fromSettings(m_session->settings()),
                         m_session->workspaceName());
    else
        dialog.setChoice(m_settings.connection(), m_settings.workspace());
    dialog.setProblem(problem);
    if (connectionDialogHook)
        connectionDialogHook(dialog);
    else
        dialog.exec();

    if (dialog.result() != QDialog::Accepted) {
        if (!m_session)
            Q_EMIT gaveUp();
        return;
    }
    const ConnectionChoice choice = dialog.choice();
    if (choice.kind == ConnectionChoice::Kind::Server && dialog.password().isEmpty()) {
        m_passwords.read(choice.keychainKey(), this,
                         [this, choice, workspace = dialog.workspace()](
                             std::optional<QString> password, QString) {
                             connectTo(choice, workspace, password.value_or(QString()), false);
                         });
        return;
    }
    connectTo(choice, dialog.workspace(), dialog.password(), dialog.rememberPassword());
}

} // namespace driftdesk::views
