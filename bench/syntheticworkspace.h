// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportreader.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <vector>

namespace driftdesk::bench {

/// The shape of a synthetic MSP workspace: T tenants of P policies each, drifted by a share of
/// changed, missing and unexpected policies. Tenant 0 is the reference tenant, never drifted.
struct SyntheticSpec
{
    int tenants = 20;
    int policies = 500;
    quint64 seed = 1;
    int changedPerTenThousand = 200; ///< 2% of the policies differ in a setting
    int missingPerTenThousand = 150; ///< 1.5% are absent
    int unexpectedPerTenThousand = 150; ///< 1.5% more policies than the baseline has
    qint64 maxTemplateBytes = 16000; ///< templates above this compact size are left out
};

/// How many findings a compare of one tenant against the reference tenant's snapshot opens.
struct ExpectedDrift
{
    int changed = 0;
    int missing = 0;
    int unexpected = 0;
    int total() const { return changed + missing + unexpected; }
};

/// Generates deterministic export documents from real policy objects used as templates (the
/// OpenIntuneBaseline exports in tests/data/oib). Every tenant's policies get their own ids,
/// and names unique within the tenant (the same across tenants, so a profile matching by
/// identity pairs them); drift is decided by a hash of (seed, tenant, policy), so the same
/// spec gives the same documents every time. Nothing is written to disk: the documents go to
/// InventoryImport as ImportRequest::documents.
class SyntheticWorkspace
{
public:
    /// Reads the templates under `templateRoot` (type folders of exported JSON files, at any
    /// depth). Throws EngineError when a file cannot be read or no template is left.
    SyntheticWorkspace(const SyntheticSpec& spec, const QString& templateRoot);

    const SyntheticSpec& spec() const { return m_spec; }
    int templateCount() const { return static_cast<int>(m_templates.size()); }

    /// Mean compact size of a generated policy object, in bytes.
    double meanTemplateBytes() const;

    /// The type folders the documents lie in (every tenant covers the same types).
    QStringList folders() const;

    /// The export of one tenant, as documents.
    std::vector<ExportDocument> tenantDocuments(int tenant) const;

    /// The findings a by-identity compare of `tenant` against tenant 0 opens.
    ExpectedDrift expectedDrift(int tenant) const;

    static QString tenantName(int tenant);

private:
    enum class Drift { None, Changed, Missing };

    struct Template
    {
        QString folder;
        QString name;
        nlohmann::json object;
        qint64 compactBytes = 0;
        nlohmann::json::json_pointer driftAt; ///< the setting a changed copy differs in
        bool canDrift = false;
    };

    const Template& templateOf(int policy) const;

    Drift driftOf(int tenant, int policy) const;
    int unexpectedCount(int tenant) const;
    ExportDocument document(int tenant, int policy, bool changed) const;

    SyntheticSpec m_spec;
    std::vector<Template> m_templates;
};

} // namespace driftdesk::bench
