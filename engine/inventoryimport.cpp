// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventoryimport.h"

#include "coverage.h"
#include "engineerror.h"
#include "exportreader.h"
#include "inventorystore.h"
#include "jsonconvert.h"
#include "logging.h"
#include "tenantstore.h"

#include <QDir>
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

/// Types a folder can hold; for the export root or an unknown folder, every covered type.
QStringList typesAffectedBy(const QString& folder, const QStringList& coveredTypes,
                            const PolicyTypeRegistry& registry)
{
    const QStringList folderTypes = folder.isEmpty() ? QStringList() : registry.typesForFolder(folder);
    return folderTypes.isEmpty() ? coveredTypes : folderTypes;
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
    if (!TenantStore(m_database, m_workspaceId).byId(request.tenantId))
        throw EngineError(QStringLiteral("there is no tenant with id %1").arg(request.tenantId));
    for (const QString& type : request.types) {
        if (!m_registry.find(type))
            throw EngineError(QStringLiteral("--types: unknown type \"%1\"").arg(type));
    }

    const QString folder = QFileInfo(request.folder).absoluteFilePath();
    nlohmann::json baseContext{{"source_folder", folder.toStdString()}};
    if (!request.types.isEmpty())
        baseContext["type_filter"] = toJsonArray(request.types);

    RunRecorder recorder(m_database, m_workspaceId, RunType::inventorySync, request.tenantId,
                         std::nullopt);
    return recorder.guard([&]() -> RunResult {
        control.progress(0, 3, QStringLiteral("Reading %1").arg(folder));

        // Parsing happens outside any transaction: it needs no database.
        ExportReader reader(m_registry);
        reader.setTypeFilter(request.types);
        reader.setCancelCheck([&control] { return control.isCancelled(); });
        const ExportScan scan = reader.scan(folder);
        checkpoint(control);

        nlohmann::json context = baseContext;
        if (!scan.rootError.isEmpty())
            throw EngineError(scan.rootError);

        // Which types this sync covers.
        QStringList coveredTypes = request.types;
        if (coveredTypes.isEmpty()) {
            for (const QString& name : scan.folders)
                coveredTypes += m_registry.typesForFolder(name);
            for (const auto& object : scan.objects)
                coveredTypes.append(object.policyType);
            coveredTypes.removeDuplicates();
        }
        std::map<QString, TypeCoverage> coverage;
        for (const QString& type : coveredTypes)
            coverage[type];

        for (const auto& failure : scan.folderFailures) {
            for (const QString& type : typesAffectedBy(failure.folder, coveredTypes, m_registry)) {
                auto entry = coverage.find(type);
                if (entry == coverage.end())
                    continue;
                entry->second.status = CoverageStatus::failed;
                entry->second.errors.append(QStringLiteral("%1: %2").arg(failure.folder,
                                                                         failure.message));
            }
        }
        auto fileErrors = nlohmann::json::array();
        for (const auto& error : scan.fileErrors) {
            fileErrors.push_back({{"file", error.file.toStdString()},
                                  {"error", error.message.toStdString()}});
            for (const QString& type : typesAffectedBy(error.folder, coveredTypes, m_registry)) {
                auto entry = coverage.find(type);
                if (entry == coverage.end())
                    continue;
                if (entry->second.status == CoverageStatus::succeeded)
                    entry->second.status = CoverageStatus::partial;
                entry->second.errors.append(QStringLiteral("%1: %2").arg(error.file, error.message));
            }
        }

        // Objects by type, and subjects that two objects claim.
        std::map<QString, std::vector<const ExportedObject*>> objectsByType;
        QMap<QPair<QString, QString>, QStringList> filesBySubject;
        for (const auto& object : scan.objects) {
            objectsByType[object.policyType].push_back(&object);
            filesBySubject[{object.policyType, object.externalId}].append(object.sourceFile);
            coverage[object.policyType].itemCount += 1;
        }
        auto ambiguous = nlohmann::json::array();
        QMap<QString, QSet<QString>> ambiguousIdsByType;
        for (auto it = filesBySubject.cbegin(); it != filesBySubject.cend(); ++it) {
            if (it.value().size() < 2)
                continue;
            ambiguousIdsByType[it.key().first].insert(it.key().second);
            ambiguous.push_back({{"policy_type", it.key().first.toStdString()},
                                 {"subject_external_id", it.key().second.toStdString()},
                                 {"reason", "duplicate_id"},
                                 {"files", toJsonArray(it.value())}});
        }

        nlohmann::json policyCoverage = nlohmann::json::object();
        nlohmann::json foundationCoverage = nlohmann::json::object();
        int succeeded = 0;
        int partial = 0;
        int failed = 0;
        for (const auto& [type, entry] : coverage) {
            const PolicyTypeInfo* info = m_registry.find(type);
            nlohmann::json json{{"status", entry.status.toStdString()},
                                {"item_count", entry.itemCount},
                                {"errors", toJsonArray(entry.errors)}};
            if (info && info->kind == PolicyTypeKind::Foundation)
                foundationCoverage[type.toStdString()] = json;
            else
                policyCoverage[type.toStdString()] = json;
            succeeded += entry.status == CoverageStatus::succeeded;
            partial += entry.status == CoverageStatus::partial;
            failed += entry.status == CoverageStatus::failed;
        }
        context["inventory"] = {{"coverage",
                                 {{"policy_types", policyCoverage},
                                  {"foundation_types", foundationCoverage}}}};
        context["ambiguous_subjects"] = ambiguous;
        context["file_errors"] = fileErrors;

        control.progress(1, 3, QStringLiteral("Writing inventory"));
        Transaction transaction(m_database);
        InventoryStore inventory(m_database, m_workspaceId);
        int itemsStored = 0;
        QStringList replacedTypes;
        for (const auto& [type, entry] : coverage) {
            checkpoint(control);
            if (entry.status != CoverageStatus::succeeded)
                continue;
            const auto objects = objectsByType.find(type);
            const std::vector<const ExportedObject*> none;
            const auto& list = objects != objectsByType.end() ? objects->second : none;
            inventory.replaceType(request.tenantId, type, list, ambiguousIdsByType.value(type),
                                  recorder.runId());
            itemsStored += static_cast<int>(list.size());
            replacedTypes.append(type);
        }
        context["replaced_types"] = toJsonArray(replacedTypes);

        const nlohmann::json counts{{"files_read", scan.filesRead},
                                    {"files_failed", static_cast<int>(scan.fileErrors.size())},
                                    {"bytes_read", scan.bytesRead},
                                    {"items_read", static_cast<int>(scan.objects.size())},
                                    {"items_stored", itemsStored},
                                    {"types_covered", static_cast<int>(coverage.size())},
                                    {"types_succeeded", succeeded},
                                    {"types_partial", partial},
                                    {"types_failed", failed},
                                    {"ambiguous_subjects", static_cast<int>(ambiguous.size())}};

        QString outcome = RunOutcome::succeeded;
        if (coverage.empty() && !scan.fileErrors.empty())
            outcome = RunOutcome::failed;
        else if (partial > 0 || failed > 0 || !scan.fileErrors.empty())
            outcome = RunOutcome::partiallySucceeded;

        const QString message =
            QStringLiteral("read %1 items from %2 files (%3 unreadable); %4 of %5 types "
                           "succeeded; %6 ambiguous subjects")
                .arg(scan.objects.size())
                .arg(scan.filesRead + static_cast<int>(scan.fileErrors.size()))
                .arg(scan.fileErrors.size())
                .arg(succeeded)
                .arg(coverage.size())
                .arg(ambiguous.size());
        control.progress(3, 3, QStringLiteral("Done"));
        qCInfo(lcImport).noquote() << "run" << recorder.runId() << message;
        return recorder.finish(transaction, outcome, counts, context, message);
    }, baseContext);
}

} // namespace driftdesk
