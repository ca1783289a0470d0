// SPDX-License-Identifier: GPL-3.0-or-later
#include "policytyperegistry.h"
#include "records.h"

#include <QTest>

using namespace driftdesk;

class TestPolicyTypeRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheRequiredTypes();
    void classify_data();
    void classify();
    void collectionFromContext_data();
    void collectionFromContext();
    void foldersDecideWhatTheyCanHold();
    void severityByPolicyAndChangeType();
    void rejectsMalformedRegistry();
};

void TestPolicyTypeRegistry::listsTheRequiredTypes()
{
    const auto& registry = PolicyTypeRegistry::builtIn();
    QCOMPARE(registry.keys(PolicyTypeKind::Policy),
             (QStringList{"deviceConfigurations", "compliancePolicies", "settingsCatalogPolicies",
                          "endpointSecurityPolicies", "windowsUpdateRings",
                          "windowsDriverUpdateProfiles", "windowsFeatureUpdateProfiles",
                          "appProtectionPolicies"}));
    QCOMPARE(registry.keys(PolicyTypeKind::Foundation), QStringList{"securityBaselines"});
    QCOMPARE(registry.find(QStringLiteral("windowsUpdateRings"))->label,
             QStringLiteral("Windows Update rings"));
}

void TestPolicyTypeRegistry::classify_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("listCollection");
    QTest::addColumn<QString>("expectedType");
    QTest::addColumn<QString>("expectedSubject");

    const QString context
        = QStringLiteral("https://graph.microsoft.com/beta/$metadata#deviceManagement/%1"
                         "(assignments())/$entity");
    QTest::newRow("compliance by collection")
        << QStringLiteral(R"({"@odata.type":"#microsoft.graph.windows10CompliancePolicy",
                             "@odata.context":"%1"})")
               .arg(context.arg(QStringLiteral("deviceCompliancePolicies")))
        << QString() << "compliancePolicies"
        << "windows10CompliancePolicy";
    QTest::newRow("update ring: exact type beats its collection")
        << QStringLiteral(
               R"({"@odata.type":"#microsoft.graph.windowsUpdateForBusinessConfiguration",
                             "@odata.context":"%1"})")
               .arg(context.arg(QStringLiteral("deviceConfigurations")))
        << QString() << "windowsUpdateRings"
        << "windowsUpdateForBusinessConfiguration";
    QTest::newRow("unknown subtype of a known collection")
        << QStringLiteral(R"({"@odata.type":"#microsoft.graph.windowsHealthMonitoringConfiguration",
                             "@odata.context":"%1"})")
               .arg(context.arg(QStringLiteral("deviceConfigurations")))
        << QString() << "deviceConfigurations"
        << "windowsHealthMonitoringConfiguration";
    QTest::newRow("template family beats the settings catalog type")
        << QStringLiteral(R"({"@odata.type":"#microsoft.graph.deviceManagementConfigurationPolicy",
                             "templateReference":{"templateFamily":"endpointSecurityFirewall"}})")
        << QString() << "endpointSecurityPolicies"
        << "deviceManagementConfigurationPolicy";
    QTest::newRow("family none is a plain settings catalog policy")
        << QStringLiteral(R"({"@odata.type":"#microsoft.graph.deviceManagementConfigurationPolicy",
                             "templateReference":{"templateFamily":"none"}})")
        << QString() << "settingsCatalogPolicies"
        << "deviceManagementConfigurationPolicy";
    QTest::newRow("baseline family is a foundation")
        << QStringLiteral(R"({"templateReference":{"templateFamily":"baseline"}})") << QString()
        << "securityBaselines"
        << "";
    QTest::newRow("list element takes the list's collection")
        << QStringLiteral(R"({"id":"x","name":"n"})") << "deviceManagement/configurationPolicies"
        << "settingsCatalogPolicies"
        << "configurationPolicies";
    QTest::newRow("driver profile")
        << QStringLiteral(R"({"@odata.type":"#microsoft.graph.windowsDriverUpdateProfile"})")
        << QString() << "windowsDriverUpdateProfiles"
        << "windowsDriverUpdateProfile";
    QTest::newRow("unknown type") << QStringLiteral(R"({"@odata.type":"#microsoft.graph.user"})")
                                  << QString() << ""
                                  << "";
    QTest::newRow("nothing to go by") << QStringLiteral(R"({"id":"x"})") << QString() << ""
                                      << "";
}

void TestPolicyTypeRegistry::classify()
{
    QFETCH(QString, object);
    QFETCH(QString, listCollection);
    QFETCH(QString, expectedType);
    QFETCH(QString, expectedSubject);

    const auto json = nlohmann::json::parse(object.toStdString());
    const Classification result = PolicyTypeRegistry::builtIn().classify(json, listCollection);
    QCOMPARE(result.policyType, expectedType);
    if (expectedType.isEmpty()) {
        QVERIFY(!result.error.isEmpty());
        if (json.contains("@odata.type"))
            QVERIFY2(result.error.contains(QLatin1String("#microsoft.graph.user")),
                     qPrintable(result.error));
        return;
    }
    QVERIFY(result.error.isEmpty());
    if (!expectedSubject.isEmpty())
        QCOMPARE(result.subjectType, expectedSubject);
}

void TestPolicyTypeRegistry::collectionFromContext_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("collection");
    QTest::newRow("entity with expand")
        << "https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies"
           "(assignments(),settings())/$entity"
        << "deviceManagement/configurationPolicies";
    QTest::newRow("list") << "https://graph.microsoft.com/beta/$metadata#deviceManagement/intents"
                          << "deviceManagement/intents";
    QTest::newRow("nested parentheses")
        << "$metadata#deviceManagement/deviceCompliancePolicies(scheduledActionsForRule("
           "scheduledActionConfigurations()))/$entity"
        << "deviceManagement/deviceCompliancePolicies";
    QTest::newRow("no fragment") << "https://graph.microsoft.com/beta/$metadata"
                                 << "";
}

void TestPolicyTypeRegistry::collectionFromContext()
{
    QFETCH(QString, context);
    QFETCH(QString, collection);
    QCOMPARE(PolicyTypeRegistry::collectionFromContext(context), collection);
}

void TestPolicyTypeRegistry::foldersDecideWhatTheyCanHold()
{
    const auto& registry = PolicyTypeRegistry::builtIn();
    QCOMPARE(
        registry.typesForFolder(QStringLiteral("SettingsCatalog")),
        (QStringList{"settingsCatalogPolicies", "endpointSecurityPolicies", "securityBaselines"}));
    QCOMPARE(registry.typesForFolder(QStringLiteral("UpdatePolicies")),
             QStringList{"windowsUpdateRings"});
    QVERIFY(registry.typesForFolder(QStringLiteral("Scripts")).isEmpty());
}

void TestPolicyTypeRegistry::severityByPolicyAndChangeType()
{
    const auto& registry = PolicyTypeRegistry::builtIn();
    QCOMPARE(registry.severity(QStringLiteral("compliancePolicies"), ChangeType::missingPolicy),
             QStringLiteral("high"));
    QCOMPARE(
        registry.severity(QStringLiteral("endpointSecurityPolicies"), ChangeType::missingPolicy),
        QStringLiteral("high"));
    QCOMPARE(registry.severity(QStringLiteral("windowsUpdateRings"), ChangeType::unexpectedPolicy),
             QStringLiteral("medium"));
    QCOMPARE(
        registry.severity(QStringLiteral("deviceConfigurations"), ChangeType::unexpectedPolicy),
        QStringLiteral("low"));

    // Change types a policy type does not list, and unknown types, fall back to the default.
    QCOMPARE(registry.severity(QStringLiteral("compliancePolicies"), ChangeType::ambiguousMatch),
             QStringLiteral("medium"));
    QCOMPARE(registry.severity(QStringLiteral("noSuchType"), ChangeType::missingPolicy),
             QStringLiteral("high"));

    const auto badLevel = nlohmann::json::parse(
        R"({"policy_types":[{"key":"a","severity":{"missing_policy":"urgent"}}],
            "foundation_types":[]})");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, PolicyTypeRegistry::fromJson(badLevel));
}

void TestPolicyTypeRegistry::rejectsMalformedRegistry()
{
    const auto duplicate = nlohmann::json::parse(
        R"({"policy_types":[{"key":"a"},{"key":"a"}],"foundation_types":[]})");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, PolicyTypeRegistry::fromJson(duplicate));
    const auto missing = nlohmann::json::parse(R"({"policy_types":[]})");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, PolicyTypeRegistry::fromJson(missing));
}

QTEST_APPLESS_MAIN(TestPolicyTypeRegistry)
#include "tst_policytyperegistry.moc"
