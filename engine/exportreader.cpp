// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportreader.h"

#include "jsonconvert.h"
#include "logging.h"
#include "metacontract.h"
#include "textdecoding.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <string_view>

namespace driftdesk {

namespace {

struct FileTask
{
    QString absolutePath;
    QString relativePath;
    QString folder;
};

struct FileResult
{
    std::vector<ExportedObject> objects;
    QString error;
    qint64 bytes = 0;
};

/// Line number (from 1) of a byte offset, for error messages.
int lineOf(std::string_view text, std::size_t offset)
{
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

/// Refuses what the JSON parser accepts but DriftDesk cannot hold: nesting deeper than
/// ExportReader::maxNesting, and U+0000 in a string (PostgreSQL's text and jsonb cannot store
/// it). A linear scan, run before parsing.
QString checkStructure(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                if (text.compare(i + 1, 5, "u0000") == 0)
                    return QStringLiteral("a string holds the character U+0000 (line %1), which "
                                          "cannot be stored")
                        .arg(lineOf(text, i));
                ++i; // the escaped character cannot end the string
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > ExportReader::maxNesting)
                return QStringLiteral("JSON nested deeper than %1 levels (line %2)")
                    .arg(QString::number(ExportReader::maxNesting),
                         QString::number(lineOf(text, i)));
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return {};
}

QString parseErrorMessage(const nlohmann::json::exception& error)
{
    // nlohmann prefixes its messages with "[json.exception.parse_error.101] ".
    QString message = QString::fromUtf8(error.what());
    const qsizetype prefixEnd = message.indexOf(QLatin1String("] "));
    if (message.startsWith(QLatin1Char('[')) && prefixEnd > 0)
        message.remove(0, prefixEnd + 2);
    return QStringLiteral("invalid JSON: %1").arg(message);
}

QString displayNameOf(const nlohmann::json& object)
{
    for (const char* member : {"displayName", "name"}) {
        const auto it = object.find(member);
        if (it != object.end() && it->is_string())
            return toQString(*it);
    }
    return {};
}

/// Classifies and hashes one object and, on success, moves it into `out` (a copy would cost
/// as much as parsing it); returns an error message, or empty on success.
QString readObject(nlohmann::json& object, const QString& source, const QString& listCollection,
                   const PolicyTypeRegistry& registry, ExportedObject* out)
{
    if (!object.is_object())
        return QStringLiteral("%1 is a JSON %2, not an object")
            .arg(source, QString::fromUtf8(object.type_name()));

    const auto id = object.find("id");
    if (id == object.end() || !id->is_string() || id->get_ref<const std::string&>().empty())
        return QStringLiteral("%1 has no \"id\" string").arg(source);

    // A standalone file's own errors need no prefix; a list element's name its position.
    const Classification classification = registry.classify(object, listCollection);
    if (!classification.error.isEmpty()) {
        return source.contains(QLatin1Char('#'))
            ? QStringLiteral("%1: %2").arg(source, classification.error)
            : classification.error;
    }

    out->policyType = classification.policyType;
    out->subjectType = classification.subjectType;
    out->externalId = toQString(*id);
    out->displayName = displayNameOf(object);
    out->sourceFile = source;
    const MetaContract contract = MetaContractBuilder::build(object);
    out->metaContractVersion = contract.version;
    out->metaHash = contract.hash;
    out->raw = std::move(object);
    return {};
}

FileResult readBytes(const QByteArray& bytes, const QString& relativePath,
                     const PolicyTypeRegistry& registry)
{
    FileResult result;
    result.bytes = bytes.size();
    if (bytes.isEmpty()) {
        result.error = QStringLiteral("file is empty");
        return result;
    }

    const DecodedText text = decodeExportText(bytes);
    if (!text.error.isEmpty()) {
        result.error = text.error;
        return result;
    }

    result.error = checkStructure(text.utf8);
    if (!result.error.isEmpty())
        return result;

    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text.utf8);
    } catch (const nlohmann::json::exception& error) {
        result.error = parseErrorMessage(error);
        return result;
    }

    // A Graph list response holds its objects in "value"; its context names the collection.
    const auto value = document.is_object() ? document.find("value") : document.end();
    if (document.is_object() && !document.contains("id") && value != document.end()
        && value->is_array()) {
        const QString listCollection = PolicyTypeRegistry::collectionFromContext(
            toQString(document.value("@odata.context", nlohmann::json())));
        for (std::size_t i = 0; i < value->size(); ++i) {
            ExportedObject object;
            const QString source = relativePath + QStringLiteral("#/value/") + QString::number(i);
            const QString error
                = readObject((*value)[i], source, listCollection, registry, &object);
            if (!error.isEmpty()) {
                result.error = error;
                result.objects.clear();
                return result;
            }
            result.objects.push_back(std::move(object));
        }
        return result;
    }

    ExportedObject object;
    const QString error = readObject(document, QStringLiteral("the file"), {}, registry, &object);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }
    object.sourceFile = relativePath;
    result.objects.push_back(std::move(object));
    return result;
}

FileResult readFile(const FileTask& task, const PolicyTypeRegistry& registry)
{
    FileResult result;
    // A link could lead anywhere on the machine; exports hold none.
    const QFileInfo info(task.absolutePath);
    if (info.isSymLink()) {
        result.error = QStringLiteral("is a symbolic link; links are not followed");
        return result;
    }
    // Opening a named pipe would wait for a writer; a device could be endless.
    if (!info.isFile()) {
        result.error = QStringLiteral("is not a regular file");
        return result;
    }
    QFile file(task.absolutePath);
    const qint64 size = file.size();
    if (size > ExportReader::maxFileBytes) {
        result.error = QStringLiteral("file is %1 bytes, above the limit of %2 bytes")
                           .arg(size)
                           .arg(ExportReader::maxFileBytes);
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot read: %1").arg(file.errorString());
        return result;
    }
    return readBytes(file.read(ExportReader::maxFileBytes + 1), task.relativePath, registry);
}

/// Runs `read(i)` for every index on the global thread pool and keeps each result in its
/// place. (QtConcurrent::blockingMapped collects results by copying them, and a result holds
/// every parsed object of its file.)
template <typename Read> std::vector<FileResult> readAll(std::size_t count, const Read& read)
{
    std::vector<FileResult> results(count);
    std::vector<std::size_t> indexes(count);
    for (std::size_t i = 0; i < count; ++i)
        indexes[i] = i;
    QtConcurrent::blockingMap(indexes, [&](std::size_t i) { results[i] = read(i); });
    return results;
}

/// Adds what one file gave to the scan: its objects of wanted types, or its error.
void addResult(ExportScan* scan, FileResult&& result, const QString& relativePath,
               const QString& folder, const QStringList& typeFilter)
{
    scan->bytesRead += result.bytes;
    if (!result.error.isEmpty()) {
        qCInfo(lcImport).noquote() << "cannot import" << relativePath << "-" << result.error;
        scan->fileErrors.push_back({relativePath, result.error, folder});
        return;
    }
    ++scan->filesRead;
    for (auto& object : result.objects) {
        if (typeFilter.isEmpty() || typeFilter.contains(object.policyType))
            scan->objects.push_back(std::move(object));
    }
}

} // namespace

ExportReader::ExportReader(const PolicyTypeRegistry& registry)
    : m_registry(registry)
{
}

ExportFileContent ExportReader::parseFile(const QByteArray& bytes, const QString& relativePath,
                                          const PolicyTypeRegistry& registry)
{
    FileResult result = readBytes(bytes, relativePath, registry);
    return {std::move(result.objects), std::move(result.error)};
}

bool ExportReader::folderWanted(const QString& folder) const
{
    if (m_typeFilter.isEmpty())
        return true;
    const QStringList types = m_registry.typesForFolder(folder);
    if (types.isEmpty())
        return true; // an unknown folder may hold any type
    for (const auto& type : types) {
        if (m_typeFilter.contains(type))
            return true;
    }
    return false;
}

ExportScan ExportReader::scan(const QString& rootPath) const
{
    ExportScan scan;
    const QFileInfo rootInfo(rootPath);
    if (!rootInfo.exists()) {
        scan.rootError = QStringLiteral("%1 does not exist").arg(rootPath);
        return scan;
    }
    if (!rootInfo.isDir()) {
        scan.rootError = QStringLiteral("%1 is not a folder").arg(rootPath);
        return scan;
    }
    const QDir root(rootInfo.absoluteFilePath());
    if (!root.isReadable()) {
        scan.rootError = QStringLiteral("%1 cannot be read").arg(rootPath);
        return scan;
    }

    std::vector<FileTask> tasks;
    const auto addFile = [&](const QString& absolutePath, const QString& folder) {
        tasks.push_back({absolutePath, root.relativeFilePath(absolutePath), folder});
    };

    const QStringList jsonFilter{QStringLiteral("*.json"), QStringLiteral("*.JSON")};
    // System entries too: links that lead nowhere or in a loop, pipes and devices are each
    // reported rather than silently left out.
    for (const QString& name : root.entryList(jsonFilter, QDir::Files | QDir::System, QDir::Name))
        addFile(root.filePath(name), QString());

    for (const QString& folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!folderWanted(folder))
            continue;
        scan.folders.append(folder);
        const QDir dir(root.filePath(folder));
        if (QFileInfo(dir.path()).isSymLink()) {
            scan.folderFailures.push_back(
                {folder, QStringLiteral("folder is a symbolic link; links are not followed")});
            continue;
        }
        if (!dir.isReadable()) {
            scan.folderFailures.push_back({folder, QStringLiteral("folder cannot be read")});
            continue;
        }
        // Symbolic links to folders are not followed, so a link loop cannot trap the walk; they
        // are reported, as what they lead to is not read.
        QStringList files;
        QDirIterator it(dir.absolutePath(), jsonFilter,
                        QDir::Files | QDir::System | QDir::AllDirs | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!it.fileInfo().isDir() || it.fileInfo().isSymLink())
                files.append(path);
        }
        files.sort();
        for (const QString& file : files)
            addFile(file, folder);
    }

    const PolicyTypeRegistry& registry = m_registry;
    const std::function<bool()>& isCancelled = m_isCancelled;
    std::vector<FileResult> results
        = readAll(tasks.size(), [&tasks, &registry, &isCancelled](std::size_t i) {
              if (isCancelled && isCancelled())
                  return FileResult{};
              return readFile(tasks[i], registry);
          });

    for (std::size_t i = 0; i < tasks.size(); ++i)
        addResult(&scan, std::move(results[i]), tasks[i].relativePath, tasks[i].folder,
                  m_typeFilter);
    return scan;
}

ExportScan ExportReader::scanDocuments(const std::vector<ExportDocument>& documents,
                                       const QStringList& folders) const
{
    ExportScan scan;
    for (const QString& folder : folders) {
        if (folderWanted(folder))
            scan.folders.append(folder);
    }
    const PolicyTypeRegistry& registry = m_registry;
    const std::function<bool()>& isCancelled = m_isCancelled;
    std::vector<FileResult> results
        = readAll(documents.size(), [&documents, &registry, &isCancelled](std::size_t i) {
              const ExportDocument& document = documents[i];
              if (isCancelled && isCancelled())
                  return FileResult{};
              if (document.bytes.size() > maxFileBytes) {
                  FileResult tooLarge;
                  tooLarge.error = QStringLiteral("file is %1 bytes, above the limit of %2 bytes")
                                       .arg(document.bytes.size())
                                       .arg(maxFileBytes);
                  return tooLarge;
              }
              return readBytes(document.bytes, document.relativePath, registry);
          });
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (folderWanted(documents[i].folder))
            addResult(&scan, std::move(results[i]), documents[i].relativePath, documents[i].folder,
                      m_typeFilter);
    }
    return scan;
}

} // namespace driftdesk
