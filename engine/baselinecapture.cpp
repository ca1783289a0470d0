// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinecapture.h"

#include "baselinescope.h"
#include "canonicaljson.h"
#include "coverage.h"
#include "engineerror.h"
#include "inventorystore.h"
#include "jsonconvert.h"
#include "logging.h"
#include "metacontract.h"
#include "profilestore.h"
#include "runstore.h"
#include "sha256.h"
#include "snapshotstore.h"
#include "tenantstore.h"

#include <algorithm>

namespace driftdesk {

BaselineCapture::BaselineCapture(Database& database, qint64 workspaceId,
                                 const PolicyTypeRegistry& registry)
    : m_database(database)
    , m_workspaceId(workspaceId)
    , m_registry(registry)
{
}

QString BaselineCapture::identityHash(int contractVersion, const QStringList& coveredTypes,
                                      const nlohmann::json& items, const nlohmann::json& excluded)
{
    QStringList types = coveredTypes;
    types.sort();
    auto sortedItems = items;
    std::sort(sortedItems.begin(), sortedItems.end());
    auto sortedExcluded = excluded;
    std::sort(sortedExcluded.begin(), sortedExcluded.end());
    const nlohmann::json identity{{"contract_version", contractVersion},
                                  {"covered_types", toJsonArray(types)},
                                  {"items", sortedItems},
                                  {"excluded", sortedExcluded}};
    return QString::fromStdString(sha256Hex(canonicalJson(identity)));
}

RunResult BaselineCapture::run(const CaptureRequest& request, OperationControl& control)
{
    const auto profile = ProfileStore(m_database, m_workspaceId).byId(request.profileId);
    if (!profile)
        throw EngineError(QStringLiteral("there is no baseline profile with id %1")
                              .arg(request.profileId));
    const auto tenant = TenantStore(m_database, m_workspaceId).byId(request.sourceTenantId);
    if (!tenant)
        throw EngineError(QStringLiteral("there is no tenant with id %1").arg(request.sourceTenantId));
    QString scopeError;
    const auto scope = BaselineScope::fromJson(profile->scope, m_registry, &scopeError);
    if (!scope)
        throw EngineError(QStringLiteral("profile \"%1\": %2").arg(profile->name, scopeError));

    const nlohmann::json baseContext{
        {"profile", {{"id", profile->id}, {"name", profile->name.toStdString()}}},
        {"source_tenant", {{"id", tenant->id}, {"name", tenant->name.toStdString()}}}};

    RunRecorder recorder(m_database, m_workspaceId, RunType::baselineCapture, tenant->id,
                         profile->id);
    return recorder.guard([&]() -> RunResult {
        nlohmann::json context = baseContext;
        const auto sync = RunStore(m_database, m_workspaceId).latestInventorySync(tenant->id);
        if (!sync) {
            context["reason"] = "the tenant has no completed inventory sync";
            return recorder.finishWithoutWork(
                RunOutcome::blocked, nlohmann::json::object(), context,
                QStringLiteral("blocked: tenant \"%1\" has no completed inventory sync; import "
                               "its inventory first")
                    .arg(tenant->name));
        }
        context["sync_run_id"] = sync->id;

        // Capture what the latest sync really processed, within the profile's scope.
        const Coverage coverage = Coverage::fromRunContext(sync->context);
        QStringList capturedTypes;
        auto skipped = nlohmann::json::array();
        bool degraded = false;
        for (const QString& type : scope->effectiveTypes(m_registry)) {
            if (coverage.succeeded(type)) {
                capturedTypes.append(type);
                continue;
            }
            const QString status = coverage.status(type);
            degraded = degraded || !status.isEmpty();
            skipped.push_back({{"policy_type", type.toStdString()},
                               {"reason", coverageGap(status, sync->id).toStdString()}});
        }
        context["captured_types"] = toJsonArray(capturedTypes);
        context["skipped_types"] = skipped;
        if (capturedTypes.isEmpty()) {
            context["reason"] = "no type in the profile's scope succeeded in the latest sync";
            return recorder.finishWithoutWork(
                RunOutcome::blocked, nlohmann::json::object(), context,
                QStringLiteral("blocked: no type in the scope of \"%1\" succeeded in the latest "
                               "inventory sync of \"%2\" (run %3)")
                    .arg(profile->name, tenant->name, QString::number(sync->id)));
        }

        control.progress(0, 2, QStringLiteral("Building meta contracts"));
        InventoryStore inventory(m_database, m_workspaceId);
        std::vector<BaselineSnapshotItem> items;
        auto identityItems = nlohmann::json::array();
        auto excluded = nlohmann::json::array();
        auto excludedIdentity = nlohmann::json::array();
        nlohmann::json itemsByType = nlohmann::json::object();
        for (const InventoryRow& row : inventory.rows(tenant->id, capturedTypes)) {
            checkpoint(control);
            if (row.ambiguous) {
                // Both objects of an ambiguous subject are listed once.
                if (!excludedIdentity.empty()
                    && excludedIdentity.back()
                           == nlohmann::json{row.policyType.toStdString(),
                                             row.subjectExternalId.toStdString()}) {
                    excluded.back()["files"].push_back(row.sourceFile.toStdString());
                    continue;
                }
                excludedIdentity.push_back(
                    {row.policyType.toStdString(), row.subjectExternalId.toStdString()});
                excluded.push_back({{"policy_type", row.policyType.toStdString()},
                                    {"subject_external_id", row.subjectExternalId.toStdString()},
                                    {"reason", "ambiguous"},
                                    {"files", {row.sourceFile.toStdString()}}});
                continue;
            }

            const nlohmann::json raw = inventory.rawObject(row.id);
            const MetaContract contract = MetaContractBuilder::build(raw);
            BaselineSnapshotItem item;
            item.subjectType = row.subjectType;
            item.subjectExternalId = row.subjectExternalId;
            item.policyType = row.policyType;
            item.baselineHash = QString::fromStdString(contract.hash);
            item.meta = {{"meta_contract",
                          {{"version", contract.version}, {"payload", contract.payload}}},
                         {"display_name", row.displayName.toStdString()},
                         {"description", raw.value("description", nlohmann::json(""))}};
            identityItems.push_back({row.policyType.toStdString(),
                                     row.subjectExternalId.toStdString(), contract.hash});
            itemsByType[row.policyType.toStdString()] =
                itemsByType.value(row.policyType.toStdString(), 0) + 1;
            items.push_back(std::move(item));
        }

        const QString identity = identityHash(MetaContractBuilder::latestVersion, capturedTypes,
                                              identityItems, excludedIdentity);
        nlohmann::json summary{{"source_tenant", baseContext["source_tenant"]},
                               {"sync_run_id", sync->id},
                               {"meta_contract_version", MetaContractBuilder::latestVersion},
                               {"covered_types", toJsonArray(capturedTypes)},
                               {"skipped_types", skipped},
                               {"excluded_subjects", excluded},
                               {"item_count", static_cast<int>(items.size())},
                               {"items_by_type", itemsByType}};
        context["excluded_subjects"] = excluded;

        control.progress(1, 2, QStringLiteral("Writing the snapshot"));
        Transaction transaction(m_database);
        SnapshotStore snapshots(m_database, m_workspaceId);
        qint64 snapshotId = 0;
        bool reused = false;
        if (const auto existing = snapshots.byIdentity(profile->id, identity)) {
            snapshotId = existing->id;
            reused = true;
        } else {
            BaselineSnapshot snapshot;
            snapshot.baselineProfileId = profile->id;
            snapshot.identityHash = identity;
            snapshot.capturedAt = QDateTime::currentDateTimeUtc();
            snapshot.summary = summary;
            snapshot.sourceTenantId = tenant->id;
            snapshot.captureRunId = recorder.runId();
            snapshotId = snapshots.insert(snapshot, items);
        }
        ProfileStore(m_database, m_workspaceId).setActiveSnapshot(profile->id, snapshotId);

        context["snapshot_id"] = snapshotId;
        context["snapshot_identity_hash"] = identity.toStdString();
        context["snapshot_reused"] = reused;
        const nlohmann::json counts{{"items_captured", static_cast<int>(items.size())},
                                    {"types_captured", static_cast<int>(capturedTypes.size())},
                                    {"types_skipped", static_cast<int>(skipped.size())},
                                    {"subjects_excluded", static_cast<int>(excluded.size())},
                                    {"snapshot_reused", reused ? 1 : 0}};
        const QString message =
            QStringLiteral("%1 snapshot %2 of \"%3\" with %4 items from \"%5\" (%6 types, %7 "
                           "skipped, %8 subjects excluded)")
                .arg(reused ? QStringLiteral("reused") : QStringLiteral("captured"),
                     QString::number(snapshotId), profile->name, QString::number(items.size()),
                     tenant->name, QString::number(capturedTypes.size()),
                     QString::number(skipped.size()), QString::number(excluded.size()));
        qCInfo(lcCapture).noquote() << "run" << recorder.runId() << message;
        return recorder.finish(transaction,
                               degraded ? RunOutcome::partiallySucceeded : RunOutcome::succeeded,
                               counts, context, message);
    }, baseContext);
}

} // namespace driftdesk
