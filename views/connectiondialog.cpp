// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialog.h"

#include "connectionsettings.h"

#include "formwidgets.h"
#include <QCheckBox>
#include <QComboBox>

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace driftdesk::views {

ConnectionDialog::ConnectionDialog(QWidget* parent)
    : QDialog(parent)
    , m_file(new QRadioButton(tr("&Local workspace file"), this))
    , m_server(new QRadioButton(tr("&PostgreSQL server"), this))
    , m_filePath(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_sslMode(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Re&member the password in the system keychain"), this))
    , m_workspace(new QLineEdit(this))
    , m_problem(makeProblemLabel(tr("Why the connection failed"), this))
{
    setWindowTitle(tr("Connect to a workspace"));
    m_filePath->setAccessibleName(tr("Workspace file"));
    m_filePath->setPlaceholderText(ConnectionSettings::defaultSqlitePath());
    m_host->setAccessibleName(tr("Server host or socket folder"));
    m_port->setAccessibleName(tr("Server port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database->setAccessibleName(tr("Database name"));
    m_user->setAccessibleName(tr("User name"));
    m_sslMode->setAccessibleName(tr("SSL mode"));
    for (const char* mode : {"prefer", "require", "verify-ca", "verify-full", "disable", "allow"})
        m_sslMode->addItem(QLatin1String(mode), QLatin1String(mode));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("from the keychain, PGPASSWORD or ~/.pgpass"));
    m_workspace->setAccessibleName(tr("Workspace name"));
    m_workspace->setText(QStringLiteral("default"));

    auto* browse = new QPushButton(tr("&Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_filePath, 1);
    fileRow->addWidget(browse);

    auto* server = new QFormLayout;
    server->addRow(tr("&Host:"), m_host);
    server->addRow(tr("P&ort:"), m_port);
    server->addRow(tr("&Database:"), m_database);
    server->addRow(tr("&User:"), m_user);
    server->addRow(tr("&SSL mode:"), m_sslMode);
    server->addRow(tr("Pass&word:"), m_password);
    server->addRow(QString(), m_remember);

    auto* workspaceRow = new QFormLayout;
    workspaceRow->addRow(tr("Wor&kspace:"), m_workspace);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_file);
    layout->addLayout(fileRow);
    layout->addWidget(m_server);
    layout->addLayout(server);
    layout->addLayout(workspaceRow);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_file, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Workspace file"), m_filePath->text(), tr("DriftDesk workspace (*.db)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_filePath->setText(path);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    m_file->setChecked(true);
    updateEnabled();
}

void ConnectionDialog::setChoice(const ConnectionChoice& choice, const QString& workspace)
{
    (choice.kind == ConnectionChoice::Kind::Server ? m_server : m_file)->setChecked(true);
    m_filePath->setText(choice.filePath);
    m_host->setText(choice.host);
    m_port->setValue(choice.port);
    m_database->setText(choice.database);
    m_user->setText(choice.user);
    m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(choice.sslMode)));
    m_workspace->setText(workspace);
    updateEnabled();
}

ConnectionChoice ConnectionDialog::choice() const
{
    ConnectionChoice choice;
    choice.kind = m_server->isChecked() ? ConnectionChoice::Kind::Server
                                        : ConnectionChoice::Kind::LocalFile;
    choice.filePath = m_filePath->text().trimmed();
    choice.host = m_host->text().trimmed();
    choice.port = m_port->value();
    choice.database = m_database->text().trimmed();
    choice.user = m_user->text().trimmed();
    choice.sslMode = m_sslMode->currentData().toString();
    return choice;
}

QString ConnectionDialog::workspace() const
{
    return m_workspace->text().trimmed();
}

QString ConnectionDialog::password() const
{
    return m_server->isChecked() ? m_password->text() : QString();
}

bool ConnectionDialog::rememberPassword() const
{
    return m_server->isChecked() && m_remember->isChecked();
}

void ConnectionDialog::setProblem(const QString& problem)
{
    showProblem(m_problem, problem);
}

void ConnectionDialog::accept()
{
    if (m_server->isChecked()
        && (m_host->text().trimmed().isEmpty() || m_database->text().trimmed().isEmpty())) {
        setProblem(tr("Give the server's host (or socket folder) and the database name."));
        return;
    }
    if (workspace().isEmpty()) {
        setProblem(tr("Give the workspace name (\"default\" unless you created others)."));
        return;
    }
    QDialog::accept();
}

void ConnectionDialog::updateEnabled()
{
    const bool server = m_server->isChecked();
    m_filePath->setEnabled(!server);
    for (QWidget* widget : std::initializer_list<QWidget*>{m_host, m_port, m_database, m_user,
                                                           m_sslMode, m_password, m_remember})
        widget->setEnabled(server);
}

} // namespace driftdesk::views
