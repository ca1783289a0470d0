// SPDX-License-Identifier: GPL-3.0-or-later
#include "assigntenantsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace driftdesk::views {

AssignTenantsDialog::AssignTenantsDialog(const QList<QPair<qint64, QString>>& tenants,
                                         const QSet<qint64>& assigned, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Assign tenants"));
    m_list->setAccessibleName(tr("Tenants assigned to the profile"));
    for (const auto& [id, name] : tenants) {
        auto* item = new QListWidgetItem(name, m_list);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(assigned.contains(id) ? Qt::Checked : Qt::Unchecked);
    }

    auto* label = new QLabel(tr("Tenants compared with this profile's active snapshot:"), this);
    label->setBuddy(m_list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QSet<qint64> AssignTenantsDialog::assigned() const
{
    QSet<qint64> result;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            result.insert(m_list->item(row)->data(Qt::UserRole).toLongLong());
    }
    return result;
}

} // namespace driftdesk::views
