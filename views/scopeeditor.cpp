// SPDX-License-Identifier: GPL-3.0-or-later
#include "scopeeditor.h"

#include "vocabulary.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>

namespace driftdesk::views {

namespace {

constexpr int keyRole = Qt::UserRole + 1;

QListWidget* typeList(const PolicyTypeRegistry& registry, PolicyTypeKind kind, QWidget* parent)
{
    auto* list = new QListWidget(parent);
    for (const PolicyTypeInfo& type : registry.types()) {
        if (type.kind != kind)
            continue;
        auto* item = new QListWidgetItem(models::policyTypeLabel(type), list);
        item->setData(keyRole, type.key);
        item->setToolTip(type.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    return list;
}

QStringList checkedKeys(const QListWidget* list)
{
    QStringList keys;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            keys.append(list->item(row)->data(keyRole).toString());
    }
    return keys;
}

void checkKeys(QListWidget* list, const QStringList& keys)
{
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem* item = list->item(row);
        item->setCheckState(keys.contains(item->data(keyRole).toString()) ? Qt::Checked
                                                                          : Qt::Unchecked);
    }
}

} // namespace

ScopeEditor::ScopeEditor(const PolicyTypeRegistry& registry, QWidget* parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_policies(typeList(registry, PolicyTypeKind::Policy, this))
    , m_foundations(typeList(registry, PolicyTypeKind::Foundation, this))
    , m_policyMeaning(new QLabel(this))
    , m_foundationMeaning(new QLabel(this))
{
    m_policies->setAccessibleName(tr("Policy types in scope"));
    m_foundations->setAccessibleName(tr("Foundation types in scope"));
    m_policyMeaning->setWordWrap(true);
    m_foundationMeaning->setWordWrap(true);

    auto* policyLabel = new QLabel(tr("&Policy types"), this);
    policyLabel->setBuddy(m_policies);
    auto* foundationLabel = new QLabel(tr("&Foundation types"), this);
    foundationLabel->setBuddy(m_foundations);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(policyLabel, 0, 0);
    layout->addWidget(foundationLabel, 0, 1);
    layout->addWidget(m_policies, 1, 0);
    layout->addWidget(m_foundations, 1, 1);
    layout->addWidget(m_policyMeaning, 2, 0);
    layout->addWidget(m_foundationMeaning, 2, 1);

    for (QListWidget* list : {m_policies, m_foundations}) {
        connect(list, &QListWidget::itemChanged, this, [this] {
            updateExplanations();
            Q_EMIT changed();
        });
    }
    updateExplanations();
}

void ScopeEditor::setScope(const BaselineScope& scope)
{
    const QSignalBlocker blockPolicies(m_policies);
    const QSignalBlocker blockFoundations(m_foundations);
    checkKeys(m_policies, scope.policyTypes());
    checkKeys(m_foundations, scope.foundationTypes());
    updateExplanations();
}

BaselineScope ScopeEditor::scope() const
{
    return BaselineScope(checkedKeys(m_policies), checkedKeys(m_foundations));
}

bool ScopeEditor::setTypeChecked(const QString& key, bool checked)
{
    for (QListWidget* list : {m_policies, m_foundations}) {
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(keyRole).toString() == key) {
                list->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
                return true;
            }
        }
    }
    return false;
}

void ScopeEditor::updateExplanations()
{
    const int policies = static_cast<int>(checkedKeys(m_policies).size());
    const int foundations = static_cast<int>(checkedKeys(m_foundations).size());
    m_policyMeaning->setText(policies == 0
                                 ? tr("None checked: all supported policy types are in scope.")
                                 : tr("%n policy type(s) in scope.", nullptr, policies));
    m_foundationMeaning->setText(foundations == 0
                                     ? tr("None checked: no foundation types are in scope.")
                                     : tr("%n foundation type(s) in scope.", nullptr, foundations));
}

} // namespace driftdesk::views
