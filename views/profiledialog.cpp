// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledialog.h"

#include "scopeeditor.h"

#include "formwidgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace driftdesk::views {

ProfileDialog::ProfileDialog(QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_status(new QComboBox(this))
    , m_matching(new QComboBox(this))
    , m_versionSuffix(new QLineEdit(this))
    , m_scope(new ScopeEditor(PolicyTypeRegistry::builtIn(), this))
    , m_error(makeProblemLabel(tr("Problems with the profile"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Baseline profile"));
    m_name->setAccessibleName(tr("Profile name"));
    m_version->setAccessibleName(tr("Version label"));
    m_version->setPlaceholderText(tr("for example v3.7"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(80);
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("Draft"), QStringLiteral("draft"));
    m_status->addItem(tr("Archived (neither captured into nor compared)"),
                      QStringLiteral("archived"));
    m_matching->setAccessibleName(tr("Match policies"));
    m_matching->addItem(tr("By id (the same tenant over time)"), MatchingMode::byId);
    m_matching->addItem(tr("By name and type (other tenants)"), MatchingMode::byIdentity);
    m_versionSuffix->setAccessibleName(tr("Version suffix pattern"));
    m_versionSuffix->setToolTip(tr("A regular expression removed from the end of names before "
                                   "they are matched, so that \"Firewall - v3.6\" matches "
                                   "\"Firewall - v3.7\""));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Version label:"), m_version);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("&Match policies:"), m_matching);
    form->addRow(tr("Version s&uffix:"), m_versionSuffix);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_scope, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    // The suffix only matters when names are matched.
    const auto followMatching = [this] {
        m_versionSuffix->setEnabled(m_matching->currentData() == MatchingMode::byIdentity);
    };
    connect(m_matching, &QComboBox::currentIndexChanged, this, followMatching);
    m_versionSuffix->setText(defaultVersionSuffixPattern);
    followMatching();
}

void ProfileDialog::setDraft(const ProfileDraft& draft)
{
    m_name->setText(draft.name);
    m_version->setText(draft.versionLabel);
    m_description->setPlainText(draft.description);
    m_status->setCurrentIndex(std::max(0, m_status->findData(draft.status)));
    m_matching->setCurrentIndex(std::max(0, m_matching->findData(draft.matchingMode)));
    m_versionSuffix->setText(draft.versionSuffixPattern);
    m_versionSuffix->setEnabled(draft.matchingMode == MatchingMode::byIdentity);
    m_scope->setScope(draft.scope);
}

ProfileDraft ProfileDialog::draft() const
{
    ProfileDraft draft;
    draft.name = m_name->text().trimmed();
    draft.versionLabel = m_version->text().trimmed();
    draft.description = m_description->toPlainText();
    draft.status = m_status->currentData().toString();
    draft.matchingMode = m_matching->currentData().toString();
    draft.versionSuffixPattern = m_versionSuffix->text();
    draft.scope = m_scope->scope();
    return draft;
}

void ProfileDialog::setValidator(std::function<QString(const ProfileDraft&)> validator)
{
    m_validator = std::move(validator);
}

void ProfileDialog::accept()
{
    const ProfileDraft current = draft();
    QString problem;
    if (current.name.isEmpty())
        problem = tr("Give the profile a name.");
    else if (m_validator)
        problem = m_validator(current);

    if (!problem.isEmpty()) {
        showProblem(m_error, problem);
        m_name->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace driftdesk::views
