// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace driftdesk {

enum class PolicyTypeKind { Policy, Foundation };

struct PolicyTypeInfo
{
    QString key;
    QString label;
    PolicyTypeKind kind = PolicyTypeKind::Policy;
    QStringList odataTypes;
    QStringList collections;
    QStringList templateFamilies;
    QStringList folders;
    QMap<QString, QString> severity; ///< change type -> low, medium or high
};

/// How one exported object was classified, or why it could not be.
struct Classification
{
    QString policyType; ///< empty when the object could not be classified
    QString subjectType; ///< the Graph entity type, without "#microsoft.graph."
    QString error;
};

/// The supported policy and foundation types, read from a data file (resources/policy-types.json
/// is built in). Immutable after loading and therefore safe to share between threads.
class PolicyTypeRegistry
{
public:
    /// The registry built into the engine.
    static const PolicyTypeRegistry& builtIn();

    /// Reads a registry document; throws std::runtime_error naming what is wrong.
    static PolicyTypeRegistry fromJson(const nlohmann::json& document);

    const std::vector<PolicyTypeInfo>& types() const { return m_types; }
    const PolicyTypeInfo* find(const QString& key) const;
    QStringList keys(PolicyTypeKind kind) const;

    /// The severity of a finding of `changeType` on a policy of `policyType`: the registry's
    /// value for the type, else the documented default of the change type (missing high,
    /// different medium, unexpected low, ambiguous match medium).
    QString severity(const QString& policyType, const QString& changeType) const;

    /// Types whose objects an export folder of this name can hold (empty for unknown folders).
    QStringList typesForFolder(const QString& folderName) const;

    /// Classifies an exported object. `listCollection` is the collection named by the
    /// enclosing Graph list response, when the object came from one.
    Classification classify(const nlohmann::json& object, const QString& listCollection = {}) const;

    /// The collection path named in an @odata.context URL, without its query options:
    /// ".../$metadata#deviceManagement/deviceConfigurations(assignments())/$entity" gives
    /// "deviceManagement/deviceConfigurations".
    static QString collectionFromContext(const QString& context);

private:
    std::vector<PolicyTypeInfo> m_types;
};

} // namespace driftdesk
