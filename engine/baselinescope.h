// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policytyperegistry.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace driftdesk {

/// What a baseline profile covers: {"policy_types": [...], "foundation_types": [...]}.
/// An empty policy type list means every supported policy type (foundations excluded);
/// an empty foundation type list means none.
class BaselineScope
{
public:
    BaselineScope() = default;
    BaselineScope(QStringList policyTypes, QStringList foundationTypes);

    /// Reads and validates a scope document. Returns the scope, or sets `error` to a message
    /// that names the unknown member or type.
    static std::optional<BaselineScope> fromJson(const nlohmann::json& document,
                                                 const PolicyTypeRegistry& registry,
                                                 QString* error);

    /// Validates lists given by name (for example from the command line).
    static std::optional<BaselineScope> fromLists(const QStringList& policyTypes,
                                                  const QStringList& foundationTypes,
                                                  const PolicyTypeRegistry& registry,
                                                  QString* error);

    nlohmann::json toJson() const;

    const QStringList& policyTypes() const { return m_policyTypes; }
    const QStringList& foundationTypes() const { return m_foundationTypes; }

    /// The policy and foundation types this scope really covers, in registry order.
    QStringList effectiveTypes(const PolicyTypeRegistry& registry) const;

private:
    QStringList m_policyTypes;
    QStringList m_foundationTypes;
};

} // namespace driftdesk
