// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportreader.h"
#include "operation.h"
#include "policytyperegistry.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace driftdesk {

struct ImportRequest
{
    // A constructor, so that requests written as {tenant, folder, types} need not name the
    // in-memory members.
    ImportRequest(qint64 tenant = 0, QString exportFolder = {}, QStringList onlyTypes = {})
        : tenantId(tenant)
        , folder(std::move(exportFolder))
        , types(std::move(onlyTypes))
    {
    }

    qint64 tenantId = 0;
    QString folder;
    /// Read and cover exactly these types (absent means zero items); empty reads every type.
    QStringList types;
    /// When set, the export is these documents in memory with these type folders, and `folder`
    /// only names the source in the run; otherwise `folder` is read from disk.
    std::shared_ptr<const std::vector<ExportDocument>> documents;
    QStringList documentFolders;
};

/// Imports a tenant's inventory from an export folder as one inventory_sync run.
///
/// Coverage rules, recorded per type in the run context under inventory.coverage: a type is
/// covered when its folder exists or objects of it were read (with a type filter, exactly the
/// named types). A file that cannot be read, decoded, parsed or classified is reported by name
/// and makes every type its folder can hold `partial`; a folder that cannot be listed makes its
/// types `failed`. Two objects of one type with one id make that subject ambiguous; the type
/// stays `succeeded`. The tenant's items are replaced for succeeded types only.
class InventoryImport
{
public:
    InventoryImport(Database& database, qint64 workspaceId,
                    const PolicyTypeRegistry& registry = PolicyTypeRegistry::builtIn());

    /// Throws EngineError before any run is recorded when the request itself is wrong (an
    /// unknown tenant or type); everything after that is recorded in the run.
    RunResult run(const ImportRequest& request, OperationControl& control);

private:
    RunResult perform(RunRecorder& recorder, const ImportRequest& request, const QString& folder,
                      nlohmann::json context, OperationControl& control);

    Database& m_database;
    qint64 m_workspaceId;
    const PolicyTypeRegistry& m_registry;
};

} // namespace driftdesk
