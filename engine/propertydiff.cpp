// SPDX-License-Identifier: GPL-3.0-or-later
#include "propertydiff.h"

#include "canonicaljson.h"
#include "metacontract.h"

#include <map>
#include <set>
#include <string_view>

namespace driftdesk {

namespace {

using Json = nlohmann::json;

/// Larger lists than this (elements of one times the other) are compared by position: the
/// longest-common-subsequence table would take too much memory.
constexpr std::size_t maxAlignmentCells = 4'000'000;

void diff(const std::string& path, const Json* a, const Json* b,
          std::vector<PropertyDifference>& out, std::string_view member = {});

void record(const std::string& path, const Json* a, const Json* b,
            std::vector<PropertyDifference>& out)
{
    PropertyDifference difference;
    difference.path = path.empty() ? std::string("$") : path;
    if (a)
        difference.baseline = *a;
    if (b)
        difference.current = *b;
    out.push_back(std::move(difference));
}

std::string childPath(const std::string& parent, const std::string& member)
{
    return parent.empty() ? member : parent + "." + member;
}

std::string indexPath(const std::string& parent, std::size_t index)
{
    return parent + "[" + std::to_string(index) + "]";
}

/// Keys each element by its own key when every element of both lists has one and no key
/// repeats within a list; such lists are compared key by key.
bool keyedElements(const Json& a, const Json& b, std::map<std::string, const Json*>* keyedA,
                   std::map<std::string, const Json*>* keyedB)
{
    if (a.empty() && b.empty())
        return false;
    const auto collect = [](const Json& list, std::map<std::string, const Json*>* out) {
        for (const auto& element : list) {
            const std::string key = MetaContractBuilder::elementKey(element);
            if (key.empty() || !out->emplace(key, &element).second)
                return false;
        }
        return true;
    };
    return collect(a, keyedA) && collect(b, keyedB);
}

void diffKeyed(const std::string& path, const std::map<std::string, const Json*>& a,
               const std::map<std::string, const Json*>& b, std::vector<PropertyDifference>& out)
{
    std::set<std::string> keys;
    for (const auto& entry : a)
        keys.insert(entry.first);
    for (const auto& entry : b)
        keys.insert(entry.first);
    for (const auto& key : keys) {
        const auto inA = a.find(key);
        const auto inB = b.find(key);
        diff(path + "[" + key + "]", inA != a.end() ? inA->second : nullptr,
             inB != b.end() ? inB->second : nullptr, out);
    }
}

/// An assignment as contract version 2 writes it. Its members only mean something together
/// (a group is only a target with its kind), so a changed assignment is shown whole.
bool isAssignment(const Json& element)
{
    return element.is_object() && element.contains("target_kind");
}

/// Two elements that replace each other: compared member by member when they are the same
/// kind of thing (objects with the same own key or both without one, or lists), else shown
/// whole: a setting replaced by a different setting is not a change of its members.
void diffReplaced(const std::string& path, const Json& a, const Json& b,
                  std::vector<PropertyDifference>& out)
{
    const bool sameObject = a.is_object() && b.is_object() && !isAssignment(a) && !isAssignment(b)
        && MetaContractBuilder::elementKey(a) == MetaContractBuilder::elementKey(b);
    if (sameObject || (a.is_array() && b.is_array()))
        diff(path, &a, &b, out);
    else
        record(path, &a, &b, out);
}

/// A list whose order carries no meaning (the contract sorted it): elements present on both
/// sides are no change wherever they stand, and those left over are paired in order, so one
/// changed element is one change rather than a removal and an addition.
void diffUnordered(const std::string& path, const Json& a, const Json& b,
                   std::vector<PropertyDifference>& out)
{
    std::multiset<std::string> inB;
    for (const auto& element : b)
        inB.insert(canonicalJson(element));
    std::vector<std::size_t> removed;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto found = inB.find(canonicalJson(a[i]));
        if (found != inB.end())
            inB.erase(found);
        else
            removed.push_back(i);
    }
    std::multiset<std::string> inA;
    for (const auto& element : a)
        inA.insert(canonicalJson(element));
    std::vector<std::size_t> added;
    for (std::size_t j = 0; j < b.size(); ++j) {
        const auto found = inA.find(canonicalJson(b[j]));
        if (found != inA.end())
            inA.erase(found);
        else
            added.push_back(j);
    }

    const std::size_t paired = std::min(removed.size(), added.size());
    for (std::size_t k = 0; k < paired; ++k)
        diffReplaced(indexPath(path, added[k]), a[removed[k]], b[added[k]], out);
    for (std::size_t k = paired; k < removed.size(); ++k)
        record(indexPath(path, removed[k]), &a[removed[k]], nullptr, out);
    for (std::size_t k = paired; k < added.size(); ++k)
        record(indexPath(path, added[k]), nullptr, &b[added[k]], out);
}

/// An ordered list, aligned on its longest common subsequence: an element inserted in the
/// middle is one insertion, not a change of every later element.
void diffOrdered(const std::string& path, const Json& a, const Json& b,
                 std::vector<PropertyDifference>& out)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if (n * m > maxAlignmentCells) {
        for (std::size_t i = 0; i < std::max(n, m); ++i)
            diff(indexPath(path, i), i < n ? &a[i] : nullptr, i < m ? &b[i] : nullptr, out);
        return;
    }

    std::vector<std::string> textA(n);
    std::vector<std::string> textB(m);
    for (std::size_t i = 0; i < n; ++i)
        textA[i] = canonicalJson(a[i]);
    for (std::size_t j = 0; j < m; ++j)
        textB[j] = canonicalJson(b[j]);

    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    std::vector<std::vector<std::uint32_t>> lengths(n + 1, std::vector<std::uint32_t>(m + 1));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            lengths[i][j] = textA[i] == textB[j] ? lengths[i + 1][j + 1] + 1
                                                 : std::max(lengths[i + 1][j], lengths[i][j + 1]);
        }
    }

    // Walk the alignment; between two matches, pair removed and added elements as changes.
    std::vector<std::size_t> removed;
    std::vector<std::size_t> added;
    const auto flush = [&] {
        const std::size_t paired = std::min(removed.size(), added.size());
        for (std::size_t k = 0; k < paired; ++k)
            diffReplaced(indexPath(path, added[k]), a[removed[k]], b[added[k]], out);
        for (std::size_t k = paired; k < removed.size(); ++k)
            record(indexPath(path, removed[k]), &a[removed[k]], nullptr, out);
        for (std::size_t k = paired; k < added.size(); ++k)
            record(indexPath(path, added[k]), nullptr, &b[added[k]], out);
        removed.clear();
        added.clear();
    };
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && textA[i] == textB[j]) {
            flush();
            ++i;
            ++j;
        } else if (j < m && (i == n || lengths[i][j + 1] >= lengths[i + 1][j])) {
            added.push_back(j++);
        } else {
            removed.push_back(i++);
        }
    }
    flush();
}

void diff(const std::string& path, const Json* a, const Json* b,
          std::vector<PropertyDifference>& out, std::string_view member)
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
                 inB != b->end() ? &*inB : nullptr, out, name);
        }
        return;
    }

    if (a && b && a->is_array() && b->is_array()) {
        std::map<std::string, const Json*> keyedA;
        std::map<std::string, const Json*> keyedB;
        if (keyedElements(*a, *b, &keyedA, &keyedB))
            diffKeyed(path, keyedA, keyedB, out);
        else if (MetaContractBuilder::isOrderFreeList(member))
            diffUnordered(path, *a, *b, out);
        else
            diffOrdered(path, *a, *b, out);
        return;
    }

    record(path, a, b, out);
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
