// SPDX-License-Identifier: GPL-3.0-or-later
#include "canonicaljson.h"

#include <QTest>

using driftdesk::canonicalJson;
using driftdesk::canonicalNumber;

class TestCanonicalJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbers_data();
    void numbers();
    void integersBeyondDoublePrecision();
    void rejectsNonFiniteNumbers();
    void escapesStringsMinimally();
    void sortsMembersByUtf16CodeUnits();
    void dropsInsignificantWhiteSpace();
};

void TestCanonicalJson::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    // Values from RFC 8785 appendix B and ECMAScript's Number::toString rules.
    QTest::newRow("zero") << 0.0 << "0";
    QTest::newRow("minus zero") << -0.0 << "0";
    QTest::newRow("integer") << 5.0 << "5";
    QTest::newRow("trailing zero") << 4.50 << "4.5";
    QTest::newRow("small fraction") << 2e-3 << "0.002";
    QTest::newRow("six decimals") << 0.000001 << "0.000001";
    QTest::newRow("seven decimals") << 1e-7 << "1e-7";
    QTest::newRow("1e21") << 1e21 << "1e+21";
    QTest::newRow("1e20") << 1e20 << "100000000000000000000";
    QTest::newRow("1e30") << 1e30 << "1e+30";
    QTest::newRow("shortest digits") << 333333333.33333329 << "333333333.3333333";
    QTest::newRow("negative") << -1.5 << "-1.5";
    QTest::newRow("max double") << 1.7976931348623157e308 << "1.7976931348623157e+308";
    QTest::newRow("min subnormal") << 5e-324 << "5e-324";
    QTest::newRow("2^53") << 9007199254740992.0 << "9007199254740992";
}

void TestCanonicalJson::numbers()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(canonicalNumber(value)), expected);
}

void TestCanonicalJson::integersBeyondDoublePrecision()
{
    // JCS numbers are IEEE doubles: 2^53 + 1 becomes the nearest double.
    const auto value = nlohmann::json::parse("9007199254740993");
    QCOMPARE(QString::fromStdString(canonicalJson(value)), QStringLiteral("9007199254740992"));
    QCOMPARE(QString::fromStdString(canonicalJson(nlohmann::json::parse("-42"))),
             QStringLiteral("-42"));
}

void TestCanonicalJson::rejectsNonFiniteNumbers()
{
    QVERIFY_THROWS_EXCEPTION(std::domain_error,
                             canonicalNumber(std::numeric_limits<double>::infinity()));
    QVERIFY_THROWS_EXCEPTION(std::domain_error,
                             canonicalNumber(std::numeric_limits<double>::quiet_NaN()));
}

void TestCanonicalJson::escapesStringsMinimally()
{
    // RFC 8785 section 3.2.2.2 example.
    const auto value
        = nlohmann::json::parse(R"(["\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/"])");
    QCOMPARE(QString::fromStdString(canonicalJson(value)),
             QString::fromUtf8(R"(["€$\u000f\nA'B\"\\\\\"/"])"));

    const auto controls = nlohmann::json::parse(R"(["\b\f\t\r\u0001\u001f\u007f"])");
    QCOMPARE(QString::fromStdString(canonicalJson(controls)),
             QString::fromUtf8("[\"\\b\\f\\t\\r\\u0001\\u001f\x7f\"]"));
}

void TestCanonicalJson::sortsMembersByUtf16CodeUnits()
{
    // RFC 8785 section 3.2.3 example: UTF-16 order puts U+1F600 (a surrogate pair) before
    // U+FB33, unlike code point or UTF-8 byte order.
    const auto value = nlohmann::json::parse(R"({
        "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis"})");
    const QString expected = QString::fromUtf8(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xc2\x80\":\"Control\","
        "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\",\"\xe2\x82\xac\":\"Euro Sign\","
        "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
        "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}");
    QCOMPARE(QString::fromStdString(canonicalJson(value)), expected);
}

void TestCanonicalJson::dropsInsignificantWhiteSpace()
{
    const auto value = nlohmann::json::parse(
        "{ \"b\" : [ 1 , 2.0 , { \"d\" : true , \"c\" : null } ] , \"a\" : \"x y\" }");
    QCOMPARE(QString::fromStdString(canonicalJson(value)),
             QStringLiteral(R"({"a":"x y","b":[1,2,{"c":null,"d":true}]})"));
}

QTEST_APPLESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
