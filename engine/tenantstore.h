// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "records.h"

#include <QList>

#include <optional>

namespace driftdesk {

/// The tenants of one workspace.
class TenantStore
{
public:
    TenantStore(Database& database, qint64 workspaceId);

    /// Adds a tenant. The external id, when given, must be a GUID (the Entra tenant id).
    /// Throws EngineError if the name or external id is taken or malformed.
    Tenant add(const QString& name, const QString& externalId = {});

    QList<Tenant> list();
    std::optional<Tenant> byId(qint64 id);

    /// The tenant with this id; throws EngineError if there is none in the workspace.
    Tenant require(qint64 id);

    /// Finds a tenant by name, or else by numeric id; throws EngineError if there is none.
    Tenant resolve(const QString& nameOrId);

    /// Deletes the tenant with its inventory, runs, findings and profile assignments.
    /// Snapshots captured from it stay with their profiles.
    void remove(qint64 id);

private:
    Database& m_database;
    qint64 m_workspaceId;
};

} // namespace driftdesk
