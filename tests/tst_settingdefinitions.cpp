// SPDX-License-Identifier: GPL-3.0-or-later
#include "engineerror.h"
#include "jsonconvert.h"
#include "metacontract.h"
#include "propertydiff.h"
#include "schemamigrator.h"
#include "scratchdatabase.h"
#include "settingdefinitions.h"
#include "textdecoding.h"
#include "workspacestore.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace driftdesk;

class TestSettingDefinitions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migrationCreatesTheTable_data() { testsupport::addBackendRows(); }
    void migrationCreatesTheTable();
    void importsTheFixtureFolder_data() { testsupport::addBackendRows(); }
    void importsTheFixtureFolder();
    void reimportReplaces_data() { testsupport::addBackendRows(); }
    void reimportReplaces();
    void badFilesAreReportedByName_data() { testsupport::addBackendRows(); }
    void badFilesAreReportedByName();
    void unknownIdsAreEmpty_data() { testsupport::addBackendRows(); }
    void unknownIdsAreEmpty();
    void readablePathOfRealEvidence_data() { testsupport::addBackendRows(); }
    void readablePathOfRealEvidence();
    void readablePathKeepsWhatItDoesNotKnow();
};

namespace {

const QString asr
    = QStringLiteral("device_vendor_msft_policy_config_defender_attacksurfacereductionrules");
const QString lsass
    = asr + QStringLiteral("_blockcredentialstealingfromwindowslocalsecurityauthoritysubsystem");
const QString officeInjection
    = asr + QStringLiteral("_blockofficeapplicationsfrominjectingcodeintootherprocesses");
const QString copiedTools = asr + QStringLiteral("_blockuseofcopiedorimpersonatedsystemtools");
const QString controlledFolders
    = QStringLiteral("device_vendor_msft_policy_config_defender_enablecontrolledfolderaccess");
const QString lapsAge = QStringLiteral("device_vendor_msft_laps_policies_passwordagedays");

QString fixtureFolder()
{
    return testsupport::testDataPath(QStringLiteral("settings-definitions"));
}

QString fixture(const char* name)
{
    return QDir(fixtureFolder()).filePath(QLatin1String(name));
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

nlohmann::json readJson(const QString& path)
{
    const DecodedText text = decodeExportText(readBytes(path));
    if (!text.error.isEmpty())
        qFatal("cannot decode %s: %s", qPrintable(path), qPrintable(text.error));
    return nlohmann::json::parse(text.utf8);
}

/// The stored options of one definition, as JSON.
nlohmann::json storedOptions(Database& database, qint64 workspace, const QString& definitionId)
{
    QSqlQuery query = database.run(QStringLiteral("SELECT options_jsonb FROM setting_definitions "
                                                  "WHERE workspace_id = ? AND definition_id = ?"),
                                   {workspace, definitionId});
    return query.next() ? parseJsonColumn(query.value(0).toString()) : nlohmann::json();
}

/// Every error of an import, one a line, for failure messages.
QString errorText(const DefinitionImportResult& result)
{
    QStringList lines;
    for (const DefinitionFileError& error : result.errors)
        lines.append(error.file + QStringLiteral(": ") + error.message);
    return lines.join(u'\n');
}

/// The error reported for a file, found by its name; empty when none names it.
QString errorFor(const DefinitionImportResult& result, const QString& fileName)
{
    for (const DefinitionFileError& error : result.errors) {
        if (QFileInfo(error.file).fileName() == fileName)
            return error.message;
    }
    return {};
}

const QStringList allFixtureIds{asr,    lsass, officeInjection, copiedTools, controlledFolders,
                                lapsAge};

} // namespace

void TestSettingDefinitions::migrationCreatesTheTable()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    SchemaMigrator migrator(scratch->database());
    const auto outcome = migrator.migrate();
    QVERIFY(outcome.applied.contains(QStringLiteral("0002_setting_definitions")));
    QVERIFY(migrator.currentVersion() >= 2);
    QCOMPARE(migrator.currentVersion(), migrator.latestVersion());
    QVERIFY(
        scratch->database().connection().tables().contains(QStringLiteral("setting_definitions")));

    // One row per definition and workspace; a workspace takes its definitions with it.
    Database& database = scratch->database();
    const qint64 workspace = scratch->workspaceId();
    const QString insert = QStringLiteral(
        "INSERT INTO setting_definitions (workspace_id, definition_id, display_name, "
        "options_jsonb, imported_at) VALUES (?, 'x', 'X', '{}', ?)");
    const QVariant now = database.timestampValue(QDateTime::currentDateTimeUtc());
    database.run(insert, {workspace, now});
    QVERIFY_THROWS_EXCEPTION(EngineError, database.run(insert, {workspace, now}));
    const qint64 other = WorkspaceStore(database).add(QStringLiteral("other")).id;
    database.run(insert, {other, now});
    database.run(QStringLiteral("DELETE FROM workspaces WHERE id = ?"), {other});
    QCOMPARE(SettingDefinitionStore(database, other).count(), 0);
    QCOMPARE(SettingDefinitionStore(database, workspace).count(), 1);
}

void TestSettingDefinitions::importsTheFixtureFolder()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const qint64 workspace = scratch->workspaceId();
    SettingDefinitionStore store(scratch->database(), workspace);

    const DefinitionImportResult result = store.importFiles({fixtureFolder()});
    QVERIFY2(result.errors.empty(), qPrintable(errorText(result)));
    QCOMPARE(result.filesRead, 2);
    QCOMPARE(result.definitionsImported, 6);
    QCOMPARE(store.count(), 6);

    const SettingDefinitionCatalog catalog = store.catalog(allFixtureIds);
    QCOMPARE(catalog.size(), 6);
    QCOMPARE(catalog.displayName(asr), QStringLiteral("Attack Surface Reduction Rules"));
    QCOMPARE(catalog.displayName(lsass),
             QStringLiteral(
                 "Block credential stealing from the Windows local security authority subsystem"));
    QCOMPARE(catalog.displayName(officeInjection),
             QStringLiteral("Block Office applications from injecting code into other processes"));
    QCOMPARE(catalog.displayName(copiedTools),
             QStringLiteral("Block use of copied or impersonated system tools"));
    QCOMPARE(catalog.displayName(controlledFolders),
             QStringLiteral("Enable Controlled Folder Access"));
    QCOMPARE(catalog.displayName(lapsAge), QStringLiteral("Password Age Days"));

    // The values v3.6 and v3.7 of the baseline set, by their option item ids.
    QCOMPARE(catalog.optionName(lsass, lsass + QStringLiteral("_audit")), QStringLiteral("Audit"));
    QCOMPARE(catalog.optionName(lsass, lsass + QStringLiteral("_block")), QStringLiteral("Block"));
    QCOMPARE(catalog.optionName(officeInjection, officeInjection + QStringLiteral("_warn")),
             QStringLiteral("Warn"));
    QCOMPARE(catalog.optionName(copiedTools, copiedTools + QStringLiteral("_off")),
             QStringLiteral("Off"));
    QCOMPARE(catalog.optionName(controlledFolders, controlledFolders + QStringLiteral("_2")),
             QStringLiteral("Audit Mode"));
    QCOMPARE(catalog.optionName(lapsAge, lapsAge + QStringLiteral("_1")), QString());

    // Stored: the option map and the description, nothing of the members the import ignores.
    QCOMPARE(testsupport::js(storedOptions(scratch->database(), workspace, lsass)),
             testsupport::js(nlohmann::json{{(lsass + "_off").toStdString(), "Off"},
                                            {(lsass + "_block").toStdString(), "Block"},
                                            {(lsass + "_audit").toStdString(), "Audit"},
                                            {(lsass + "_warn").toStdString(), "Warn"}}));
    QCOMPARE(testsupport::js(storedOptions(scratch->database(), workspace, asr)),
             QStringLiteral("{}"));
    QSqlQuery description = scratch->database().run(
        QStringLiteral("SELECT description FROM setting_definitions WHERE workspace_id = ? "
                       "AND definition_id = ?"),
        {workspace, lapsAge});
    QVERIFY(description.next());
    QVERIFY(description.value(0).toString().startsWith(
        QLatin1String("Use this setting to configure the maximum password age")));

    // Another workspace has none of them.
    const qint64 other = WorkspaceStore(scratch->database()).add(QStringLiteral("other")).id;
    QVERIFY(SettingDefinitionStore(scratch->database(), other).catalog(allFixtureIds).isEmpty());
}

void TestSettingDefinitions::reimportReplaces()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    SettingDefinitionStore store(scratch->database(), scratch->workspaceId());
    QCOMPARE(store.importFiles({fixtureFolder()}).definitionsImported, 6);

    // A later catalog renames a definition and one of its options.
    nlohmann::json page = readJson(fixture("configurationSettings.json"));
    for (auto& definition : page["value"]) {
        if (definition["id"] == lsass.toStdString()) {
            definition["displayName"] = "Block credential stealing from LSASS";
            definition["options"][2]["displayName"] = "Audit only";
        }
    }
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString renamed = folder.filePath(QStringLiteral("renamed.json"));
    writeBytes(renamed, QByteArray::fromStdString(page.dump(2)));

    const DefinitionImportResult result = store.importFiles({renamed});
    QVERIFY2(result.errors.empty(), qPrintable(errorText(result)));
    QCOMPARE(result.filesRead, 1);
    QCOMPARE(result.definitionsImported, 4);
    QCOMPARE(store.count(), 6);
    const SettingDefinitionCatalog catalog = store.catalog(allFixtureIds);
    QCOMPARE(catalog.displayName(lsass), QStringLiteral("Block credential stealing from LSASS"));
    QCOMPARE(catalog.optionName(lsass, lsass + QStringLiteral("_audit")),
             QStringLiteral("Audit only"));
    QCOMPARE(catalog.displayName(controlledFolders),
             QStringLiteral("Enable Controlled Folder Access"));

    // Within one import the later file wins too.
    const DefinitionImportResult again
        = store.importFiles({renamed, fixture("configurationSettings.json")});
    QCOMPARE(again.definitionsImported, 4);
    QCOMPARE(store.catalog({lsass}).displayName(lsass),
             QStringLiteral(
                 "Block credential stealing from the Windows local security authority subsystem"));
    QCOMPARE(store.count(), 6);
}

void TestSettingDefinitions::badFilesAreReportedByName()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    SettingDefinitionStore store(scratch->database(), scratch->workspaceId());

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const auto path = [&](const char* name) { return folder.filePath(QLatin1String(name)); };
    const QByteArray page1 = readBytes(fixture("configurationSettings.json"));
    // Good: the second page as it is, the first saved in UTF-16LE with a byte-order mark.
    QVERIFY(QFile::copy(fixture("page2.json"), path("b-page2.json")));
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    writeBytes(path("a-page1-utf16.json"), utf16.encode(QString::fromUtf8(page1)));
    // Bad.
    writeBytes(path("c-truncated.json"), page1.left(page1.size() / 2));
    writeBytes(path("d-array.json"), R"([{"id": "x", "displayName": "X"}])");
    writeBytes(path("e-no-value.json"),
               R"({"@odata.context": "https://graph.microsoft.com/beta/$metadata#x", "id": "x"})");
    writeBytes(path("f-policy.json"),
               R"({"value": [{"@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
                              "id": "7dfa8454-8c39-41e0-86ca-e6456c027be2"}]})");
    writeBytes(path("b-null-options.json"),
               R"({"value": [{"@odata.type": "#microsoft.graph.deviceManagementConfiguration)"
               R"(SimpleSettingDefinition", "id": "simple_setting", "name": "SimpleSetting",)"
               R"( "options": null}]})");
    writeBytes(path("g-empty.json"), "");
    writeBytes(path("h-nul.json"), R"({"value": [{"id": "x", "displayName": "a\u0000b"}]})");
    writeBytes(path("i-options.json"), R"({"value": [{"id": "x", "options": "block"}]})");
    writeBytes(path("not-json.txt"), "ignored: not a *.json file");

    const DefinitionImportResult result = store.importFiles({folder.path()});
    QCOMPARE(result.filesRead, 3);
    QCOMPARE(result.definitionsImported, 7);
    QCOMPARE(store.count(), 7);
    QCOMPARE(result.errors.size(), std::size_t(7));
    QStringList failed;
    for (const DefinitionFileError& error : result.errors)
        failed.append(QFileInfo(error.file).fileName());
    QCOMPARE(failed,
             (QStringList{"c-truncated.json", "d-array.json", "e-no-value.json", "f-policy.json",
                          "g-empty.json", "h-nul.json", "i-options.json"}));
    QVERIFY2(errorFor(result, "c-truncated.json").startsWith(QLatin1String("invalid JSON:")),
             qPrintable(errorFor(result, "c-truncated.json")));
    QCOMPARE(errorFor(result, "d-array.json"),
             QStringLiteral("not a Graph list response: the file holds a JSON array, not an "
                            "object with a \"value\" array"));
    QCOMPARE(errorFor(result, "e-no-value.json"),
             QStringLiteral("not a Graph list response: it has no \"value\" array"));
    QCOMPARE(errorFor(result, "f-policy.json"),
             QStringLiteral("value[0] is a #microsoft.graph.deviceManagementConfigurationPolicy, "
                            "not a setting definition"));
    QCOMPARE(errorFor(result, "g-empty.json"), QStringLiteral("file is empty"));
    QCOMPARE(errorFor(result, "h-nul.json"),
             QStringLiteral("value[0] (x) holds the character U+0000, which cannot be stored"));
    QCOMPARE(errorFor(result, "i-options.json"),
             QStringLiteral("value[0] (x): \"options\" is a JSON string, not an array"));

    // Without a display name the programmatic name serves; null options are no options.
    const SettingDefinitionCatalog simple = store.catalog({QStringLiteral("simple_setting")});
    QCOMPARE(simple.displayName(QStringLiteral("simple_setting")), QStringLiteral("SimpleSetting"));

    // The UTF-16 page was read like the UTF-8 one.
    QCOMPARE(store.catalog({copiedTools})
                 .optionName(copiedTools, copiedTools + QStringLiteral("_block")),
             QStringLiteral("Block"));

    // Nothing readable: nothing imported, every path named.
    QTemporaryDir empty;
    const QString missing = folder.filePath(QStringLiteral("missing.json"));
    const DefinitionImportResult none
        = store.importFiles({missing, empty.path(), path("d-array.json")});
    QCOMPARE(none.filesRead, 0);
    QCOMPARE(none.definitionsImported, 0);
    QCOMPARE(none.errors.size(), std::size_t(3));
    QCOMPARE(none.errors[0].file, empty.path());
    QCOMPARE(none.errors[0].message, QStringLiteral("the folder holds no .json file"));
    QCOMPARE(none.errors[1].file, missing);
    QCOMPARE(none.errors[1].message, QStringLiteral("does not exist"));
    QCOMPARE(none.errors[2].file, path("d-array.json"));
}

void TestSettingDefinitions::unknownIdsAreEmpty()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    SettingDefinitionStore store(scratch->database(), scratch->workspaceId());
    QVERIFY(store.catalog(allFixtureIds).isEmpty());
    store.importFiles({fixtureFolder()});

    const QString unknown = asr + QStringLiteral("_blocksomethingnotyetinvented");
    const SettingDefinitionCatalog catalog = store.catalog({unknown, lsass});
    QCOMPARE(catalog.size(), 1);
    QCOMPARE(catalog.displayName(unknown), QString());
    QCOMPARE(catalog.optionName(unknown, unknown + QStringLiteral("_block")), QString());
    QCOMPARE(catalog.optionName(lsass, lsass + QStringLiteral("_sometimes")), QString());
    // Only what was asked for is loaded.
    QCOMPARE(catalog.displayName(asr), QString());
    QVERIFY(store.catalog({}).isEmpty());
    QVERIFY(store.catalog({unknown}).isEmpty());

    // More ids than one statement binds: the lookup goes in chunks.
    QStringList many;
    for (int i = 0; i < 1200; ++i)
        many.append(QStringLiteral("unknown_definition_%1").arg(i));
    many.insert(3, lsass);
    many.insert(700, lapsAge);
    many.append(lsass);
    const SettingDefinitionCatalog chunked = store.catalog(many);
    QCOMPARE(chunked.size(), 2);
    QCOMPARE(chunked.displayName(lapsAge), QStringLiteral("Password Age Days"));
}

void TestSettingDefinitions::readablePathOfRealEvidence()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    SettingDefinitionStore store(scratch->database(), scratch->workspaceId());
    store.importFiles({fixtureFolder()});

    // The differences a compare records between the baseline's v3.6 and v3.7 ASR rules.
    const auto payload = [](const char* release, const char* version) {
        const QString folder = testsupport::testDataPath(QStringLiteral("oib/windows-%1/"
                                                                        "SettingsCatalog")
                                                             .arg(QLatin1String(release)));
        const QString file = QDir(folder).filePath(
            QStringLiteral("Win - OIB - ES - Attack Surface Reduction - D - ASR Rules (L2) - "
                           "%1.json")
                .arg(QLatin1String(version)));
        return MetaContractBuilder::payload(readJson(file), 1);
    };
    const auto differences = diffProperties(payload("v3.6", "v3.3"), payload("v3.7", "v3.7"));
    QStringList paths;
    QStringList ids;
    for (const PropertyDifference& difference : differences) {
        const QString path = QString::fromStdString(difference.path);
        if (path.startsWith(QLatin1String("settings[")))
            paths.append(path);
        ids += definitionIdsInPath(path);
    }
    QCOMPARE(paths.size(), 3);
    const SettingDefinitionCatalog catalog = store.catalog(ids);

    const QString evidence = asr
        + QStringLiteral("].settingInstance.groupSettingCollectionValue[0]"
                         ".children[");
    const QString prefix = QStringLiteral("settings[Attack Surface Reduction Rules].settingInstance"
                                          ".groupSettingCollectionValue[0].children[");
    const QString suffix = QStringLiteral("].choiceSettingValue.value");
    QVERIFY2(paths.contains(QStringLiteral("settings[") + evidence + lsass + suffix),
             qPrintable(paths.join(u'\n')));
    QStringList readable;
    for (const QString& path : paths)
        readable.append(readablePath(path, catalog));
    readable.sort();
    QCOMPARE(
        readable,
        (QStringList{prefix + "Block Office applications from injecting code into other processes"
                         + suffix,
                     prefix
                         + "Block credential stealing from the Windows local security authority "
                           "subsystem"
                         + suffix,
                     prefix + "Block use of copied or impersonated system tools" + suffix}));

    // The values are option item ids: the catalog names them too.
    for (const PropertyDifference& difference : differences) {
        if (difference.path.find(lsass.toStdString()) == std::string::npos)
            continue;
        QVERIFY(difference.baseline && difference.current);
        QCOMPARE(catalog.optionName(lsass, toQString(*difference.baseline)),
                 QStringLiteral("Audit"));
        QCOMPARE(catalog.optionName(lsass, toQString(*difference.current)),
                 QStringLiteral("Block"));
    }
}

void TestSettingDefinitions::readablePathKeepsWhatItDoesNotKnow()
{
    SettingDefinitionCatalog catalog;
    QVERIFY(catalog.isEmpty());
    const QString path = QStringLiteral("settings[group_a].settingInstance"
                                        ".groupSettingCollectionValue[12].children[child_b]"
                                        ".choiceSettingValue.children[child_c].value");
    QCOMPARE(readablePath(path, catalog), path);
    QCOMPARE(definitionIdsInPath(path), (QStringList{"group_a", "child_b", "child_c"}));

    catalog.insert(QStringLiteral("group_a"), QStringLiteral("Group A"));
    catalog.insert(QStringLiteral("child_c"), QStringLiteral("Child [C]"),
                   {{QStringLiteral("child_c_1"), QStringLiteral("On")}});
    catalog.insert(QStringLiteral("12"), QStringLiteral("not a position"));
    QVERIFY(!catalog.isEmpty());
    QCOMPARE(readablePath(path, catalog),
             QStringLiteral("settings[Group A].settingInstance.groupSettingCollectionValue[12]"
                            ".children[child_b].choiceSettingValue.children[Child [C]].value"));
    QCOMPARE(catalog.optionName(QStringLiteral("child_c"), QStringLiteral("child_c_1")),
             QStringLiteral("On"));

    // Paths without brackets, with empty or unclosed ones, are kept as they are.
    for (const QString& other :
         {QStringLiteral("displayName"), QStringLiteral("settings[].x"),
          QStringLiteral("settings[group_a"), QStringLiteral("a.b[0][1]"), QString()})
        QCOMPARE(readablePath(other, catalog), other);
    QCOMPARE(readablePath(QStringLiteral("x[group_a][group_a]"), catalog),
             QStringLiteral("x[Group A][Group A]"));
}

QTEST_GUILESS_MAIN(TestSettingDefinitions)
#include "tst_settingdefinitions.moc"
