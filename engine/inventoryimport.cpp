// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventoryimport.h"

#include "countednoun.h"
#include "coverage.h"
#include "engineerror.h"
#include "exportreader.h"
#include "inventorystore.h"
#include "jsonconvert.h"
#include "logging.h"
#include "tenantstore.h"

#include <QFileInfo>
#include <QMap>
#include <QSet>

#include <map>

namespace driftdesk {

namespace {

struct TypeCoverage
{
    QString status = CoverageStatus::succeeded;
    int itemCount = 0;
    QStringList errors;
};

/// What a scan means for the tenant's inventory: coverage per type, objects per type, and the
/// subjects two objects claim.
struct ImportPlan
{
    std::map<QString, TypeCoverage> coverage;
    std::map<QString, std::vector<const ExportedObject*>> objectsByType;
    QMap<QString, QSet<QString>> ambiguousIdsByType;
    nlohmann::json ambiguous = nlohmann::json::array();
    nlohmann::json fileErrors = nlohmann::json::array();
};

/// Types a folder can hold; for the export root or an unknown folder, every covered type.
QStringList typesAffectedBy(const QString& folder, const QStringList& coveredTypes,
                            const PolicyTypeRegistry& registry)
{
    const QStringList folderTypes
        = folder.isEmpty() ? QStringList() : registry.typesForFolder(folder);
    return folderTypes.isEmpty() ? coveredTypes : folderTypes;
}

void degrade(std::map<QString, TypeCoverage>& coverage, const QStringList& types,
             const QString& status, const QString& error)
{
    for (const QString& type : types) {
        const auto entry = coverage.find(type);
        if (entry == coverage.end())
            continue;
        if (entry->second.status != CoverageStatus::failed)
            entry->second.status = status;
        entry->second.errors.append(error);
    }
}

ImportPlan planImport(const ExportScan& scan, const QStringList& typeFilter,
                      const PolicyTypeRegistry& registry)
{
    ImportPlan plan;

    // A type is covered when its folder exists or objects of it were read; a filter names the
    // covered types outright.
    QStringList covered = typeFilter;
    if (covered.isEmpty()) {
        for (const QString& folder : scan.folders)
            covered += registry.typesForFolder(folder);
        for (const auto& object : scan.objects)
            covered.append(object.policyType);
        covered.removeDuplicates();
    }
    for (const QString& type : covered)
        plan.coverage[type];

    for (const auto& failure : scan.folderFailures) {
        degrade(plan.coverage, typesAffectedBy(failure.folder, covered, registry),
                CoverageStatus::failed, failure.folder + QStringLiteral(": ") + failure.message);
    }
    for (const auto& error : scan.fileErrors) {
        plan.fileErrors.push_back(
            {{"file", error.file.toStdString()}, {"error", error.message.toStdString()}});
        degrade(plan.coverage, typesAffectedBy(error.folder, covered, registry),
                CoverageStatus::partial, error.file + QStringLiteral(": ") + error.message);
    }

    QMap<QPair<QString, QString>, QStringList> filesBySubject;
    for (const auto& object : scan.objects) {
        plan.objectsByType[object.policyType].push_back(&object);
        filesBySubject[{object.policyType, object.externalId}].append(object.sourceFile);
        plan.coverage[object.policyType].itemCount += 1;
    }
    for (auto it = filesBySubject.cbegin(); it != filesBySubject.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        plan.ambiguousIdsByType[it.key().first].insert(it.key().second);
        plan.ambiguous.push_back({{"policy_type", it.key().first.toStdString()},
                                  {"subject_external_id", it.key().second.toStdString()},
                                  {"reason", "duplicate_id"},
                                  {"files", toJsonArray(it.value())}});
    }
    return plan;
}

nlohmann::json coverageJson(const std::map<QString, TypeCoverage>& coverage,
                            const PolicyTypeRegistry& registry)
{
    nlohmann::json policies = nlohmann::json::object();
    nlohmann::json foundations = nlohmann::json::object();
    for (const auto& [type, entry] : coverage) {
        const PolicyTypeInfo* info = registry.find(type);
        const bool foundation = info && info->kind == PolicyTypeKind::Foundation;
        (foundation ? foundations : policies)[type.toStdString()]
            = {{"status", entry.status.toStdString()},
               {"item_count", entry.itemCount},
               {"errors", toJsonArray(entry.errors)}};
    }
    return {{"coverage", {{"policy_types", policies}, {"foundation_types", foundations}}}};
}

int countWithStatus(const std::map<QString, TypeCoverage>& coverage, const QString& status)
{
    return static_cast<int>(std::count_if(coverage.begin(), coverage.end(), [&](const auto& e) {
        return e.second.status == status;
    }));
}

} // namespace

InventoryImport::InventoryImport(Database& database, qint64 workspaceId,
                                 const PolicyTypeRegistry& registry)
    : m_database(database)
    , m_workspaceId(workspaceId)
    , m_registry(registry)
{
}

RunResult InventoryImport::run(const ImportRequest& request, OperationControl& control)
{
    TenantStore(m_database, m_workspaceId).require(request.tenantId);
    for (const QString& type : request.types) {
        if (!m_registry.find(type))
            throw EngineError(QStringLiteral("--types: unknown type \"%1\"").arg(type));
    }

    const QString folder
        = request.documents ? request.folder : QFileInfo(request.folder).absoluteFilePath();
    nlohmann::json context{{"source_folder", folder.toStdString()}};
    if (!request.types.isEmpty())
        context["type_filter"] = toJsonArray(request.types);
    RunRecorder recorder(m_database, m_workspaceId, RunType::inventorySync, request.tenantId,
                         std::nullopt);
    return recorder.guard([&] { return perform(recorder, request, folder, context, control); },
                          context);
}

RunResult InventoryImport::perform(RunRecorder& recorder, const ImportRequest& request,
                                   const QString& folder, nlohmann::json context,
                                   OperationControl& control)
{
    // Reading and parsing need no database, so they happen before the transaction.
    control.progress(0, 2, QStringLiteral("Reading %1").arg(folder));
    ExportReader reader(m_registry);
    reader.setTypeFilter(request.types);
    reader.setCancelCheck([&control] { return control.isCancelled(); });
    const ExportScan scan = request.documents
        ? reader.scanDocuments(*request.documents, request.documentFolders)
        : reader.scan(folder);
    checkpoint(control);
    if (!scan.rootError.isEmpty())
        throw EngineError(scan.rootError);

    if (request.types.isEmpty() && scan.folders.isEmpty() && scan.filesRead == 0
        && scan.fileErrors.empty()) {
        throw EngineError(
            QStringLiteral("%1 holds no export: no type folder and no JSON file").arg(folder));
    }
    const ImportPlan plan = planImport(scan, request.types, m_registry);
    context["inventory"] = coverageJson(plan.coverage, m_registry);
    context["ambiguous_subjects"] = plan.ambiguous;
    context["file_errors"] = plan.fileErrors;

    // Replace the tenant's items of every type that succeeded; the others keep theirs.
    control.progress(1, 2, QStringLiteral("Writing inventory"));
    Transaction transaction(m_database);
    InventoryStore inventory(m_database, m_workspaceId);
    int itemsStored = 0;
    QStringList replacedTypes;
    for (const auto& [type, entry] : plan.coverage) {
        checkpoint(control);
        if (entry.status != CoverageStatus::succeeded)
            continue;
        const auto objects = plan.objectsByType.find(type);
        const std::vector<const ExportedObject*> none;
        const auto& list = objects != plan.objectsByType.end() ? objects->second : none;
        inventory.replaceType(request.tenantId, type, list, plan.ambiguousIdsByType.value(type),
                              recorder.runId());
        itemsStored += static_cast<int>(list.size());
        replacedTypes.append(type);
    }
    context["replaced_types"] = toJsonArray(replacedTypes);

    const int succeeded = countWithStatus(plan.coverage, CoverageStatus::succeeded);
    const int partial = countWithStatus(plan.coverage, CoverageStatus::partial);
    const int failed = countWithStatus(plan.coverage, CoverageStatus::failed);
    const nlohmann::json counts{{"files_read", scan.filesRead},
                                {"files_failed", static_cast<int>(scan.fileErrors.size())},
                                {"bytes_read", scan.bytesRead},
                                {"items_read", static_cast<int>(scan.objects.size())},
                                {"items_stored", itemsStored},
                                {"types_covered", static_cast<int>(plan.coverage.size())},
                                {"types_succeeded", succeeded},
                                {"types_partial", partial},
                                {"types_failed", failed},
                                {"ambiguous_subjects", static_cast<int>(plan.ambiguous.size())}};

    QString outcome = RunOutcome::succeeded;
    if (plan.coverage.empty() && !scan.fileErrors.empty())
        outcome = RunOutcome::failed;
    else if (partial > 0 || failed > 0 || !scan.fileErrors.empty())
        outcome = RunOutcome::partiallySucceeded;

    const QString message
        = QStringLiteral("read %1 from %2 (%3 unreadable); %4 of %5 succeeded; %6")
              .arg(countedNoun(static_cast<qint64>(scan.objects.size()), "item", "items"),
                   countedNoun(scan.filesRead + static_cast<qint64>(scan.fileErrors.size()), "file",
                               "files"),
                   QString::number(scan.fileErrors.size()), QString::number(succeeded),
                   countedNoun(static_cast<qint64>(plan.coverage.size()), "type", "types"),
                   countedNoun(static_cast<qint64>(plan.ambiguous.size()), "ambiguous subject",
                               "ambiguous subjects"));
    qCInfo(lcImport).noquote() << "run" << recorder.runId() << message;
    return recorder.finish(transaction, outcome, counts, context, message);
}

} // namespace driftdesk
