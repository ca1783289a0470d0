// SPDX-License-Identifier: GPL-3.0-or-later
// Kills the real driftctl program (SIGKILL) at seeded points during an import, a capture and a
// compare, on both backends, and checks that the database then holds the state before or the
// state after the unit of work, never anything in between; that the killed run is told apart
// from a live one and marked failed by the next run of its tenant; and that the same command
// then succeeds with the result of an undisturbed run.
//
// Every statement the engine sends is a fault point (see engine/faultpoint.h). The points tried
// are the last five (around the commit) and others drawn with a fixed seed; set
// DRIFTDESK_KILL_SEED to draw others, DRIFTDESK_KILL_POINTS for more of them.

#include "driftctlprocess.h"
#include "records.h"
#include "scratchdatabase.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>
#include <set>

using testsupport::Driftctl;
using testsupport::ScratchDatabase;

class TestKillPoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killed_data();
    void killed();
};

namespace {

const QStringList workspaceTables{
    QStringLiteral("workspaces"),
    QStringLiteral("tenants"),
    QStringLiteral("baseline_profiles"),
    QStringLiteral("baseline_tenant_assignments"),
    QStringLiteral("inventory_items"),
    QStringLiteral("baseline_snapshots"),
    QStringLiteral("baseline_snapshot_items"),
    QStringLiteral("findings"),
};

/// Which columns a fingerprint leaves out.
enum class Columns {
    /// Only times, which differ between any two runs.
    AllButTimes,
    /// Also ids that a sequence hands out: PostgreSQL does not take back the values a killed
    /// transaction drew, so a rerun's rows get other ids than an undisturbed run's.
    Content,
};

bool leftOut(const QString& column, Columns columns)
{
    if (column.endsWith(QLatin1String("_at")))
        return true;
    if (columns == Columns::AllButTimes)
        return false;
    static const QStringList stable{QStringLiteral("workspace_id"), QStringLiteral("tenant_id"),
                                    QStringLiteral("baseline_profile_id")};
    return column == QLatin1String("id")
        || (column.endsWith(QLatin1String("_id")) && !stable.contains(column));
}

/// Every workspace-owned row except the runs, as sorted text.
QStringList fingerprint(driftdesk::Database& database, Columns columns)
{
    QStringList rows;
    for (const QString& table : workspaceTables) {
        QSqlQuery query = database.run(QStringLiteral("SELECT * FROM %1").arg(table));
        while (query.next()) {
            const QSqlRecord record = query.record();
            QStringList values{table};
            for (int i = 0; i < record.count(); ++i) {
                if (!leftOut(record.fieldName(i), columns))
                    values.append(record.fieldName(i) + u'=' + record.value(i).toString());
            }
            rows.append(values.join(u'|'));
        }
    }
    rows.sort();
    return rows;
}

/// The run a command started: the newest one.
driftdesk::OperationRun newestRun(driftdesk::Database& database)
{
    QSqlQuery query
        = database.run(QStringLiteral("SELECT id, status, outcome, context FROM operation_runs "
                                      "ORDER BY id DESC LIMIT 1"));
    if (!query.next())
        qFatal("no run recorded");
    driftdesk::OperationRun run;
    run.id = query.value(0).toLongLong();
    run.status = query.value(1).toString();
    run.outcome = query.value(2).toString();
    run.context = nlohmann::json::parse(query.value(3).toString().toStdString());
    return run;
}

driftdesk::OperationRun runById(driftdesk::Database& database, qint64 id)
{
    QSqlQuery query = database.run(
        QStringLiteral("SELECT status, outcome, context FROM operation_runs WHERE id = ?"), {id});
    if (!query.next())
        qFatal("run %lld is gone", id);
    driftdesk::OperationRun run;
    run.id = id;
    run.status = query.value(0).toString();
    run.outcome = query.value(1).toString();
    run.context = nlohmann::json::parse(query.value(2).toString().toStdString());
    return run;
}

int faultPointsReached(const QByteArray& standardError)
{
    static const QRegularExpression count(QStringLiteral("driftdesk: (\\d+) fault points"));
    const QRegularExpressionMatch match = count.match(QString::fromUtf8(standardError));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

/// The last five points (the commit and what surrounds it) and others drawn with a fixed seed.
QList<int> pointsToTry(int reached)
{
    const quint32 seed = qEnvironmentVariableIsSet("DRIFTDESK_KILL_SEED")
        ? qEnvironmentVariableIntValue("DRIFTDESK_KILL_SEED")
        : 20261203;
    const int wanted = qEnvironmentVariableIsSet("DRIFTDESK_KILL_POINTS")
        ? qEnvironmentVariableIntValue("DRIFTDESK_KILL_POINTS")
        : 24;
    std::set<int> points;
    for (int point = std::max(1, reached - 4); point <= reached; ++point)
        points.insert(point);
    QRandomGenerator random(seed);
    while (int(points.size()) < std::min(wanted, reached))
        points.insert(random.bounded(1, reached + 1));
    return QList<int>(points.begin(), points.end());
}

} // namespace

void TestKillPoints::killed_data()
{
    QTest::addColumn<int>("backend");
    QTest::addColumn<QString>("operation");
    for (const auto& [name, backend] : {std::pair{"sqlite", driftdesk::Backend::Sqlite},
                                        std::pair{"postgresql", driftdesk::Backend::PostgreSql}}) {
        for (const char* operation : {"import", "capture", "compare"}) {
            QTest::addRow("%s %s", name, operation)
                << static_cast<int>(backend) << QString::fromLatin1(operation);
        }
    }
}

void TestKillPoints::killed()
{
    QFETCH(QString, operation);
    DRIFTDESK_SCRATCH_DATABASE(before, true);
    const auto driftctlOn = [](const ScratchDatabase& scratch) {
        return Driftctl(QStringLiteral(DRIFTCTL_PATH), scratch.url());
    };

    // The state before: for an import, Fabrikam compared at v3.3 and now imported at v3.7 (items
    // added, changed and removed); for a compare, the same with findings to open, update and
    // resolve; for a capture, no snapshot yet.
    testsupport::prepareReferenceAndFabrikam(driftctlOn(*before));
    QStringList command{"capture", "--profile", "OIB", "--from-tenant", "Reference"};
    if (operation != QLatin1String("capture")) {
        driftctlOn(*before).expect(0, command);
        QCOMPARE(driftctlOn(*before).expect(0, {"compare", "--tenant", "Fabrikam"}).exitCode, 0);
        command = {"inventory", "import", "--tenant",
                   "Fabrikam",  "--from", testsupport::oibWindowsRelease("v3.7")};
        if (operation == QLatin1String("compare")) {
            QCOMPARE(driftctlOn(*before).expect(0, command).exitCode, 0);
            command = {"compare", "--tenant", "Fabrikam"};
        }
    }
    const int successCode = 0;
    const QStringList stateBefore = fingerprint(before->database(), Columns::AllButTimes);
    const qint64 lastRunBefore = newestRun(before->database()).id;

    // The state after, from an undisturbed run, which also counts the fault points.
    const auto after = before->clone();
    QProcessEnvironment counting;
    counting.insert(QStringLiteral("DRIFTDESK_COUNT_FAULT_POINTS"), QStringLiteral("1"));
    const auto undisturbed = driftctlOn(*after).run(command, counting);
    QCOMPARE(undisturbed.exitCode, successCode);
    const int reached = faultPointsReached(undisturbed.err);
    QVERIFY2(reached >= 20, undisturbed.err.constData());
    const QStringList stateAfter = fingerprint(after->database(), Columns::AllButTimes);
    const QStringList contentAfter = fingerprint(after->database(), Columns::Content);
    QVERIFY(stateAfter != stateBefore);

    const QList<int> points = pointsToTry(reached);
    QVERIFY(points.size() >= 20);
    int endedBefore = 0;
    int endedAfter = 0;
    for (const int point : points) {
        const QByteArray where = QStringLiteral("%1, killed at point %2 of %3")
                                     .arg(operation)
                                     .arg(point)
                                     .arg(reached)
                                     .toUtf8();
        const auto killed = before->clone();
        QProcessEnvironment kill;
        kill.insert(QStringLiteral("DRIFTDESK_KILL_AT_FAULT_POINT"), QString::number(point));
        const auto result = driftctlOn(*killed).run(command, kill);
        QVERIFY2(result.exitStatus == QProcess::CrashExit, where.constData());

        // Before or after, nothing between; a run completed exactly when its work was kept.
        const QStringList state = fingerprint(killed->database(), Columns::AllButTimes);
        QVERIFY2(state == stateBefore || state == stateAfter, where.constData());
        const driftdesk::OperationRun killedRun = newestRun(killed->database());
        const bool runRecorded = killedRun.id != lastRunBefore;
        if (state == stateBefore) {
            ++endedBefore;
            QVERIFY2(!runRecorded || killedRun.status == driftdesk::RunStatus::running,
                     where.constData());
        } else {
            ++endedAfter;
            QVERIFY2(runRecorded, where.constData());
            QVERIFY2(killedRun.status == driftdesk::RunStatus::completed, where.constData());
            QVERIFY2(killedRun.outcome != driftdesk::RunOutcome::failed, where.constData());
        }

        // The next run of the tenant finds the dead run and marks it failed; the same command
        // then gives what an undisturbed run gives.
        const auto rerun = driftctlOn(*killed).expect(successCode, command);
        QVERIFY2(rerun.exitCode == successCode, where.constData());
        const driftdesk::OperationRun marked = runById(killed->database(), killedRun.id);
        QCOMPARE(marked.status, driftdesk::RunStatus::completed);
        if (runRecorded && killedRun.status == driftdesk::RunStatus::running) {
            QCOMPARE(marked.outcome, driftdesk::RunOutcome::failed);
            QVERIFY2(marked.context.value("abandoned", false), where.constData());
            QVERIFY2(QString::fromStdString(marked.context.value("error", ""))
                         .contains(QLatin1String("ended before the run finished")),
                     where.constData());
        }
        if (state == stateBefore) {
            QVERIFY2(fingerprint(killed->database(), Columns::Content) == contentAfter,
                     where.constData());
        }
    }
    qInfo("%s: %lld points tried of %d, %d ended before, %d after", qPrintable(operation),
          static_cast<long long>(points.size()), reached, endedBefore, endedAfter);
    QVERIFY(endedBefore > 0);
    QVERIFY(endedAfter > 0);
}

QTEST_GUILESS_MAIN(TestKillPoints)
#include "tst_killpoints.moc"
