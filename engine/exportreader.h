// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policytyperegistry.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace driftdesk {

/// One policy object read from an export, classified and hashed.
struct ExportedObject
{
    QString policyType;
    QString subjectType;
    QString externalId;
    QString displayName;
    QString sourceFile; ///< path relative to the export root; "#/value/N" for list elements
    nlohmann::json raw;
    int metaContractVersion = 0;
    std::string metaHash;
};

/// A file that could not be read, decoded, parsed or classified.
struct ExportFileError
{
    QString file; ///< path relative to the export root
    QString message;
    QString folder; ///< the type folder it lies in; empty for the export root
};

/// A type folder that could not be listed.
struct ExportFolderFailure
{
    QString folder;
    QString message;
};

/// What one export file's bytes hold: its objects, or the error that refused the whole file.
struct ExportFileContent
{
    std::vector<ExportedObject> objects;
    QString error; ///< empty when the file was read
};

/// An export file's bytes, read already or made in memory (the benchmark's synthetic tenants
/// stream through the same decoding, parsing, classification and hashing as files on disk).
struct ExportDocument
{
    QString relativePath; ///< as it would lie under the export root
    QString folder; ///< the type folder it lies in; empty for the export root
    QByteArray bytes;
};

struct ExportScan
{
    std::vector<ExportedObject> objects;
    std::vector<ExportFileError> fileErrors;
    std::vector<ExportFolderFailure> folderFailures;
    QStringList folders; ///< type folders found directly under the root
    int filesRead = 0;
    qint64 bytesRead = 0;
    QString rootError; ///< set when the root itself cannot be read; nothing else is then valid
};

/// Reads a folder of exported Graph objects: one JSON object per file in type subfolders (as
/// IntuneManagement writes them) or Graph list responses ({"value": [...]}), in UTF-8 with or
/// without BOM or UTF-16 with BOM. Files are decoded, parsed, classified and hashed in parallel.
class ExportReader
{
public:
    /// Files above this size are refused without being read; real exports stay near 1 MB.
    static constexpr qint64 maxFileBytes = 64ll * 1024 * 1024;

    /// Objects nested deeper than this are refused (real exports nest at most 17 levels); the
    /// contract builder and the databases' JSON functions need a bound.
    static constexpr int maxNesting = 64;

    explicit ExportReader(const PolicyTypeRegistry& registry);

    /// Reads only folders that can hold these types, and keeps only objects of these types.
    /// Empty means every type.
    void setTypeFilter(const QStringList& types) { m_typeFilter = types; }

    /// Asked between files (from worker threads) whether to stop early.
    void setCancelCheck(std::function<bool()> isCancelled)
    {
        m_isCancelled = std::move(isCancelled);
    }

    ExportScan scan(const QString& rootPath) const;

    /// Reads documents held in memory as scan() reads files; `folders` are the type folders the
    /// export holds (they decide coverage as found folders do).
    ExportScan scanDocuments(const std::vector<ExportDocument>& documents,
                             const QStringList& folders) const;

    /// Decodes, checks, parses, classifies and hashes the bytes of one file, as scan() does
    /// for each file it reads; `relativePath` becomes the objects' source. The fuzz targets
    /// feed arbitrary bytes through here.
    static ExportFileContent parseFile(const QByteArray& bytes, const QString& relativePath,
                                       const PolicyTypeRegistry& registry);

private:
    bool folderWanted(const QString& folder) const;

    const PolicyTypeRegistry& m_registry;
    QStringList m_typeFilter;
    std::function<bool()> m_isCancelled;
};

} // namespace driftdesk
