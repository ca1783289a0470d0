// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportreader.h"
#include "scratchdatabase.h"

#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace driftdesk;

class TestExportReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsARealExport();
    void graphListResponses();
    void badFilesAreNamedAndTheRestIsRead();
    void typeFilterSkipsOtherFolders();
    void encodingsHashTheSame();
    void missingRoot();
    void refusesWhatCannotBeStored();
    void linksAreNotFollowed();
};

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

std::map<QString, int> countByType(const ExportScan& scan)
{
    std::map<QString, int> counts;
    for (const auto& object : scan.objects)
        counts[object.policyType] += 1;
    return counts;
}

} // namespace

void TestExportReader::readsARealExport()
{
    ExportReader reader(PolicyTypeRegistry::builtIn());
    const ExportScan scan
        = reader.scan(testsupport::testDataPath(QStringLiteral("oib/windows-v3.6")));
    QVERIFY(scan.rootError.isEmpty());
    QVERIFY(scan.fileErrors.empty());
    QCOMPARE(scan.filesRead, 69);
    QCOMPARE(scan.folders,
             (QStringList{"CompliancePolicies", "DeviceConfiguration", "DriverUpdateProfiles",
                          "SettingsCatalog", "UpdatePolicies"}));
    const std::map<QString, int> expected{
        {"compliancePolicies", 4},          {"deviceConfigurations", 1},
        {"endpointSecurityPolicies", 13},   {"settingsCatalogPolicies", 45},
        {"windowsDriverUpdateProfiles", 3}, {"windowsUpdateRings", 3}};
    QCOMPARE(countByType(scan), expected);

    // The two LAPS profiles share one id in this release.
    int laps = 0;
    for (const auto& object : scan.objects) {
        if (object.externalId == QLatin1String("ccde33f8-d5c4-411c-9bbe-371e9894d1f9"))
            ++laps;
    }
    QCOMPARE(laps, 2);
}

void TestExportReader::graphListResponses()
{
    QTemporaryDir root;
    writeFile(root.filePath(QStringLiteral("SettingsCatalog/list.json")), R"({
        "@odata.context":
            "https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies",
        "value": [
            {"id": "a1", "name": "First", "templateReference": {"templateFamily": "none"},
             "settings": []},
            {"id": "a2", "name": "Second",
             "templateReference": {"templateFamily": "endpointSecurityFirewall"}}
        ]})");
    const ExportScan scan = ExportReader(PolicyTypeRegistry::builtIn()).scan(root.path());
    QVERIFY(scan.fileErrors.empty());
    QCOMPARE(scan.objects.size(), std::size_t(2));
    QCOMPARE(scan.objects[0].policyType, QStringLiteral("settingsCatalogPolicies"));
    QCOMPARE(scan.objects[0].displayName, QStringLiteral("First"));
    QCOMPARE(scan.objects[0].sourceFile, QStringLiteral("SettingsCatalog/list.json#/value/0"));
    QCOMPARE(scan.objects[1].policyType, QStringLiteral("endpointSecurityPolicies"));
}

void TestExportReader::badFilesAreNamedAndTheRestIsRead()
{
    QTemporaryDir root;
    const QString good = testsupport::testDataPath(QStringLiteral(
        "oib/windows-v3.7/UpdatePolicies/Win - OIB - WUfB - Ring 1 - Pilot - v3.0.json"));
    QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("UpdatePolicies"))));
    QVERIFY(QFile::copy(good, root.filePath(QStringLiteral("UpdatePolicies/good.json"))));
    writeFile(root.filePath(QStringLiteral("UpdatePolicies/truncated.json")), R"({"id": "x", )");
    writeFile(root.filePath(QStringLiteral("UpdatePolicies/array.json")), "[1, 2]");
    writeFile(root.filePath(QStringLiteral("UpdatePolicies/noid.json")),
              R"({"@odata.type": "#microsoft.graph.windowsUpdateForBusinessConfiguration"})");
    writeFile(root.filePath(QStringLiteral("UpdatePolicies/empty.json")), QByteArray());
    writeFile(root.filePath(QStringLiteral("UpdatePolicies/unknown.json")),
              R"({"id": "y", "@odata.type": "#microsoft.graph.user"})");

    const ExportScan scan = ExportReader(PolicyTypeRegistry::builtIn()).scan(root.path());
    QCOMPARE(scan.objects.size(), std::size_t(1));
    QCOMPARE(scan.objects[0].externalId, QStringLiteral("cf546956-d0ec-4bed-834c-c096c6feea9e"));

    std::map<QString, QString> errors;
    for (const auto& error : scan.fileErrors) {
        QCOMPARE(error.folder, QStringLiteral("UpdatePolicies"));
        errors[error.file] = error.message;
    }
    QCOMPARE(errors.size(), std::size_t(5));
    QVERIFY2(errors["UpdatePolicies/truncated.json"].startsWith(QLatin1String("invalid JSON: ")),
             qPrintable(errors["UpdatePolicies/truncated.json"]));
    QVERIFY(errors["UpdatePolicies/truncated.json"].contains(QLatin1String("line 1")));
    QCOMPARE(errors["UpdatePolicies/array.json"],
             QStringLiteral("the file is a JSON array, not an object"));
    QCOMPARE(errors["UpdatePolicies/noid.json"], QStringLiteral("the file has no \"id\" string"));
    QCOMPARE(errors["UpdatePolicies/empty.json"], QStringLiteral("file is empty"));
    QVERIFY(errors["UpdatePolicies/unknown.json"].contains(QLatin1String("#microsoft.graph.user")));
}

void TestExportReader::typeFilterSkipsOtherFolders()
{
    ExportReader reader(PolicyTypeRegistry::builtIn());
    reader.setTypeFilter({QStringLiteral("compliancePolicies")});
    const ExportScan scan
        = reader.scan(testsupport::testDataPath(QStringLiteral("oib/windows-v3.7")));
    QCOMPARE(scan.folders, QStringList{"CompliancePolicies"});
    QCOMPARE(scan.filesRead, 4);
    const std::map<QString, int> expected{{"compliancePolicies", 4}};
    QCOMPARE(countByType(scan), expected);
}

void TestExportReader::encodingsHashTheSame()
{
    const QString source = testsupport::testDataPath(QStringLiteral(
        "oib/windows-v3.7/CompliancePolicies/Win - OIB - Compliance - U - Password - v3.1.json"));
    QFile file(source);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QStringDecoder(QStringConverter::Utf16).decode(file.readAll());

    QTemporaryDir root;
    writeFile(root.filePath(QStringLiteral("utf16/p.json")), [&] {
        QFile original(source);
        original.open(QIODevice::ReadOnly);
        return original.readAll();
    }());
    QString crlf = text; // the shipped copy has LF line ends; Windows tools write CRLF
    crlf.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
    QVERIFY(crlf != text);
    writeFile(root.filePath(QStringLiteral("utf8/p.json")), crlf.toUtf8());
    writeFile(
        root.filePath(QStringLiteral("utf8bom/p.json")),
        QStringEncoder(QStringConverter::Utf8, QStringConverter::Flag::WriteBom).encode(text));

    const ExportScan scan = ExportReader(PolicyTypeRegistry::builtIn()).scan(root.path());
    QCOMPARE(scan.objects.size(), std::size_t(3));
    QCOMPARE(scan.objects[0].metaHash, scan.objects[1].metaHash);
    QCOMPARE(scan.objects[1].metaHash, scan.objects[2].metaHash);
    QCOMPARE(QString::fromStdString(scan.objects[0].metaHash),
             QStringLiteral("d736ae73c3541e033a44f841ea15062f256f023ce233d9907eb2db55b6b360a3"));
}

void TestExportReader::missingRoot()
{
    const ExportScan scan
        = ExportReader(PolicyTypeRegistry::builtIn()).scan(QStringLiteral("/nonexistent/export"));
    QCOMPARE(scan.rootError, QStringLiteral("/nonexistent/export does not exist"));
}

void TestExportReader::refusesWhatCannotBeStored()
{
    QTemporaryDir root;
    const QByteArray header(R"({"@odata.type": "#microsoft.graph.windows10CompliancePolicy", )");
    const int levels = 100000;
    writeFile(root.filePath(QStringLiteral("CompliancePolicies/deep.json")),
              header + R"("id": "deep", "x": )" + QByteArray(levels, '[') + QByteArray(levels, ']')
                  + "}");
    writeFile(root.filePath(QStringLiteral("CompliancePolicies/nul.json")),
              header + R"("id": "nul", "displayName": "a\u0000b"})");
    writeFile(root.filePath(QStringLiteral("CompliancePolicies/escaped.json")),
              header + R"("id": "ok", "displayName": "a\\u0000b"})");

    const ExportScan scan = ExportReader(PolicyTypeRegistry::builtIn()).scan(root.path());
    std::map<QString, QString> errors;
    for (const auto& error : scan.fileErrors)
        errors[error.file] = error.message;
    QCOMPARE(errors.size(), std::size_t(2));
    QCOMPARE(errors["CompliancePolicies/deep.json"],
             QStringLiteral("JSON nested deeper than 64 levels (line 1)"));
    QVERIFY2(errors["CompliancePolicies/nul.json"].contains(QLatin1String("U+0000")),
             qPrintable(errors["CompliancePolicies/nul.json"]));

    // An escaped backslash before "u0000" is text, not the NUL character.
    QCOMPARE(scan.objects.size(), std::size_t(1));
    QCOMPARE(scan.objects[0].displayName, QStringLiteral("a\\u0000b"));
}

void TestExportReader::linksAreNotFollowed()
{
    QTemporaryDir root;
    QTemporaryDir outside;
    const QString good = testsupport::testDataPath(QStringLiteral(
        "oib/windows-v3.7/UpdatePolicies/Win - OIB - WUfB - Ring 1 - Pilot - v3.0.json"));
    QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("UpdatePolicies"))));
    QVERIFY(QFile::link(good, root.filePath(QStringLiteral("UpdatePolicies/link.json"))));
    QVERIFY(QFile::link(outside.path(), root.filePath(QStringLiteral("CompliancePolicies"))));

    const ExportScan scan = ExportReader(PolicyTypeRegistry::builtIn()).scan(root.path());
    QVERIFY(scan.objects.empty());
    QCOMPARE(scan.fileErrors.size(), std::size_t(1));
    QCOMPARE(scan.fileErrors[0].file, QStringLiteral("UpdatePolicies/link.json"));
    QCOMPARE(scan.fileErrors[0].message,
             QStringLiteral("is a symbolic link; links are not followed"));
    QCOMPARE(scan.folderFailures.size(), std::size_t(1));
    QCOMPARE(scan.folderFailures[0].folder, QStringLiteral("CompliancePolicies"));
}

QTEST_GUILESS_MAIN(TestExportReader)
#include "tst_exportreader.moc"
