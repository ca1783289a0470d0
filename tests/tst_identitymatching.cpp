// SPDX-License-Identifier: GPL-3.0-or-later
// Matching subjects across tenants by identity: the normalised name, the buckets, and compares
// of the real OpenIntuneBaseline exports under new ids and across releases.

#include "baselinecapture.h"
#include "baselinecompare.h"
#include "findingstore.h"
#include "inventoryimport.h"
#include "profilestore.h"
#include "scratchdatabase.h"
#include "snapshotstore.h"
#include "subjectmatching.h"
#include "tenantstore.h"
#include "textdecoding.h"

#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace driftdesk;

class TestIdentityMatching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizedName_data();
    void normalizedName();
    void identityKeepsKindsApart();
    void everyObjectLandsInOneBucket();
    void newIdsMatchOnlyByIdentity_data() { testsupport::addBackendRows(); }
    void newIdsMatchOnlyByIdentity();
    void releasesByIdentityAndById_data() { testsupport::addBackendRows(); }
    void releasesByIdentityAndById();
    void ambiguousMatchIsOneRecurringFinding_data() { testsupport::addBackendRows(); }
    void ambiguousMatchIsOneRecurringFinding();
};

namespace {

BaselineSnapshotItem item(const QString& type, const QString& id, const QString& name,
                          nlohmann::json payload = nlohmann::json::object())
{
    BaselineSnapshotItem result;
    result.policyType = type;
    result.subjectType = QStringLiteral("deviceManagementConfigurationPolicy");
    result.subjectExternalId = id;
    result.meta = {{"display_name", name.toStdString()},
                   {"meta_contract", {{"version", 2}, {"payload", payload}}}};
    return result;
}

InventoryRow row(const QString& type, const QString& id, const QString& name)
{
    InventoryRow result;
    result.policyType = type;
    result.subjectType = QStringLiteral("deviceManagementConfigurationPolicy");
    result.subjectExternalId = id;
    result.displayName = name;
    return result;
}

QStringList ids(const std::vector<const BaselineSnapshotItem*>& items)
{
    QStringList result;
    for (const auto* entry : items)
        result.append(entry->subjectExternalId);
    return result;
}

QStringList ids(const std::vector<const InventoryRow*>& rows)
{
    QStringList result;
    for (const auto* entry : rows)
        result.append(entry->subjectExternalId);
    return result;
}

/// Copies an export folder, giving every object a new GUID wherever its own id occurs in it.
/// Template and setting definition ids stay. Returns how many objects were given a new id.
int copyWithNewIds(const QString& from, const QString& to)
{
    int renumbered = 0;
    QDirIterator files(from, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile source(path);
        if (!source.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        QString text = QString::fromStdString(decodeExportText(source.readAll()).utf8);
        const auto object = nlohmann::json::parse(text.toStdString());
        const QString id = QString::fromStdString(object.value("id", std::string()));
        if (!id.isEmpty()) {
            text.replace(id, QUuid::createUuid().toString(QUuid::WithoutBraces));
            ++renumbered;
        }

        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(path);
        QDir().mkpath(QFileInfo(target).path());
        QFile copy(target);
        if (!copy.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(target));
        copy.write(text.toUtf8());
    }
    return renumbered;
}

/// One workspace with a source tenant captured into profiles and a target tenant compared.
struct Scenario
{
    testsupport::ScratchDatabase& scratch;
    qint64 workspaceId;
    qint64 source = 0;
    qint64 target = 0;
    OperationControl control;

    explicit Scenario(testsupport::ScratchDatabase& database)
        : scratch(database)
        , workspaceId(database.workspaceId())
    {
        TenantStore tenants(scratch.database(), workspaceId);
        source = tenants.add(QStringLiteral("Source")).id;
        target = tenants.add(QStringLiteral("Target")).id;
    }

    void import(qint64 tenant, const QString& folder)
    {
        const RunResult result
            = InventoryImport(scratch.database(), workspaceId).run({tenant, folder, {}}, control);
        QCOMPARE(result.outcome, RunOutcome::succeeded);
    }

    /// A profile matching as given, captured from the source and assigned to the target.
    qint64 profile(const QString& name, const QString& matching,
                   const QString& suffix = defaultVersionSuffixPattern)
    {
        ProfileDraft draft;
        draft.name = name;
        draft.matchingMode = matching;
        draft.versionSuffixPattern = suffix;
        ProfileStore profiles(scratch.database(), workspaceId);
        const qint64 id = profiles.create(draft).id;
        profiles.assign(id, target);
        const RunResult capture
            = BaselineCapture(scratch.database(), workspaceId).run({id, source}, control);
        if (capture.outcome != RunOutcome::succeeded)
            qFatal("capture failed: %s", qPrintable(capture.message));
        return id;
    }

    RunResult compare(qint64 profileId)
    {
        return BaselineCompare(scratch.database(), workspaceId).run({target, profileId}, control);
    }

    QList<Finding> findings(qint64 profileId)
    {
        FindingFilter filter;
        filter.tenantId = target;
        filter.profileId = profileId;
        return FindingStore(scratch.database(), workspaceId).list(filter);
    }

    /// "change_type name" of every open finding, sorted.
    QStringList describe(qint64 profileId)
    {
        QStringList lines;
        for (const Finding& finding : findings(profileId)) {
            if (finding.status != FindingStatus::resolved)
                lines.append(finding.changeType + QLatin1Char(' ') + finding.displayName);
        }
        lines.sort();
        return lines;
    }
};

int count(const RunResult& result, const char* name)
{
    return result.summaryCounts.value(name, -1);
}

} // namespace

void TestIdentityMatching::normalizedName_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    const QString standard = defaultVersionSuffixPattern;
    QTest::newRow("suffix, case and spaces") << standard << "  Win - OIB -  Firewall\t- V3.7 "
                                             << "win - oib - firewall";
    QTest::newRow("three-part version") << standard << "Firewall - v3.7.1"
                                        << "firewall";
    QTest::newRow("suffix only at the end") << standard << "Chrome - v3.0 (Deprecated)"
                                            << "chrome - v3.0 (deprecated)";
    QTest::newRow("no dash, no suffix") << standard << "Firewall v3.7"
                                        << "firewall v3.7";
    QTest::newRow("upper case") << standard << "STRASSE - v1"
                                << "strasse";
    QTest::newRow("only A-Z fold in ASCII") << standard << "AZ @[`{ az - v2"
                                            << "az @[`{ az";
    QTest::newRow("ASCII beside other letters folds too")
        << standard << QStringLiteral("\u00c9DGE Baseline") << QStringLiteral("\u00e9dge baseline");
    QTest::newRow("final sigma folds")
        << standard << QStringLiteral("\u03c3\u03b1\u03c2") << QStringLiteral("\u03c3\u03b1\u03c3");
    QTest::newRow("capital sigma folds")
        << standard << QStringLiteral("\u03a3\u0391\u03a3") << QStringLiteral("\u03c3\u03b1\u03c3");
    QTest::newRow("composed and decomposed accents")
        << standard << QStringLiteral("Re\u0301seau") << QStringLiteral("r\u00e9seau");
    QTest::newRow("own pattern") << R"(\s*\(v\d+\)$)"
                                 << "Firewall (v2)"
                                 << "firewall";
    QTest::newRow("no pattern keeps the suffix") << QString() << "Firewall - v3.7"
                                                 << "firewall - v3.7";
    QTest::newRow("only white space") << standard << " \t "
                                      << "";
    QTest::newRow("a suffix is never the whole name") << standard << " - v3.7"
                                                      << "- v3.7";
    QTest::newRow("a pattern that matches everything removes nothing") << ".*"
                                                                       << "Firewall - v3.7"
                                                                       << "firewall - v3.7";
    QTest::newRow("the pattern only removes the end") << R"(\s*-?\s*v\d+)"
                                                      << "Ring v1 Pilot - v2"
                                                      << "ring v1 pilot";
    QTest::newRow("invisible characters")
        << standard << QStringLiteral("\ufeffFire\u200bwall\u200e - v3.7") << "firewall";
}

void TestIdentityMatching::normalizedName()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(SubjectIdentity(pattern).normalizedName(name), expected);
}

void TestIdentityMatching::identityKeepsKindsApart()
{
    const SubjectIdentity identity(defaultVersionSuffixPattern);
    const QString catalog = QStringLiteral("settingsCatalogPolicies");
    const QString type = QStringLiteral("deviceManagementConfigurationPolicy");
    const auto object = [](const char* templateId, const char* technologies) {
        return nlohmann::json{{"templateReference", {{"templateId", templateId}}},
                              {"technologies", technologies}};
    };
    const QString defender
        = identity.key(catalog, type, QStringLiteral("Defender"), object("", "mdm,microsoftSense"));

    // The same identity whatever the order of technologies or the template's version.
    QCOMPARE(identity.key(catalog, type, QStringLiteral("DEFENDER - v2"),
                          object("", "microsoftSense,mdm")),
             defender);
    QCOMPARE(identity.key(catalog, type, QStringLiteral("Defender"), object("t1_1", "mdm")),
             identity.key(catalog, type, QStringLiteral("Defender"), object("t1_2", "mdm")));

    // Other policy types, Graph types, templates and technologies are other subjects.
    QVERIFY(identity.key(QStringLiteral("endpointSecurityPolicies"), type,
                         QStringLiteral("Defender"), object("", "mdm,microsoftSense"))
            != defender);
    QVERIFY(identity.key(catalog, QStringLiteral("windows10GeneralConfiguration"),
                         QStringLiteral("Defender"), object("", "mdm,microsoftSense"))
            != defender);
    QVERIFY(identity.key(catalog, type, QStringLiteral("Defender"),
                         object("804339ad-1553-4478-a742-138fb5807418_1", "mdm,microsoftSense"))
            != defender);
    QVERIFY(identity.key(catalog, type, QStringLiteral("Defender"), object("", "mdm")) != defender);

    // No name, no identity.
    QVERIFY(identity.key(catalog, type, QStringLiteral("  "), object("", "mdm")).isEmpty());
}

void TestIdentityMatching::everyObjectLandsInOneBucket()
{
    const QString type = QStringLiteral("settingsCatalogPolicies");
    const std::vector<BaselineSnapshotItem> baseline{
        item(type, QStringLiteral("b-firewall"), QStringLiteral("Firewall - v3.6")),
        item(type, QStringLiteral("b-edge"), QStringLiteral("Edge")),
        item(type, QStringLiteral("b-laps-1"), QStringLiteral("LAPS")),
        item(type, QStringLiteral("b-laps-2"), QStringLiteral("laps")),
        item(type, QStringLiteral("b-unnamed"), QString()),
        item(type, QStringLiteral("b-gone"), QStringLiteral("Gone"))};
    const std::vector<InventoryRow> current{
        row(type, QStringLiteral("c-firewall"), QStringLiteral("FIREWALL - v3.7")),
        row(type, QStringLiteral("c-edge-1"), QStringLiteral("Edge")),
        row(type, QStringLiteral("c-edge-2"), QStringLiteral(" edge ")),
        row(type, QStringLiteral("c-laps"), QStringLiteral("LAPS - v1")),
        row(type, QStringLiteral("c-unnamed"), QString()),
        row(type, QStringLiteral("c-new"), QStringLiteral("New"))};
    std::vector<const BaselineSnapshotItem*> baselinePointers;
    for (const auto& entry : baseline)
        baselinePointers.push_back(&entry);
    std::vector<const InventoryRow*> currentPointers;
    for (const auto& entry : current)
        currentPointers.push_back(&entry);

    const SubjectMatches matches = matchByIdentity(
        baselinePointers, currentPointers, SubjectIdentity(defaultVersionSuffixPattern),
        [](const InventoryRow&) { return nlohmann::json::object(); });

    QCOMPARE(matches.matched.size(), std::size_t(1));
    QCOMPARE(matches.matched[0].baseline->subjectExternalId, QStringLiteral("b-firewall"));
    QCOMPARE(matches.matched[0].current->subjectExternalId, QStringLiteral("c-firewall"));

    // Two candidates for one item, and two items for one object: named, never picked.
    QCOMPARE(matches.ambiguous.size(), std::size_t(2));
    QCOMPARE(matches.ambiguous[0].normalizedName, QStringLiteral("edge"));
    QCOMPARE(ids(matches.ambiguous[0].baseline), QStringList{"b-edge"});
    QCOMPARE(ids(matches.ambiguous[0].current), (QStringList{"c-edge-1", "c-edge-2"}));
    QCOMPARE(matches.ambiguous[1].normalizedName, QStringLiteral("laps"));
    QCOMPARE(ids(matches.ambiguous[1].baseline), (QStringList{"b-laps-1", "b-laps-2"}));
    QCOMPARE(ids(matches.ambiguous[1].current), QStringList{"c-laps"});

    // Nameless objects never match each other.
    QCOMPARE(ids(matches.missing), (QStringList{"b-unnamed", "b-gone"}));
    QCOMPARE(ids(matches.unexpected), (QStringList{"c-unnamed", "c-new"}));

    // Each current object is in exactly one bucket.
    QStringList placed = ids(matches.unexpected);
    for (const auto& pair : matches.matched)
        placed.append(pair.current->subjectExternalId);
    for (const auto& group : matches.ambiguous)
        placed += ids(group.current);
    placed.sort();
    QStringList all = ids(currentPointers);
    all.sort();
    QCOMPARE(placed, all);
}

void TestIdentityMatching::newIdsMatchOnlyByIdentity()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Scenario scenario(*scratch);
    QTemporaryDir folder;
    const QString release = testsupport::testDataPath(QStringLiteral("oib/windows-v3.7"));
    const int objects = copyWithNewIds(release, folder.path());
    QCOMPARE(objects, 70);
    scenario.import(scenario.source, release);
    scenario.import(scenario.target, folder.path());

    // Every policy is found again under its new id by name and type: no finding at all.
    const qint64 byIdentity
        = scenario.profile(QStringLiteral("By identity"), MatchingMode::byIdentity);
    const RunResult identityRun = scenario.compare(byIdentity);
    QCOMPARE(identityRun.outcome, RunOutcome::succeeded);
    const int compared = count(identityRun, "baseline_items");
    QCOMPARE(compared, 70);
    QCOMPARE(count(identityRun, "current_items"), compared);
    QCOMPARE(count(identityRun, "missing_policy"), 0);
    QCOMPARE(count(identityRun, "different_version"), 0);
    QCOMPARE(count(identityRun, "unexpected_policy"), 0);
    QCOMPARE(count(identityRun, "ambiguous_match"), 0);
    QVERIFY(scenario.findings(byIdentity).isEmpty());

    // By id nothing matches: every policy is missing and every object unexpected.
    const qint64 byId = scenario.profile(QStringLiteral("By id"), MatchingMode::byId);
    const RunResult idRun = scenario.compare(byId);
    QCOMPARE(idRun.outcome, RunOutcome::succeeded);
    QCOMPARE(count(idRun, "missing_policy"), compared);
    QCOMPARE(count(idRun, "unexpected_policy"), compared);
    QCOMPARE(count(idRun, "different_version"), 0);
    QCOMPARE(scenario.findings(byId).size(), 2 * compared);
}

void TestIdentityMatching::releasesByIdentityAndById()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Scenario scenario(*scratch);
    scenario.import(scenario.source, testsupport::testDataPath(QStringLiteral("oib/windows-v3.6")));
    scenario.import(scenario.target, testsupport::testDataPath(QStringLiteral("oib/windows-v3.7")));

    // OpenIntuneBaseline keeps each policy's id across releases, and a policy changed in a
    // release only changes its version suffix: by identity pairs exactly what by id pairs.
    const qint64 byId = scenario.profile(QStringLiteral("By id"), MatchingMode::byId);
    const qint64 byIdentity
        = scenario.profile(QStringLiteral("By identity"), MatchingMode::byIdentity);
    QCOMPARE(scenario.compare(byId).outcome, RunOutcome::succeeded);
    QCOMPARE(scenario.compare(byIdentity).outcome, RunOutcome::succeeded);
    const QStringList expected = scenario.describe(byId);
    QCOMPARE(expected.size(), 18);
    QCOMPARE(scenario.describe(byIdentity), expected);

    // Evidence of a pair matched by identity names the baseline's subject.
    for (const Finding& finding : scenario.findings(byIdentity)) {
        if (finding.changeType == ChangeType::differentVersion) {
            QCOMPARE(QString::fromStdString(
                         finding.evidence["baseline_subject_external_id"].get<std::string>()),
                     finding.subjectExternalId);
        }
    }

    // Without removing the suffix, each of the 8 changed policies has another name in each
    // release: 8 more missing and 8 more unexpected, no different_version.
    const qint64 literal
        = scenario.profile(QStringLiteral("Literal names"), MatchingMode::byIdentity, QString());
    const RunResult run = scenario.compare(literal);
    QCOMPARE(count(run, "missing_policy"), 4 + 8);
    QCOMPARE(count(run, "unexpected_policy"), 6 + 8);
    QCOMPARE(count(run, "different_version"), 0);
}

void TestIdentityMatching::ambiguousMatchIsOneRecurringFinding()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Scenario scenario(*scratch);
    QTemporaryDir folder;
    const auto write = [&](const QString& tenantFolder, const QString& file, const QString& id,
                           const QString& name) {
        const QString dir = folder.filePath(tenantFolder + QStringLiteral("/CompliancePolicies"));
        QDir().mkpath(dir);
        QFile out(dir + QLatin1Char('/') + file);
        if (!out.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        const nlohmann::json object{{"@odata.type", "#microsoft.graph.windows10CompliancePolicy"},
                                    {"id", id.toStdString()},
                                    {"displayName", name.toStdString()},
                                    {"passwordRequired", true}};
        out.write(QByteArray::fromStdString(object.dump()));
    };
    write(QStringLiteral("source"), QStringLiteral("a.json"), QStringLiteral("s-1"),
          QStringLiteral("Password - v3.1"));
    write(QStringLiteral("target"), QStringLiteral("a.json"), QStringLiteral("t-1"),
          QStringLiteral("Password - v3.6"));
    write(QStringLiteral("target"), QStringLiteral("b.json"), QStringLiteral("t-2"),
          QStringLiteral("password"));
    scenario.import(scenario.source, folder.filePath(QStringLiteral("source")));
    scenario.import(scenario.target, folder.filePath(QStringLiteral("target")));

    const qint64 profile = scenario.profile(QStringLiteral("Compliance"), MatchingMode::byIdentity);
    for (int run = 1; run <= 2; ++run) {
        const RunResult result = scenario.compare(profile);
        QCOMPARE(result.outcome, RunOutcome::succeeded);
        QVERIFY2(result.message.contains(QLatin1String("1 ambiguous")), qPrintable(result.message));
        const QList<Finding> findings = scenario.findings(profile);
        QCOMPARE(findings.size(), 1);
        const Finding& finding = findings.first();
        QCOMPARE(finding.changeType, ChangeType::ambiguousMatch);
        QCOMPARE(finding.subjectExternalId, QStringLiteral("s-1"));
        QCOMPARE(finding.severity, QStringLiteral("medium"));
        QCOMPARE(finding.timesSeen, run);
        QCOMPARE(testsupport::js(finding.evidence["identity"]), QStringLiteral("password"));
        QCOMPARE(testsupport::js(finding.evidence["baseline_items"][0]["subject_external_id"]),
                 QStringLiteral("s-1"));
        QSet<QString> candidates;
        for (const auto& object : finding.evidence["current_objects"])
            candidates.insert(testsupport::js(object["subject_external_id"]));
        QCOMPARE(candidates, (QSet<QString>{"t-1", "t-2"}));
    }
}

QTEST_GUILESS_MAIN(TestIdentityMatching)
#include "tst_identitymatching.moc"
