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

/// The property-level differences between two meta-contract payloads, in path order. Lists of
/// settings-catalog settings (and their group children) are matched by settingDefinitionId;
/// other lists by position.
std::vector<PropertyDifference> diffProperties(const nlohmann::json& baseline,
                                               const nlohmann::json& current);

/// The differences as evidence: [{"path", "change": added|removed|changed, "baseline",
/// "current"}], values kept whole.
nlohmann::json differencesToJson(const std::vector<PropertyDifference>& differences);

} // namespace driftdesk
