// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinecompare.h"

#include "baselinescope.h"
#include "canonicaljson.h"
#include "comparelock.h"
#include "coverage.h"
#include "engineerror.h"
#include "findingidentity.h"
#include "findingstore.h"
#include "inventorystore.h"
#include "jsonconvert.h"
#include "logging.h"
#include "metacontract.h"
#include "profilestore.h"
#include "propertydiff.h"
#include "runstore.h"
#include "settingdefinitions.h"
#include "snapshotstore.h"
#include "subjectmatching.h"
#include "tenantstore.h"

#include <QHash>
#include <QSet>

#include <map>

namespace driftdesk {

namespace {

using SubjectKey = QPair<QString, QString>; // policy type, subject external id

/// Which types a compare looks at, and why it leaves the others out.
struct TypePlan
{
    QStringList compared;
    nlohmann::json skipped = nlohmann::json::array();
    bool degraded = false; ///< a type of the snapshot could not be compared
};

/// The baseline and current items of the compared types, without excluded subjects.
struct Sides
{
    std::map<SubjectKey, BaselineSnapshotItem> baseline;
    std::map<SubjectKey, InventoryRow> current;
    QSet<SubjectKey> excludedKeys;
    nlohmann::json excluded = nlohmann::json::array();
};

struct Detection
{
    QString changeType;
    QString policyType;
    QString subjectType;
    QString subjectExternalId;
    QString displayName;
    nlohmann::json evidence;
};

struct LifecycleCounts
{
    int opened = 0;
    int reopened = 0;
    int seenAgain = 0;
    int resolvedNotDetected = 0;
    int resolvedReplaced = 0;
};

int contractVersionOf(const BaselineSnapshotItem& item)
{
    const auto contract = item.meta.find("meta_contract");
    if (contract == item.meta.end() || !contract->is_object())
        return 0;
    return contract->value("version", 0);
}

QStringList snapshotTypes(const BaselineSnapshot& snapshot)
{
    QStringList types;
    for (const auto& type : snapshot.summary.value("covered_types", nlohmann::json::array()))
        types.append(toQString(type));
    return types;
}

TypePlan planTypes(const BaselineSnapshot& snapshot, const OperationRun& sync,
                   const QStringList& scopeTypes)
{
    TypePlan plan;
    const Coverage coverage = Coverage::fromRunContext(sync.context);
    const QStringList covered = snapshotTypes(snapshot);
    for (const QString& type : covered) {
        if (coverage.succeeded(type)) {
            plan.compared.append(type);
            continue;
        }
        plan.degraded = true;
        plan.skipped.push_back(
            {{"policy_type", type.toStdString()},
             {"reason", coverageGap(coverage.status(type), sync.id).toStdString()}});
    }

    // In scope and synced, but the snapshot did not cover it: nothing to compare against.
    for (const QString& type : scopeTypes) {
        if (!covered.contains(type) && coverage.succeeded(type)) {
            plan.skipped.push_back(
                {{"policy_type", type.toStdString()},
                 {"reason",
                  QStringLiteral("not covered by snapshot %1").arg(snapshot.id).toStdString()}});
        }
    }
    return plan;
}

Sides loadSides(const std::vector<BaselineSnapshotItem>& heads, InventoryStore& inventory,
                const BaselineSnapshot& snapshot, qint64 tenantId, const QStringList& types,
                RowDetail detail)
{
    Sides sides;

    // Subjects excluded from the snapshot are left out on both sides.
    for (const auto& entry : snapshot.summary.value("excluded_subjects", nlohmann::json::array())) {
        const SubjectKey key{toQString(entry.value("policy_type", nlohmann::json())),
                             toQString(entry.value("subject_external_id", nlohmann::json()))};
        if (!types.contains(key.first))
            continue;
        sides.excludedKeys.insert(key);
        nlohmann::json listed = entry;
        listed["side"] = "baseline";
        sides.excluded.push_back(listed);
    }

    // Payloads stay in the database until a hash differs.
    for (const BaselineSnapshotItem& item : heads) {
        if (types.contains(item.policyType))
            sides.baseline.emplace(SubjectKey{item.policyType, item.subjectExternalId}, item);
    }

    // So are subjects ambiguous in the current inventory.
    for (auto& row : inventory.rows(tenantId, types, detail)) {
        const SubjectKey key{row.policyType, row.subjectExternalId};
        if (!row.ambiguous) {
            sides.current.emplace(key, std::move(row));
            continue;
        }
        if (sides.excludedKeys.contains(key))
            continue;
        sides.excludedKeys.insert(key);
        sides.excluded.push_back({{"policy_type", row.policyType.toStdString()},
                                  {"subject_external_id", row.subjectExternalId.toStdString()},
                                  {"reason", "ambiguous"},
                                  {"side", "current"}});
    }
    return sides;
}

nlohmann::json evidence(const std::optional<QString>& baselineHash,
                        const std::optional<QString>& currentHash, const QString& baselineName,
                        const QString& currentName, int contractVersion, nlohmann::json differences)
{
    const auto text = [](const std::optional<QString>& value) {
        return value ? nlohmann::json(value->toStdString()) : nlohmann::json();
    };
    return {{"baseline_hash", text(baselineHash)},
            {"current_hash", text(currentHash)},
            {"baseline_display_name", baselineHash ? text(baselineName) : nlohmann::json()},
            {"current_display_name", currentHash ? text(currentName) : nlohmann::json()},
            {"meta_contract_version", contractVersion},
            {"differences", std::move(differences)}};
}

/// The contract version a snapshot item was hashed under; throws EngineError for a version
/// this DriftDesk does not know.
int checkedContractVersion(const BaselineSnapshotItem& item)
{
    const int version = contractVersionOf(item);
    if (!MetaContractBuilder::isSupported(version)) {
        throw EngineError(QStringLiteral("snapshot %1 uses meta contract version %2, which this "
                                         "DriftDesk does not know")
                              .arg(QString::number(item.snapshotId), QString::number(version)));
    }
    return version;
}

/// Whether the stored hashes alone show that a pair is the same, without reading payloads.
bool sameByStoredHash(const BaselineSnapshotItem& item, const InventoryRow& row)
{
    return row.metaContractVersion == checkedContractVersion(item)
        && row.metaHash == item.baselineHash;
}

/// Compares one baseline item (`stored`, with its payload) with its current counterpart
/// (`row`, with its raw object `raw`) under the item's contract version. Across tenants
/// (`acrossTenants`) both sides are compared without tenant-specific ids. Returns the finding,
/// or nothing when they are the same.
std::optional<Detection> compareItem(const BaselineSnapshotItem& item, const InventoryRow& row,
                                     const nlohmann::json& raw, const BaselineSnapshotItem& stored,
                                     bool acrossTenants)
{
    const int version = checkedContractVersion(item);
    // The stored hash serves when it was built under the same version; else rebuild it.
    QString currentHash = row.metaHash;
    std::optional<nlohmann::json> currentPayload;
    if (row.metaContractVersion != version) {
        const MetaContract contract = MetaContractBuilder::build(raw, version);
        currentHash = QString::fromStdString(contract.hash);
        currentPayload = contract.payload;
    }
    if (currentHash == item.baselineHash)
        return std::nullopt;
    if (!currentPayload)
        currentPayload = MetaContractBuilder::payload(raw, version);
    const nlohmann::json baselinePayload
        = stored.meta.value("meta_contract", nlohmann::json::object())
              .value("payload", nlohmann::json::object());

    std::vector<PropertyDifference> differences;
    std::string comparedHash;
    if (acrossTenants) {
        const auto baselineSide = MetaContractBuilder::acrossTenants(baselinePayload, version);
        const auto currentSide = MetaContractBuilder::acrossTenants(*currentPayload, version);
        comparedHash = MetaContractBuilder::hashOf(currentSide);
        if (MetaContractBuilder::hashOf(baselineSide) == comparedHash)
            return std::nullopt;
        differences = diffProperties(baselineSide, currentSide);
    } else {
        differences = diffProperties(baselinePayload, *currentPayload);
    }

    const QString baselineName = toQString(item.meta.value("display_name", nlohmann::json()));
    nlohmann::json found = evidence(item.baselineHash, currentHash, baselineName, row.displayName,
                                    version, differencesToJson(differences));
    if (acrossTenants) {
        found["baseline_subject_external_id"] = item.subjectExternalId.toStdString();
        found["current_hash_across_tenants"] = comparedHash;
    }
    return Detection{ChangeType::differentVersion,
                     item.policyType,
                     row.subjectType,
                     row.subjectExternalId,
                     row.displayName.isEmpty() ? baselineName : row.displayName,
                     std::move(found)};
}

Detection missingDetection(const BaselineSnapshotItem& item)
{
    const QString name = toQString(item.meta.value("display_name", nlohmann::json()));
    return {ChangeType::missingPolicy,
            item.policyType,
            item.subjectType,
            item.subjectExternalId,
            name,
            evidence(item.baselineHash, std::nullopt, name, QString(), contractVersionOf(item),
                     nlohmann::json::array())};
}

Detection unexpectedDetection(const InventoryRow& row)
{
    nlohmann::json found = evidence(std::nullopt, row.metaHash, QString(), row.displayName,
                                    row.metaContractVersion, nlohmann::json::array());
    found["source_file"] = row.sourceFile.toStdString();
    return {ChangeType::unexpectedPolicy, row.policyType,  row.subjectType,
            row.subjectExternalId,        row.displayName, std::move(found)};
}

/// Several baseline items and current objects share one identity: the finding names them all
/// and is kept under the first baseline item, so it recurs while the snapshot is the same.
Detection ambiguousDetection(const AmbiguousMatch& match)
{
    std::vector<const BaselineSnapshotItem*> items = match.baseline;
    std::sort(items.begin(), items.end(), [](const auto* a, const auto* b) {
        return a->subjectExternalId < b->subjectExternalId;
    });
    nlohmann::json baselineItems = nlohmann::json::array();
    for (const BaselineSnapshotItem* item : items) {
        baselineItems.push_back({{"subject_external_id", item->subjectExternalId.toStdString()},
                                 {"display_name", item->meta.value("display_name", "")},
                                 {"baseline_hash", item->baselineHash.toStdString()}});
    }
    nlohmann::json currentObjects = nlohmann::json::array();
    for (const InventoryRow* row : match.current) {
        currentObjects.push_back({{"subject_external_id", row->subjectExternalId.toStdString()},
                                  {"display_name", row->displayName.toStdString()},
                                  {"current_hash", row->metaHash.toStdString()},
                                  {"source_file", row->sourceFile.toStdString()}});
    }
    const BaselineSnapshotItem& first = *items.front();
    return {ChangeType::ambiguousMatch,
            first.policyType,
            first.subjectType,
            first.subjectExternalId,
            toQString(first.meta.value("display_name", nlohmann::json())),
            {{"identity", match.normalizedName.toStdString()},
             {"baseline_items", baselineItems},
             {"current_objects", currentObjects},
             {"meta_contract_version", contractVersionOf(first)}}};
}

std::vector<Detection> detectDrift(const Sides& sides, const BaselineProfile& profile,
                                   SnapshotStore& snapshots, InventoryStore& inventory,
                                   const OperationControl& control)
{
    std::vector<const BaselineSnapshotItem*> baseline;
    for (const auto& [key, item] : sides.baseline) {
        if (!sides.excludedKeys.contains(key))
            baseline.push_back(&item);
    }
    std::vector<const InventoryRow*> current;
    for (const auto& [key, row] : sides.current) {
        if (!sides.excludedKeys.contains(key))
            current.push_back(&row);
    }

    const bool byIdentity = profile.matchingMode == MatchingMode::byIdentity;
    const SubjectIdentity identity(profile.versionSuffixPattern);
    SubjectMatches matches;
    if (byIdentity) {
        // Only what tells policies of one name apart was read of each current object.
        const auto identityFields = [&](const InventoryRow& row) {
            checkpoint(control);
            return row.identityFields;
        };
        matches = matchByIdentity(baseline, current, identity, identityFields);
    } else {
        matches = matchById(baseline, current);
    }

    // By identity, a missing or unexpected policy says under which name it was looked for.
    const auto withIdentity = [&](Detection detection) {
        if (byIdentity) {
            const QString name = identity.normalizedName(detection.displayName);
            detection.evidence["identity"] = name.toStdString();
            if (name.isEmpty())
                detection.evidence["identity_note"] = "no name to match by: it matches nothing";
        }
        return detection;
    };
    std::vector<Detection> detections;
    for (const BaselineSnapshotItem* item : matches.missing)
        detections.push_back(withIdentity(missingDetection(*item)));
    // Only pairs whose stored hashes differ need their payloads: a few statements read them
    // for the whole tenant, instead of two per pair.
    std::vector<const MatchedPair*> differing;
    for (const MatchedPair& pair : matches.matched) {
        checkpoint(control);
        if (!sameByStoredHash(*pair.baseline, *pair.current))
            differing.push_back(&pair);
    }
    constexpr std::size_t payloadChunk = 500; // bounds the payloads held at once
    for (std::size_t start = 0; start < differing.size(); start += payloadChunk) {
        const auto end = std::min(differing.size(), start + payloadChunk);
        QList<qint64> rowIds;
        QList<qint64> itemIds;
        for (std::size_t index = start; index < end; ++index) {
            rowIds.append(differing[index]->current->id);
            itemIds.append(differing[index]->baseline->id);
        }
        const auto raw = inventory.rawObjects(rowIds);
        const auto stored = snapshots.itemsById(itemIds);
        for (std::size_t index = start; index < end; ++index) {
            checkpoint(control);
            const MatchedPair& pair = *differing[index];
            if (auto changed = compareItem(*pair.baseline, *pair.current, raw.at(pair.current->id),
                                           stored.at(pair.baseline->id), byIdentity))
                detections.push_back(std::move(*changed));
        }
    }
    for (const InventoryRow* row : matches.unexpected)
        detections.push_back(withIdentity(unexpectedDetection(*row)));
    for (const AmbiguousMatch& match : matches.ambiguous)
        detections.push_back(ambiguousDetection(match));
    return detections;
}

/// Names the settings-catalog settings that differences are about, from the workspace's
/// imported setting definitions (ids alone when none were imported).
void nameSettings(std::vector<Detection>& detections, SettingDefinitionStore& definitions)
{
    QStringList ids;
    for (const Detection& detection : detections) {
        for (const auto& difference :
             detection.evidence.value("differences", nlohmann::json::array())) {
            const QString id
                = settingDefinitionOfPath(toQString(difference.value("path", nlohmann::json())));
            if (!id.isEmpty())
                ids.append(id);
        }
    }
    if (ids.isEmpty())
        return;
    const SettingDefinitionCatalog catalog = definitions.catalog(ids);
    for (Detection& detection : detections) {
        const auto differences = detection.evidence.find("differences");
        if (differences != detection.evidence.end())
            nameSettingsInDifferences(*differences, catalog);
    }
}

/// What makes one detection of a finding the same drift as another: the current side's hash
/// (as compared), and for an ambiguous match every item and object with its hash.
std::string driftSignature(const nlohmann::json& evidence)
{
    // Across tenants, only what was compared: another group id is no other drift.
    const auto compared = evidence.value("current_hash_across_tenants",
                                         evidence.value("current_hash", nlohmann::json()));
    nlohmann::json signature{{"current_hash", compared}};
    for (const char* side : {"baseline_items", "current_objects"}) {
        auto entries = nlohmann::json::array();
        for (const auto& entry : evidence.value(side, nlohmann::json::array())) {
            entries.push_back(
                {entry.value("subject_external_id", nlohmann::json()),
                 entry.value("baseline_hash", entry.value("current_hash", nlohmann::json()))});
        }
        std::sort(entries.begin(), entries.end());
        signature[side] = entries;
    }
    return canonicalJson(signature);
}

/// Writes the findings of one compare: new ones, ones seen again or reopened, and the
/// resolution of those no longer detected. Call inside the compare's transaction.
LifecycleCounts recordFindings(FindingStore& findings, const PolicyTypeRegistry& registry,
                               const std::vector<Detection>& detections, qint64 tenantId,
                               qint64 profileId, qint64 snapshotId,
                               const QStringList& comparedTypes,
                               const QSet<SubjectKey>& excludedKeys)
{
    LifecycleCounts counts;
    QHash<QString, Finding> existing;
    for (Finding& finding : findings.lockForCompare(tenantId, profileId))
        existing.insert(finding.fingerprint, std::move(finding));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QString> detectedKeys;
    std::vector<Finding> opened;
    std::vector<SeenFinding> seen;
    QList<qint64> changedSinceAcknowledged;
    for (const Detection& detection : detections) {
        const QString key = findingRecurrenceKey(tenantId, snapshotId, detection.policyType,
                                                 detection.subjectExternalId, detection.changeType);
        detectedKeys.insert(key);
        const auto found = existing.find(key);
        if (found == existing.end()) {
            Finding finding;
            finding.tenantId = tenantId;
            finding.baselineProfileId = profileId;
            finding.baselineSnapshotId = snapshotId;
            finding.policyType = detection.policyType;
            finding.subjectType = detection.subjectType;
            finding.subjectExternalId = detection.subjectExternalId;
            finding.displayName = detection.displayName;
            finding.changeType = detection.changeType;
            finding.severity = registry.severity(detection.policyType, detection.changeType);
            finding.status = FindingStatus::open;
            finding.fingerprint = key;
            finding.recurrenceKey = key;
            finding.scopeKey = findingScopeKey(profileId);
            finding.firstSeenAt = now;
            finding.lastSeenAt = now;
            finding.timesSeen = 1;
            finding.evidence = detection.evidence;
            opened.push_back(std::move(finding));
            ++counts.opened;
            continue;
        }

        // Seen again: a resolved finding reopens. An acknowledged one stays acknowledged while
        // the drift is the one that was acknowledged; drift that changed since (another value,
        // another candidate) is open again, with the old acknowledgement in its evidence.
        const bool driftChanged = found->status == FindingStatus::acknowledged
            && driftSignature(found->evidence) != driftSignature(detection.evidence);
        nlohmann::json evidence = detection.evidence;
        if (driftChanged) {
            evidence["previous_acknowledgement"]
                = {{"acknowledged_at", toRfc3339(found->acknowledgedAt).toStdString()},
                   {"acknowledged_by", found->acknowledgedBy.toStdString()},
                   {"note", found->acknowledgementNote.toStdString()}};
        }
        if (found->status == FindingStatus::resolved || driftChanged)
            ++counts.reopened;
        else
            ++counts.seenAgain;
        seen.push_back({found->id, detection.displayName, std::move(evidence)});
        if (driftChanged)
            changedSinceAcknowledged.append(found->id);
    }

    findings.markSeenMany(seen, now);
    for (const qint64 id : std::as_const(changedSinceAcknowledged))
        findings.reopen(id);
    findings.insertMany(opened);

    for (const Finding& finding : std::as_const(existing)) {
        if (finding.status == FindingStatus::resolved || detectedKeys.contains(finding.fingerprint))
            continue;
        if (finding.baselineSnapshotId != snapshotId) {
            findings.markResolved(finding.id, now, QStringLiteral("baseline_replaced"));
            ++counts.resolvedReplaced;
        } else if (comparedTypes.contains(finding.policyType)
                   && !excludedKeys.contains({finding.policyType, finding.subjectExternalId})) {
            findings.markResolved(finding.id, now, QStringLiteral("not_detected"));
            ++counts.resolvedNotDetected;
        }
        // Otherwise the finding's type or subject was not compared: nothing is known about it.
    }
    return counts;
}

/// Why a compare stands aside for another one of the same pair, naming that run when it can.
QString compareUnderWayReason(RunStore& runs, qint64 ownRunId, const Tenant& tenant,
                              const BaselineProfile& profile)
{
    QString other;
    for (const OperationRun& run :
         runs.list({tenant.id, profile.id, RunType::baselineCompare, 20})) {
        if (run.id != ownRunId && run.status == RunStatus::running) {
            other = QStringLiteral(" (run %1)").arg(run.id);
            break;
        }
    }
    return QStringLiteral("another compare of \"%1\" against \"%2\" is under way%3; it records "
                          "the findings, so this one did nothing")
        .arg(tenant.name, profile.name, other);
}

int countOf(const std::vector<Detection>& detections, const QString& changeType)
{
    return static_cast<int>(
        std::count_if(detections.begin(), detections.end(), [&](const Detection& detection) {
            return detection.changeType == changeType;
        }));
}

} // namespace

BaselineCompare::BaselineCompare(Database& database, qint64 workspaceId,
                                 const PolicyTypeRegistry& registry)
    : m_database(database)
    , m_workspaceId(workspaceId)
    , m_registry(registry)
{
}

QList<CompareRequest> BaselineCompare::plan(Database& database, qint64 workspaceId,
                                            std::optional<qint64> tenantId,
                                            std::optional<qint64> profileId)
{
    ProfileStore profiles(database, workspaceId);
    QList<qint64> tenantIds;
    if (tenantId) {
        tenantIds.append(*tenantId);
    } else {
        for (const Tenant& tenant : TenantStore(database, workspaceId).list())
            tenantIds.append(tenant.id);
    }

    QList<CompareRequest> requests;
    for (const qint64 id : tenantIds) {
        const QList<qint64> assigned = profiles.profileIdsForTenant(id);
        if (profileId) {
            const BaselineProfile profile = profiles.require(*profileId);
            if (profile.status == QLatin1String("archived")) {
                throw EngineError(
                    QStringLiteral("baseline profile \"%1\" is archived; archived profiles are "
                                   "not compared")
                        .arg(profile.name));
            }
            if (assigned.contains(*profileId))
                requests.append({id, *profileId});
            else if (tenantId)
                throw EngineError(
                    QStringLiteral("tenant \"%1\" is not assigned to baseline "
                                   "profile \"%2\"; assign it first")
                        .arg(TenantStore(database, workspaceId).require(id).name, profile.name));
            continue;
        }
        if (assigned.isEmpty() && tenantId) {
            throw EngineError(
                QStringLiteral("tenant \"%1\" is not assigned to any baseline profile")
                    .arg(TenantStore(database, workspaceId).require(id).name));
        }
        for (const qint64 assignedProfile : assigned) {
            const auto profile = profiles.byId(assignedProfile);
            if (profile && profile->status != QLatin1String("archived"))
                requests.append({id, assignedProfile});
        }
    }
    return requests;
}

RunResult BaselineCompare::run(const CompareRequest& request, OperationControl& control)
{
    const BaselineProfile profile
        = ProfileStore(m_database, m_workspaceId).require(request.profileId);
    const Tenant tenant = TenantStore(m_database, m_workspaceId).require(request.tenantId);

    const nlohmann::json context{
        {"profile", {{"id", profile.id}, {"name", profile.name.toStdString()}}},
        {"tenant", {{"id", tenant.id}, {"name", tenant.name.toStdString()}}}};
    RunRecorder recorder(m_database, m_workspaceId, RunType::baselineCompare, tenant.id,
                         profile.id);
    return recorder.guard([&] { return perform(recorder, profile, tenant, context, control); },
                          context);
}

RunResult BaselineCompare::perform(RunRecorder& recorder, const BaselineProfile& profile,
                                   const Tenant& tenant, nlohmann::json context,
                                   OperationControl& control)
{
    const auto blocked = [&](const QString& reason) {
        context["reason"] = reason.toStdString();
        return recorder.finishWithoutWork(RunOutcome::blocked, nlohmann::json::object(), context,
                                          reason);
    };

    // One compare of a pair at a time: a second one started meanwhile would only record the
    // same detections again.
    const CompareLock lock(m_database, tenant.id, profile.id);
    if (!lock.isHeld()) {
        RunStore runs(m_database, m_workspaceId);
        return blocked(compareUnderWayReason(runs, recorder.runId(), tenant, profile));
    }

    if (!profile.activeSnapshotId) {
        return blocked(
            QStringLiteral("baseline profile \"%1\" has no active snapshot; capture one first")
                .arg(profile.name));
    }
    SnapshotStore snapshots(m_database, m_workspaceId);
    const auto snapshot = snapshots.byId(*profile.activeSnapshotId);
    if (!snapshot) {
        throw EngineError(QStringLiteral("the active snapshot %1 of \"%2\" is missing")
                              .arg(QString::number(*profile.activeSnapshotId), profile.name));
    }
    context["snapshot_id"] = snapshot->id;

    const auto sync = RunStore(m_database, m_workspaceId).latestInventorySync(tenant.id);
    if (!sync) {
        return blocked(QStringLiteral("tenant \"%1\" has no completed inventory sync; import "
                                      "its inventory first")
                           .arg(tenant.name));
    }
    context["sync_run_id"] = sync->id;
    context["matching_mode"] = profile.matchingMode.toStdString();
    if (profile.matchingMode == MatchingMode::byIdentity)
        context["version_suffix_pattern"] = profile.versionSuffixPattern.toStdString();

    // Compare only what both sides really covered.
    QString scopeError;
    const auto scope = BaselineScope::fromJson(profile.scope, m_registry, &scopeError);
    const TypePlan types
        = planTypes(*snapshot, *sync, scope ? scope->effectiveTypes(m_registry) : QStringList());
    context["compared_types"] = toJsonArray(types.compared);
    context["skipped_types"] = types.skipped;
    if (Coverage::fromRunContext(sync->context).types().isEmpty())
        return blocked(emptyCoverageReason(tenant.name, sync->outcome, sync->context, sync->id));
    if (types.compared.isEmpty()) {
        return blocked(
            QStringLiteral("no policy type is covered both by snapshot %1 and by the "
                           "latest inventory sync of \"%2\" (run %3)")
                .arg(QString::number(snapshot->id), tenant.name, QString::number(sync->id)));
    }

    control.progress(0, 3, QStringLiteral("Loading baseline and inventory"));
    InventoryStore inventory(m_database, m_workspaceId);
    const Sides sides = loadSides(
        m_snapshots.heads(snapshots, *snapshot), inventory, *snapshot, tenant.id, types.compared,
        profile.matchingMode == MatchingMode::byIdentity ? RowDetail::IdentityFields
                                                         : RowDetail::Plain);
    context["excluded_subjects"] = sides.excluded;

    control.progress(1, 3, QStringLiteral("Comparing"));
    std::vector<Detection> detections = detectDrift(sides, profile, snapshots, inventory, control);
    SettingDefinitionStore definitions(m_database, m_workspaceId);
    nameSettings(detections, definitions);
    checkpoint(control);

    control.progress(2, 3, QStringLiteral("Recording findings"));
    Transaction transaction(m_database);
    FindingStore findings(m_database, m_workspaceId);
    const LifecycleCounts lifecycle
        = recordFindings(findings, m_registry, detections, tenant.id, profile.id, snapshot->id,
                         types.compared, sides.excludedKeys);

    const int missing = countOf(detections, ChangeType::missingPolicy);
    const int different = countOf(detections, ChangeType::differentVersion);
    const int unexpected = countOf(detections, ChangeType::unexpectedPolicy);
    const int ambiguous = countOf(detections, ChangeType::ambiguousMatch);
    const nlohmann::json counts{{"baseline_items", static_cast<int>(sides.baseline.size())},
                                {"current_items", static_cast<int>(sides.current.size())},
                                {"types_compared", static_cast<int>(types.compared.size())},
                                {"types_skipped", static_cast<int>(types.skipped.size())},
                                {"subjects_excluded", static_cast<int>(sides.excluded.size())},
                                {"missing_policy", missing},
                                {"different_version", different},
                                {"unexpected_policy", unexpected},
                                {"ambiguous_match", ambiguous},
                                {"findings_opened", lifecycle.opened},
                                {"findings_reopened", lifecycle.reopened},
                                {"findings_seen_again", lifecycle.seenAgain},
                                {"findings_resolved", lifecycle.resolvedNotDetected},
                                {"findings_baseline_replaced", lifecycle.resolvedReplaced}};
    QString drift = QStringLiteral("%1 missing, %2 different, %3 unexpected")
                        .arg(QString::number(missing), QString::number(different),
                             QString::number(unexpected));
    if (ambiguous > 0)
        drift += QStringLiteral(", %1 ambiguous").arg(ambiguous);
    const QString message
        = QStringLiteral("\"%1\" against \"%2\" (snapshot %3): %4; %5 new, %6 reopened, "
                         "%7 resolved")
              .arg(tenant.name, profile.name, QString::number(snapshot->id), drift,
                   QString::number(lifecycle.opened), QString::number(lifecycle.reopened),
                   QString::number(lifecycle.resolvedNotDetected + lifecycle.resolvedReplaced));
    qCInfo(lcCompare).noquote() << "run" << recorder.runId() << message;
    return recorder.finish(transaction,
                           types.degraded ? RunOutcome::partiallySucceeded : RunOutcome::succeeded,
                           counts, context, message);
}

} // namespace driftdesk
