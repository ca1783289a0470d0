// SPDX-License-Identifier: GPL-3.0-or-later
#include "propertydiff.h"

#include <map>
#include <set>

namespace driftdesk {

namespace {

using Json = nlohmann::json;

std::string settingKey(const Json& element)
{
    if (!element.is_object())
        return {};
    const Json* holder = &element;
    const auto instance = element.find("settingInstance");
    if (instance != element.end() && instance->is_object())
        holder = &*instance;
    const auto id = holder->find("settingDefinitionId");
    return id != holder->end() && id->is_string() ? id->get<std::string>() : std::string();
}

/// Keys each element by its setting definition id when every element of both lists has one
/// and no id repeats within a list; otherwise the lists are compared by position.
bool keyedBySetting(const Json& a, const Json& b, std::map<std::string, const Json*>* keyedA,
                    std::map<std::string, const Json*>* keyedB)
{
    if (a.empty() && b.empty())
        return false;
    const auto collect = [](const Json& list, std::map<std::string, const Json*>* out) {
        for (const auto& element : list) {
            const std::string key = settingKey(element);
            if (key.empty() || !out->emplace(key, &element).second)
                return false;
        }
        return true;
    };
    return collect(a, keyedA) && collect(b, keyedB);
}

std::string childPath(const std::string& parent, const std::string& member)
{
    return parent.empty() ? member : parent + "." + member;
}

void diff(const std::string& path, const Json* a, const Json* b,
          std::vector<PropertyDifference>& out)
{
    if (a && b && *a == *b)
        return;

    if (a && b && a->is_object() && b->is_object()) {
        std::set<std::string> names;
        for (auto it = a->begin(); it != a->end(); ++it)
            names.insert(it.key());
        for (auto it = b->begin(); it != b->end(); ++it)
            names.insert(it.key());
        for (const auto& name : names) {
            const auto inA = a->find(name);
            const auto inB = b->find(name);
            diff(childPath(path, name), inA != a->end() ? &*inA : nullptr,
                 inB != b->end() ? &*inB : nullptr, out);
        }
        return;
    }

    if (a && b && a->is_array() && b->is_array()) {
        std::map<std::string, const Json*> keyedA;
        std::map<std::string, const Json*> keyedB;
        if (keyedBySetting(*a, *b, &keyedA, &keyedB)) {
            std::set<std::string> keys;
            for (const auto& entry : keyedA)
                keys.insert(entry.first);
            for (const auto& entry : keyedB)
                keys.insert(entry.first);
            for (const auto& key : keys) {
                const auto inA = keyedA.find(key);
                const auto inB = keyedB.find(key);
                diff(path + "[" + key + "]", inA != keyedA.end() ? inA->second : nullptr,
                     inB != keyedB.end() ? inB->second : nullptr, out);
            }
            return;
        }
        const std::size_t length = std::max(a->size(), b->size());
        for (std::size_t i = 0; i < length; ++i) {
            diff(path + "[" + std::to_string(i) + "]", i < a->size() ? &(*a)[i] : nullptr,
                 i < b->size() ? &(*b)[i] : nullptr, out);
        }
        return;
    }

    PropertyDifference difference;
    difference.path = path.empty() ? std::string("$") : path;
    if (a)
        difference.baseline = *a;
    if (b)
        difference.current = *b;
    out.push_back(std::move(difference));
}

} // namespace

std::vector<PropertyDifference> diffProperties(const nlohmann::json& baseline,
                                               const nlohmann::json& current)
{
    std::vector<PropertyDifference> differences;
    diff({}, &baseline, &current, differences);
    return differences;
}

nlohmann::json differencesToJson(const std::vector<PropertyDifference>& differences)
{
    auto list = nlohmann::json::array();
    for (const auto& difference : differences) {
        nlohmann::json entry{{"path", difference.path}};
        if (difference.baseline && difference.current)
            entry["change"] = "changed";
        else if (difference.current)
            entry["change"] = "added";
        else
            entry["change"] = "removed";
        if (difference.baseline)
            entry["baseline"] = *difference.baseline;
        if (difference.current)
            entry["current"] = *difference.current;
        list.push_back(std::move(entry));
    }
    return list;
}

} // namespace driftdesk
