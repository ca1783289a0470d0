// SPDX-License-Identifier: GPL-3.0-or-later
#include "policytyperegistry.h"

#include "findingidentity.h"
#include "jsonconvert.h"

#include <QFile>

#include <stdexcept>

namespace driftdesk {

namespace {

const QString graphTypePrefix = QStringLiteral("#microsoft.graph.");

QStringList stringList(const nlohmann::json& entry, const char* name, const QString& key)
{
    QStringList values;
    const auto it = entry.find(name);
    if (it == entry.end())
        return values;
    if (!it->is_array())
        throw std::runtime_error(QStringLiteral("policy type %1: %2 must be a list")
                                     .arg(key, QLatin1String(name))
                                     .toStdString());
    for (const auto& value : *it) {
        if (!value.is_string())
            throw std::runtime_error(QStringLiteral("policy type %1: %2 must hold strings")
                                         .arg(key, QLatin1String(name))
                                         .toStdString());
        values.append(toQString(value));
    }
    return values;
}

PolicyTypeRegistry loadBuiltIn()
{
    QFile file(QStringLiteral(":/driftdesk/policy-types.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("the built-in policy type registry is missing");
    const QByteArray bytes = file.readAll();
    return PolicyTypeRegistry::fromJson(nlohmann::json::parse(bytes.begin(), bytes.end()));
}

QString stringMember(const nlohmann::json& object, const char* name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? toQString(*it) : QString();
}

} // namespace

const PolicyTypeRegistry& PolicyTypeRegistry::builtIn()
{
    static const PolicyTypeRegistry registry = loadBuiltIn();
    return registry;
}

PolicyTypeRegistry PolicyTypeRegistry::fromJson(const nlohmann::json& document)
{
    PolicyTypeRegistry registry;
    const auto readKind = [&](const char* listName, PolicyTypeKind kind) {
        const auto list = document.find(listName);
        if (list == document.end() || !list->is_array())
            throw std::runtime_error(std::string("policy type registry: ") + listName
                                     + " must be a list");
        for (const auto& entry : *list) {
            PolicyTypeInfo info;
            info.key = stringMember(entry, "key");
            if (info.key.isEmpty())
                throw std::runtime_error("policy type registry: an entry has no key");
            if (registry.find(info.key))
                throw std::runtime_error(QStringLiteral("policy type registry: %1 is listed twice")
                                             .arg(info.key)
                                             .toStdString());
            info.label = stringMember(entry, "label");
            info.kind = kind;
            info.odataTypes = stringList(entry, "odata_types", info.key);
            info.collections = stringList(entry, "collections", info.key);
            info.templateFamilies = stringList(entry, "template_families", info.key);
            info.folders = stringList(entry, "folders", info.key);
            const auto severity = entry.find("severity");
            if (severity != entry.end() && severity->is_object()) {
                for (auto it = severity->begin(); it != severity->end(); ++it) {
                    const QString level = toQString(*it);
                    if (level != QLatin1String("low") && level != QLatin1String("medium")
                        && level != QLatin1String("high")) {
                        throw std::runtime_error(
                            QStringLiteral("policy type %1: severity \"%2\" is not low, medium "
                                           "or high")
                                .arg(info.key, level)
                                .toStdString());
                    }
                    info.severity.insert(QString::fromStdString(it.key()), level);
                }
            }
            registry.m_types.push_back(std::move(info));
        }
    };
    readKind("policy_types", PolicyTypeKind::Policy);
    readKind("foundation_types", PolicyTypeKind::Foundation);
    return registry;
}

const PolicyTypeInfo* PolicyTypeRegistry::find(const QString& key) const
{
    for (const auto& type : m_types) {
        if (type.key == key)
            return &type;
    }
    return nullptr;
}

QStringList PolicyTypeRegistry::keys(PolicyTypeKind kind) const
{
    QStringList result;
    for (const auto& type : m_types) {
        if (type.kind == kind)
            result.append(type.key);
    }
    return result;
}

QString PolicyTypeRegistry::severity(const QString& policyType, const QString& changeType) const
{
    if (const PolicyTypeInfo* info = find(policyType)) {
        const QString level = info->severity.value(changeType);
        if (!level.isEmpty())
            return level;
    }
    return defaultSeverity(changeType);
}

QStringList PolicyTypeRegistry::typesForFolder(const QString& folderName) const
{
    QStringList result;
    for (const auto& type : m_types) {
        if (type.folders.contains(folderName, Qt::CaseInsensitive))
            result.append(type.key);
    }
    return result;
}

QString PolicyTypeRegistry::collectionFromContext(const QString& context)
{
    const qsizetype hash = context.indexOf(QLatin1Char('#'));
    if (hash < 0)
        return {};

    // Keep the path, dropping parenthesised key or expand segments and a trailing "$entity".
    QString path;
    int depth = 0;
    for (const QChar c : QStringView(context).sliced(hash + 1)) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            path.append(c);
    }
    if (path.endsWith(QLatin1String("/$entity")))
        path.chop(8);
    return path;
}

Classification PolicyTypeRegistry::classify(const nlohmann::json& object,
                                            const QString& listCollection) const
{
    Classification result;
    const QString odataType = stringMember(object, "@odata.type");
    QString collection = collectionFromContext(stringMember(object, "@odata.context"));
    if (collection.isEmpty())
        collection = listCollection;

    // Settings-catalog objects say what they are through their template family.
    const auto reference = object.find("templateReference");
    if (reference != object.end() && reference->is_object()) {
        const QString family = stringMember(*reference, "templateFamily");
        for (const auto& type : m_types) {
            if (!family.isEmpty() && type.templateFamilies.contains(family)) {
                result.policyType = type.key;
                break;
            }
        }
    }
    if (result.policyType.isEmpty() && !odataType.isEmpty()) {
        for (const auto& type : m_types) {
            if (type.odataTypes.contains(odataType)) {
                result.policyType = type.key;
                break;
            }
        }
    }
    if (result.policyType.isEmpty() && !collection.isEmpty()) {
        for (const auto& type : m_types) {
            if (type.collections.contains(collection, Qt::CaseInsensitive)) {
                result.policyType = type.key;
                break;
            }
        }
    }

    if (result.policyType.isEmpty()) {
        if (odataType.isEmpty() && collection.isEmpty())
            result.error = QStringLiteral("the object has no @odata.type and no @odata.context "
                                          "naming its collection");
        else if (odataType.isEmpty())
            result.error = QStringLiteral("the object has no @odata.type, and its collection "
                                          "\"%1\" is not a supported policy type")
                               .arg(collection);
        else
            result.error = QStringLiteral("unsupported @odata.type \"%1\"%2")
                               .arg(odataType,
                                    collection.isEmpty()
                                        ? QString()
                                        : QStringLiteral(" in collection \"%1\"").arg(collection));
        return result;
    }

    if (odataType.startsWith(graphTypePrefix))
        result.subjectType = odataType.mid(graphTypePrefix.size());
    else if (!odataType.isEmpty())
        result.subjectType = odataType;
    else
        result.subjectType = collection.section(QLatin1Char('/'), -1);
    return result;
}

} // namespace driftdesk
