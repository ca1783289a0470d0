// SPDX-License-Identifier: GPL-3.0-or-later
// Compares of many tenants run by parallel workers, each with its own connection, record the
// same findings as the same compares one at a time; and a synthetic workspace streamed through
// the import opens exactly the drift its generator put in.
#include "baselinecapture.h"
#include "baselinecompare.h"
#include "driftengine.h"
#include "findingstore.h"
#include "inventoryimport.h"
#include "profilestore.h"
#include "scratchdatabase.h"
#include "syntheticworkspace.h"
#include "tenantstore.h"

#include <QTest>

using namespace driftdesk;

class TestParallelCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parallelWorkersRecordWhatOneWorkerRecords_data() { testsupport::addBackendRows(); }
    void parallelWorkersRecordWhatOneWorkerRecords();
};

namespace {

constexpr int tenants = 9;

bench::SyntheticSpec spec()
{
    bench::SyntheticSpec spec;
    spec.tenants = tenants;
    spec.policies = 80;
    spec.seed = 7;
    // More drift than the benchmark's 5%, so that every kind shows up in every tenant.
    spec.changedPerTenThousand = 1000;
    spec.missingPerTenThousand = 700;
    spec.unexpectedPerTenThousand = 600;
    return spec;
}

/// Imports every tenant of the synthetic workspace, captures tenant 0 into a profile that
/// matches by identity, and returns the compares of every tenant.
QList<CompareRequest> buildWorkspace(testsupport::ScratchDatabase& scratch,
                                     const bench::SyntheticWorkspace& workspace)
{
    Database& database = scratch.database();
    const qint64 workspaceId = scratch.workspaceId();
    ProfileStore profiles(database, workspaceId);
    ProfileDraft draft;
    draft.name = QStringLiteral("MSP baseline");
    draft.matchingMode = MatchingMode::byIdentity;
    const BaselineProfile profile = profiles.create(draft);
    OperationControl control;
    QList<qint64> tenantIds;
    for (int tenant = 0; tenant < workspace.spec().tenants; ++tenant) {
        tenantIds.append(TenantStore(database, workspaceId)
                             .add(bench::SyntheticWorkspace::tenantName(tenant))
                             .id);
        profiles.assign(profile.id, tenantIds.last());
        ImportRequest request;
        request.tenantId = tenantIds.last();
        request.folder = QStringLiteral("synthetic");
        request.documentFolders = workspace.folders();
        request.documents = std::make_shared<const std::vector<ExportDocument>>(
            workspace.tenantDocuments(tenant));
        const RunResult imported = InventoryImport(database, workspaceId).run(request, control);
        if (imported.outcome != RunOutcome::succeeded)
            qFatal("import failed: %s", qPrintable(imported.message));
    }
    const RunResult captured
        = BaselineCapture(database, workspaceId).run({profile.id, tenantIds.first()}, control);
    if (captured.outcome != RunOutcome::succeeded)
        qFatal("capture failed: %s", qPrintable(captured.message));
    return BaselineCompare::plan(database, workspaceId, std::nullopt, std::nullopt);
}

/// Every finding with what a compare decides about it (not the times it ran).
QStringList findingsOf(testsupport::ScratchDatabase& scratch)
{
    QStringList result;
    for (const Finding& finding :
         FindingStore(scratch.database(), scratch.workspaceId()).list({})) {
        nlohmann::json evidence = finding.evidence;
        result.append(QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                          .arg(QString::number(finding.tenantId), finding.policyType,
                               finding.subjectExternalId, finding.changeType, finding.severity,
                               finding.status, QString::number(finding.timesSeen),
                               finding.fingerprint, QString::fromStdString(evidence.dump())));
    }
    return result;
}

} // namespace

void TestParallelCompare::parallelWorkersRecordWhatOneWorkerRecords()
{
    DRIFTDESK_SCRATCH_DATABASE(serial, true);
    DRIFTDESK_SCRATCH_DATABASE(parallel, true);
    const bench::SyntheticWorkspace workspace(spec(),
                                              testsupport::testDataPath(QStringLiteral("oib")));
    const QList<CompareRequest> serialRequests = buildWorkspace(*serial, workspace);
    const QList<CompareRequest> parallelRequests = buildWorkspace(*parallel, workspace);
    QCOMPARE(serialRequests.size(), tenants);

    int expected = 0;
    for (int tenant = 0; tenant < tenants; ++tenant)
        expected += workspace.expectedDrift(tenant).total();
    QVERIFY(workspace.expectedDrift(1).changed > 0);
    QVERIFY(workspace.expectedDrift(1).missing > 0);
    QVERIFY(workspace.expectedDrift(1).unexpected > 0);
    QCOMPARE(workspace.expectedDrift(0).total(), 0);

    // Twice: the second compare sees every finding again.
    for (int round = 1; round <= 2; ++round) {
        const QList<RunResult> one = DriftEngine(serial->settings(), serial->workspaceId())
                                         .compare(serialRequests)
                                         .results();
        const QList<RunResult> three = DriftEngine(parallel->settings(), parallel->workspaceId())
                                           .compare(parallelRequests, {}, 3)
                                           .results();
        QCOMPARE(one.size(), tenants);
        QCOMPARE(three.size(), tenants);
        int opened = 0;
        for (const RunResult& result : three) {
            QCOMPARE(result.outcome, RunOutcome::succeeded);
            opened += result.summaryCounts.value(
                round == 1 ? "findings_opened" : "findings_seen_again", 0);
        }
        QCOMPARE(opened, expected);

        const QStringList serialFindings = findingsOf(*serial);
        QCOMPARE(serialFindings.size(), expected);
        QCOMPARE(findingsOf(*parallel), serialFindings);
    }
}

QTEST_GUILESS_MAIN(TestParallelCompare)
#include "tst_parallelcompare.moc"
