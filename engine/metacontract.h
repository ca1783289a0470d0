// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace driftdesk {

/// The part of an exported policy object that decides whether two policies are configured the
/// same, under one versioned contract, with its canonical text and hash.
struct MetaContract
{
    int version = 0;
    nlohmann::json payload;
    std::string canonicalText; ///< RFC 8785 text of the payload
    std::string hash; ///< lowercase hex SHA-256 of canonicalText
};

/// Builds meta contracts. Every released contract version stays buildable, so a hash recorded
/// under one version can always be recomputed under that same version. docs/meta-contract-v1.md
/// and docs/meta-contract-v2.md describe them precisely enough to reproduce a hash elsewhere.
class MetaContractBuilder
{
public:
    static constexpr int latestVersion = 2;

    static bool isSupported(int version) { return version >= 1 && version <= latestVersion; }

    /// The payload of `object` under `version`. Throws std::invalid_argument for a version this
    /// program does not know.
    static nlohmann::json payload(const nlohmann::json& object, int version);

    /// Payload, canonical text and hash in one step.
    static MetaContract build(const nlohmann::json& object, int version = latestVersion);

    /// The payload as compared across tenants (matching by identity), without what holds one
    /// tenant's ids: assignments keep their target kind and filter mode, notification
    /// templates and copied groups only whether they are set. Version 1 hashes no
    /// assignments, so its payload is returned unchanged.
    static nlohmann::json acrossTenants(const nlohmann::json& payload, int version);

    /// Whether version 2 sorts the lists held by members of this name (their order carries no
    /// meaning).
    static bool isOrderFreeList(std::string_view memberName);

    /// Lowercase hex SHA-256 of a payload's RFC 8785 text.
    static std::string hashOf(const nlohmann::json& payload);

    /// The key an element of a list carries itself (a setting's settingDefinitionId, directly
    /// or in its settingInstance; a compliance rule's ruleName; an action's actionType), or
    /// empty when it has none.
    static std::string elementKey(const nlohmann::json& element);
};

} // namespace driftdesk
