// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace driftdesk {
class ConnectionSettings;
}

namespace driftdesk::views {

class ConnectionDialog;
class MainWindow;
class PasswordStore;
class Session;
class UserPrompts;

/// The desktop application's life: connects to the remembered workspace (with its password
/// from the keychain), asks for another connection when that fails or when the user wants one,
/// and replaces the window with one for the new session, without a restart.
class DesktopApp : public QObject
{
    Q_OBJECT

public:
    DesktopApp(AppSettings& settings, UserPrompts& prompts, PasswordStore& passwords,
               QObject* parent = nullptr);
    ~DesktopApp() override;

    /// Connects to `url` when given (as driftctl reads it), else to the remembered connection.
    void start(const QString& url = {}, const QString& workspace = {});

    /// Shows the connection dialog, optionally with why the last attempt failed; it starts from
    /// `attempted` (what the user tried) when given, else from the current connection.
    void askForConnection(const QString& problem = {},
                          const std::optional<ConnectionChoice>& attempted = std::nullopt,
                          const QString& attemptedWorkspace = {});

    MainWindow* window() const { return m_window.get(); }
    Session* session() const { return m_session.get(); }

    /// Called with the connection dialog before it opens, so a test can fill it in and close
    /// it; the dialog runs modally unless the hook closes it.
    std::function<void(ConnectionDialog&)> connectionDialogHook;

Q_SIGNALS:
    /// A session opened and its window shows.
    void connected();
    /// The user closed the connection dialog with no session open.
    void gaveUp();

private:
    void connectTo(const ConnectionChoice& choice, const QString& workspace,
                   const QString& password, bool rememberPassword);
    bool open(const ConnectionSettings& settings, const QString& workspace, QString* problem);

    AppSettings& m_settings;
    UserPrompts& m_prompts;
    PasswordStore& m_passwords;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Session> m_session;
};

} // namespace driftdesk::views
