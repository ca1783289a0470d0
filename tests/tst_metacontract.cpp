// SPDX-License-Identifier: GPL-3.0-or-later
#include "canonicaljson.h"
#include "metacontract.h"
#include "scratchdatabase.h"
#include "textdecoding.h"

#include <QFile>
#include <QTest>

using namespace driftdesk;

class TestMetaContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v1DropsServerAndPresentationMembers();
    void v1DropsIdsAndAnnotationsAtEveryDepth();
    void v1SortsSettingsByDefinitionId();
    void v1HashesRealExports_data();
    void v1HashesRealExports();
    void documentedWorkedExample();
    void unknownVersionIsRefused();
};

namespace {

nlohmann::json readExport(const QString& relative)
{
    QFile file(testsupport::testDataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return nlohmann::json::parse(decodeExportText(file.readAll()).utf8);
}

} // namespace

void TestMetaContract::v1DropsServerAndPresentationMembers()
{
    const auto object = nlohmann::json::parse(R"({
        "id": "x", "createdDateTime": "a", "lastModifiedDateTime": "b", "version": 3,
        "settingCount": 2, "displayName": "n", "name": "n", "description": "d",
        "roleScopeTagIds": ["0"], "assignments": [{"target": {}}],
        "kept": {"displayName": "nested names stay", "version": 7}})");
    const auto payload = MetaContractBuilder::payload(object, 1);
    QCOMPARE(QString::fromStdString(payload.dump()),
             QStringLiteral(R"({"kept":{"displayName":"nested names stay","version":7}})"));
}

void TestMetaContract::v1DropsIdsAndAnnotationsAtEveryDepth()
{
    const auto object = nlohmann::json::parse(R"({
        "@odata.type": "#microsoft.graph.x", "approvalType@odata.type": "#t",
        "#microsoft.graph.assign": {"title": "a"},
        "list": [{"id": "0", "value@odata.type": "#s", "value": 1, "#action": 2,
                  "inner": {"id": "1", "keep": false}}]})");
    const auto payload = MetaContractBuilder::payload(object, 1);
    QCOMPARE(QString::fromStdString(payload.dump()),
             QStringLiteral(R"({"list":[{"inner":{"keep":false},"value":1}]})"));
}

void TestMetaContract::v1SortsSettingsByDefinitionId()
{
    const auto object = nlohmann::json::parse(R"({"settings": [
        {"id": "0", "settingInstance": {"settingDefinitionId": "b", "v": 1}},
        {"id": "1", "settingInstance": {"settingDefinitionId": "a", "v": 2}},
        {"id": "2", "settingInstance": {"settingDefinitionId": "c", "v": 3}}]})");
    const MetaContract contract = MetaContractBuilder::build(object, 1);
    QCOMPARE(QString::fromStdString(contract.canonicalText),
             QStringLiteral(R"({"settings":[{"settingInstance":{"settingDefinitionId":"a","v":2}},)"
                            R"({"settingInstance":{"settingDefinitionId":"b","v":1}},)"
                            R"({"settingInstance":{"settingDefinitionId":"c","v":3}}]})"));

    // The same settings in another order hash the same.
    auto reordered = object;
    std::swap(reordered["settings"][0], reordered["settings"][2]);
    QCOMPARE(MetaContractBuilder::build(reordered, 1).hash, contract.hash);
}

void TestMetaContract::v1HashesRealExports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("hash");
    // Expected hashes computed independently (Python: the documented v1 rules, json.dumps with
    // sorted keys and compact separators, hashlib.sha256), equal to JCS for these inputs.
    QTest::newRow("driver profile")
        << "oib/windows-v3.7/DriverUpdateProfiles/Win - OIB - WUfB Drivers - Ring 1 - Pilot - "
           "v3.0.json"
        << "72db462cc535044598966d7e7dc1795b35a4b8ee0cfd4ec994cfcbca951cc5fb";
    QTest::newRow("settings catalog")
        << "oib/windows-v3.7/SettingsCatalog/Win - OIB - ES - Attack Surface Reduction - D - ASR "
           "Rules (L2) - v3.7.json"
        << "babca1272492552ed5689d9e0c704f4031fc448db4e83d4262b58c65850b60fb";
    QTest::newRow("compliance")
        << "oib/windows-v3.7/CompliancePolicies/Win - OIB - Compliance - U - Password - v3.1.json"
        << "8f614ff1e9885be09ff5eec8db14c0ec6613f66859df2fd9688d3be27970a518";
}

void TestMetaContract::v1HashesRealExports()
{
    QFETCH(QString, file);
    QFETCH(QString, hash);
    QCOMPARE(QString::fromStdString(MetaContractBuilder::build(readExport(file), 1).hash), hash);
}

void TestMetaContract::documentedWorkedExample()
{
    // docs/meta-contract-v1.md walks through this file; keep both in step.
    const auto object = readExport(QStringLiteral(
        "oib/windows-v3.7/DriverUpdateProfiles/Win - OIB - WUfB Drivers - Ring 1 - Pilot - "
        "v3.0.json"));
    const MetaContract contract = MetaContractBuilder::build(object, 1);
    QCOMPARE(
        QString::fromStdString(contract.canonicalText),
        QStringLiteral(R"({"approvalType":"automatic","deploymentDeferralInDays":0,)"
                       R"("deviceReporting":null,"inventorySyncStatus":null,"newUpdates":0})"));
    QCOMPARE(QString::fromStdString(contract.hash),
             QStringLiteral("72db462cc535044598966d7e7dc1795b35a4b8ee0cfd4ec994cfcbca951cc5fb"));
}

void TestMetaContract::unknownVersionIsRefused()
{
    QVERIFY(MetaContractBuilder::isSupported(1));
    QVERIFY(!MetaContractBuilder::isSupported(0));
    QVERIFY(!MetaContractBuilder::isSupported(MetaContractBuilder::latestVersion + 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             MetaContractBuilder::payload(nlohmann::json::object(), 99));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             MetaContractBuilder::payload(nlohmann::json::array(), 1));
}

QTEST_APPLESS_MAIN(TestMetaContract)
#include "tst_metacontract.moc"
