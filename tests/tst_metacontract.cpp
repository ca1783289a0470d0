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
    void v2HashesRealExports_data();
    void v2HashesRealExports();
    void v2RemovesNoise_data();
    void v2RemovesNoise();
    void v2KeepsRealChanges_data();
    void v2KeepsRealChanges();
    void v2HashesAssignmentsAsASet();
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

void TestMetaContract::v2HashesRealExports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("hash");
    // Expected hashes computed independently from the documented version 2 rules (Python,
    // docs/meta-contract-v2.md).
    QTest::newRow("driver profile")
        << "oib/windows-v3.7/DriverUpdateProfiles/Win - OIB - WUfB Drivers - Ring 1 - Pilot - "
           "v3.0.json"
        << "15f2f91ba536655569daf94916283fcdbbad39828c65faa59ff22de11c3b8047";
    QTest::newRow("settings catalog")
        << "oib/windows-v3.7/SettingsCatalog/Win - OIB - ES - Attack Surface Reduction - D - ASR "
           "Rules (L2) - v3.7.json"
        << "9fa7faa6580138ccf4dac8fdc4f3300b70192963db2be25a979c68983a993247";
    QTest::newRow("compliance")
        << "oib/windows-v3.7/CompliancePolicies/Win - OIB - Compliance - U - Password - v3.1.json"
        << "d736ae73c3541e033a44f841ea15062f256f023ce233d9907eb2db55b6b360a3";
}

void TestMetaContract::v2HashesRealExports()
{
    QFETCH(QString, file);
    QFETCH(QString, hash);
    QCOMPARE(QString::fromStdString(MetaContractBuilder::build(readExport(file), 2).hash), hash);

    // The driver profile's fleet statistics are gone; its configuration stays.
    if (file.contains(QLatin1String("Drivers")))
        QCOMPARE(
            QString::fromStdString(MetaContractBuilder::build(readExport(file), 2).canonicalText),
            QStringLiteral(R"({"approvalType":"automatic","deploymentDeferralInDays":0})"));
}

void TestMetaContract::v2RemovesNoise_data()
{
    QTest::addColumn<QString>("baseline");
    QTest::addColumn<QString>("current");
    QTest::newRow("nested key order") << R"({"a": {"x": 1, "y": [1, {"p": true, "q": false}]}})"
                                      << R"({"a": {"y": [1, {"q": false, "p": true}], "x": 1}})";
    QTest::newRow("settings reordered and renumbered")
        << R"({"settings": [{"id": "0", "settingInstance": {"settingDefinitionId": "a", "v": 1}},
                            {"id": "1", "settingInstance": {"settingDefinitionId": "b", "v": 2}}]})"
        << R"({"settings": [{"id": "0", "settingInstance": {"settingDefinitionId": "b", "v": 2}},
                            {"id": "1", "settingInstance": {"settingDefinitionId": "a", "v": 1}}]})";
    QTest::newRow("group children reordered")
        << R"({"settings": [{"settingInstance": {"settingDefinitionId": "g",
               "groupSettingCollectionValue": [{"children": [
                 {"settingDefinitionId": "g_a", "choiceSettingValue": {"value": "g_a_1"}},
                 {"settingDefinitionId": "g_b", "choiceSettingValue": {"value": "g_b_0"}}]}]}}]})"
        << R"({"settings": [{"settingInstance": {"settingDefinitionId": "g",
               "groupSettingCollectionValue": [{"children": [
                 {"settingDefinitionId": "g_b", "choiceSettingValue": {"value": "g_b_0"}},
                 {"settingDefinitionId": "g_a", "choiceSettingValue": {"value": "g_a_1"}}]}]}}]})";
    QTest::newRow("keyed compliance actions reordered")
        << R"({"scheduledActionsForRule": [{"ruleName": null, "scheduledActionConfigurations": [
               {"actionType": "block", "gracePeriodHours": 0},
               {"actionType": "notification", "gracePeriodHours": 24}]}]})"
        << R"({"scheduledActionsForRule": [{"ruleName": null, "scheduledActionConfigurations": [
               {"actionType": "notification", "gracePeriodHours": 24},
               {"actionType": "block", "gracePeriodHours": 0}]}]})";
    QTest::newRow("empty list against absent") << R"({"a": 1, "list": []})"
                                               << R"({"a": 1})";
    QTest::newRow("empty list against null") << R"({"a": 1, "list": []})"
                                             << R"({"a": 1, "list": null})";
    QTest::newRow("timestamp precision")
        << R"({"start": "2024-01-01T00:00:00Z", "end": "2024-06-30T12:30:00.5Z"})"
        << R"({"start": "2024-01-01T00:00:00.0000000Z", "end": "2024-06-30T12:30:00.5000000Z"})";
    QTest::newRow("driver profile fleet state")
        << R"({"@odata.type": "#microsoft.graph.windowsDriverUpdateProfile", "approvalType":
               "manual", "inventorySyncStatus": null, "deviceReporting": 12, "newUpdates": 3})"
        << R"({"@odata.type": "#microsoft.graph.windowsDriverUpdateProfile", "approvalType":
               "manual", "inventorySyncStatus": {"driverInventorySyncState": "success",
               "lastSuccessfulSyncDateTime": "2025-01-01T00:00:00Z"}, "deviceReporting": 480,
               "newUpdates": 0})";
    QTest::newRow("assignments reordered") << R"({"assignments": [
               {"id": "1", "target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget",
                "groupId": "g1", "deviceAndAppManagementAssignmentFilterType": "none"}},
               {"id": "2", "target": {"@odata.type":
                "#microsoft.graph.allDevicesAssignmentTarget"}}]})"
                                           << R"({"assignments": [
               {"id": "9", "target": {"@odata.type":
                "#microsoft.graph.allDevicesAssignmentTarget",
                "deviceAndAppManagementAssignmentFilterId": null}},
               {"id": "8", "target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget",
                "groupId": "g1"}}]})";
    QTest::newRow("empty object against absent and null")
        << R"({"a": 1, "o": {}, "p": {"q": null}})"
        << R"({"a": 1, "p": null})";
    QTest::newRow("zero offset written two ways") << R"({"t": "2024-01-01T00:00:00+00:00"})"
                                                  << R"({"t": "2024-01-01T00:00:00.000Z"})";
    QTest::newRow("collection setting values reordered")
        << R"({"settings": [{"settingInstance": {"settingDefinitionId": "rights",
               "simpleSettingCollectionValue": [{"value": "*S-1-5-32-544"},
                                                {"value": "*S-1-5-32-555"}]}}]})"
        << R"({"settings": [{"settingInstance": {"settingDefinitionId": "rights",
               "simpleSettingCollectionValue": [{"value": "*S-1-5-32-555"},
                                                {"value": "*S-1-5-32-544"}]}}]})";
    QTest::newRow("rename and description") << R"({"displayName": "A - v3.6", "a": 1})"
                                            << R"({"displayName": "A - v3.7", "a": 1,
                                                   "description": "new"})";
}

void TestMetaContract::v2RemovesNoise()
{
    QFETCH(QString, baseline);
    QFETCH(QString, current);
    const auto a = MetaContractBuilder::build(nlohmann::json::parse(baseline.toStdString()), 2);
    const auto b = MetaContractBuilder::build(nlohmann::json::parse(current.toStdString()), 2);
    QCOMPARE(QString::fromStdString(b.canonicalText), QString::fromStdString(a.canonicalText));
    QCOMPARE(b.hash, a.hash);
}

void TestMetaContract::v2KeepsRealChanges_data()
{
    QTest::addColumn<QString>("baseline");
    QTest::addColumn<QString>("current");
    QTest::newRow("false is a value") << R"({"a": true})"
                                      << R"({"a": false})";
    QTest::newRow("zero is a value") << R"({"a": 0})"
                                     << R"({"a": 5})";
    QTest::newRow("false against absent") << R"({"a": false})"
                                          << R"({})";
    QTest::newRow("empty text against absent") << R"({"a": ""})"
                                               << R"({})";
    QTest::newRow("ordered list reordered") << R"({"list": ["a", "b"]})"
                                            << R"({"list": ["b", "a"]})";
    QTest::newRow("duplicate against distinct") << R"({"list": ["a", "a"]})"
                                                << R"({"list": ["a", "b"]})";
    QTest::newRow("another instant") << R"({"t": "2024-01-01T00:00:00Z"})"
                                     << R"({"t": "2024-01-01T00:00:01Z"})";
    QTest::newRow("another offset") << R"({"t": "2024-01-01T00:00:00Z"})"
                                    << R"({"t": "2024-01-01T00:00:00+01:00"})";
    QTest::newRow("a nested object's type is its value")
        << R"({"@odata.type": "#microsoft.graph.windows10GeneralConfiguration",
               "edgeHomeButtonConfiguration": {
                   "@odata.type": "#microsoft.graph.edgeHomeButtonHidden"}})"
        << R"({"@odata.type": "#microsoft.graph.windows10GeneralConfiguration",
               "edgeHomeButtonConfiguration": {
                   "@odata.type": "#microsoft.graph.edgeHomeButtonOpensNewTab"}})";
    QTest::newRow("assignment to all devices")
        << R"({"assignments": [{"target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget",
               "groupId": "g1"}}]})"
        << R"({"assignments": [{"target": {"@odata.type":
               "#microsoft.graph.allDevicesAssignmentTarget"}}]})";
    QTest::newRow("assignment filter")
        << R"({"assignments": [{"target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget",
               "groupId": "g1"}}]})"
        << R"({"assignments": [{"target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget",
               "groupId": "g1", "deviceAndAppManagementAssignmentFilterId": "f1",
               "deviceAndAppManagementAssignmentFilterType": "include"}}]})";
}

void TestMetaContract::v2KeepsRealChanges()
{
    QFETCH(QString, baseline);
    QFETCH(QString, current);
    const auto a = MetaContractBuilder::build(nlohmann::json::parse(baseline.toStdString()), 2);
    const auto b = MetaContractBuilder::build(nlohmann::json::parse(current.toStdString()), 2);
    QVERIFY2(a.hash != b.hash, qPrintable(QString::fromStdString(a.canonicalText)));
}

void TestMetaContract::v2HashesAssignmentsAsASet()
{
    const auto object = nlohmann::json::parse(R"({"assignments": [
        {"id": "x", "source": "direct", "target": {"@odata.type":
         "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": "g2",
         "deviceAndAppManagementAssignmentFilterId": "00000000-0000-0000-0000-000000000000",
         "deviceAndAppManagementAssignmentFilterType": "none"}},
        {"id": "y", "target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget",
         "groupId": "g1", "deviceAndAppManagementAssignmentFilterId": "f1",
         "deviceAndAppManagementAssignmentFilterType": "exclude"}}]})");
    const auto payload = MetaContractBuilder::payload(object, 2);
    QCOMPARE(
        QString::fromStdString(canonicalJson(payload)),
        QStringLiteral(R"({"assignments":[{"filter_id":"f1","filter_mode":"exclude",)"
                       R"("group_id":"g1","target_kind":"groupAssignmentTarget"},)"
                       R"({"group_id":"g2","target_kind":"exclusionGroupAssignmentTarget"}]})"));

    // Across tenants the kinds and filter modes remain, since group and filter ids differ there.
    QCOMPARE(QString::fromStdString(canonicalJson(MetaContractBuilder::acrossTenants(payload, 2))),
             QStringLiteral(R"({"assignments":[{"filter_mode":"exclude",)"
                            R"("target_kind":"groupAssignmentTarget"},)"
                            R"({"target_kind":"exclusionGroupAssignmentTarget"}]})"));

    // So do whether a notification template is set and how many groups get a copy.
    const auto notification = MetaContractBuilder::payload(nlohmann::json::parse(R"({
        "scheduledActionsForRule": [{"scheduledActionConfigurations": [
            {"actionType": "notification", "notificationTemplateId": "5f1b-tenant-a",
             "notificationMessageCCList": ["g-a1", "g-a2"]},
            {"actionType": "block", "notificationTemplateId":
             "00000000-0000-0000-0000-000000000000"}]}]})"),
                                                           2);
    QCOMPARE(
        QString::fromStdString(canonicalJson(MetaContractBuilder::acrossTenants(notification, 2))),
        QStringLiteral(R"({"scheduledActionsForRule":[{"scheduledActionConfigurations":[)"
                       R"({"actionType":"block","notificationTemplateId":"none"},)"
                       R"({"actionType":"notification","notificationMessageCCList":2,)"
                       R"("notificationTemplateId":"set"}]}]})"));
    QCOMPARE(QString::fromStdString(canonicalJson(MetaContractBuilder::acrossTenants(payload, 1))),
             QString::fromStdString(canonicalJson(payload)));
}

QTEST_APPLESS_MAIN(TestMetaContract)
#include "tst_metacontract.moc"
