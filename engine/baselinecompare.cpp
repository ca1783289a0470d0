// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinecompare.h"

#include "baselinescope.h"
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
#include "snapshotstore.h"
#include "tenantstore.h"

#include <QHash>
#include <QSet>

#include <map>

namespace driftdesk {

namespace {

using SubjectKey = QPair<QString, QString>; // policy type, subject external id

struct Detection
{
    QString changeType;
    QString policyType;
    QString subjectType;
    QString subjectExternalId;
    QString displayName;
    nlohmann::json evidence;
};

int contractVersionOf(const BaselineSnapshotItem& item)
{
    const auto contract = item.meta.find("meta_contract");
    if (contract == item.meta.end() || !contract->is_object())
        return 0;
    return contract->value("version", 0);
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
    TenantStore tenants(database, workspaceId);
    QList<CompareRequest> requests;

    QList<qint64> tenantIds;
    if (tenantId) {
        tenantIds.append(*tenantId);
    } else {
        for (const Tenant& tenant : tenants.list())
            tenantIds.append(tenant.id);
    }

    for (const qint64 id : tenantIds) {
        const QList<qint64> assigned = profiles.profileIdsForTenant(id);
        if (profileId) {
            if (!assigned.contains(*profileId)) {
                if (!tenantId)
                    continue;
                throw EngineError(QStringLiteral("tenant %1 is not assigned to baseline profile "
                                                 "%2; assign it with `driftctl profile assign`")
                                      .arg(QString::number(id), QString::number(*profileId)));
            }
            requests.append({id, *profileId});
            continue;
        }
        if (assigned.isEmpty() && tenantId)
            throw EngineError(QStringLiteral("tenant %1 is not assigned to any baseline profile")
                                  .arg(id));
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
    const auto profile = ProfileStore(m_database, m_workspaceId).byId(request.profileId);
    if (!profile)
        throw EngineError(QStringLiteral("there is no baseline profile with id %1")
                              .arg(request.profileId));
    const auto tenant = TenantStore(m_database, m_workspaceId).byId(request.tenantId);
    if (!tenant)
        throw EngineError(QStringLiteral("there is no tenant with id %1").arg(request.tenantId));

    const nlohmann::json baseContext{
        {"profile", {{"id", profile->id}, {"name", profile->name.toStdString()}}},
        {"tenant", {{"id", tenant->id}, {"name", tenant->name.toStdString()}}}};

    RunRecorder recorder(m_database, m_workspaceId, RunType::baselineCompare, tenant->id,
                         profile->id);
    return recorder.guard([&]() -> RunResult {
        nlohmann::json context = baseContext;
        const auto blocked = [&](const QString& reason) {
            context["reason"] = reason.toStdString();
            return recorder.finishWithoutWork(RunOutcome::blocked, nlohmann::json::object(),
                                              context, QStringLiteral("blocked: ") + reason);
        };

        if (!profile->activeSnapshotId)
            return blocked(QStringLiteral("baseline profile \"%1\" has no active snapshot; "
                                          "capture one first")
                               .arg(profile->name));
        SnapshotStore snapshots(m_database, m_workspaceId);
        const auto snapshot = snapshots.byId(*profile->activeSnapshotId);
        if (!snapshot)
            throw EngineError(QStringLiteral("the active snapshot %1 of \"%2\" is missing")
                                  .arg(QString::number(*profile->activeSnapshotId), profile->name));
        context["snapshot_id"] = snapshot->id;

        const auto sync = RunStore(m_database, m_workspaceId).latestInventorySync(tenant->id);
        if (!sync)
            return blocked(QStringLiteral("tenant \"%1\" has no completed inventory sync; "
                                          "import its inventory first")
                               .arg(tenant->name));
        context["sync_run_id"] = sync->id;

        // Compare only what both sides really covered.
        const Coverage coverage = Coverage::fromRunContext(sync->context);
        QStringList snapshotTypes;
        for (const auto& type : snapshot->summary.value("covered_types", nlohmann::json::array()))
            snapshotTypes.append(toQString(type));
        QStringList comparedTypes;
        auto skipped = nlohmann::json::array();
        bool degraded = false;
        for (const QString& type : snapshotTypes) {
            if (coverage.succeeded(type)) {
                comparedTypes.append(type);
                continue;
            }
            degraded = true;
            skipped.push_back(
                {{"policy_type", type.toStdString()},
                 {"reason", coverageGap(coverage.status(type), sync->id).toStdString()}});
        }
        QString scopeError;
        const auto scope = BaselineScope::fromJson(profile->scope, m_registry, &scopeError);
        for (const QString& type : scope ? scope->effectiveTypes(m_registry) : QStringList()) {
            if (!snapshotTypes.contains(type) && coverage.succeeded(type)) {
                skipped.push_back({{"policy_type", type.toStdString()},
                                   {"reason", QStringLiteral("not covered by snapshot %1")
                                                  .arg(snapshot->id)
                                                  .toStdString()}});
            }
        }
        context["compared_types"] = toJsonArray(comparedTypes);
        context["skipped_types"] = skipped;
        if (comparedTypes.isEmpty())
            return blocked(QStringLiteral("no policy type is covered both by snapshot %1 and by "
                                          "the latest inventory sync of \"%2\" (run %3)")
                               .arg(QString::number(snapshot->id), tenant->name,
                                    QString::number(sync->id)));

        control.progress(0, 3, QStringLiteral("Loading baseline and inventory"));

        // Subjects left out on both sides: excluded from the snapshot, or ambiguous now.
        QSet<SubjectKey> excludedKeys;
        auto excluded = nlohmann::json::array();
        for (const auto& entry : snapshot->summary.value("excluded_subjects",
                                                         nlohmann::json::array())) {
            const SubjectKey key{toQString(entry.value("policy_type", nlohmann::json())),
                                 toQString(entry.value("subject_external_id", nlohmann::json()))};
            if (!comparedTypes.contains(key.first))
                continue;
            excludedKeys.insert(key);
            nlohmann::json listed = entry;
            listed["side"] = "baseline";
            excluded.push_back(listed);
        }

        std::map<SubjectKey, BaselineSnapshotItem> baseline;
        for (auto& item : snapshots.items(snapshot->id)) {
            if (comparedTypes.contains(item.policyType))
                baseline.emplace(SubjectKey{item.policyType, item.subjectExternalId},
                                 std::move(item));
        }

        InventoryStore inventory(m_database, m_workspaceId);
        std::map<SubjectKey, InventoryRow> current;
        for (auto& row : inventory.rows(tenant->id, comparedTypes)) {
            const SubjectKey key{row.policyType, row.subjectExternalId};
            if (row.ambiguous) {
                if (!excludedKeys.contains(key)) {
                    excludedKeys.insert(key);
                    excluded.push_back({{"policy_type", row.policyType.toStdString()},
                                        {"subject_external_id", row.subjectExternalId.toStdString()},
                                        {"reason", "ambiguous"},
                                        {"side", "current"}});
                }
                continue;
            }
            current.emplace(key, std::move(row));
        }
        context["excluded_subjects"] = excluded;

        // Detect drift.
        control.progress(1, 3, QStringLiteral("Comparing"));
        std::vector<Detection> detections;
        int missing = 0;
        int different = 0;
        int unexpected = 0;
        for (const auto& [key, item] : baseline) {
            checkpoint(control);
            if (excludedKeys.contains(key))
                continue;
            const QString baselineName = toQString(item.meta.value("display_name", nlohmann::json()));
            const auto now = current.find(key);
            if (now == current.end()) {
                ++missing;
                detections.push_back({ChangeType::missingPolicy, key.first, item.subjectType,
                                      key.second, baselineName,
                                      {{"baseline_hash", item.baselineHash.toStdString()},
                                       {"current_hash", nullptr},
                                       {"baseline_display_name", baselineName.toStdString()},
                                       {"current_display_name", nullptr},
                                       {"meta_contract_version", contractVersionOf(item)},
                                       {"differences", nlohmann::json::array()}}});
                continue;
            }

            // Hashes compare only under one contract version: the snapshot item's.
            const int version = contractVersionOf(item);
            if (!MetaContractBuilder::isSupported(version))
                throw EngineError(QStringLiteral("snapshot %1 uses meta contract version %2, "
                                                 "which this DriftDesk does not know")
                                      .arg(QString::number(snapshot->id),
                                           QString::number(version)));
            const InventoryRow& row = now->second;
            QString currentHash = row.metaHash;
            std::optional<nlohmann::json> currentPayload;
            if (row.metaContractVersion != version) {
                const MetaContract contract =
                    MetaContractBuilder::build(inventory.rawObject(row.id), version);
                currentHash = QString::fromStdString(contract.hash);
                currentPayload = contract.payload;
            }
            if (currentHash == item.baselineHash)
                continue;

            ++different;
            if (!currentPayload)
                currentPayload = MetaContractBuilder::payload(inventory.rawObject(row.id), version);
            const auto differences = diffProperties(
                item.meta["meta_contract"].value("payload", nlohmann::json::object()),
                *currentPayload);
            detections.push_back(
                {ChangeType::differentVersion, key.first, row.subjectType, key.second,
                 row.displayName.isEmpty() ? baselineName : row.displayName,
                 {{"baseline_hash", item.baselineHash.toStdString()},
                  {"current_hash", currentHash.toStdString()},
                  {"baseline_display_name", baselineName.toStdString()},
                  {"current_display_name", row.displayName.toStdString()},
                  {"meta_contract_version", version},
                  {"differences", differencesToJson(differences)}}});
        }
        for (const auto& [key, row] : current) {
            if (excludedKeys.contains(key) || baseline.count(key))
                continue;
            ++unexpected;
            detections.push_back({ChangeType::unexpectedPolicy, key.first, row.subjectType,
                                  key.second, row.displayName,
                                  {{"baseline_hash", nullptr},
                                   {"current_hash", row.metaHash.toStdString()},
                                   {"baseline_display_name", nullptr},
                                   {"current_display_name", row.displayName.toStdString()},
                                   {"meta_contract_version", row.metaContractVersion},
                                   {"source_file", row.sourceFile.toStdString()},
                                   {"differences", nlohmann::json::array()}}});
        }
        checkpoint(control);

        // Record findings and their lifecycle in one transaction.
        control.progress(2, 3, QStringLiteral("Recording findings"));
        Transaction transaction(m_database);
        FindingStore findings(m_database, m_workspaceId);
        QHash<QString, Finding> existing;
        for (Finding& finding : findings.forTenantProfile(tenant->id, profile->id))
            existing.insert(finding.fingerprint, std::move(finding));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QSet<QString> detectedKeys;
        int opened = 0;
        int reopened = 0;
        int seenAgain = 0;
        for (const Detection& detection : detections) {
            const QString key = findingRecurrenceKey(tenant->id, snapshot->id,
                                                     detection.policyType,
                                                     detection.subjectExternalId,
                                                     detection.changeType);
            detectedKeys.insert(key);
            auto found = existing.find(key);
            if (found == existing.end()) {
                Finding finding;
                finding.tenantId = tenant->id;
                finding.baselineProfileId = profile->id;
                finding.baselineSnapshotId = snapshot->id;
                finding.policyType = detection.policyType;
                finding.subjectType = detection.subjectType;
                finding.subjectExternalId = detection.subjectExternalId;
                finding.displayName = detection.displayName;
                finding.changeType = detection.changeType;
                finding.severity = defaultSeverity(detection.changeType);
                finding.status = FindingStatus::open;
                finding.fingerprint = key;
                finding.recurrenceKey = key;
                finding.scopeKey = findingScopeKey(profile->id);
                finding.firstSeenAt = now;
                finding.lastSeenAt = now;
                finding.timesSeen = 1;
                finding.evidence = detection.evidence;
                findings.insert(finding);
                ++opened;
                continue;
            }

            Finding& finding = found.value();
            if (finding.status == FindingStatus::resolved) {
                finding.status = FindingStatus::open;
                finding.resolvedAt = QDateTime();
                finding.resolvedReason.clear();
                ++reopened;
            } else {
                ++seenAgain;
            }
            finding.lastSeenAt = now;
            finding.timesSeen += 1;
            finding.displayName = detection.displayName;
            finding.evidence = detection.evidence;
            findings.updateLifecycle(finding);
        }

        int resolvedNotDetected = 0;
        int resolvedReplaced = 0;
        for (Finding& finding : existing) {
            if (finding.status == FindingStatus::resolved || detectedKeys.contains(finding.fingerprint))
                continue;
            if (finding.baselineSnapshotId != snapshot->id) {
                finding.resolvedReason = QStringLiteral("baseline_replaced");
                ++resolvedReplaced;
            } else if (comparedTypes.contains(finding.policyType)
                       && !excludedKeys.contains({finding.policyType, finding.subjectExternalId})) {
                finding.resolvedReason = QStringLiteral("not_detected");
                ++resolvedNotDetected;
            } else {
                continue; // not compared this time: nothing is known about it
            }
            finding.status = FindingStatus::resolved;
            finding.resolvedAt = now;
            findings.updateLifecycle(finding);
        }

        const nlohmann::json counts{{"baseline_items", static_cast<int>(baseline.size())},
                                    {"current_items", static_cast<int>(current.size())},
                                    {"types_compared", static_cast<int>(comparedTypes.size())},
                                    {"types_skipped", static_cast<int>(skipped.size())},
                                    {"subjects_excluded", static_cast<int>(excluded.size())},
                                    {"missing_policy", missing},
                                    {"different_version", different},
                                    {"unexpected_policy", unexpected},
                                    {"findings_opened", opened},
                                    {"findings_reopened", reopened},
                                    {"findings_seen_again", seenAgain},
                                    {"findings_resolved", resolvedNotDetected},
                                    {"findings_baseline_replaced", resolvedReplaced}};
        const QString message =
            QStringLiteral("\"%1\" against \"%2\" (snapshot %3): %4 missing, %5 different, %6 "
                           "unexpected; %7 new, %8 reopened, %9 resolved")
                .arg(tenant->name, profile->name, QString::number(snapshot->id),
                     QString::number(missing), QString::number(different),
                     QString::number(unexpected), QString::number(opened),
                     QString::number(reopened),
                     QString::number(resolvedNotDetected + resolvedReplaced));
        qCInfo(lcCompare).noquote() << "run" << recorder.runId() << message;
        return recorder.finish(transaction,
                               degraded ? RunOutcome::partiallySucceeded : RunOutcome::succeeded,
                               counts, context, message);
    }, baseContext);
}

} // namespace driftdesk
