// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntheticworkspace.h"

#include "engineerror.h"
#include "jsonconvert.h"
#include "metacontract.h"
#include "policytyperegistry.h"
#include "textdecoding.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace driftdesk::bench {

namespace {

/// SplitMix64: a fast, well-mixed hash of one 64-bit value.
quint64 mix(quint64 value)
{
    value += 0x9e3779b97f4a7c15ull;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ull;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebull;
    return value ^ (value >> 31);
}

quint64 mix(quint64 seed, int tenant, int policy, quint64 salt)
{
    return mix(mix(mix(seed ^ salt) + static_cast<quint64>(tenant)) + static_cast<quint64>(policy));
}

/// A GUID-shaped id, different for every (seed, tenant, policy).
std::string syntheticId(quint64 seed, int tenant, int policy)
{
    const quint64 high = mix(seed, tenant, policy, 0x1d);
    const quint64 low = mix(seed, tenant, policy, 0x2e);
    char text[37];
    std::snprintf(text, sizeof text, "%08llx-%04llx-4%03llx-8%03llx-%012llx",
                  static_cast<unsigned long long>(high >> 32),
                  static_cast<unsigned long long>((high >> 16) & 0xffff),
                  static_cast<unsigned long long>(high & 0xfff),
                  static_cast<unsigned long long>(low >> 52),
                  static_cast<unsigned long long>(low & 0xffffffffffffull));
    return text;
}

/// Members whose change is not a configuration change, or that say who the policy is.
bool isPresentation(const std::string& key)
{
    static const char* const names[] = {"id",
                                        "displayName",
                                        "name",
                                        "description",
                                        "createdDateTime",
                                        "lastModifiedDateTime",
                                        "version",
                                        "roleScopeTagIds",
                                        "assignments",
                                        "templateReference",
                                        "technologies"};
    return key.find("@odata") != std::string::npos
        || std::find_if(std::begin(names), std::end(names),
                        [&](const char* name) { return key == name; })
        != std::end(names);
}

void collectLeaves(const nlohmann::json& value, const nlohmann::json::json_pointer& at,
                   std::vector<nlohmann::json::json_pointer>* leaves)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (at.empty() && isPresentation(it.key()))
                continue;
            collectLeaves(it.value(), at / it.key(), leaves);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            collectLeaves(value[i], at / i, leaves);
    } else if (value.is_string() || value.is_boolean() || value.is_number()) {
        leaves->push_back(at);
    }
}

void mutate(nlohmann::json& leaf)
{
    if (leaf.is_string())
        leaf = leaf.get<std::string>() + "-drift";
    else if (leaf.is_boolean())
        leaf = !leaf.get<bool>();
    else if (leaf.is_number_integer())
        leaf = leaf.get<qint64>() + 1;
    else if (leaf.is_number())
        leaf = leaf.get<double>() + 0.5;
}

/// Whether two objects differ as a compare across tenants sees them.
bool differsAcrossTenants(const nlohmann::json& a, const nlohmann::json& b)
{
    const int version = MetaContractBuilder::latestVersion;
    return MetaContractBuilder::hashOf(MetaContractBuilder::acrossTenants(
               MetaContractBuilder::payload(a, version), version))
        != MetaContractBuilder::hashOf(MetaContractBuilder::acrossTenants(
            MetaContractBuilder::payload(b, version), version));
}

const char* nameMember(const nlohmann::json& object)
{
    return object.contains("displayName") || !object.contains("name") ? "displayName" : "name";
}

} // namespace

SyntheticWorkspace::SyntheticWorkspace(const SyntheticSpec& spec, const QString& templateRoot)
    : m_spec(spec)
{
    if (spec.tenants < 1 || spec.policies < 1)
        throw EngineError(QStringLiteral("a synthetic workspace needs at least one tenant and "
                                         "one policy"));
    QStringList files;
    QDirIterator it(templateRoot, {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();

    const PolicyTypeRegistry& registry = PolicyTypeRegistry::builtIn();
    for (const QString& path : files) {
        const QString folder = QFileInfo(path).dir().dirName();
        if (registry.typesForFolder(folder).isEmpty())
            continue; // not a type folder (licence files, corpus pairs)
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw EngineError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        const DecodedText text = decodeExportText(file.readAll());
        if (!text.error.isEmpty())
            throw EngineError(QStringLiteral("%1: %2").arg(path, text.error));
        Template entry;
        try {
            entry.object = nlohmann::json::parse(text.utf8);
        } catch (const nlohmann::json::exception& error) {
            throw EngineError(QStringLiteral("%1: invalid JSON: %2").arg(path, error.what()));
        }
        if (!entry.object.is_object() || !entry.object.contains("id")
            || !registry.classify(entry.object).error.isEmpty())
            continue;
        entry.compactBytes = static_cast<qint64>(entry.object.dump().size());
        if (entry.compactBytes > spec.maxTemplateBytes)
            continue;
        entry.folder = folder;
        entry.name = toQString(entry.object.value(nameMember(entry.object), nlohmann::json("")));

        // The first setting whose change a compare across tenants sees becomes the drift.
        std::vector<nlohmann::json::json_pointer> leaves;
        collectLeaves(entry.object, nlohmann::json::json_pointer(), &leaves);
        for (const auto& leaf : leaves) {
            nlohmann::json changed = entry.object;
            mutate(changed[leaf]);
            if (differsAcrossTenants(entry.object, changed)) {
                entry.driftAt = leaf;
                entry.canDrift = true;
                break;
            }
        }
        m_templates.push_back(std::move(entry));
    }
    if (m_templates.empty())
        throw EngineError(QStringLiteral("no policy template of at most %1 bytes under %2")
                              .arg(QString::number(spec.maxTemplateBytes), templateRoot));
}

double SyntheticWorkspace::meanTemplateBytes() const
{
    // Policies use the templates round-robin, so over many policies this is the mean.
    qint64 sum = 0;
    for (const Template& entry : m_templates)
        sum += entry.compactBytes;
    return static_cast<double>(sum) / static_cast<double>(m_templates.size());
}

QStringList SyntheticWorkspace::folders() const
{
    QStringList result;
    for (const Template& entry : m_templates)
        result.append(entry.folder);
    result.removeDuplicates();
    result.sort();
    return result;
}

QString SyntheticWorkspace::tenantName(int tenant)
{
    return QStringLiteral("tenant-%1").arg(tenant, 4, 10, QLatin1Char('0'));
}

SyntheticWorkspace::Drift SyntheticWorkspace::driftOf(int tenant, int policy) const
{
    if (tenant == 0 || policy >= m_spec.policies)
        return Drift::None;
    const int roll = static_cast<int>(mix(m_spec.seed, tenant, policy, 0x3f) % 10000);
    if (roll < m_spec.changedPerTenThousand)
        return templateOf(policy).canDrift ? Drift::Changed : Drift::None;
    if (roll < m_spec.changedPerTenThousand + m_spec.missingPerTenThousand)
        return Drift::Missing;
    return Drift::None;
}

int SyntheticWorkspace::unexpectedCount(int tenant) const
{
    if (tenant == 0)
        return 0;
    return static_cast<int>(static_cast<qint64>(m_spec.policies) * m_spec.unexpectedPerTenThousand
                            / 10000);
}

const SyntheticWorkspace::Template& SyntheticWorkspace::templateOf(int policy) const
{
    return m_templates[static_cast<std::size_t>(policy) % m_templates.size()];
}

ExportDocument SyntheticWorkspace::document(int tenant, int policy, bool changed) const
{
    const Template& source = templateOf(policy);
    nlohmann::json object = source.object;
    object["id"] = syntheticId(m_spec.seed, tenant, policy);
    object[nameMember(object)] = source.name.toStdString() + " (" + std::to_string(policy) + ")";
    if (changed)
        mutate(object[source.driftAt]);
    const std::string text = object.dump();
    return {source.folder + QStringLiteral("/policy-%1.json").arg(policy, 7, 10, QLatin1Char('0')),
            source.folder, QByteArray(text.data(), static_cast<qsizetype>(text.size()))};
}

std::vector<ExportDocument> SyntheticWorkspace::tenantDocuments(int tenant) const
{
    std::vector<ExportDocument> documents;
    documents.reserve(static_cast<std::size_t>(m_spec.policies + unexpectedCount(tenant)));
    for (int policy = 0; policy < m_spec.policies; ++policy) {
        const Drift drift = driftOf(tenant, policy);
        if (drift != Drift::Missing)
            documents.push_back(document(tenant, policy, drift == Drift::Changed));
    }
    // Unexpected policies carry names past the baseline's last one.
    for (int extra = 0; extra < unexpectedCount(tenant); ++extra)
        documents.push_back(document(tenant, m_spec.policies + extra, false));
    return documents;
}

ExpectedDrift SyntheticWorkspace::expectedDrift(int tenant) const
{
    ExpectedDrift expected;
    for (int policy = 0; policy < m_spec.policies; ++policy) {
        const Drift drift = driftOf(tenant, policy);
        expected.changed += drift == Drift::Changed ? 1 : 0;
        expected.missing += drift == Drift::Missing ? 1 : 0;
    }
    expected.unexpected = unexpectedCount(tenant);
    return expected;
}

} // namespace driftdesk::bench
