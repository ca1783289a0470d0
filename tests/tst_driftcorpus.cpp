// SPDX-License-Identifier: GPL-3.0-or-later
// Walks tests/data/corpus: every case is a (baseline, current) pair of export folders with the
// exact set of findings a compare must record. See tests/data/corpus/README.md.
#include "baselinecapture.h"
#include "baselinecompare.h"
#include "findingstore.h"
#include "inventoryimport.h"
#include "inventorystore.h"
#include "policytyperegistry.h"
#include "profilestore.h"
#include "scratchdatabase.h"
#include "settingdefinitions.h"
#include "tenantstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTest>

#include <map>
#include <vector>

using namespace driftdesk;
using Json = nlohmann::json;

class TestDriftCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusIsComplete();
    void driftCase_data();
    void driftCase();
};

namespace {

const QStringList caseKeys{QStringLiteral("description"), QStringLiteral("matching"),
                           QStringLiteral("version_suffix_pattern"), QStringLiteral("definitions"),
                           QStringLiteral("expected_findings")};
const QStringList findingKeys{QStringLiteral("change_type"),
                              QStringLiteral("policy_type"),
                              QStringLiteral("subject_external_id"),
                              QStringLiteral("display_name"),
                              QStringLiteral("severity"),
                              QStringLiteral("differences"),
                              QStringLiteral("evidence")};

QString corpusPath()
{
    return testsupport::testDataPath(QStringLiteral("corpus"));
}

QStringList caseNames()
{
    return QDir(corpusPath()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

/// UTF-8 bytes as a QString, keeping a leading U+FEFF (QString::fromUtf8 would drop it).
QString exactText(QByteArrayView utf8)
{
    QStringDecoder decoder(QStringConverter::Utf8,
                           QStringConverter::Flag::Stateless
                               | QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(utf8);
}

QString exactText(const std::string& utf8)
{
    return exactText(QByteArrayView(utf8.data(), static_cast<qsizetype>(utf8.size())));
}

/// A name for a message: long ones are cut, saying how long they are.
QString abbreviated(const QString& name)
{
    if (name.size() <= 120)
        return name;
    return name.left(60) + QStringLiteral("… (%1 UTF-16 units)").arg(name.size());
}

/// Where two texts part, in their UTF-8 bytes.
QString byteDifference(const QString& actual, const QString& expected)
{
    const QByteArray a = actual.toUtf8();
    const QByteArray b = expected.toUtf8();
    qsizetype at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at])
        ++at;
    return QStringLiteral("%1 against %2 UTF-8 bytes, first difference at byte %3: %4 against %5")
        .arg(QString::number(a.size()), QString::number(b.size()), QString::number(at),
             QString::fromLatin1(a.mid(at, 8).toHex(' ')),
             QString::fromLatin1(b.mid(at, 8).toHex(' ')));
}

QString jsonText(const Json& value)
{
    return exactText(value.dump());
}

/// The case's case.json, or an error message.
Json readCase(const QString& caseName, QString* error)
{
    QFile file(QDir(corpusPath()).filePath(caseName + QStringLiteral("/case.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return {};
    }
    const QByteArray bytes = file.readAll();
    try {
        return Json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const Json::exception& exception) {
        *error = QStringLiteral("%1 is not JSON: %2").arg(file.fileName(), exception.what());
        return {};
    }
}

QString textMember(const Json& object, const char* name)
{
    const auto member = object.find(name);
    return member != object.end() && member->is_string()
        ? exactText(member->get_ref<const std::string&>())
        : QString();
}

/// What is wrong with the shape of a case.json (empty when it is well formed).
QStringList caseShapeProblems(const Json& spec)
{
    QStringList problems;
    if (!spec.is_object())
        return {QStringLiteral("case.json is not a JSON object")};
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        if (!caseKeys.contains(QString::fromStdString(it.key())))
            problems << QStringLiteral("unknown case.json member \"%1\"").arg(it.key().c_str());
    }
    if (textMember(spec, "description").isEmpty())
        problems << QStringLiteral("no description");
    const QString matching = textMember(spec, "matching");
    if (spec.contains("matching") && matching != MatchingMode::byId
        && matching != MatchingMode::byIdentity)
        problems << QStringLiteral("matching must be by_id or by_identity");
    const auto expected = spec.find("expected_findings");
    if (expected == spec.end() || !expected->is_array())
        return problems << QStringLiteral("expected_findings is not a list");
    for (const Json& finding : *expected) {
        if (!finding.is_object()) {
            problems << QStringLiteral("an expected finding is not an object");
            continue;
        }
        for (auto it = finding.begin(); it != finding.end(); ++it) {
            if (!findingKeys.contains(QString::fromStdString(it.key())))
                problems << QStringLiteral("unknown expected finding member \"%1\"")
                                .arg(it.key().c_str());
        }
        for (const char* key : {"change_type", "policy_type", "subject_external_id"}) {
            if (!finding.contains(key) || !finding[key].is_string())
                problems << QStringLiteral("an expected finding has no %1 string").arg(key);
        }
        if (finding.contains("evidence") && !finding["evidence"].is_object())
            problems << QStringLiteral("an expected finding's evidence is not an object");
        if (!finding.contains("differences"))
            continue;
        if (!finding["differences"].is_array()) {
            problems << QStringLiteral("an expected finding's differences is not a list");
            continue;
        }
        for (const Json& difference : finding["differences"]) {
            if (!difference.is_object() || !difference.contains("path")
                || !difference.contains("change"))
                problems << QStringLiteral("an expected difference lacks path or change: %1")
                                .arg(jsonText(difference));
        }
    }
    return problems;
}

QString describe(const Finding& finding)
{
    return QStringLiteral("%1 %2 %3 \"%4\" (severity %5), evidence: %6")
        .arg(finding.changeType, finding.policyType, finding.subjectExternalId,
             abbreviated(finding.displayName), finding.severity, jsonText(finding.evidence));
}

QString describe(const Json& expected)
{
    return QStringLiteral("%1 %2 %3")
        .arg(textMember(expected, "change_type"), textMember(expected, "policy_type"),
             textMember(expected, "subject_external_id"));
}

/// Where the detail of one expected finding differs from the recorded finding.
QStringList detailProblems(const Json& expected, const Finding& finding)
{
    QStringList problems;
    const QString what = describe(expected);
    if (expected.contains("display_name")) {
        const QString name = textMember(expected, "display_name");
        if (finding.displayName != name || finding.displayName.toUtf8() != name.toUtf8())
            problems << QStringLiteral("%1: display name \"%2\", expected \"%3\" (%4)")
                            .arg(what, abbreviated(finding.displayName), abbreviated(name),
                                 byteDifference(finding.displayName, name));
    }
    if (expected.contains("severity") && finding.severity != textMember(expected, "severity"))
        problems << QStringLiteral("%1: severity %2, expected %3")
                        .arg(what, finding.severity, textMember(expected, "severity"));

    const Json evidence = expected.value("evidence", Json::object());
    for (const auto& [key, value] : evidence.items()) {
        const auto actual = finding.evidence.find(key);
        if (actual == finding.evidence.end() || *actual != value)
            problems << QStringLiteral("%1: evidence[\"%2\"] is %3, expected %4; evidence: %5")
                            .arg(what, QString::fromStdString(key),
                                 actual == finding.evidence.end() ? QStringLiteral("absent")
                                                                  : jsonText(*actual),
                                 jsonText(value), jsonText(finding.evidence));
    }

    if (!expected.contains("differences"))
        return problems;
    const Json& wanted = expected["differences"];
    const Json differences = finding.evidence.value("differences", Json());
    if (!differences.is_array() || differences.size() != wanted.size()) {
        return problems << QStringLiteral("%1: %2 differences expected, found %3: %4")
                               .arg(what, QString::number(wanted.size()),
                                    differences.is_array() ? QString::number(differences.size())
                                                           : QStringLiteral("none"),
                                    jsonText(differences));
    }
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        for (const auto& [key, value] : wanted[i].items()) {
            const auto actual = differences[i].find(key);
            if (actual == differences[i].end() || *actual != value)
                problems << QStringLiteral("%1: difference %2 has %3 = %4, expected %5; "
                                           "difference: %6")
                                .arg(what, QString::number(i), QString::fromStdString(key),
                                     actual == differences[i].end() ? QStringLiteral("nothing")
                                                                    : jsonText(*actual),
                                     jsonText(value), jsonText(differences[i]));
        }
    }
    return problems;
}

/// Compares the recorded findings with the expected set: one recorded finding per expected
/// one (by change type, policy type and subject), its details as given, and nothing else.
QStringList findingProblems(const Json& expectedFindings, const QList<Finding>& findings)
{
    QStringList problems;
    std::vector<bool> used(findings.size(), false);
    for (const Json& expected : expectedFindings) {
        QList<qsizetype> matches;
        for (qsizetype i = 0; i < findings.size(); ++i) {
            if (findings[i].changeType == textMember(expected, "change_type")
                && findings[i].policyType == textMember(expected, "policy_type")
                && findings[i].subjectExternalId == textMember(expected, "subject_external_id"))
                matches.append(i);
        }
        if (matches.isEmpty()) {
            problems << QStringLiteral("missing finding: %1").arg(describe(expected));
            continue;
        }
        if (matches.size() > 1)
            problems << QStringLiteral("%1 findings recorded for %2")
                            .arg(QString::number(matches.size()), describe(expected));
        used[matches.first()] = true;
        problems += detailProblems(expected, findings[matches.first()]);
    }
    for (qsizetype i = 0; i < findings.size(); ++i) {
        if (!used[i])
            problems << QStringLiteral("extra finding: %1").arg(describe(findings[i]));
    }
    return problems;
}

/// One exported object as read here, independently of the engine's reader.
struct ExportedFile
{
    QString path; ///< relative to the export folder
    QString id;
    QString name;
};

/// Decodes a file as an exporter may have written it: UTF-16LE or UTF-16BE with a byte-order
/// mark, or UTF-8 with or without one.
QString decodeExport(const QByteArray& bytes, QString* error)
{
    auto encoding = QStringConverter::Utf8;
    qsizetype bomSize = 0;
    if (bytes.startsWith("\xFF\xFE")) {
        encoding = QStringConverter::Utf16LE;
        bomSize = 2;
    } else if (bytes.startsWith("\xFE\xFF")) {
        encoding = QStringConverter::Utf16BE;
        bomSize = 2;
    } else if (bytes.startsWith("\xEF\xBB\xBF")) {
        bomSize = 3;
    }
    QStringDecoder decoder(
        encoding, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    const QString text = decoder.decode(QByteArrayView(bytes).sliced(bomSize));
    if (decoder.hasError())
        *error = QStringLiteral("not valid text in its encoding");
    return text;
}

/// Every *.json file below an export folder, decoded with QStringDecoder and parsed with
/// QJsonDocument; problems go to `problems`.
std::vector<ExportedFile> readExport(const QString& folder, QStringList* problems)
{
    QStringList paths;
    QDirIterator it(folder, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();

    std::vector<ExportedFile> files;
    for (const QString& path : paths) {
        const QString relative = QDir(folder).relativeFilePath(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *problems << QStringLiteral("cannot read %1").arg(path);
            continue;
        }
        QString error;
        QString text = decodeExport(file.readAll(), &error);
        // QJsonDocument drops a U+FEFF that begins a string value, as QString::fromUtf8 does.
        // Outside strings it is not valid JSON, so escaping every one keeps the document.
        text.replace(QChar(0xFEFF), QStringLiteral("\\ufeff"));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (!error.isEmpty() || !document.isObject()) {
            *problems << QStringLiteral("%1 cannot be decoded here: %2%3")
                             .arg(relative, error, parseError.errorString());
            continue;
        }
        const QJsonObject object = document.object();
        const bool settingsCatalog = object.value(QLatin1String("@odata.type")).toString()
            == QLatin1String("#microsoft.graph.deviceManagementConfigurationPolicy");
        files.push_back(
            {relative, object.value(QLatin1String("id")).toString(),
             object.value(settingsCatalog ? QLatin1String("name") : QLatin1String("displayName"))
                 .toString()});
    }
    return files;
}

/// Checks that the tenant's inventory holds one row per exported file, under the file's id,
/// with the file's name exactly.
QStringList nameProblems(const QString& side, const QString& folder,
                         const std::vector<InventoryRow>& rows)
{
    QStringList problems;
    const std::vector<ExportedFile> files = readExport(folder, &problems);
    if (rows.size() != files.size())
        problems << QStringLiteral("%1: %2 JSON files but %3 inventory rows")
                        .arg(side, QString::number(files.size()), QString::number(rows.size()));
    std::map<QString, std::vector<const InventoryRow*>> rowsById;
    for (const InventoryRow& row : rows)
        rowsById[row.subjectExternalId].push_back(&row);
    for (const ExportedFile& file : files) {
        const auto found = rowsById.find(file.id);
        const std::size_t count = found == rowsById.end() ? 0 : found->second.size();
        if (count != 1) {
            problems << QStringLiteral("%1/%2: %3 inventory rows for id %4")
                            .arg(side, file.path, QString::number(count), file.id);
            continue;
        }
        const QString stored = found->second.front()->displayName;
        if (stored != file.name || stored.toUtf8() != file.name.toUtf8())
            problems << QStringLiteral("%1/%2: stored display name \"%3\", exported \"%4\" "
                                       "(%5)")
                            .arg(side, file.path, abbreviated(stored), abbreviated(file.name),
                                 byteDifference(stored, file.name));
    }
    return problems;
}

/// Checks that every type folder of the export is covered, and succeeded, in the import.
QStringList coverageProblems(const QString& side, const QString& folder, const RunResult& run)
{
    QStringList problems;
    const Json coverage
        = run.context.value("inventory", Json::object()).value("coverage", Json::object());
    for (const QString& typeFolder : QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QStringList types = PolicyTypeRegistry::builtIn().typesForFolder(typeFolder);
        if (types.isEmpty())
            problems << QStringLiteral("%1: %2 is not an export folder DriftDesk knows")
                            .arg(side, typeFolder);
        for (const QString& type : types) {
            const std::string key = type.toStdString();
            Json entry;
            for (const char* kind : {"policy_types", "foundation_types"}) {
                const Json ofKind = coverage.value(kind, Json::object());
                if (ofKind.contains(key))
                    entry = ofKind[key];
            }
            if (entry.value("status", std::string()) != "succeeded")
                problems << QStringLiteral("%1: type %2 of folder %3 not covered as succeeded: %4")
                                .arg(side, type, typeFolder, jsonText(coverage));
        }
    }
    return problems;
}

QString runText(const RunResult& run)
{
    return QStringLiteral("%1 %2: %3; context: %4")
        .arg(run.type, run.outcome, run.message, jsonText(run.context));
}

} // namespace

void TestDriftCorpus::corpusIsComplete()
{
    const QStringList names = caseNames();
    QVERIFY2(!names.isEmpty(), qPrintable(corpusPath() + QStringLiteral(" holds no case")));
    QFile readme(QDir(corpusPath()).filePath(QStringLiteral("README.md")));
    QVERIFY2(readme.open(QIODevice::ReadOnly), qPrintable(readme.fileName()));
    const QString table = QString::fromUtf8(readme.readAll());

    QStringList problems;
    for (const QString& name : names) {
        const QDir folder(QDir(corpusPath()).filePath(name));
        for (const QString& side : {QStringLiteral("baseline"), QStringLiteral("current")}) {
            if (!folder.exists(side))
                problems << QStringLiteral("%1: no %2 folder").arg(name, side);
        }
        QString error;
        const Json spec = readCase(name, &error);
        if (!error.isEmpty()) {
            problems << QStringLiteral("%1: %2").arg(name, error);
            continue;
        }
        for (const QString& problem : caseShapeProblems(spec))
            problems << QStringLiteral("%1: %2").arg(name, problem);
        if (spec.contains("definitions") && !folder.exists(textMember(spec, "definitions")))
            problems << QStringLiteral("%1: the definitions file is missing").arg(name);
        if (!table.contains(QStringLiteral("| `%1` |").arg(name)))
            problems << QStringLiteral("%1: no row in the corpus README").arg(name);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestDriftCorpus::driftCase_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<int>("backend");
    for (const QString& name : caseNames()) {
        QTest::addRow("%s/sqlite", qPrintable(name)) << name << static_cast<int>(Backend::Sqlite);
        QTest::addRow("%s/postgresql", qPrintable(name))
            << name << static_cast<int>(Backend::PostgreSql);
    }
}

void TestDriftCorpus::driftCase()
{
    QFETCH(QString, caseName);
    QString error;
    const Json spec = readCase(caseName, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList shape = caseShapeProblems(spec);
    QVERIFY2(shape.isEmpty(),
             qPrintable(caseName + QStringLiteral(": ") + shape.join(QStringLiteral(", "))));
    const QDir folder(QDir(corpusPath()).filePath(caseName));
    const QString baselineFolder = folder.filePath(QStringLiteral("baseline"));
    const QString currentFolder = folder.filePath(QStringLiteral("current"));

    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Database& database = scratch->database();
    const qint64 workspace = scratch->workspaceId();
    OperationControl control;
    // The message of a failed check: the case, then what went wrong.
    const auto failure
        = [&](const QString& what) { return (caseName + QStringLiteral(": ") + what).toUtf8(); };

    try {
        // 1. Two tenants and a profile of the default scope, matching as the case says.
        TenantStore tenants(database, workspace);
        const qint64 baselineTenant = tenants.add(QStringLiteral("Baseline")).id;
        const qint64 currentTenant = tenants.add(QStringLiteral("Current")).id;
        ProfileDraft draft;
        draft.name = QStringLiteral("Corpus");
        if (spec.contains("matching"))
            draft.matchingMode = textMember(spec, "matching") == MatchingMode::byIdentity
                ? MatchingMode::byIdentity
                : MatchingMode::byId;
        if (spec.contains("version_suffix_pattern"))
            draft.versionSuffixPattern = textMember(spec, "version_suffix_pattern");
        ProfileStore profiles(database, workspace);
        const qint64 profile = profiles.create(draft).id;
        profiles.assign(profile, currentTenant);

        // 2. The baseline side, imported and captured.
        const RunResult baselineImport = InventoryImport(database, workspace)
                                             .run({baselineTenant, baselineFolder, {}}, control);
        QVERIFY2(baselineImport.outcome == RunOutcome::succeeded
                     && baselineImport.context.value("file_errors", Json::array()).empty(),
                 failure(runText(baselineImport)).constData());
        const RunResult capture
            = BaselineCapture(database, workspace).run({profile, baselineTenant}, control);
        QVERIFY2(capture.outcome == RunOutcome::succeeded, failure(runText(capture)).constData());

        // 3. Setting definitions, when the case has them.
        if (spec.contains("definitions")) {
            const DefinitionImportResult definitions
                = SettingDefinitionStore(database, workspace)
                      .importFiles({folder.filePath(textMember(spec, "definitions"))});
            QVERIFY2(definitions.errors.empty() && definitions.definitionsImported > 0,
                     failure(definitions.errors.empty() ? QStringLiteral("no definition imported")
                                                        : definitions.errors.front().message)
                         .constData());
        }

        // 4. The current side, imported and compared.
        const RunResult currentImport
            = InventoryImport(database, workspace).run({currentTenant, currentFolder, {}}, control);
        QVERIFY2(currentImport.outcome == RunOutcome::succeeded
                     && currentImport.context.value("file_errors", Json::array()).empty(),
                 failure(runText(currentImport)).constData());
        const RunResult compare
            = BaselineCompare(database, workspace).run({currentTenant, profile}, control);
        QVERIFY2(compare.outcome == RunOutcome::succeeded, failure(runText(compare)).constData());

        // 5. Exactly the expected findings.
        FindingFilter filter;
        filter.tenantId = currentTenant;
        const QList<Finding> findings = FindingStore(database, workspace).list(filter);
        QStringList problems = findingProblems(spec["expected_findings"], findings);

        // 6. Every type folder covered, every policy stored, every name byte-exact.
        InventoryStore inventory(database, workspace);
        problems += coverageProblems(QStringLiteral("baseline"), baselineFolder, baselineImport);
        problems += coverageProblems(QStringLiteral("current"), currentFolder, currentImport);
        problems += nameProblems(QStringLiteral("baseline"), baselineFolder,
                                 inventory.rows(baselineTenant));
        problems += nameProblems(QStringLiteral("current"), currentFolder,
                                 inventory.rows(currentTenant));
        // Each problem on a line of its own: a failure message is cut at about 1,000 bytes.
        for (const QString& problem : std::as_const(problems))
            qWarning().noquote() << caseName << "-" << problem;
        QVERIFY2(problems.isEmpty(),
                 failure(QStringLiteral("%1 problems, listed above; the first: %2")
                             .arg(QString::number(problems.size()), problems.value(0)))
                     .constData());
    } catch (const std::exception& exception) {
        QFAIL(failure(QStringLiteral("the engine threw: %1").arg(exception.what())).constData());
    }
}

QTEST_GUILESS_MAIN(TestDriftCorpus)
#include "tst_driftcorpus.moc"
