// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinescope.h"

#include "jsonconvert.h"

namespace driftdesk {

namespace {

bool checkTypes(const QStringList& keys, PolicyTypeKind kind, const char* memberName,
                const PolicyTypeRegistry& registry, QString* error)
{
    for (const auto& key : keys) {
        const PolicyTypeInfo* info = registry.find(key);
        if (info && info->kind == kind)
            continue;
        if (info) {
            *error = QStringLiteral("%1: \"%2\" is a %3 type, not allowed here")
                         .arg(QLatin1String(memberName), key,
                              info->kind == PolicyTypeKind::Policy ? QStringLiteral("policy")
                                                                   : QStringLiteral("foundation"));
        } else {
            *error = QStringLiteral("%1: unknown type \"%2\" (supported: %3)")
                         .arg(QLatin1String(memberName), key, registry.keys(kind).join(u", "));
        }
        return false;
    }
    return true;
}

} // namespace

BaselineScope::BaselineScope(QStringList policyTypes, QStringList foundationTypes)
    : m_policyTypes(std::move(policyTypes))
    , m_foundationTypes(std::move(foundationTypes))
{
    m_policyTypes.removeDuplicates();
    m_foundationTypes.removeDuplicates();
}

std::optional<BaselineScope> BaselineScope::fromJson(const nlohmann::json& document,
                                                     const PolicyTypeRegistry& registry,
                                                     QString* error)
{
    if (!document.is_object()) {
        *error = QStringLiteral("scope must be a JSON object");
        return std::nullopt;
    }
    for (auto it = document.begin(); it != document.end(); ++it) {
        if (it.key() != "policy_types" && it.key() != "foundation_types") {
            *error
                = QStringLiteral("scope: unknown key \"%1\"").arg(QString::fromStdString(it.key()));
            return std::nullopt;
        }
    }

    QStringList lists[2];
    const char* names[2] = {"policy_types", "foundation_types"};
    for (int i = 0; i < 2; ++i) {
        const auto member = document.find(names[i]);
        if (member == document.end() || member->is_null())
            continue;
        if (!member->is_array()) {
            *error = QStringLiteral("scope: %1 must be a list").arg(QLatin1String(names[i]));
            return std::nullopt;
        }
        for (const auto& value : *member) {
            if (!value.is_string()) {
                *error
                    = QStringLiteral("scope: %1 must hold type keys").arg(QLatin1String(names[i]));
                return std::nullopt;
            }
            lists[i].append(toQString(value));
        }
    }
    return fromLists(lists[0], lists[1], registry, error);
}

std::optional<BaselineScope> BaselineScope::fromLists(const QStringList& policyTypes,
                                                      const QStringList& foundationTypes,
                                                      const PolicyTypeRegistry& registry,
                                                      QString* error)
{
    if (!checkTypes(policyTypes, PolicyTypeKind::Policy, "policy_types", registry, error)
        || !checkTypes(foundationTypes, PolicyTypeKind::Foundation, "foundation_types", registry,
                       error)) {
        return std::nullopt;
    }
    return BaselineScope(policyTypes, foundationTypes);
}

nlohmann::json BaselineScope::toJson() const
{
    return {{"policy_types", toJsonArray(m_policyTypes)},
            {"foundation_types", toJsonArray(m_foundationTypes)}};
}

QStringList BaselineScope::effectiveTypes(const PolicyTypeRegistry& registry) const
{
    QStringList result;
    for (const auto& type : registry.types()) {
        const bool wanted = type.kind == PolicyTypeKind::Policy
            ? (m_policyTypes.isEmpty() || m_policyTypes.contains(type.key))
            : m_foundationTypes.contains(type.key);
        if (wanted)
            result.append(type.key);
    }
    return result;
}

} // namespace driftdesk
