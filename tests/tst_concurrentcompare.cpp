// SPDX-License-Identifier: GPL-3.0-or-later
// Two compares of one tenant against one profile at the same time, from two driftctl processes
// and from two threads of one process: one does the work, the other ends blocked and says
// which run is doing it; no finding is written twice and no sighting of one is lost.

#include "comparelock.h"
#include "driftctlprocess.h"
#include "driftengine.h"
#include "operation.h"
#include "records.h"
#include "scratchdatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>

using testsupport::Driftctl;
using testsupport::ScratchDatabase;

class TestConcurrentCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void standsAsideWhileAnotherRuns_data() { testsupport::addBackendRows(); }
    void standsAsideWhileAnotherRuns();
    void startedAtTheSameMoment_data();
    void startedAtTheSameMoment();
};

namespace {

const QStringList compareFabrikam{"compare", "--tenant", "Fabrikam"};
constexpr int exitBlocked = 3;

qint64 idOf(driftdesk::Database& database, const QString& table, const QString& name)
{
    QSqlQuery query
        = database.run(QStringLiteral("SELECT id FROM %1 WHERE name = ?").arg(table), {name});
    if (!query.next())
        qFatal("no %s named %s", qPrintable(table), qPrintable(name));
    return query.value(0).toLongLong();
}

/// Reference captured as the baseline of "OIB", Fabrikam compared once: findings to see again.
void prepareComparedOnce(const Driftctl& driftctl)
{
    testsupport::prepareReferenceAndFabrikam(driftctl);
    QCOMPARE(
        driftctl.expect(0, {"capture", "--profile", "OIB", "--from-tenant", "Reference"}).exitCode,
        0);
    QCOMPARE(driftctl.expect(0, compareFabrikam).exitCode, 0);
}

struct FindingTally
{
    int rows = 0;
    int distinctKeys = 0;
    int minTimesSeen = 0;
    int maxTimesSeen = 0;
};

FindingTally tallyFindings(driftdesk::Database& database)
{
    QSqlQuery query = database.run(
        QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT recurrence_key), MIN(times_seen), "
                       "MAX(times_seen) FROM findings"));
    query.next();
    return {query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt(),
            query.value(3).toInt()};
}

int compareRuns(driftdesk::Database& database, const QString& outcome)
{
    QSqlQuery query = database.run(QStringLiteral("SELECT COUNT(*) FROM operation_runs "
                                                  "WHERE type = ? AND outcome = ?"),
                                   {driftdesk::RunType::baselineCompare, outcome});
    query.next();
    return query.value(0).toInt();
}

QString newestReason(driftdesk::Database& database)
{
    QSqlQuery query = database.run(
        QStringLiteral("SELECT context FROM operation_runs ORDER BY id DESC LIMIT 1"));
    query.next();
    const auto context = nlohmann::json::parse(query.value(0).toString().toStdString());
    return QString::fromStdString(context.value("reason", std::string()));
}

} // namespace

void TestConcurrentCompare::initTestCase()
{
    // Two compares in two threads need two pool threads, however many cores there are.
    QThreadPool::globalInstance()->setMaxThreadCount(
        std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
}

void TestConcurrentCompare::standsAsideWhileAnotherRuns()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), scratch->url());
    prepareComparedOnce(driftctl);
    driftdesk::Database& database = scratch->database();
    const qint64 tenantId = idOf(database, QStringLiteral("tenants"), QStringLiteral("Fabrikam"));
    const qint64 profileId
        = idOf(database, QStringLiteral("baseline_profiles"), QStringLiteral("OIB"));
    const FindingTally before = tallyFindings(database);
    QVERIFY(before.rows > 0);
    QCOMPARE(before.maxTimesSeen, 1);

    // A compare under way in this process holds what a real one holds: its running run and
    // the pair's lock, on a connection of its own.
    auto underWay = std::make_unique<driftdesk::RunRecorder>(
        database, scratch->workspaceId(), driftdesk::RunType::baselineCompare, tenantId, profileId);
    auto lock = std::make_unique<driftdesk::CompareLock>(database, tenantId, profileId);
    QVERIFY(lock->isHeld());
    const QString expected = QStringLiteral("another compare of \"Fabrikam\" against \"OIB\" is "
                                            "under way (run %1)")
                                 .arg(underWay->runId());

    // Another process...
    const testsupport::DriftctlOutput other = driftctl.run(compareFabrikam);
    QCOMPARE(other.exitCode, exitBlocked);
    QVERIFY2(newestReason(database).startsWith(expected), qPrintable(newestReason(database)));
    QVERIFY2(other.out.contains(expected.toUtf8()), other.out.constData());

    // ...and another thread of this one, on its own connection.
    const driftdesk::DriftEngine engine(scratch->settings(), scratch->workspaceId());
    const driftdesk::RunResult threaded = engine.compare({{tenantId, profileId}}).result();
    QCOMPARE(threaded.outcome, driftdesk::RunOutcome::blocked);
    QVERIFY2(threaded.message.startsWith(expected), qPrintable(threaded.message));

    // Neither touched a finding.
    const FindingTally whileHeld = tallyFindings(database);
    QCOMPARE(whileHeld.rows, before.rows);
    QCOMPARE(whileHeld.maxTimesSeen, 1);

    // Once the compare under way has ended, the next one does the work.
    underWay->finishWithoutWork(driftdesk::RunOutcome::cancelled, nlohmann::json::object(),
                                nlohmann::json::object(), QStringLiteral("stand-in ended"));
    lock.reset();
    underWay.reset();
    QCOMPARE(driftctl.expect(0, compareFabrikam).exitCode, 0);
    const FindingTally after = tallyFindings(database);
    QCOMPARE(after.rows, before.rows);
    QCOMPARE(after.distinctKeys, before.rows);
    QCOMPARE(after.minTimesSeen, 2);
    QCOMPARE(after.maxTimesSeen, 2);
}

void TestConcurrentCompare::startedAtTheSameMoment_data()
{
    QTest::addColumn<int>("backend");
    QTest::addColumn<bool>("threads");
    for (const auto& [name, backend] : {std::pair{"sqlite", driftdesk::Backend::Sqlite},
                                        std::pair{"postgresql", driftdesk::Backend::PostgreSql}}) {
        QTest::addRow("%s processes", name) << static_cast<int>(backend) << false;
        QTest::addRow("%s threads", name) << static_cast<int>(backend) << true;
    }
}

void TestConcurrentCompare::startedAtTheSameMoment()
{
    QFETCH(bool, threads);
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), scratch->url());
    prepareComparedOnce(driftctl);
    driftdesk::Database& database = scratch->database();
    const qint64 tenantId = idOf(database, QStringLiteral("tenants"), QStringLiteral("Fabrikam"));
    const qint64 profileId
        = idOf(database, QStringLiteral("baseline_profiles"), QStringLiteral("OIB"));
    const FindingTally before = tallyFindings(database);
    const driftdesk::DriftEngine engine(scratch->settings(), scratch->workspaceId());

    // Whether two compares overlap is up to the scheduler, so there are several rounds; in
    // each, whichever way they met, every compare that did the work counts once.
    constexpr int rounds = 8;
    int overlapped = 0;
    for (int round = 0; round < rounds; ++round) {
        QStringList outcomes;
        if (threads) {
            QFuture<driftdesk::RunResult> first = engine.compare({{tenantId, profileId}});
            QFuture<driftdesk::RunResult> second = engine.compare({{tenantId, profileId}});
            outcomes << first.result().outcome << second.result().outcome;
        } else {
            const auto first = driftctl.start(compareFabrikam);
            const auto second = driftctl.start(compareFabrikam);
            for (QProcess* process : {first.get(), second.get()}) {
                const testsupport::DriftctlOutput output = Driftctl::finish(*process);
                QVERIFY2(output.exitCode == 0 || output.exitCode == exitBlocked,
                         output.err.constData());
                outcomes << (output.exitCode == 0 ? driftdesk::RunOutcome::succeeded
                                                  : driftdesk::RunOutcome::blocked);
            }
        }
        QVERIFY2(outcomes.contains(driftdesk::RunOutcome::succeeded),
                 qPrintable(outcomes.join(',')));
        if (outcomes.contains(driftdesk::RunOutcome::blocked))
            ++overlapped;
    }

    // One compare before the rounds, then every successful one: each finding seen that often.
    const int succeeded = compareRuns(database, driftdesk::RunOutcome::succeeded);
    const int blocked = compareRuns(database, driftdesk::RunOutcome::blocked);
    QCOMPARE(succeeded + blocked, 1 + 2 * rounds);
    QCOMPARE(blocked, overlapped);
    const FindingTally after = tallyFindings(database);
    QCOMPARE(after.rows, before.rows);
    QCOMPARE(after.distinctKeys, before.rows);
    QCOMPARE(after.minTimesSeen, succeeded);
    QCOMPARE(after.maxTimesSeen, succeeded);
    qInfo("%d of %d rounds overlapped (one compare blocked)", overlapped, rounds);
}

QTEST_GUILESS_MAIN(TestConcurrentCompare)
#include "tst_concurrentcompare.moc"
