// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profilestore.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace driftdesk::views {

class ScopeEditor;

/// Creates or edits a baseline profile: name, description, version label, status, how tenants
/// are matched against it, and scope.
/// Validates before it accepts, and shows what is wrong beside the form.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfileDialog(QWidget* parent = nullptr);

    void setDraft(const ProfileDraft& draft);
    ProfileDraft draft() const;

    /// Called with the draft when the user saves; returns an error message to show, or empty
    /// to accept. Lets the caller check against the database (a taken name, say).
    void setValidator(std::function<QString(const ProfileDraft&)> validator);

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* versionEdit() const { return m_version; }
    QPlainTextEdit* descriptionEdit() const { return m_description; }
    QComboBox* statusBox() const { return m_status; }
    QComboBox* matchingBox() const { return m_matching; }
    QLineEdit* versionSuffixEdit() const { return m_versionSuffix; }
    ScopeEditor* scopeEditor() const { return m_scope; }
    QLabel* errorLabel() const { return m_error; }

public Q_SLOTS:
    void accept() override;

private:
    QLineEdit* m_name;
    QLineEdit* m_version;
    QPlainTextEdit* m_description;
    QComboBox* m_status;
    QComboBox* m_matching;
    QLineEdit* m_versionSuffix;
    ScopeEditor* m_scope;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    std::function<QString(const ProfileDraft&)> m_validator;
};

} // namespace driftdesk::views
