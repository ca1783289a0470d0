// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingidentity.h"
#include "records.h"

#include <QTest>

using namespace driftdesk;

class TestFindingIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recurrenceKeyHashesTheDocumentedText();
    void recurrenceKeyChangesWithEachInput();
    void scopeKeyNamesTheProfile();
    void defaultSeverities();
};

void TestFindingIdentity::recurrenceKeyHashesTheDocumentedText()
{
    // Expected value computed independently: SHA-256 of
    // "2|1|settingsCatalogPolicies|06f1e3a4-3a3d-4da3-92d2-33e7f102a587|missing_policy".
    QCOMPARE(findingRecurrenceKey(2, 1, QStringLiteral("settingsCatalogPolicies"),
                                  QStringLiteral("06f1e3a4-3a3d-4da3-92d2-33e7f102a587"),
                                  ChangeType::missingPolicy),
             QStringLiteral("f180a2ae689d24c3686cfc849f7d2c15a7459e0932da3f05cd93840f17df64d6"));
}

void TestFindingIdentity::recurrenceKeyChangesWithEachInput()
{
    const QString base = findingRecurrenceKey(1, 2, QStringLiteral("t"), QStringLiteral("s"),
                                              ChangeType::missingPolicy);
    QVERIFY(base
            != findingRecurrenceKey(9, 2, QStringLiteral("t"), QStringLiteral("s"),
                                    ChangeType::missingPolicy));
    QVERIFY(base
            != findingRecurrenceKey(1, 9, QStringLiteral("t"), QStringLiteral("s"),
                                    ChangeType::missingPolicy));
    QVERIFY(base
            != findingRecurrenceKey(1, 2, QStringLiteral("u"), QStringLiteral("s"),
                                    ChangeType::missingPolicy));
    QVERIFY(base
            != findingRecurrenceKey(1, 2, QStringLiteral("t"), QStringLiteral("x"),
                                    ChangeType::missingPolicy));
    QVERIFY(base
            != findingRecurrenceKey(1, 2, QStringLiteral("t"), QStringLiteral("s"),
                                    ChangeType::unexpectedPolicy));
    // A subject id holding placeholders or separators is hashed literally.
    QCOMPARE(findingRecurrenceKey(1, 2, QStringLiteral("t"), QStringLiteral("%1|x"),
                                  ChangeType::missingPolicy)
                 .size(),
             64);
}

void TestFindingIdentity::scopeKeyNamesTheProfile()
{
    QCOMPARE(findingScopeKey(42), QStringLiteral("baseline_profile:42"));
}

void TestFindingIdentity::defaultSeverities()
{
    QCOMPARE(defaultSeverity(ChangeType::missingPolicy), QStringLiteral("high"));
    QCOMPARE(defaultSeverity(ChangeType::differentVersion), QStringLiteral("medium"));
    QCOMPARE(defaultSeverity(ChangeType::unexpectedPolicy), QStringLiteral("low"));
}

QTEST_APPLESS_MAIN(TestFindingIdentity)
#include "tst_findingidentity.moc"
