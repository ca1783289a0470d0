// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace driftdesk::views {

/// Chooses where to connect: a local workspace file (the default one or another) or a
/// PostgreSQL server (host, port, database, user, SSL mode, password). The password goes to
/// the keychain when the user asks to remember it; it is never written to settings.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget* parent = nullptr);

    void setChoice(const ConnectionChoice& choice, const QString& workspace);
    ConnectionChoice choice() const;
    QString workspace() const;
    QString password() const;
    bool rememberPassword() const;

    /// Shows why the last attempt failed, above the buttons.
    void setProblem(const QString& problem);

    QRadioButton* fileButton() const { return m_file; }
    QRadioButton* serverButton() const { return m_server; }
    QLineEdit* filePathEdit() const { return m_filePath; }
    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portBox() const { return m_port; }
    QLineEdit* databaseEdit() const { return m_database; }
    QLineEdit* userEdit() const { return m_user; }
    QComboBox* sslModeBox() const { return m_sslMode; }
    QLineEdit* passwordEdit() const { return m_password; }
    QCheckBox* rememberBox() const { return m_remember; }
    QLineEdit* workspaceEdit() const { return m_workspace; }

public Q_SLOTS:
    void accept() override;

private:
    void updateEnabled();

    QRadioButton* m_file;
    QRadioButton* m_server;
    QLineEdit* m_filePath;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QComboBox* m_sslMode;
    QLineEdit* m_password;
    QCheckBox* m_remember;
    QLineEdit* m_workspace;
    QLabel* m_problem;
};

} // namespace driftdesk::views
