// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

#include <nlohmann/json.hpp>

namespace driftdesk {

/// Readable names of settings-catalog definitions, for showing evidence. A plain value: cheap
/// to copy (its data is implicitly shared) and safe to read from any thread once loaded.
class SettingDefinitionCatalog
{
public:
    /// Adds or replaces one definition; `options` maps option item ids to display names.
    void insert(const QString& definitionId, const QString& displayName,
                const QHash<QString, QString>& options = {});

    /// The definition's display name; empty when the catalog does not know the definition.
    QString displayName(const QString& definitionId) const;

    /// The display name of one option (a choice setting's value) of a definition; empty when
    /// the definition or the option is unknown.
    QString optionName(const QString& definitionId, const QString& itemId) const;

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry
    {
        QString displayName;
        QHash<QString, QString> options;
    };
    QHash<QString, Entry> m_entries;
};

/// A definitions file that could not be imported; none of its definitions were.
struct DefinitionFileError
{
    QString file; ///< the path as given (for a folder: the folder's path joined with the name)
    QString message;
};

/// What SettingDefinitionStore::importFiles did.
struct DefinitionImportResult
{
    int definitionsImported = 0; ///< distinct definitions written (inserted or replaced)
    int filesRead = 0; ///< files whose definitions were all imported
    std::vector<DefinitionFileError> errors; ///< one per file (or folder) that failed
};

/// The settings-catalog definitions imported into one workspace: an optional import that only
/// makes evidence readable. The source is Graph's `GET /beta/deviceManagement/
/// configurationSettings`, saved as one or several list responses (one page per file).
class SettingDefinitionStore
{
public:
    /// Files above this size are refused without being read. The whole catalog, descriptions
    /// included, is far larger than a policy export, yet must not exhaust memory by mistake.
    static constexpr qint64 maxFileBytes = 256ll * 1024 * 1024;

    SettingDefinitionStore(Database& database, qint64 workspaceId);

    /// Imports Graph list responses of setting definitions ({"value": [...]}; UTF-8, or UTF-16
    /// with a byte-order mark). A folder stands for every *.json file directly in it, in name
    /// order. Each file is read whole or not at all: a file that cannot be read, decoded or
    /// parsed, that is not a list response, or whose list holds something other than setting
    /// definitions is reported by name and skipped, and the other files are imported. A
    /// definition without a display name takes its `name`. Definitions are upserted by id in
    /// one transaction, so a later import (or a later file) replaces older rows; definitions
    /// absent from the import are kept. Throws EngineError when the database fails, and then
    /// nothing is imported.
    DefinitionImportResult importFiles(const QStringList& paths);

    /// The catalog of the asked-for definitions that were imported; ids never imported are
    /// simply absent from it.
    SettingDefinitionCatalog catalog(const QStringList& definitionIds);

    /// How many definitions the workspace holds.
    int count();

private:
    Database& m_database;
    qint64 m_workspaceId;
};

/// The bracketed keys of an evidence path that are not list positions: the setting definition
/// ids in `settings[<id>]...children[<id>]...`, in order, each once. Ask the store for their
/// catalog.
QStringList definitionIdsInPath(const QString& evidencePath);

/// The setting definition a property difference of a settings-catalog policy is about: the
/// innermost definition id of its path, for paths under `settings[...]`; empty otherwise.
QString settingDefinitionOfPath(const QString& evidencePath);

/// Names the setting of each entry of an evidence `differences` list that is about one:
/// adds `setting_definition_id`, and where the catalog knows them `setting_name` and the
/// display names of the chosen options, `baseline_option` and `current_option`.
void nameSettingsInDifferences(nlohmann::json& differences,
                               const SettingDefinitionCatalog& catalog);

/// An evidence path with every bracketed definition id the catalog knows replaced by its
/// display name, e.g. `settings[Attack Surface Reduction Rules].settingInstance
/// .groupSettingCollectionValue[0].children[Block ...].choiceSettingValue.value`. Unknown ids,
/// list positions and the rest of the path stay as they are. For display only: a display name
/// may itself hold brackets, so the result cannot be parsed back.
QString readablePath(const QString& evidencePath, const SettingDefinitionCatalog& catalog);

} // namespace driftdesk
