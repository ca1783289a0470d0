// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingdefinitions.h"

#include "chunkedquery.h"
#include "jsonconvert.h"
#include "logging.h"
#include "sqlvalues.h"
#include "textdecoding.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace driftdesk {

namespace {

struct ParsedDefinition
{
    QString id;
    QString displayName;
    QString description;
    nlohmann::json options = nlohmann::json::object(); ///< itemId -> displayName
};

QString parseErrorMessage(const nlohmann::json::exception& error)
{
    // nlohmann prefixes its messages with "[json.exception.parse_error.101] ".
    QString message = QString::fromUtf8(error.what());
    const qsizetype prefixEnd = message.indexOf(QLatin1String("] "));
    if (message.startsWith(QLatin1Char('[')) && prefixEnd > 0)
        message.remove(0, prefixEnd + 2);
    return QStringLiteral("invalid JSON: %1").arg(message);
}

/// Drops, while parsing, the members DriftDesk does not keep (help texts, keywords,
/// applicability, option values, dependencies, ...): the catalog is large and the parsed
/// document would otherwise take several times its size in memory. Depth 3 holds the members
/// of a definition in "value", depth 5 those of one of its options.
bool keepMember(int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed)
{
    if (event != nlohmann::json::parse_event_t::key || !parsed.is_string())
        return true;
    const auto& key = parsed.get_ref<const std::string&>();
    if (depth == 3)
        return key == "id" || key == "@odata.type" || key == "displayName" || key == "name"
            || key == "description" || key == "options";
    if (depth == 5)
        return key == "itemId" || key == "displayName" || key == "name";
    return true;
}

/// The member as text when it is a string, else empty.
QString stringMember(const nlohmann::json& object, const char* member)
{
    const auto it = object.find(member);
    return it != object.end() ? toQString(*it) : QString();
}

/// A readable name: the display name, else the programmatic name.
QString readableName(const nlohmann::json& object)
{
    const QString displayName = stringMember(object, "displayName");
    return displayName.isEmpty() ? stringMember(object, "name") : displayName;
}

bool holdsNul(const QString& text)
{
    return text.contains(QChar(u'\0'));
}

/// Reads one definition of a list; returns an error message, or empty on success.
QString readDefinition(const nlohmann::json& element, std::size_t index, ParsedDefinition* out)
{
    const QString where = QStringLiteral("value[%1]").arg(index);
    if (!element.is_object())
        return QStringLiteral("%1 is a JSON %2, not an object")
            .arg(where, QString::fromUtf8(element.type_name()));

    // A policy export imported here by mistake would otherwise pass as nameless definitions.
    // Every definition subtype (choice, simple, group, their collections, redirect) ends so.
    const QString type = stringMember(element, "@odata.type");
    if (!type.isEmpty()
        && !(type.contains(QLatin1String("deviceManagementConfiguration"))
             && type.endsWith(QLatin1String("Definition"))))
        return QStringLiteral("%1 is a %2, not a setting definition").arg(where, type);

    out->id = stringMember(element, "id");
    if (out->id.isEmpty())
        return QStringLiteral("%1 has no \"id\" string").arg(where);
    const QString named = QStringLiteral("%1 (%2)").arg(where, out->id);
    out->displayName = readableName(element);
    out->description = stringMember(element, "description");

    const auto options = element.find("options");
    if (options != element.end() && !options->is_null()) {
        if (!options->is_array())
            return QStringLiteral("%1: \"options\" is a JSON %2, not an array")
                .arg(named, QString::fromUtf8(options->type_name()));
        for (const auto& option : *options) {
            const QString itemId = option.is_object() ? stringMember(option, "itemId") : QString();
            if (itemId.isEmpty())
                return QStringLiteral("%1: an option has no \"itemId\" string").arg(named);
            if (holdsNul(itemId) || holdsNul(readableName(option)))
                return QStringLiteral("%1: an option holds the character U+0000, which cannot "
                                      "be stored")
                    .arg(named);
            out->options[itemId.toStdString()] = readableName(option).toStdString();
        }
    }
    if (holdsNul(out->id) || holdsNul(out->displayName) || holdsNul(out->description))
        return QStringLiteral("%1 holds the character U+0000, which cannot be stored").arg(named);
    return {};
}

/// Reads one file of definitions; returns an error message, or empty on success.
QString readFile(const QString& path, std::vector<ParsedDefinition>* out)
{
    // As for exports: a link could lead anywhere on the machine.
    if (QFileInfo(path).isSymLink())
        return QStringLiteral("is a symbolic link; links are not followed");
    QFile file(path);
    if (!file.exists())
        return QStringLiteral("does not exist");
    if (file.size() > SettingDefinitionStore::maxFileBytes)
        return QStringLiteral("file is %1 bytes, above the limit of %2 bytes")
            .arg(file.size())
            .arg(SettingDefinitionStore::maxFileBytes);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read: %1").arg(file.errorString());
    DecodedText text;
    {
        const QByteArray bytes = file.read(SettingDefinitionStore::maxFileBytes + 1);
        if (bytes.isEmpty())
            return QStringLiteral("file is empty");
        text = decodeExportText(bytes);
    }
    file.close();
    if (!text.error.isEmpty())
        return text.error;

    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text.utf8, keepMember);
    } catch (const nlohmann::json::exception& error) {
        return parseErrorMessage(error);
    }
    text.utf8 = std::string(); // no longer needed, and the catalog is large

    if (!document.is_object())
        return QStringLiteral("not a Graph list response: the file holds a JSON %1, not an "
                              "object with a \"value\" array")
            .arg(QString::fromUtf8(document.type_name()));
    const auto value = document.find("value");
    if (value == document.end() || !value->is_array())
        return QStringLiteral("not a Graph list response: it has no \"value\" array");

    std::vector<ParsedDefinition> definitions(value->size());
    for (std::size_t i = 0; i < value->size(); ++i) {
        const QString error = readDefinition((*value)[i], i, &definitions[i]);
        if (!error.isEmpty())
            return error;
    }
    *out = std::move(definitions);
    return {};
}

/// The files a path stands for: itself, or every *.json file directly in a folder.
QStringList expandPath(const QString& path, std::vector<DefinitionFileError>* errors)
{
    const QFileInfo info(path);
    if (!info.isDir() || info.isSymLink())
        return {path};
    const QDir folder(path);
    if (!folder.isReadable()) {
        errors->push_back({path, QStringLiteral("cannot list the folder")});
        return {};
    }
    QStringList files;
    for (const QString& name :
         folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files.append(folder.filePath(name));
    if (files.isEmpty())
        errors->push_back({path, QStringLiteral("the folder holds no .json file")});
    return files;
}

} // namespace

void SettingDefinitionCatalog::insert(const QString& definitionId, const QString& displayName,
                                      const QHash<QString, QString>& options)
{
    m_entries.insert(definitionId, Entry{displayName, options});
}

QString SettingDefinitionCatalog::displayName(const QString& definitionId) const
{
    const auto it = m_entries.constFind(definitionId);
    return it != m_entries.constEnd() ? it->displayName : QString();
}

QString SettingDefinitionCatalog::optionName(const QString& definitionId,
                                             const QString& itemId) const
{
    const auto it = m_entries.constFind(definitionId);
    return it != m_entries.constEnd() ? it->options.value(itemId) : QString();
}

SettingDefinitionStore::SettingDefinitionStore(Database& database, qint64 workspaceId)
    : m_database(database)
    , m_workspaceId(workspaceId)
{
}

DefinitionImportResult SettingDefinitionStore::importFiles(const QStringList& paths)
{
    DefinitionImportResult result;
    QStringList files;
    for (const QString& path : paths)
        files += expandPath(path, &result.errors);

    // Read every file first, so the transaction holds the write lock only while writing. A
    // definition met again (in a later page, or a later file) replaces the earlier one.
    std::vector<ParsedDefinition> definitions;
    QHash<QString, std::size_t> position;
    for (const QString& file : files) {
        std::vector<ParsedDefinition> read;
        const QString error = readFile(file, &read);
        if (!error.isEmpty()) {
            qCDebug(lcDefinitions).noquote() << "cannot import" << file << ":" << error;
            result.errors.push_back({file, error});
            continue;
        }
        qCDebug(lcDefinitions).noquote() << "read" << read.size() << "definitions from" << file;
        ++result.filesRead;
        for (ParsedDefinition& definition : read) {
            const auto known = position.constFind(definition.id);
            if (known != position.constEnd()) {
                definitions[*known] = std::move(definition);
            } else {
                position.insert(definition.id, definitions.size());
                definitions.push_back(std::move(definition));
            }
        }
    }
    if (definitions.empty())
        return result;

    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    Transaction transaction(m_database);
    QSqlQuery upsert = m_database.prepare(QStringLiteral(
        "INSERT INTO setting_definitions (workspace_id, definition_id, display_name, "
        "description, options_jsonb, imported_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (workspace_id, definition_id) DO UPDATE SET "
        "display_name = excluded.display_name, description = excluded.description, "
        "options_jsonb = excluded.options_jsonb, imported_at = excluded.imported_at"));
    for (const ParsedDefinition& definition : definitions) {
        const QVariantList values{m_workspaceId,
                                  definition.id,
                                  textValue(definition.displayName),
                                  textValue(definition.description),
                                  toJsonColumn(definition.options),
                                  now};
        for (int i = 0; i < values.size(); ++i)
            upsert.bindValue(i, values.at(i));
        Database::exec(upsert);
    }
    transaction.commit();
    result.definitionsImported = static_cast<int>(definitions.size());
    qCInfo(lcDefinitions).noquote() << "imported" << result.definitionsImported
                                    << "setting definitions from" << result.filesRead << "files";
    return result;
}

SettingDefinitionCatalog SettingDefinitionStore::catalog(const QStringList& definitionIds)
{
    QStringList ids;
    QSet<QString> seen;
    for (const QString& id : definitionIds) {
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }

    SettingDefinitionCatalog catalog;
    runChunked(m_database,
               QStringLiteral("SELECT definition_id, display_name, options_jsonb "
                              "FROM setting_definitions WHERE workspace_id = ? "
                              "AND definition_id IN (%1)"),
               {m_workspaceId}, ids, [&](const QSqlQuery& query) {
                   QHash<QString, QString> options;
                   const nlohmann::json stored = parseJsonColumn(query.value(2).toString());
                   for (auto it = stored.begin(); it != stored.end(); ++it)
                       options.insert(QString::fromStdString(it.key()), toQString(it.value()));
                   catalog.insert(query.value(0).toString(), query.value(1).toString(), options);
               });
    return catalog;
}

int SettingDefinitionStore::count()
{
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT COUNT(*) FROM setting_definitions WHERE workspace_id = ?"),
        {m_workspaceId});
    return query.next() ? query.value(0).toInt() : 0;
}

namespace {

/// Calls `visit` with each bracketed key of a path and returns the path with each key
/// replaced by what `visit` returns (or kept when it returns empty).
template <typename Visit> QString mapBracketedKeys(const QString& path, Visit visit)
{
    QString result;
    result.reserve(path.size());
    qsizetype from = 0;
    while (from < path.size()) {
        const qsizetype open = path.indexOf(QLatin1Char('['), from);
        const qsizetype close = open < 0 ? -1 : path.indexOf(QLatin1Char(']'), open + 1);
        if (close < 0) {
            result += QStringView(path).mid(from);
            break;
        }
        const QString key = path.mid(open + 1, close - open - 1);
        bool isPosition = false;
        key.toULongLong(&isPosition);
        const QString replacement = isPosition || key.isEmpty() ? QString() : visit(key);
        result += QStringView(path).mid(from, open + 1 - from);
        result += replacement.isEmpty() ? key : replacement;
        result += QLatin1Char(']');
        from = close + 1;
    }
    return result;
}

} // namespace

QStringList definitionIdsInPath(const QString& evidencePath)
{
    QStringList ids;
    mapBracketedKeys(evidencePath, [&ids](const QString& key) {
        if (!ids.contains(key))
            ids.append(key);
        return QString();
    });
    return ids;
}

QString settingDefinitionOfPath(const QString& evidencePath)
{
    if (!evidencePath.startsWith(QLatin1String("settings[")))
        return {};
    QString innermost;
    mapBracketedKeys(evidencePath, [&innermost](const QString& key) {
        innermost = key;
        return QString();
    });
    return innermost;
}

namespace {

/// The option a setting value chose: a choice value's item id, as a bare string or inside
/// the setting (instance) it belongs to.
QString chosenOption(const nlohmann::json& value)
{
    if (value.is_string())
        return toQString(value);
    if (!value.is_object())
        return {};
    const auto choice = value.find("choiceSettingValue");
    if (choice != value.end() && choice->is_object())
        return chosenOption(choice->value("value", nlohmann::json()));
    const auto instance = value.find("settingInstance");
    if (instance != value.end())
        return chosenOption(*instance);
    return {};
}

} // namespace

void nameSettingsInDifferences(nlohmann::json& differences, const SettingDefinitionCatalog& catalog)
{
    for (auto& difference : differences) {
        const QString definition
            = settingDefinitionOfPath(toQString(difference.value("path", nlohmann::json())));
        if (definition.isEmpty())
            continue;
        difference["setting_definition_id"] = definition.toStdString();
        const QString name = catalog.displayName(definition);
        if (!name.isEmpty())
            difference["setting_name"] = name.toStdString();
        for (const char* side : {"baseline", "current"}) {
            const auto value = difference.find(side);
            if (value == difference.end())
                continue;
            const QString option = catalog.optionName(definition, chosenOption(*value));
            if (!option.isEmpty())
                difference[std::string(side) + "_option"] = option.toStdString();
        }
    }
}

QString readablePath(const QString& evidencePath, const SettingDefinitionCatalog& catalog)
{
    if (catalog.isEmpty())
        return evidencePath;
    return mapBracketedKeys(evidencePath,
                            [&catalog](const QString& key) { return catalog.displayName(key); });
}

} // namespace driftdesk
