// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operation.h"
#include "policytyperegistry.h"
#include "snapshotcache.h"

#include <QList>

#include <optional>

namespace driftdesk {

struct CompareRequest
{
    qint64 tenantId = 0;
    qint64 profileId = 0;
};

/// Compares one tenant with the active snapshot of one baseline profile, as one
/// baseline_compare run, and records the findings.
///
/// Only types covered both by the snapshot and (with status `succeeded`) by the tenant's latest
/// inventory sync are compared; every other type is listed with its reason. Subjects excluded
/// from the snapshot and subjects ambiguous in the current inventory are left out on both
/// sides. Findings: missing_policy (in the baseline, absent now), different_version (present,
/// hash differs under the snapshot item's contract version), unexpected_policy (present now,
/// not in the baseline), matched by subject external id. A finding seen again counts up; one
/// no longer detected for a compared type is resolved (not_detected); findings of older
/// snapshots of the profile are resolved (baseline_replaced). All of it is one transaction.
class BaselineCompare
{
public:
    BaselineCompare(Database& database, qint64 workspaceId,
                    const PolicyTypeRegistry& registry = PolicyTypeRegistry::builtIn());

    /// Throws EngineError before any run is recorded for an unknown tenant or profile.
    RunResult run(const CompareRequest& request, OperationControl& control);

    /// The (tenant, profile) pairs a compare command means: a given tenant with a given
    /// profile, a tenant with each profile assigned to it, or (with neither) every tenant with
    /// each assigned profile. Archived profiles are left out. Throws EngineError when a named
    /// tenant is not assigned to the named profile, or to any profile.
    static QList<CompareRequest> plan(Database& database, qint64 workspaceId,
                                      std::optional<qint64> tenantId,
                                      std::optional<qint64> profileId);

private:
    RunResult perform(RunRecorder& recorder, const BaselineProfile& profile, const Tenant& tenant,
                      nlohmann::json context, OperationControl& control);

    Database& m_database;
    qint64 m_workspaceId;
    const PolicyTypeRegistry& m_registry;
    SnapshotCache m_snapshots; ///< kept across the runs of one compare of many tenants
};

} // namespace driftdesk
