// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinecapture.h"
#include "baselinecompare.h"
#include "engineerror.h"
#include "findingidentity.h"
#include "findingstore.h"
#include "inventoryimport.h"
#include "inventorystore.h"
#include "metacontract.h"
#include "profilestore.h"
#include "runstore.h"
#include "scratchdatabase.h"
#include "snapshotstore.h"
#include "tenantstore.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

#include <map>

using namespace driftdesk;

class TestCaptureCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockedWithoutSnapshotOrSync_data() { testsupport::addBackendRows(); }
    void blockedWithoutSnapshotOrSync();
    void findingLifecycle_data() { testsupport::addBackendRows(); }
    void findingLifecycle();
    void newSnapshotReplacesOldFindings_data() { testsupport::addBackendRows(); }
    void newSnapshotReplacesOldFindings();
    void oneCompareFollowsTheActiveSnapshot_data() { testsupport::addBackendRows(); }
    void oneCompareFollowsTheActiveSnapshot();
    void identicalCaptureReusesTheSnapshot_data() { testsupport::addBackendRows(); }
    void identicalCaptureReusesTheSnapshot();
    void partialTypeIsSkippedAndLeftAlone_data() { testsupport::addBackendRows(); }
    void partialTypeIsSkippedAndLeftAlone();
    void failedCompareWritesNoFindings_data() { testsupport::addBackendRows(); }
    void failedCompareWritesNoFindings();
    void planFollowsAssignments_data() { testsupport::addBackendRows(); }
    void planFollowsAssignments();
    void concurrentComparesLoseNoCount_data() { testsupport::addBackendRows(); }
    void concurrentComparesLoseNoCount();
    void acknowledgementRules_data() { testsupport::addBackendRows(); }
    void acknowledgementRules();
    void archivedProfilesAreLeftAlone_data() { testsupport::addBackendRows(); }
    void archivedProfilesAreLeftAlone();
    void olderContractSnapshotComparesUnderItsVersion_data() { testsupport::addBackendRows(); }
    void olderContractSnapshotComparesUnderItsVersion();
    void acknowledgedDriftReopensWhenItChanges_data() { testsupport::addBackendRows(); }
    void acknowledgedDriftReopensWhenItChanges();
};

namespace {

/// Compliance policies for a synthetic export: id -> passwordRequired.
using Policies = std::map<QString, bool>;

/// Writes an export folder with one compliance policy file per entry, and optionally a broken
/// file in the settings-catalog folder.
void writeExport(const QString& root, const Policies& policies, bool brokenCompliance = false)
{
    QDir(root).removeRecursively();
    QDir().mkpath(root + QStringLiteral("/CompliancePolicies"));
    QDir().mkpath(root + QStringLiteral("/SettingsCatalog"));
    for (const auto& [id, required] : policies) {
        const nlohmann::json object{{"@odata.type", "#microsoft.graph.windows10CompliancePolicy"},
                                    {"id", id.toStdString()},
                                    {"displayName", ("Policy " + id).toStdString()},
                                    {"passwordRequired", required}};
        QFile file(root + QStringLiteral("/CompliancePolicies/%1.json").arg(id));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        file.write(QByteArray::fromStdString(object.dump()));
    }
    if (brokenCompliance) {
        QFile file(root + QStringLiteral("/CompliancePolicies/broken.json"));
        file.open(QIODevice::WriteOnly);
        file.write("{");
    }
}

struct Fixture
{
    testsupport::ScratchDatabase& scratch;
    qint64 workspaceId;
    qint64 source;
    qint64 target;
    qint64 profile;
    QTemporaryDir folder;
    OperationControl control;

    explicit Fixture(testsupport::ScratchDatabase& database)
        : scratch(database)
        , workspaceId(database.workspaceId())
    {
        TenantStore tenants(scratch.database(), workspaceId);
        source = tenants.add(QStringLiteral("Source")).id;
        target = tenants.add(QStringLiteral("Target")).id;
        ProfileDraft draft;
        draft.name = QStringLiteral("Compliance");
        draft.scope = BaselineScope({QStringLiteral("compliancePolicies")}, {});
        ProfileStore profiles(scratch.database(), workspaceId);
        profile = profiles.create(draft).id;
        profiles.assign(profile, target);
    }

    RunResult import(qint64 tenant, const Policies& policies, bool broken = false)
    {
        const QString path = folder.filePath(QStringLiteral("export-%1").arg(tenant));
        writeExport(path, policies, broken);
        return InventoryImport(scratch.database(), workspaceId).run({tenant, path, {}}, control);
    }

    RunResult capture()
    {
        return BaselineCapture(scratch.database(), workspaceId).run({profile, source}, control);
    }
    RunResult compare()
    {
        return BaselineCompare(scratch.database(), workspaceId).run({target, profile}, control);
    }

    std::map<QString, Finding> findingsBySubject()
    {
        std::map<QString, Finding> result;
        FindingFilter filter;
        filter.tenantId = target;
        for (Finding& finding : FindingStore(scratch.database(), workspaceId).list(filter))
            result[finding.subjectExternalId + QLatin1Char('/') + finding.changeType] = finding;
        return result;
    }
};

/// Writes one compliance policy object as the only file of an export folder.
void writeSingleObjectExport(const QString& root, const nlohmann::json& object)
{
    QDir(root).removeRecursively();
    QDir().mkpath(root + QStringLiteral("/CompliancePolicies"));
    QFile file(root + QStringLiteral("/CompliancePolicies/policy.json"));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write");
    file.write(QByteArray::fromStdString(object.dump()));
}

/// Writes and activates a snapshot of the tenant's latest inventory as a release that knew only
/// `contractVersion` would have captured it.
qint64 writeSnapshotUnderContract(Fixture& w, qint64 tenant, int contractVersion)
{
    Database& database = w.scratch.database();
    InventoryStore inventory(database, w.workspaceId);
    std::vector<BaselineSnapshotItem> items;
    for (const InventoryRow& row : inventory.rows(tenant)) {
        const MetaContract contract
            = MetaContractBuilder::build(inventory.rawObject(row.id), contractVersion);
        BaselineSnapshotItem item;
        item.subjectType = row.subjectType;
        item.subjectExternalId = row.subjectExternalId;
        item.policyType = row.policyType;
        item.baselineHash = QString::fromStdString(contract.hash);
        item.meta
            = {{"meta_contract", {{"version", contract.version}, {"payload", contract.payload}}},
               {"display_name", row.displayName.toStdString()}};
        items.push_back(item);
    }

    BaselineSnapshot snapshot;
    snapshot.baselineProfileId = w.profile;
    snapshot.identityHash = QStringLiteral("v%1-by-hand").arg(contractVersion);
    snapshot.capturedAt = QDateTime::currentDateTimeUtc();
    snapshot.summary
        = {{"meta_contract_version", contractVersion}, {"covered_types", {"compliancePolicies"}}};
    snapshot.sourceTenantId = tenant;
    Transaction transaction(database);
    const qint64 id = SnapshotStore(database, w.workspaceId).insert(snapshot, items);
    ProfileStore(database, w.workspaceId).setActiveSnapshot(w.profile, id);
    transaction.commit();
    return id;
}

} // namespace

void TestCaptureCompare::blockedWithoutSnapshotOrSync()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);

    RunResult result = w.compare();
    QCOMPARE(result.outcome, RunOutcome::blocked);
    QVERIFY2(result.message.contains(QLatin1String("has no active snapshot")),
             qPrintable(result.message));

    result = w.capture();
    QCOMPARE(result.outcome, RunOutcome::blocked);
    QVERIFY(result.message.contains(QLatin1String("no completed inventory sync")));

    w.import(w.source, {{QStringLiteral("p1"), true}});
    QCOMPARE(w.capture().outcome, RunOutcome::succeeded);
    result = w.compare();
    QCOMPARE(result.outcome, RunOutcome::blocked);
    QVERIFY(result.message.contains(QLatin1String("\"Target\" has no completed inventory sync")));

    // Every blocked run is on record with its reason.
    const auto run = RunStore(scratch->database(), w.workspaceId).byId(result.runId);
    QCOMPARE(run->outcome, RunOutcome::blocked);
    QVERIFY(run->context["reason"].get<std::string>().find("no completed inventory sync")
            != std::string::npos);
}

void TestCaptureCompare::findingLifecycle()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    const QString p1 = QStringLiteral("p1");
    const QString p2 = QStringLiteral("p2");
    const QString p3 = QStringLiteral("p3");
    w.import(w.source, {{p1, true}, {p2, true}});
    const RunResult capture = w.capture();
    QCOMPARE(capture.outcome, RunOutcome::succeeded);
    const qint64 snapshot = capture.context["snapshot_id"].get<qint64>();

    // p1 changed, p2 gone, p3 new: one finding of each kind.
    w.import(w.target, {{p1, false}, {p3, true}});
    RunResult result = w.compare();
    QCOMPARE(result.outcome, RunOutcome::succeeded);
    QCOMPARE(testsupport::js(result.summaryCounts["findings_opened"]), QStringLiteral("3"));
    auto findings = w.findingsBySubject();
    QCOMPARE(findings.size(), std::size_t(3));
    const Finding changed = findings.at(p1 + QStringLiteral("/different_version"));
    QCOMPARE(changed.status, FindingStatus::open);
    QCOMPARE(changed.severity, QStringLiteral("high"));
    QCOMPARE(changed.timesSeen, 1);
    QCOMPARE(changed.scopeKey, findingScopeKey(w.profile));
    QCOMPARE(changed.fingerprint,
             findingRecurrenceKey(w.target, snapshot, QStringLiteral("compliancePolicies"), p1,
                                  ChangeType::differentVersion));
    QCOMPARE(changed.recurrenceKey, changed.fingerprint);
    QCOMPARE(
        testsupport::js(changed.evidence["differences"]),
        testsupport::js(nlohmann::json::parse(R"([{"path":"passwordRequired","change":"changed",
                                        "baseline":true,"current":false}])")));
    QCOMPARE(findings.at(p2 + QStringLiteral("/missing_policy")).severity, QStringLiteral("high"));
    QCOMPARE(findings.at(p3 + QStringLiteral("/unexpected_policy")).severity,
             QStringLiteral("medium"));

    // Acknowledged drift stays acknowledged while it is detected; the count goes up.
    FindingStore(scratch->database(), w.workspaceId)
        .acknowledge(changed.id, QStringLiteral("alice"), QStringLiteral("accepted until Q3"));
    result = w.compare();
    QCOMPARE(testsupport::js(result.summaryCounts["findings_opened"]), QStringLiteral("0"));
    QCOMPARE(testsupport::js(result.summaryCounts["findings_seen_again"]), QStringLiteral("3"));
    findings = w.findingsBySubject();
    const Finding acknowledged = findings.at(p1 + QStringLiteral("/different_version"));
    QCOMPARE(acknowledged.id, changed.id);
    QCOMPARE(acknowledged.status, FindingStatus::acknowledged);
    QCOMPARE(acknowledged.acknowledgedBy, QStringLiteral("alice"));
    QCOMPARE(acknowledged.acknowledgementNote, QStringLiteral("accepted until Q3"));
    QCOMPARE(acknowledged.timesSeen, 2);
    QCOMPARE(acknowledged.firstSeenAt, changed.firstSeenAt);
    QVERIFY(acknowledged.lastSeenAt >= changed.lastSeenAt);

    // p1 back to the baseline: resolved as no longer detected; the others stay open.
    w.import(w.target, {{p1, true}, {p3, true}});
    result = w.compare();
    QCOMPARE(testsupport::js(result.summaryCounts["findings_resolved"]), QStringLiteral("1"));
    findings = w.findingsBySubject();
    const Finding resolved = findings.at(p1 + QStringLiteral("/different_version"));
    QCOMPARE(resolved.status, FindingStatus::resolved);
    QCOMPARE(resolved.resolvedReason, QStringLiteral("not_detected"));
    QVERIFY(resolved.resolvedAt.isValid());
    QCOMPARE(findings.at(p2 + QStringLiteral("/missing_policy")).timesSeen, 3);

    // Drifting again reopens the same finding.
    w.import(w.target, {{p1, false}, {p3, true}});
    result = w.compare();
    QCOMPARE(testsupport::js(result.summaryCounts["findings_reopened"]), QStringLiteral("1"));
    findings = w.findingsBySubject();
    const Finding reopened = findings.at(p1 + QStringLiteral("/different_version"));
    QCOMPARE(reopened.id, changed.id);
    QCOMPARE(reopened.status, FindingStatus::open);
    QVERIFY(!reopened.resolvedAt.isValid());
    QVERIFY(reopened.resolvedReason.isEmpty());
    QCOMPARE(reopened.timesSeen, 3);
    QCOMPARE(findings.size(), std::size_t(3));
}

void TestCaptureCompare::newSnapshotReplacesOldFindings()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    w.import(w.source, {{QStringLiteral("p1"), true}});
    const qint64 first = w.capture().context["snapshot_id"].get<qint64>();
    w.import(w.target, {{QStringLiteral("p1"), false}});
    w.compare();

    // The source now matches the target; the new baseline has no drift to report.
    w.import(w.source, {{QStringLiteral("p1"), false}});
    const qint64 second = w.capture().context["snapshot_id"].get<qint64>();
    QVERIFY(second != first);
    const RunResult result = w.compare();
    QCOMPARE(testsupport::js(result.summaryCounts["findings_baseline_replaced"]),
             QStringLiteral("1"));
    QCOMPARE(testsupport::js(result.summaryCounts["different_version"]), QStringLiteral("0"));
    const auto findings = w.findingsBySubject();
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings.begin()->second.baselineSnapshotId, first);
    QCOMPARE(findings.begin()->second.status, FindingStatus::resolved);
    QCOMPARE(findings.begin()->second.resolvedReason, QStringLiteral("baseline_replaced"));
}

void TestCaptureCompare::oneCompareFollowsTheActiveSnapshot()
{
    // One compare object runs many tenants and keeps the snapshot items it read; a capture
    // between two of its runs must be seen by the next one.
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    BaselineCompare compare(scratch->database(), w.workspaceId);
    w.import(w.source, {{QStringLiteral("p1"), true}});
    w.capture();
    w.import(w.target, {{QStringLiteral("p1"), false}});
    const RunResult first = compare.run({w.target, w.profile}, w.control);
    QCOMPARE(first.outcome, RunOutcome::succeeded);
    QCOMPARE(testsupport::js(first.summaryCounts["different_version"]), QStringLiteral("1"));
    QCOMPARE(testsupport::js(first.summaryCounts["missing_policy"]), QStringLiteral("0"));

    w.import(w.source, {{QStringLiteral("p1"), true}, {QStringLiteral("p2"), true}});
    w.capture();
    const RunResult second = compare.run({w.target, w.profile}, w.control);
    QCOMPARE(second.outcome, RunOutcome::succeeded);
    QCOMPARE(testsupport::js(second.summaryCounts["baseline_items"]), QStringLiteral("2"));
    QCOMPARE(testsupport::js(second.summaryCounts["missing_policy"]), QStringLiteral("1"));
    QCOMPARE(testsupport::js(second.summaryCounts["different_version"]), QStringLiteral("1"));
    QCOMPARE(testsupport::js(second.summaryCounts["findings_baseline_replaced"]),
             QStringLiteral("1"));

    // And a third run of the same object against that snapshot finds the same again.
    const RunResult third = compare.run({w.target, w.profile}, w.control);
    QCOMPARE(testsupport::js(third.summaryCounts["findings_seen_again"]), QStringLiteral("2"));
    QCOMPARE(testsupport::js(third.summaryCounts["findings_opened"]), QStringLiteral("0"));
}

void TestCaptureCompare::identicalCaptureReusesTheSnapshot()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    w.import(w.source, {{QStringLiteral("p1"), true}, {QStringLiteral("p2"), false}});
    const RunResult first = w.capture();
    QCOMPARE(testsupport::js(first.context["snapshot_reused"]), QStringLiteral("false"));
    QCOMPARE(testsupport::js(first.summaryCounts["items_captured"]), QStringLiteral("2"));

    // Imported again from a fresh copy of the same content.
    w.import(w.source, {{QStringLiteral("p1"), true}, {QStringLiteral("p2"), false}});
    const RunResult second = w.capture();
    QCOMPARE(testsupport::js(second.context["snapshot_reused"]), QStringLiteral("true"));
    QCOMPARE(testsupport::js(second.context["snapshot_id"]),
             testsupport::js(first.context["snapshot_id"]));
    QCOMPARE(SnapshotStore(scratch->database(), w.workspaceId).listForProfile(w.profile).size(), 1);

    const auto snapshot = SnapshotStore(scratch->database(), w.workspaceId)
                              .byId(first.context["snapshot_id"].get<qint64>());
    QCOMPARE(testsupport::js(snapshot->summary["covered_types"]),
             testsupport::js(nlohmann::json::parse(R"(["compliancePolicies"])")));
    const auto items = SnapshotStore(scratch->database(), w.workspaceId).items(snapshot->id);
    QCOMPARE(items.size(), std::size_t(2));
    QCOMPARE(testsupport::js(items[0].meta["meta_contract"]["version"]),
             QString::number(MetaContractBuilder::latestVersion));
    QCOMPARE(testsupport::js(items[0].meta["meta_contract"]["payload"]),
             testsupport::js(nlohmann::json::parse(R"({"passwordRequired":true})")));
    QCOMPARE(testsupport::js(items[0].meta["display_name"]), QString("Policy p1"));
}

void TestCaptureCompare::partialTypeIsSkippedAndLeftAlone()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    w.import(w.source, {{QStringLiteral("p1"), true}});
    w.capture();
    w.import(w.target, {{QStringLiteral("p1"), false}});
    QCOMPARE(testsupport::js(w.compare().summaryCounts["findings_opened"]), QStringLiteral("1"));

    // A broken compliance file makes the type partial: nothing is compared, nothing resolved.
    w.import(w.target, {{QStringLiteral("p1"), true}}, true);
    const RunResult result = w.compare();
    QCOMPARE(result.outcome, RunOutcome::blocked);
    QCOMPARE(testsupport::js(result.context["skipped_types"][0]["policy_type"]),
             QString("compliancePolicies"));
    QVERIFY(result.context["skipped_types"][0]["reason"].get<std::string>().find(
                "partial in the latest inventory sync")
            == 0);
    const auto findings = w.findingsBySubject();
    QCOMPARE(findings.begin()->second.status, FindingStatus::open);
    QCOMPARE(findings.begin()->second.timesSeen, 1);
}

void TestCaptureCompare::failedCompareWritesNoFindings()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    w.import(w.source, {{QStringLiteral("p1"), true}, {QStringLiteral("p2"), true}});
    w.capture();
    w.import(w.target, {{QStringLiteral("p1"), false}});

    // A fault injected after the first finding is written: the compare must roll back whole.
    Database& database = scratch->database();
    if (database.backend() == Backend::Sqlite) {
        database.run(QStringLiteral("CREATE TRIGGER inject_fault BEFORE INSERT ON findings "
                                    "WHEN (SELECT COUNT(*) FROM findings) >= 1 "
                                    "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"));
    } else {
        database.run(QStringLiteral(
            "CREATE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF (SELECT COUNT(*) FROM findings) >= 1 THEN RAISE EXCEPTION 'injected fault'; "
            "END IF; RETURN NEW; END $$"));
        database.run(QStringLiteral("CREATE TRIGGER inject_fault BEFORE INSERT ON findings "
                                    "FOR EACH ROW EXECUTE FUNCTION inject_fault()"));
    }

    const RunResult result = w.compare();
    QCOMPARE(result.outcome, RunOutcome::failed);
    QVERIFY2(result.message.contains(QLatin1String("injected fault")), qPrintable(result.message));
    QVERIFY(w.findingsBySubject().empty());
    const auto run = RunStore(database, w.workspaceId).byId(result.runId);
    QCOMPARE(run->outcome, RunOutcome::failed);
    QVERIFY(run->context["error"].get<std::string>().find("injected fault") != std::string::npos);
}

void TestCaptureCompare::planFollowsAssignments()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    Database& database = scratch->database();

    auto plan = BaselineCompare::plan(database, w.workspaceId, std::nullopt, std::nullopt);
    QCOMPARE(plan.size(), 1);
    QCOMPARE(plan[0].tenantId, w.target);
    QCOMPARE(plan[0].profileId, w.profile);

    QVERIFY_THROWS_EXCEPTION(
        EngineError, BaselineCompare::plan(database, w.workspaceId, w.source, std::nullopt));
    QVERIFY_THROWS_EXCEPTION(EngineError,
                             BaselineCompare::plan(database, w.workspaceId, w.source, w.profile));

    // Archived profiles are not compared.
    ProfileStore profiles(database, w.workspaceId);
    ProfileDraft draft;
    draft.name = QStringLiteral("Compliance");
    draft.status = QStringLiteral("archived");
    profiles.update(w.profile, draft);
    plan = BaselineCompare::plan(database, w.workspaceId, std::nullopt, std::nullopt);
    QVERIFY(plan.isEmpty());
}

void TestCaptureCompare::concurrentComparesLoseNoCount()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    w.import(w.source, {{QStringLiteral("p1"), true}, {QStringLiteral("p2"), true}});
    w.capture();
    w.import(w.target, {{QStringLiteral("p1"), false}, {QStringLiteral("p3"), true}});
    QCOMPARE(testsupport::js(w.compare().summaryCounts["findings_opened"]), QStringLiteral("3"));

    // Six compares of the same tenant and profile at once, each on its own connection.
    const int parallel = 6;
    const ConnectionSettings settings = scratch->settings();
    const qint64 workspaceId = w.workspaceId;
    const CompareRequest request{w.target, w.profile};
    QList<int> workers(parallel);
    const QList<QString> outcomes = QtConcurrent::blockingMapped(workers, [&](int) {
        const auto database = Database::open(settings);
        OperationControl control;
        return BaselineCompare(*database, workspaceId).run(request, control).outcome;
    });
    // A compare that overlaps another of the same pair stands aside; each one that ran counts.
    const auto succeeded = int(outcomes.count(RunOutcome::succeeded));
    QCOMPARE(succeeded + int(outcomes.count(RunOutcome::blocked)), parallel);
    QVERIFY(succeeded >= 1);

    const auto findings = w.findingsBySubject();
    QCOMPARE(findings.size(), std::size_t(3));
    for (const auto& [key, finding] : findings)
        QCOMPARE(finding.timesSeen, 1 + succeeded);
}

void TestCaptureCompare::acknowledgementRules()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    w.import(w.source, {{QStringLiteral("p1"), true}});
    w.capture();
    w.import(w.target, {{QStringLiteral("p1"), false}});
    w.compare();
    const qint64 id = w.findingsBySubject().begin()->second.id;

    FindingStore findings(scratch->database(), w.workspaceId);
    findings.acknowledge(id, QStringLiteral("alice"), QStringLiteral("first note"));
    try {
        findings.acknowledge(id, QStringLiteral("bob"), QString());
        QFAIL("a second acknowledgement replaced the first");
    } catch (const EngineError& error) {
        QVERIFY2(error.message().contains(QLatin1String("already acknowledged (by alice")),
                 qPrintable(error.message()));
    }
    QCOMPARE(findings.byId(id)->acknowledgementNote, QStringLiteral("first note"));

    findings.reopen(id);
    const Finding reopened = *findings.byId(id);
    QCOMPARE(reopened.status, FindingStatus::open);
    QVERIFY(!reopened.acknowledgedAt.isValid());
    QVERIFY(reopened.acknowledgedBy.isEmpty());
    QVERIFY(reopened.acknowledgementNote.isEmpty());
    QVERIFY_THROWS_EXCEPTION(EngineError, findings.reopen(id));

    // Resolved findings cannot be acknowledged.
    w.import(w.target, {{QStringLiteral("p1"), true}});
    w.compare();
    QCOMPARE(findings.byId(id)->status, FindingStatus::resolved);
    QVERIFY_THROWS_EXCEPTION(EngineError, findings.acknowledge(id, QStringLiteral("alice"), {}));
}

void TestCaptureCompare::archivedProfilesAreLeftAlone()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    w.import(w.source, {{QStringLiteral("p1"), true}});
    ProfileDraft draft;
    draft.name = QStringLiteral("Compliance");
    draft.status = QStringLiteral("archived");
    ProfileStore(scratch->database(), w.workspaceId).update(w.profile, draft);

    try {
        w.capture();
        QFAIL("captured into an archived profile");
    } catch (const EngineError& error) {
        QVERIFY(error.message().contains(QLatin1String("is archived")));
    }
    try {
        BaselineCompare::plan(scratch->database(), w.workspaceId, w.target, w.profile);
        QFAIL("planned a compare against an archived profile");
    } catch (const EngineError& error) {
        QVERIFY(error.message().contains(QLatin1String("archived profiles are not compared")));
    }
}

void TestCaptureCompare::olderContractSnapshotComparesUnderItsVersion()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    const nlohmann::json baseline{{"@odata.type", "#microsoft.graph.windows10CompliancePolicy"},
                                  {"id", "p1"},
                                  {"displayName", "Policy p1"},
                                  {"passwordRequired", true},
                                  {"validOperatingSystemBuildRanges", nlohmann::json::array()}};
    const QString sourceFolder = w.folder.filePath(QStringLiteral("source"));
    writeSingleObjectExport(sourceFolder, baseline);
    OperationControl control;
    QCOMPARE(InventoryImport(scratch->database(), w.workspaceId)
                 .run({w.source, sourceFolder, {}}, control)
                 .outcome,
             RunOutcome::succeeded);
    writeSnapshotUnderContract(w, w.source, 1);

    // Version 1 still sees an empty list against an absent property; version 2 would not.
    // The compare must hash the current object under the snapshot's version 1.
    auto current = baseline;
    current.erase("validOperatingSystemBuildRanges");
    const QString targetFolder = w.folder.filePath(QStringLiteral("target"));
    writeSingleObjectExport(targetFolder, current);
    QCOMPARE(InventoryImport(scratch->database(), w.workspaceId)
                 .run({w.target, targetFolder, {}}, control)
                 .outcome,
             RunOutcome::succeeded);
    QCOMPARE(w.compare().outcome, RunOutcome::succeeded);
    auto findings = w.findingsBySubject();
    QCOMPARE(findings.size(), std::size_t(1));
    const Finding changed = findings.at(QStringLiteral("p1/different_version"));
    QCOMPARE(changed.evidence["meta_contract_version"].get<int>(), 1);
    QCOMPARE(changed.evidence["baseline_hash"].get<std::string>(),
             MetaContractBuilder::build(baseline, 1).hash);
    QCOMPARE(changed.evidence["current_hash"].get<std::string>(),
             MetaContractBuilder::build(current, 1).hash);
    QCOMPARE(testsupport::js(changed.evidence["differences"]),
             QStringLiteral(R"([{"baseline":[],"change":"removed",)"
                            R"("path":"validOperatingSystemBuildRanges"}])"));

    // A new capture uses the newest version, under which the two objects are the same.
    QCOMPARE(w.capture().outcome, RunOutcome::succeeded);
    QCOMPARE(w.compare().outcome, RunOutcome::succeeded);
    findings = w.findingsBySubject();
    QCOMPARE(findings.at(QStringLiteral("p1/different_version")).status, FindingStatus::resolved);
    const auto snapshot = SnapshotStore(scratch->database(), w.workspaceId)
                              .byId(ProfileStore(scratch->database(), w.workspaceId)
                                        .require(w.profile)
                                        .activeSnapshotId.value());
    QCOMPARE(snapshot->summary["meta_contract_version"].get<int>(),
             MetaContractBuilder::latestVersion);
}

void TestCaptureCompare::acknowledgedDriftReopensWhenItChanges()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Fixture w(*scratch);
    OperationControl control;
    const auto importTarget = [&](int minimumLength) {
        const QString folder = w.folder.filePath(QStringLiteral("target"));
        writeSingleObjectExport(folder,
                                {{"@odata.type", "#microsoft.graph.windows10CompliancePolicy"},
                                 {"id", "p1"},
                                 {"displayName", "Policy p1"},
                                 {"passwordMinimumLength", minimumLength}});
        QCOMPARE(InventoryImport(scratch->database(), w.workspaceId)
                     .run({w.target, folder, {}}, control)
                     .outcome,
                 RunOutcome::succeeded);
    };
    const QString sourceFolder = w.folder.filePath(QStringLiteral("source"));
    writeSingleObjectExport(sourceFolder,
                            {{"@odata.type", "#microsoft.graph.windows10CompliancePolicy"},
                             {"id", "p1"},
                             {"displayName", "Policy p1"},
                             {"passwordMinimumLength", 14}});
    QCOMPARE(InventoryImport(scratch->database(), w.workspaceId)
                 .run({w.source, sourceFolder, {}}, control)
                 .outcome,
             RunOutcome::succeeded);
    QCOMPARE(w.capture().outcome, RunOutcome::succeeded);

    // 14 became 12: acknowledged, and seen again unchanged it stays acknowledged.
    importTarget(12);
    QCOMPARE(w.compare().outcome, RunOutcome::succeeded);
    FindingStore findings(scratch->database(), w.workspaceId);
    const qint64 id = w.findingsBySubject().at(QStringLiteral("p1/different_version")).id;
    findings.acknowledge(id, QStringLiteral("alice"), QStringLiteral("12 is fine for now"));
    RunResult result = w.compare();
    QCOMPARE(testsupport::js(result.summaryCounts["findings_seen_again"]), QStringLiteral("1"));
    QCOMPARE(findings.byId(id)->status, FindingStatus::acknowledged);

    // 12 became 8: other drift than the one acknowledged, so it is open again.
    importTarget(8);
    result = w.compare();
    QCOMPARE(testsupport::js(result.summaryCounts["findings_reopened"]), QStringLiteral("1"));
    const Finding reopened = *findings.byId(id);
    QCOMPARE(reopened.status, FindingStatus::open);
    QCOMPARE(reopened.timesSeen, 3);
    QVERIFY(!reopened.acknowledgedAt.isValid());
    const auto& previous = reopened.evidence["previous_acknowledgement"];
    QCOMPARE(testsupport::js(previous["acknowledged_by"]), QStringLiteral("alice"));
    QCOMPARE(testsupport::js(previous["note"]), QStringLiteral("12 is fine for now"));
    QCOMPARE(testsupport::js(reopened.evidence["differences"][0]["current"]), QStringLiteral("8"));
}

QTEST_GUILESS_MAIN(TestCaptureCompare)
#include "tst_capturecompare.moc"
