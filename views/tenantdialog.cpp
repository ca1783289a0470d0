// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantdialog.h"

#include "formwidgets.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace driftdesk::views {

TenantDialog::TenantDialog(QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_externalId(new QLineEdit(this))
    , m_error(makeProblemLabel(tr("Problems with the tenant"), this))
{
    setWindowTitle(tr("Add tenant"));
    m_name->setAccessibleName(tr("Tenant name"));
    m_name->setMaxLength(200);
    m_externalId->setAccessibleName(tr("Entra tenant id"));
    m_externalId->setPlaceholderText(tr("optional, a GUID such as 00000000-0000-0000-0000-…"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Tenant id:"), m_externalId);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &TenantDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TenantDialog::reject);
}

QString TenantDialog::name() const
{
    return m_name->text().trimmed();
}

QString TenantDialog::externalId() const
{
    return m_externalId->text().trimmed();
}

void TenantDialog::setValidator(
    std::function<QString(const QString& name, const QString& externalId)> check)
{
    m_validator = std::move(check);
}

void TenantDialog::accept()
{
    QString problem;
    if (name().isEmpty())
        problem = tr("Give the tenant a name.");
    else if (m_validator)
        problem = m_validator(name(), externalId());
    if (!problem.isEmpty()) {
        showProblem(m_error, problem);
        m_name->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace driftdesk::views
