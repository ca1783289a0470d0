// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace driftdesk {

/// One property that differs between a baseline payload and a current one. An absent side
/// means the property exists only on the other.
struct PropertyDifference
{
    std::string path; ///< readable path, e.g. settings[<definition id>].settingInstance...
    std::optional<nlohmann::json> baseline;
    std::optional<nlohmann::json> current;
};

/// The property-level differences between two meta-contract payloads. Lists whose elements
/// carry their own keys (settings by settingDefinitionId, rules, actions) are matched by key;
/// other lists are aligned on their longest common subsequence, so an element inserted in the
/// middle is one insertion and [A, A] against [A, B] is one change.
std::vector<PropertyDifference> diffProperties(const nlohmann::json& baseline,
                                               const nlohmann::json& current);

/// The differences as evidence: [{"path", "change": added|removed|changed, "baseline",
/// "current"}], values kept whole.
nlohmann::json differencesToJson(const std::vector<PropertyDifference>& differences);

} // namespace driftdesk
