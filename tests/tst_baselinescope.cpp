// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinescope.h"

#include <QTest>

using namespace driftdesk;

class TestBaselineScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyPolicyTypesMeanEveryPolicyType();
    void emptyFoundationTypesMeanNone();
    void namedTypesAreKeptInRegistryOrder();
    void invalidScopes_data();
    void invalidScopes();
    void roundTripsThroughJson();
};

namespace {

const PolicyTypeRegistry& registry()
{
    return PolicyTypeRegistry::builtIn();
}

std::optional<BaselineScope> parse(const char* text, QString* error)
{
    return BaselineScope::fromJson(nlohmann::json::parse(text), registry(), error);
}

} // namespace

void TestBaselineScope::emptyPolicyTypesMeanEveryPolicyType()
{
    QString error;
    const auto scope = parse(R"({"policy_types": [], "foundation_types": []})", &error);
    QVERIFY2(scope, qPrintable(error));
    QCOMPARE(scope->effectiveTypes(registry()), registry().keys(PolicyTypeKind::Policy));
    QVERIFY(!scope->effectiveTypes(registry()).contains(QStringLiteral("securityBaselines")));

    // Absent members mean the same as empty ones.
    const auto absent = parse("{}", &error);
    QVERIFY(absent);
    QCOMPARE(absent->effectiveTypes(registry()), scope->effectiveTypes(registry()));
}

void TestBaselineScope::emptyFoundationTypesMeanNone()
{
    QString error;
    const auto scope = parse(R"({"policy_types": ["compliancePolicies"],
                                 "foundation_types": ["securityBaselines"]})",
                             &error);
    QVERIFY2(scope, qPrintable(error));
    QCOMPARE(scope->effectiveTypes(registry()),
             (QStringList{"compliancePolicies", "securityBaselines"}));
}

void TestBaselineScope::namedTypesAreKeptInRegistryOrder()
{
    QString error;
    const auto scope = BaselineScope::fromLists(
        {"windowsUpdateRings", "deviceConfigurations", "windowsUpdateRings"}, {}, registry(),
        &error);
    QVERIFY(scope);
    QCOMPARE(scope->policyTypes(), (QStringList{"windowsUpdateRings", "deviceConfigurations"}));
    QCOMPARE(scope->effectiveTypes(registry()),
             (QStringList{"deviceConfigurations", "windowsUpdateRings"}));
}

void TestBaselineScope::invalidScopes_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("errorNames");
    QTest::newRow("unknown member") << R"({"policy_types": [], "policyTypes": []})"
                                    << "unknown key \"policyTypes\"";
    QTest::newRow("unknown policy type") << R"({"policy_types": ["wifiProfiles"]})"
                                         << "unknown type \"wifiProfiles\"";
    QTest::newRow("foundation among policies") << R"({"policy_types": ["securityBaselines"]})"
                                               << "\"securityBaselines\" is a foundation type";
    QTest::newRow("policy among foundations") << R"({"foundation_types": ["compliancePolicies"]})"
                                              << "\"compliancePolicies\" is a policy type";
    QTest::newRow("not a list") << R"({"policy_types": "compliancePolicies"})"
                                << "policy_types must be a list";
    QTest::newRow("not an object") << R"(["compliancePolicies"])"
                                   << "must be a JSON object";
}

void TestBaselineScope::invalidScopes()
{
    QFETCH(QString, scope);
    QFETCH(QString, errorNames);
    QString error;
    QVERIFY(!parse(scope.toUtf8().constData(), &error));
    QVERIFY2(error.contains(errorNames), qPrintable(error));
}

void TestBaselineScope::roundTripsThroughJson()
{
    const BaselineScope scope({"compliancePolicies"}, {"securityBaselines"});
    QCOMPARE(QString::fromStdString(scope.toJson().dump()),
             QStringLiteral(R"({"foundation_types":["securityBaselines"],)"
                            R"("policy_types":["compliancePolicies"]})"));
    QString error;
    const auto back = BaselineScope::fromJson(scope.toJson(), registry(), &error);
    QVERIFY(back);
    QCOMPARE(back->policyTypes(), scope.policyTypes());
    QCOMPARE(back->foundationTypes(), scope.foundationTypes());
}

QTEST_APPLESS_MAIN(TestBaselineScope)
#include "tst_baselinescope.moc"
