// SPDX-License-Identifier: GPL-3.0-or-later
#include "subjectmatching.h"

#include "jsonconvert.h"

#include <QStringList>

#include <algorithm>
#include <map>
#include <set>

namespace driftdesk {

namespace {

QString textMember(const nlohmann::json& object, const char* name)
{
    if (!object.is_object())
        return {};
    const auto member = object.find(name);
    return member != object.end() && member->is_string() ? toQString(*member) : QString();
}

/// What keeps apart settings-catalog policies that share a name: the template they were made
/// from (without its version, "…_1") and the technologies they apply to, in any order.
QString templateAndTechnologies(const nlohmann::json& object)
{
    const auto reference = object.is_object() ? object.find("templateReference") : object.end();
    QString templateId;
    if (object.is_object() && reference != object.end())
        templateId = textMember(*reference, "templateId");
    static const QRegularExpression templateVersion(QStringLiteral("_\\d+$"));
    templateId.remove(templateVersion);

    QStringList technologies
        = textMember(object, "technologies").split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString& technology : technologies)
        technology = technology.trimmed().toCaseFolded();
    technologies.sort();
    return templateId.toCaseFolded() + QLatin1Char('|') + technologies.join(QLatin1Char(','));
}

QString displayNameOf(const BaselineSnapshotItem& item)
{
    return toQString(item.meta.value("display_name", nlohmann::json()));
}

const nlohmann::json& payloadOf(const BaselineSnapshotItem& item)
{
    static const nlohmann::json empty = nlohmann::json::object();
    const auto contract = item.meta.find("meta_contract");
    if (contract == item.meta.end() || !contract->is_object())
        return empty;
    const auto payload = contract->find("payload");
    return payload != contract->end() ? *payload : empty;
}

} // namespace

SubjectIdentity::SubjectIdentity(const QString& versionSuffixPattern)
{
    // Anchored here, so a pattern only ever removes the end of a name.
    if (!versionSuffixPattern.isEmpty()) {
        m_suffix = QRegularExpression(QStringLiteral("(?:%1)$").arg(versionSuffixPattern),
                                      QRegularExpression::CaseInsensitiveOption);
    }
}

QString SubjectIdentity::normalizedName(const QString& displayName) const
{
    // Invisible format characters (a byte-order mark, zero-width spaces, direction marks)
    // do not make two names different to the people who read them.
    // ASCII, as most names are, is its own normal form, holds no format characters, and folds
    // case as A-Z to a-z: that case skips the Unicode tables, which a compare of many tenants
    // otherwise spends much of its time in.
    QString visible;
    const bool ascii = std::all_of(displayName.cbegin(), displayName.cend(),
                                   [](QChar character) { return character.unicode() < 0x80; });
    if (ascii) {
        visible = displayName;
        for (QChar& character : visible) {
            if (character >= QLatin1Char('A') && character <= QLatin1Char('Z'))
                character = QChar(character.unicode() + ('a' - 'A'));
        }
    } else {
        visible.reserve(displayName.size());
        for (const char32_t character :
             displayName.normalized(QString::NormalizationForm_C).toUcs4()) {
            if (QChar::category(character) != QChar::Other_Format)
                visible += QChar::fromUcs4(character);
        }
        visible = visible.toCaseFolded();
    }
    const QString name = visible.simplified();
    if (m_suffix.pattern().isEmpty() || !m_suffix.isValid())
        return name;

    // A suffix is never the whole name.
    const QString stripped = QString(name).remove(m_suffix).simplified();
    return stripped.isEmpty() ? name : stripped;
}

QString SubjectIdentity::key(const QString& policyType, const QString& subjectType,
                             const QString& displayName, const nlohmann::json& object) const
{
    return keyOfNormalized(policyType, subjectType, normalizedName(displayName), object);
}

QString SubjectIdentity::keyOfNormalized(const QString& policyType, const QString& subjectType,
                                         const QString& name, const nlohmann::json& object)
{
    if (name.isEmpty())
        return {};
    // The unit separator cannot occur in a policy type or Graph type; names come last.
    const QChar separator(0x1f);
    return policyType + separator + subjectType + separator + templateAndTechnologies(object)
        + separator + name;
}

SubjectMatches matchById(const std::vector<const BaselineSnapshotItem*>& baseline,
                         const std::vector<const InventoryRow*>& current)
{
    using Key = std::pair<QString, QString>;
    std::map<Key, const InventoryRow*> currentByKey;
    for (const InventoryRow* row : current)
        currentByKey.emplace(Key{row->policyType, row->subjectExternalId}, row);

    SubjectMatches matches;
    std::set<Key> matchedKeys;
    for (const BaselineSnapshotItem* item : baseline) {
        const Key key{item->policyType, item->subjectExternalId};
        const auto found = currentByKey.find(key);
        if (found == currentByKey.end()) {
            matches.missing.push_back(item);
            continue;
        }
        matches.matched.push_back({item, found->second});
        matchedKeys.insert(key);
    }
    for (const InventoryRow* row : current) {
        if (!matchedKeys.count(Key{row->policyType, row->subjectExternalId}))
            matches.unexpected.push_back(row);
    }
    return matches;
}

SubjectMatches matchByIdentity(
    const std::vector<const BaselineSnapshotItem*>& baseline,
    const std::vector<const InventoryRow*>& current, const SubjectIdentity& identity,
    const std::function<nlohmann::json(const InventoryRow&)>& currentObject)
{
    struct Group
    {
        QString normalizedName;
        std::vector<const BaselineSnapshotItem*> baseline;
        std::vector<const InventoryRow*> current;
    };
    // Ordered by key, so the buckets come out in the same order every time.
    std::map<QString, Group> groups;
    SubjectMatches matches;

    // Each name is normalised once: a compare of many tenants spends much of its time here.
    for (const BaselineSnapshotItem* item : baseline) {
        const QString name = identity.normalizedName(displayNameOf(*item));
        const QString key = SubjectIdentity::keyOfNormalized(item->policyType, item->subjectType,
                                                             name, payloadOf(*item));
        if (key.isEmpty()) {
            matches.missing.push_back(item);
            continue;
        }
        Group& group = groups[key];
        group.normalizedName = name;
        group.baseline.push_back(item);
    }
    for (const InventoryRow* row : current) {
        const QString name = identity.normalizedName(row->displayName);
        const QString key = SubjectIdentity::keyOfNormalized(row->policyType, row->subjectType,
                                                             name, currentObject(*row));
        if (key.isEmpty()) {
            matches.unexpected.push_back(row);
            continue;
        }
        Group& group = groups[key];
        group.normalizedName = name;
        group.current.push_back(row);
    }

    for (auto& [key, group] : groups) {
        if (group.current.empty()) {
            matches.missing.insert(matches.missing.end(), group.baseline.begin(),
                                   group.baseline.end());
        } else if (group.baseline.empty()) {
            matches.unexpected.insert(matches.unexpected.end(), group.current.begin(),
                                      group.current.end());
        } else if (group.baseline.size() == 1 && group.current.size() == 1) {
            matches.matched.push_back({group.baseline.front(), group.current.front()});
        } else {
            matches.ambiguous.push_back(
                {group.normalizedName, std::move(group.baseline), std::move(group.current)});
        }
    }
    return matches;
}

} // namespace driftdesk
