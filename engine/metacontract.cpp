// SPDX-License-Identifier: GPL-3.0-or-later
#include "metacontract.h"

#include "canonicaljson.h"
#include "sha256.h"

#include <algorithm>
#include <array>
#include <optional>
#include <regex>
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

// Version 2: version 1's rules, plus normalization that removes noise (differences that are not
// configuration changes) and assignments hashed as an order-free set.

// Server-populated members that describe state or the device fleet, not configuration. Dropped
// from every object at the top level.
constexpr std::array<std::string_view, 2> v2ServerMembers = {"supportsScopeTags", "isAssigned"};

struct TypedServerMembers
{
    std::string_view odataType;
    std::array<std::string_view, 4> members;
};

// ... and dropped only from objects of one Graph type.
constexpr std::array<TypedServerMembers, 4> v2TypedServerMembers = {{
    {"#microsoft.graph.windowsDriverUpdateProfile",
     {"inventorySyncStatus", "deviceReporting", "newUpdates", {}}},
    {"#microsoft.graph.windowsFeatureUpdateProfile",
     {"deployableContentDisplayName", "endOfSupportDate", {}, {}}},
    {"#microsoft.graph.windowsUpdateForBusinessConfiguration",
     {"qualityUpdatesPauseExpiryDateTime", "featureUpdatesPauseExpiryDateTime",
      "qualityUpdatesWillBeRolledBack", "featureUpdatesWillBeRolledBack"}},
    {"#microsoft.graph.deviceManagementConfigurationPolicy",
     {"creationSource", "priorityMetaData", {}, {}}},
}};

// Lists whose order carries no meaning: settings-catalog settings, the children of group
// settings, the values of collection settings (a list of SIDs, of URLs, of chosen options),
// compliance rules and their actions.
constexpr std::array<std::string_view, 7> v2OrderFreeLists = {"settings",
                                                              "children",
                                                              "groupSettingCollectionValue",
                                                              "simpleSettingCollectionValue",
                                                              "choiceSettingCollectionValue",
                                                              "scheduledActionsForRule",
                                                              "scheduledActionConfigurations"};

// Members whose values are ids of one tenant's objects: compared across tenants only as
// whether they are set.
constexpr std::array<std::string_view, 2> v2TenantIdMembers
    = {"notificationTemplateId", "notificationMessageCCList"};

// Members by which list elements carry their own key.
constexpr std::array<std::string_view, 3> v2ElementKeys
    = {"settingDefinitionId", "ruleName", "actionType"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name)
{
    return std::find(list.begin(), list.end(), name) != list.end();
}

/// A timestamp with its fractional seconds written minimally and a zero offset written "Z":
/// "…T00:00:00.0000000Z", "…T00:00:00Z" and "…T00:00:00+00:00" are the same instant.
std::optional<std::string> v2NormalizedTimestamp(const std::string& text)
{
    static const std::regex pattern(
        R"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$)");
    // Most strings are not timestamps: look at the shape before paying for the regex.
    if (text.size() < 20 || text.size() > 40 || text[4] != '-' || text[10] != 'T')
        return std::nullopt;
    std::smatch match;
    if (!std::regex_match(text, match, pattern))
        return std::nullopt;
    std::string fraction = match[2].str();
    while (!fraction.empty() && fraction.back() == '0')
        fraction.pop_back();
    std::string offset = match[3].str();
    if (offset == "+00:00" || offset == "-00:00")
        offset = "Z";
    return match[1].str() + (fraction.empty() ? std::string() : "." + fraction) + offset;
}

/// Sorts an order-free list: by each element's own key, then by its canonical text, so the
/// order is total and any permutation gives the same result.
void v2SortOrderFree(nlohmann::json& list)
{
    std::vector<std::pair<std::pair<std::string, std::string>, nlohmann::json>> keyed;
    keyed.reserve(list.size());
    for (auto& element : list)
        keyed.push_back({{MetaContractBuilder::elementKey(element), canonicalJson(element)},
                         std::move(element)});
    std::sort(keyed.begin(), keyed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    list = nlohmann::json::array();
    for (auto& [key, element] : keyed)
        list.push_back(std::move(element));
}

/// One assignment as version 2 hashes it: {"target_kind", "group_id", "filter_id",
/// "filter_mode"}, absent members for no group, no filter or filter mode "none".
nlohmann::json v2Assignment(const nlohmann::json& assignment)
{
    const auto member = assignment.find("target");
    const nlohmann::json target
        = member != assignment.end() && member->is_object() ? *member : nlohmann::json::object();
    nlohmann::json normalized = nlohmann::json::object();
    std::string kind = target.value("@odata.type", std::string());
    const std::string prefix = "#microsoft.graph.";
    if (kind.rfind(prefix, 0) == 0)
        kind.erase(0, prefix.size());
    normalized["target_kind"] = kind;
    const auto text = [&](const char* member) {
        const auto it = target.find(member);
        return it != target.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (!text("groupId").empty())
        normalized["group_id"] = text("groupId");
    const std::string filter = text("deviceAndAppManagementAssignmentFilterId");
    const std::string mode = text("deviceAndAppManagementAssignmentFilterType");
    if (!filter.empty() && filter != "00000000-0000-0000-0000-000000000000" && mode != "none") {
        normalized["filter_id"] = filter;
        normalized["filter_mode"] = mode;
    }
    return normalized;
}

/// `nested`: the value is inside the object, not the object itself. A nested object's
/// `@odata.type` is configuration (a home button "hidden" or "opens a new tab" differ in it
/// alone); the object's own type is its policy type.
nlohmann::json v2Normalize(const nlohmann::json& value, std::string_view name, bool nested)
{
    if (value.is_object()) {
        auto result = nlohmann::json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            const bool ownType = nested && it.key() == "@odata.type";
            if (v1DropsAtAnyDepth(it.key()) && !ownType)
                continue;
            nlohmann::json member = v2Normalize(it.value(), it.key(), true);
            // An empty list or object says the same as an absent member or null.
            if (member.is_null() || (member.is_array() && member.empty())
                || (member.is_object() && member.empty()))
                continue;
            result.emplace(it.key(), std::move(member));
        }
        return result;
    }
    if (value.is_array()) {
        auto result = nlohmann::json::array();
        for (const auto& element : value)
            result.push_back(v2Normalize(element, {}, true));
        if (contains(v2OrderFreeLists, name))
            v2SortOrderFree(result);
        return result;
    }
    if (value.is_string()) {
        if (auto timestamp = v2NormalizedTimestamp(value.get<std::string>()))
            return *timestamp;
    }
    return value;
}

nlohmann::json v2Payload(const nlohmann::json& object)
{
    if (!object.is_object())
        throw std::invalid_argument("a meta contract is built from a JSON object");

    const std::string odataType = object.value("@odata.type", std::string());
    const auto typedServerMember = [&](const std::string& key) {
        for (const auto& typed : v2TypedServerMembers) {
            if (typed.odataType == odataType && contains(typed.members, key))
                return true;
        }
        return false;
    };

    auto topLevel = nlohmann::json::object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string& key = it.key();
        const bool presentation = key != "assignments" && contains(v1TopLevelExclusions, key);
        if (presentation || contains(v2ServerMembers, key) || typedServerMember(key))
            continue;
        topLevel.emplace(key, it.value());
    }

    // Assignments: an order-free set of (target kind, group, filter, filter mode).
    nlohmann::json assignments = nlohmann::json::array();
    const auto raw = topLevel.find("assignments");
    if (raw != topLevel.end()) {
        if (raw->is_array()) {
            for (const auto& assignment : *raw) {
                if (assignment.is_object())
                    assignments.push_back(v2Assignment(assignment));
            }
        }
        topLevel.erase(raw);
    }

    nlohmann::json payload = v2Normalize(topLevel, {}, false);
    if (!assignments.empty()) {
        v2SortOrderFree(assignments);
        payload["assignments"] = assignments;
    }
    return payload;
}

} // namespace

namespace {

/// Replaces the values of members that hold one tenant's ids by whether they are set: a
/// notification template is "set" or "none", a list of groups to copy is its length.
nlohmann::json withoutTenantIds(const nlohmann::json& value)
{
    if (value.is_array()) {
        auto result = nlohmann::json::array();
        for (const auto& element : value)
            result.push_back(withoutTenantIds(element));
        return result;
    }
    if (!value.is_object())
        return value;
    auto result = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!contains(v2TenantIdMembers, it.key())) {
            result[it.key()] = withoutTenantIds(it.value());
        } else if (it->is_array()) {
            result[it.key()] = it->size();
        } else {
            const bool none = !it->is_string() || it->get<std::string>().empty()
                || it->get<std::string>() == "00000000-0000-0000-0000-000000000000";
            result[it.key()] = none ? "none" : "set";
        }
    }
    return result;
}

} // namespace

nlohmann::json MetaContractBuilder::acrossTenants(const nlohmann::json& payload, int version)
{
    if (version < 2 || !payload.is_object())
        return payload;
    nlohmann::json result = withoutTenantIds(payload);
    const auto assignments = result.find("assignments");
    if (assignments == result.end() || !assignments->is_array())
        return result;

    // Group and filter ids belong to one tenant; the kind of target and whether a filter
    // includes or excludes do not.
    nlohmann::json kinds = nlohmann::json::array();
    for (const auto& assignment : *assignments) {
        nlohmann::json kind{{"target_kind", assignment.value("target_kind", std::string())}};
        if (assignment.contains("filter_mode"))
            kind["filter_mode"] = assignment["filter_mode"];
        kinds.push_back(std::move(kind));
    }
    v2SortOrderFree(kinds);
    *assignments = kinds;
    return result;
}

bool MetaContractBuilder::isOrderFreeList(std::string_view memberName)
{
    return contains(v2OrderFreeLists, memberName);
}

std::string MetaContractBuilder::elementKey(const nlohmann::json& element)
{
    if (!element.is_object())
        return {};
    for (const std::string_view key : v2ElementKeys) {
        const auto direct = element.find(std::string(key));
        if (direct != element.end() && direct->is_string())
            return direct->get<std::string>();
    }
    const auto instance = element.find("settingInstance");
    if (instance != element.end() && instance->is_object())
        return elementKey(*instance);
    return {};
}

std::string MetaContractBuilder::hashOf(const nlohmann::json& payload)
{
    return sha256Hex(canonicalJson(payload));
}

nlohmann::json MetaContractBuilder::payload(const nlohmann::json& object, int version)
{
    switch (version) {
    case 1:
        return v1Payload(object);
    case 2:
        return v2Payload(object);
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
