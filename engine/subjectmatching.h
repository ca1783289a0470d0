// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventorystore.h"
#include "records.h"

#include <QRegularExpression>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <vector>

namespace driftdesk {

/// Who a policy is when its id cannot say: in another tenant the same baseline policy has
/// another id. Two objects have the same identity when they have the same policy type, the
/// same Graph type, the same settings-catalog template and technologies, and the same
/// normalised display name.
class SubjectIdentity
{
public:
    /// `versionSuffixPattern`: removed from the end of the normalised name (case-insensitive,
    /// anchored at the end), unless it is the whole name.
    explicit SubjectIdentity(const QString& versionSuffixPattern);

    /// The name in Unicode normalization form C without invisible format characters (category
    /// Cf: U+FEFF, U+200B, direction marks), case-folded, trimmed, with inner white space
    /// collapsed to one space and the version suffix removed.
    /// Limitation: Qt folds case character by character (Unicode simple case folding), so
    /// "Straße" and "STRASSE" remain two names.
    QString normalizedName(const QString& displayName) const;

    /// The identity key, or empty when the normalised name is empty: objects without a name
    /// have no identity and never match anything. `object` is the exported object or its meta
    /// contract payload; only its templateReference and technologies are read.
    QString key(const QString& policyType, const QString& subjectType, const QString& displayName,
                const nlohmann::json& object) const;

    /// key() for a name that normalizedName() gave already.
    static QString keyOfNormalized(const QString& policyType, const QString& subjectType,
                                   const QString& normalizedName, const nlohmann::json& object);

private:
    QRegularExpression m_suffix;
};

struct MatchedPair
{
    const BaselineSnapshotItem* baseline = nullptr;
    const InventoryRow* current = nullptr;
};

/// Baseline items and current objects that share one identity, where it is not one of each.
struct AmbiguousMatch
{
    QString normalizedName;
    std::vector<const BaselineSnapshotItem*> baseline;
    std::vector<const InventoryRow*> current;
};

/// Where every baseline item and every current object landed: each in exactly one bucket.
struct SubjectMatches
{
    std::vector<MatchedPair> matched;
    std::vector<const BaselineSnapshotItem*> missing;
    std::vector<const InventoryRow*> unexpected;
    std::vector<AmbiguousMatch> ambiguous;
};

/// Pairs items and objects of one policy type and one subject external id.
SubjectMatches matchById(const std::vector<const BaselineSnapshotItem*>& baseline,
                         const std::vector<const InventoryRow*>& current);

/// Pairs items and objects by identity. One item and one object of an identity are a pair;
/// an identity with items but no objects is missing, one with objects but no items
/// unexpected; any other mix (two candidates for one item, two items for one object) is
/// ambiguous and never resolved by picking one. `currentObject` gives a row's exported object.
SubjectMatches matchByIdentity(
    const std::vector<const BaselineSnapshotItem*>& baseline,
    const std::vector<const InventoryRow*>& current, const SubjectIdentity& identity,
    const std::function<nlohmann::json(const InventoryRow&)>& currentObject);

} // namespace driftdesk
