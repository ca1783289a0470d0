// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operation.h"
#include "policytyperegistry.h"

namespace driftdesk {

struct CaptureRequest
{
    qint64 profileId = 0;
    qint64 sourceTenantId = 0;
};

/// Captures a baseline snapshot of a tenant's policies within a profile's scope, as one
/// baseline_capture run, and makes it the profile's active snapshot.
///
/// Only types that the tenant's latest inventory sync covered with status `succeeded` are
/// captured; ambiguous subjects are left out and listed. Every item's hash is built under the
/// newest meta contract. Capturing content identical to an existing snapshot of the profile
/// reuses that snapshot instead of writing a copy.
class BaselineCapture
{
public:
    BaselineCapture(Database& database, qint64 workspaceId,
                    const PolicyTypeRegistry& registry = PolicyTypeRegistry::builtIn());

    /// Throws EngineError before any run is recorded for an unknown profile or tenant.
    RunResult run(const CaptureRequest& request, OperationControl& control);

    /// The identity of a snapshot's content: SHA-256 of the canonical JSON of its contract
    /// version, covered types, items (type, subject, hash) and excluded subjects, all sorted.
    static QString identityHash(int contractVersion, const QStringList& coveredTypes,
                                const nlohmann::json& items, const nlohmann::json& excluded);

private:
    RunResult perform(RunRecorder& recorder, const BaselineProfile& profile, const Tenant& tenant,
                      const QStringList& scopeTypes, nlohmann::json context,
                      OperationControl& control);

    Database& m_database;
    qint64 m_workspaceId;
    const PolicyTypeRegistry& m_registry;
};

} // namespace driftdesk
