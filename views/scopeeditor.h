// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "baselinescope.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace driftdesk::views {

/// Edits a baseline profile's scope: a checkable list of the registry's policy types and one of
/// its foundation types, each saying plainly what an empty selection means. It offers only the
/// registry's keys, so it cannot produce an unknown one.
class ScopeEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ScopeEditor(const PolicyTypeRegistry& registry, QWidget* parent = nullptr);

    void setScope(const BaselineScope& scope);
    BaselineScope scope() const;

    /// Checks one type by key (for keyboard-free scripting and tests); false if unknown.
    bool setTypeChecked(const QString& key, bool checked);

    QListWidget* policyList() const { return m_policies; }
    QListWidget* foundationList() const { return m_foundations; }

Q_SIGNALS:
    void changed();

private:
    void updateExplanations();

    const PolicyTypeRegistry& m_registry;
    QListWidget* m_policies;
    QListWidget* m_foundations;
    QLabel* m_policyMeaning;
    QLabel* m_foundationMeaning;
};

} // namespace driftdesk::views
