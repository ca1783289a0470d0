// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinecapture.h"

#include "baselinescope.h"
#include "canonicaljson.h"
#include "countednoun.h"
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

namespace {

/// The content of a new snapshot, built from the source tenant's inventory.
struct SnapshotContent
{
    std::vector<BaselineSnapshotItem> items;
    nlohmann::json identityItems = nlohmann::json::array(); ///< [type, subject, hash]
    nlohmann::json excluded = nlohmann::json::array(); ///< listed with files and reason
    nlohmann::json excludedIdentity = nlohmann::json::array(); ///< [type, subject]
    nlohmann::json itemsByType = nlohmann::json::object();
};

/// Which in-scope types the latest sync covered well enough to capture.
struct CapturePlan
{
    QStringList captured;
    nlohmann::json skipped = nlohmann::json::array();
    bool degraded = false; ///< a type in scope was partial or failed
};

CapturePlan planTypes(const QStringList& scopeTypes, const OperationRun& sync)
{
    CapturePlan plan;
    const Coverage coverage = Coverage::fromRunContext(sync.context);
    for (const QString& type : scopeTypes) {
        if (coverage.succeeded(type)) {
            plan.captured.append(type);
            continue;
        }
        const QString status = coverage.status(type);
        plan.degraded = plan.degraded || !status.isEmpty();
        plan.skipped.push_back({{"policy_type", type.toStdString()},
                                {"reason", coverageGap(status, sync.id).toStdString()}});
    }
    return plan;
}

SnapshotContent buildContent(InventoryStore& inventory, qint64 tenantId, const QStringList& types,
                             const OperationControl& control)
{
    SnapshotContent content;
    for (const InventoryRow& row : inventory.rows(tenantId, types)) {
        checkpoint(control);
        const nlohmann::json subject{row.policyType.toStdString(),
                                     row.subjectExternalId.toStdString()};
        if (row.ambiguous) {
            // Rows come ordered by subject, so the objects of one ambiguous subject are adjacent.
            if (!content.excludedIdentity.empty() && content.excludedIdentity.back() == subject) {
                content.excluded.back()["files"].push_back(row.sourceFile.toStdString());
                continue;
            }
            content.excludedIdentity.push_back(subject);
            content.excluded.push_back(
                {{"policy_type", row.policyType.toStdString()},
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
        item.meta
            = {{"meta_contract", {{"version", contract.version}, {"payload", contract.payload}}},
               {"display_name", row.displayName.toStdString()},
               {"description", raw.value("description", nlohmann::json(""))}};
        content.identityItems.push_back(
            {row.policyType.toStdString(), row.subjectExternalId.toStdString(), contract.hash});
        const std::string type = row.policyType.toStdString();
        content.itemsByType[type] = content.itemsByType.value(type, 0) + 1;
        content.items.push_back(std::move(item));
    }
    return content;
}

} // namespace

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
    const BaselineProfile profile
        = ProfileStore(m_database, m_workspaceId).require(request.profileId);
    const Tenant tenant = TenantStore(m_database, m_workspaceId).require(request.sourceTenantId);
    if (profile.status == QLatin1String("archived")) {
        throw EngineError(QStringLiteral("baseline profile \"%1\" is archived; set its status to "
                                         "draft or active to capture into it")
                              .arg(profile.name));
    }
    QString scopeError;
    const auto scope = BaselineScope::fromJson(profile.scope, m_registry, &scopeError);
    if (!scope)
        throw EngineError(QStringLiteral("profile \"%1\": %2").arg(profile.name, scopeError));

    const nlohmann::json context{
        {"profile", {{"id", profile.id}, {"name", profile.name.toStdString()}}},
        {"source_tenant", {{"id", tenant.id}, {"name", tenant.name.toStdString()}}}};
    RunRecorder recorder(m_database, m_workspaceId, RunType::baselineCapture, tenant.id,
                         profile.id);
    const QStringList scopeTypes = scope->effectiveTypes(m_registry);
    return recorder.guard(
        [&] { return perform(recorder, profile, tenant, scopeTypes, context, control); }, context);
}

RunResult BaselineCapture::perform(RunRecorder& recorder, const BaselineProfile& profile,
                                   const Tenant& tenant, const QStringList& scopeTypes,
                                   nlohmann::json context, OperationControl& control)
{
    const auto blocked = [&](const QString& reason) {
        context["reason"] = reason.toStdString();
        return recorder.finishWithoutWork(RunOutcome::blocked, nlohmann::json::object(), context,
                                          reason);
    };

    const auto sync = RunStore(m_database, m_workspaceId).latestInventorySync(tenant.id);
    if (!sync) {
        return blocked(QStringLiteral("tenant \"%1\" has no completed inventory sync; import "
                                      "its inventory first")
                           .arg(tenant.name));
    }
    context["sync_run_id"] = sync->id;

    // Capture what the latest sync really processed, within the profile's scope.
    const CapturePlan types = planTypes(scopeTypes, *sync);
    context["captured_types"] = toJsonArray(types.captured);
    context["skipped_types"] = types.skipped;
    if (Coverage::fromRunContext(sync->context).types().isEmpty())
        return blocked(emptyCoverageReason(tenant.name, sync->outcome, sync->context, sync->id));
    if (types.captured.isEmpty()) {
        return blocked(QStringLiteral("no type in the scope of \"%1\" succeeded in the latest "
                                      "inventory sync of \"%2\" (run %3)")
                           .arg(profile.name, tenant.name, QString::number(sync->id)));
    }

    control.progress(0, 2, QStringLiteral("Building meta contracts"));
    InventoryStore inventory(m_database, m_workspaceId);
    const SnapshotContent content = buildContent(inventory, tenant.id, types.captured, control);
    const QString identity = identityHash(MetaContractBuilder::latestVersion, types.captured,
                                          content.identityItems, content.excludedIdentity);
    context["excluded_subjects"] = content.excluded;

    control.progress(1, 2, QStringLiteral("Writing the snapshot"));
    Transaction transaction(m_database);
    SnapshotStore snapshots(m_database, m_workspaceId);
    qint64 snapshotId = 0;
    const auto existing = snapshots.byIdentity(profile.id, identity);
    if (existing) {
        snapshotId = existing->id;
    } else {
        BaselineSnapshot snapshot;
        snapshot.baselineProfileId = profile.id;
        snapshot.identityHash = identity;
        snapshot.capturedAt = QDateTime::currentDateTimeUtc();
        snapshot.summary = {{"source_tenant", context["source_tenant"]},
                            {"sync_run_id", sync->id},
                            {"meta_contract_version", MetaContractBuilder::latestVersion},
                            {"covered_types", toJsonArray(types.captured)},
                            {"skipped_types", types.skipped},
                            {"excluded_subjects", content.excluded},
                            {"item_count", static_cast<int>(content.items.size())},
                            {"items_by_type", content.itemsByType}};
        snapshot.sourceTenantId = tenant.id;
        snapshot.captureRunId = recorder.runId();
        snapshotId = snapshots.insert(snapshot, content.items);
    }
    ProfileStore(m_database, m_workspaceId).setActiveSnapshot(profile.id, snapshotId);

    context["snapshot_id"] = snapshotId;
    context["snapshot_identity_hash"] = identity.toStdString();
    context["snapshot_reused"] = existing.has_value();
    const nlohmann::json counts{{"items_captured", static_cast<int>(content.items.size())},
                                {"types_captured", static_cast<int>(types.captured.size())},
                                {"types_skipped", static_cast<int>(types.skipped.size())},
                                {"subjects_excluded", static_cast<int>(content.excluded.size())},
                                {"snapshot_reused", existing ? 1 : 0}};
    const QString message
        = QStringLiteral("%1 snapshot %2 of \"%3\" with %4 from \"%5\" (%6, %7 skipped, %8 "
                         "excluded)")
              .arg(
                  existing ? QStringLiteral("reused") : QStringLiteral("captured"),
                  QString::number(snapshotId), profile.name,
                  countedNoun(static_cast<qint64>(content.items.size()), "item", "items"),
                  tenant.name,
                  countedNoun(static_cast<qint64>(types.captured.size()), "type", "types"),
                  QString::number(types.skipped.size()),
                  countedNoun(static_cast<qint64>(content.excluded.size()), "subject", "subjects"));
    qCInfo(lcCapture).noquote() << "run" << recorder.runId() << message;
    return recorder.finish(transaction,
                           types.degraded ? RunOutcome::partiallySucceeded : RunOutcome::succeeded,
                           counts, context, message);
}

} // namespace driftdesk
