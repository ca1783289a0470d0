// SPDX-License-Identifier: GPL-3.0-or-later
#include "metacontract.h"

#include "canonicaljson.h"
#include "sha256.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

namespace driftdesk {

namespace {

// Version 1 drops server-managed and presentation members at the top level. Names and
// descriptions are not configuration: a rename is not drift.
constexpr std::array<std::string_view, 9> v1TopLevelExclusions = {
    "createdDateTime", "lastModifiedDateTime", "version",     "settingCount", "displayName", "name",
    "description",     "roleScopeTagIds",      "assignments",
};

bool v1DropsAtAnyDepth(const std::string& key)
{
    return key == "id" || key.find("@odata") != std::string::npos
        || (!key.empty() && key.front() == '#');
}

nlohmann::json v1Strip(const nlohmann::json& value)
{
    if (value.is_object()) {
        auto result = nlohmann::json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!v1DropsAtAnyDepth(it.key()))
                result.emplace(it.key(), v1Strip(it.value()));
        }
        return result;
    }
    if (value.is_array()) {
        auto result = nlohmann::json::array();
        for (const auto& element : value)
            result.push_back(v1Strip(element));
        return result;
    }
    return value;
}

std::string settingDefinitionId(const nlohmann::json& setting)
{
    if (!setting.is_object())
        return {};
    const auto instance = setting.find("settingInstance");
    if (instance == setting.end() || !instance->is_object())
        return {};
    const auto id = instance->find("settingDefinitionId");
    return id != instance->end() && id->is_string() ? id->get<std::string>() : std::string();
}

nlohmann::json v1Payload(const nlohmann::json& object)
{
    if (!object.is_object())
        throw std::invalid_argument("a meta contract is built from a JSON object");

    auto topLevel = nlohmann::json::object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool excluded
            = std::find(v1TopLevelExclusions.begin(), v1TopLevelExclusions.end(), it.key())
            != v1TopLevelExclusions.end();
        if (!excluded)
            topLevel.emplace(it.key(), it.value());
    }
    nlohmann::json payload = v1Strip(topLevel);

    // Graph returns settings-catalog settings in no promised order.
    const auto settings = payload.find("settings");
    if (settings != payload.end() && settings->is_array()) {
        std::stable_sort(settings->begin(), settings->end(),
                         [](const nlohmann::json& a, const nlohmann::json& b) {
                             return settingDefinitionId(a) < settingDefinitionId(b);
                         });
    }
    return payload;
}

} // namespace

nlohmann::json MetaContractBuilder::payload(const nlohmann::json& object, int version)
{
    switch (version) {
    case 1:
        return v1Payload(object);
    default:
        throw std::invalid_argument("unknown meta contract version " + std::to_string(version));
    }
}

MetaContract MetaContractBuilder::build(const nlohmann::json& object, int version)
{
    MetaContract contract;
    contract.version = version;
    contract.payload = payload(object, version);
    contract.canonicalText = canonicalJson(contract.payload);
    contract.hash = sha256Hex(contract.canonicalText);
    return contract;
}

} // namespace driftdesk
