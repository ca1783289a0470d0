// SPDX-License-Identifier: GPL-3.0-or-later
#include "metacontract.h"
#include "propertydiff.h"
#include "scratchdatabase.h"

#include <QTest>

using namespace driftdesk;

class TestPropertyDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differences_data();
    void differences();
    void longValuesAreKeptWhole();
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

QTEST_APPLESS_MAIN(TestPropertyDiff)
#include "tst_propertydiff.moc"
