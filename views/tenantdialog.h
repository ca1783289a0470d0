// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace driftdesk::views {

/// Adds a tenant: its name and, optionally, its Entra tenant id (a GUID). Enter saves; a
/// problem shows in the dialog, which keeps what was typed.
class TenantDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TenantDialog(QWidget* parent = nullptr);

    QString name() const;
    QString externalId() const;

    /// Called when the user saves; returns an error to show, or empty to accept.
    void setValidator(std::function<QString(const QString& name, const QString& externalId)> check);

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* externalIdEdit() const { return m_externalId; }
    QLabel* errorLabel() const { return m_error; }

public Q_SLOTS:
    void accept() override;

private:
    QLineEdit* m_name;
    QLineEdit* m_externalId;
    QLabel* m_error;
    std::function<QString(const QString&, const QString&)> m_validator;
};

} // namespace driftdesk::views
