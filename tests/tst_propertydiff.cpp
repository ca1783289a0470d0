// SPDX-License-Identifier: GPL-3.0-or-later
#include "metacontract.h"
#include "propertydiff.h"
#include "scratchdatabase.h"
#include "settingdefinitions.h"

#include <QTest>

using namespace driftdesk;

class TestPropertyDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differences_data();
    void differences();
    void longValuesAreKeptWhole();
    void settingsAreNamed();
};

namespace {

/// The differences as "path change" lines, for comparing.
QStringList describe(const std::vector<PropertyDifference>& differences)
{
    QStringList lines;
    for (const auto& entry : differencesToJson(differences)) {
        QString line = QString::fromStdString(entry["path"]) + QLatin1Char(' ')
            + QString::fromStdString(entry["change"]);
        if (entry.contains("baseline"))
            line += QLatin1Char(' ') + QString::fromStdString(entry["baseline"].dump());
        if (entry.contains("current"))
            line += QStringLiteral(" -> ") + QString::fromStdString(entry["current"].dump());
        lines.append(line);
    }
    return lines;
}

} // namespace

void TestPropertyDiff::differences_data()
{
    QTest::addColumn<QString>("baseline");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("falsy values are values")
        << R"({"a": true, "b": 0})"
        << R"({"a": false, "b": 5})" << QStringList{"a changed true -> false", "b changed 0 -> 5"};
    QTest::newRow("one insertion in the middle")
        << R"({"list": ["a", "b", "c", "d"]})"
        << R"({"list": ["a", "b", "x", "c", "d"]})" << QStringList{R"(list[2] added -> "x")"};
    QTest::newRow("one removal at the start")
        << R"({"list": ["a", "b", "c"]})"
        << R"({"list": ["b", "c"]})" << QStringList{R"(list[0] removed "a")"};
    QTest::newRow("duplicate against distinct")
        << R"({"list": ["A", "A"]})"
        << R"({"list": ["A", "B"]})" << QStringList{R"(list[1] changed "A" -> "B")"};
    QTest::newRow("one setting among several, by key")
        << R"({"settings": [
               {"settingInstance": {"settingDefinitionId": "s1", "choiceSettingValue": {"value": "s1_0"}}},
               {"settingInstance": {"settingDefinitionId": "s2", "choiceSettingValue": {"value": "s2_0"}}},
               {"settingInstance": {"settingDefinitionId": "s3", "choiceSettingValue": {"value": "s3_0"}}}]})"
        << R"({"settings": [
               {"settingInstance": {"settingDefinitionId": "s1", "choiceSettingValue": {"value": "s1_0"}}},
               {"settingInstance": {"settingDefinitionId": "s2", "choiceSettingValue": {"value": "s2_1"}}},
               {"settingInstance": {"settingDefinitionId": "s3", "choiceSettingValue": {"value": "s3_0"}}}]})"
        << QStringList{
               R"(settings[s2].settingInstance.choiceSettingValue.value changed "s2_0" -> "s2_1")"};
    QTest::newRow("inside a group collection element, member by member")
        << R"({"g": {"groupSettingCollectionValue": [{"children": [
               {"settingDefinitionId": "c1", "v": 1}, {"settingDefinitionId": "c2", "v": 2}]}]}})"
        << R"({"g": {"groupSettingCollectionValue": [{"children": [
               {"settingDefinitionId": "c1", "v": 1}, {"settingDefinitionId": "c2", "v": 3}]}]}})"
        << QStringList{"g.groupSettingCollectionValue[0].children[c2].v changed 2 -> 3"};
    QTest::newRow("an assignment retargeted is shown whole")
        << R"({"assignments": [{"target_kind": "groupAssignmentTarget", "group_id": "g1"}]})"
        << R"({"assignments": [{"target_kind": "allDevicesAssignmentTarget"}]})"
        << QStringList{
               R"(assignments[0] changed {"group_id":"g1","target_kind":)"
               R"("groupAssignmentTarget"} -> {"target_kind":"allDevicesAssignmentTarget"})"};
    QTest::newRow("an assignment added")
        << R"({"assignments": [{"target_kind": "groupAssignmentTarget", "group_id": "g1"}]})"
        << R"({"assignments": [{"target_kind": "groupAssignmentTarget", "group_id": "g1"},
                               {"target_kind": "groupAssignmentTarget", "group_id": "g2"}]})"
        << QStringList{R"(assignments[1] added -> {"group_id":"g2","target_kind":)"
                       R"("groupAssignmentTarget"})"};
}

void TestPropertyDiff::differences()
{
    QFETCH(QString, baseline);
    QFETCH(QString, current);
    QFETCH(QStringList, expected);
    const auto a = nlohmann::json::parse(baseline.toStdString());
    const auto b = nlohmann::json::parse(current.toStdString());
    QCOMPARE(describe(diffProperties(a, b)), expected);
}

void TestPropertyDiff::longValuesAreKeptWhole()
{
    const std::string longValue(5000, 'x');
    const nlohmann::json a{{"script", longValue}};
    const nlohmann::json b{{"script", longValue + "y"}};
    const auto json = differencesToJson(diffProperties(a, b));
    QCOMPARE(json.size(), std::size_t(1));
    QCOMPARE(json[0]["current"].get<std::string>().size(), std::size_t(5001));
}

void TestPropertyDiff::settingsAreNamed()
{
    const auto differences
        = nlohmann::json::parse(R"([
        {"path": ")"
                                R"(settings[asr].settingInstance.groupSettingCollectionValue[0])"
                                R"(.children[asr_usb].choiceSettingValue.value",
         "change": "changed", "baseline": "asr_usb_block", "current": "asr_usb_audit"},
        {"path": "settings[unknown].settingInstance.simpleSettingValue.value",
         "change": "changed", "baseline": 1, "current": 2},
        {"path": "settings[asr_new]", "change": "added",
         "current": {"settingInstance": {"settingDefinitionId": "asr_new",
                                         "choiceSettingValue": {"value": "asr_new_1"}}}},
        {"path": "passwordRequired", "change": "changed", "baseline": true, "current": false}
    ])");
    SettingDefinitionCatalog catalog;
    catalog.insert(QStringLiteral("asr_usb"), QStringLiteral("Block untrusted USB processes"),
                   {{QStringLiteral("asr_usb_block"), QStringLiteral("Block")},
                    {QStringLiteral("asr_usb_audit"), QStringLiteral("Audit")}});
    catalog.insert(QStringLiteral("asr_new"), QStringLiteral("New rule"),
                   {{QStringLiteral("asr_new_1"), QStringLiteral("On")}});

    auto named = differences;
    nameSettingsInDifferences(named, catalog);
    QCOMPARE(testsupport::js(named[0]["setting_definition_id"]), QStringLiteral("asr_usb"));
    QCOMPARE(testsupport::js(named[0]["setting_name"]),
             QStringLiteral("Block untrusted USB processes"));
    QCOMPARE(testsupport::js(named[0]["baseline_option"]), QStringLiteral("Block"));
    QCOMPARE(testsupport::js(named[0]["current_option"]), QStringLiteral("Audit"));

    // Unknown to the catalog: the id alone.
    QCOMPARE(testsupport::js(named[1]["setting_definition_id"]), QStringLiteral("unknown"));
    QVERIFY(!named[1].contains("setting_name"));
    QVERIFY(!named[1].contains("baseline_option"));

    // A whole setting added: its chosen option is read from inside it.
    QCOMPARE(testsupport::js(named[2]["setting_name"]), QStringLiteral("New rule"));
    QCOMPARE(testsupport::js(named[2]["current_option"]), QStringLiteral("On"));
    QVERIFY(!named[2].contains("baseline_option"));

    // Not a settings-catalog setting: left as it was.
    QCOMPARE(testsupport::js(named[3]), testsupport::js(differences[3]));
}

QTEST_APPLESS_MAIN(TestPropertyDiff)
#include "tst_propertydiff.moc"
