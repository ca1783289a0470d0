// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL server stops in the middle of a compare: the run fails saying so, the same
// command succeeds once the server is back and leaves the findings an undisturbed compare
// leaves, and the desktop application goes on reading without a restart.

#include "database.h"
#include "driftctlprocess.h"
#include "findingspage.h"
#include "mainwindow.h"
#include "privatepostgres.h"
#include "scriptedprompts.h"
#include "session.h"
#include "tenantspage.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

#include <csignal>
#include <map>
#include <tuple>

using driftdesk::views::MainWindow;
using driftdesk::views::Session;
using testsupport::Driftctl;
using testsupport::PrivatePostgres;

class TestServerRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void compareSurvivesServerStop_data();
    void compareSurvivesServerStop();
    void desktopReadsOnAfterRestart();

private:
    QString urlOf(const QString& database) const;
    void createFromPrepared(const QString& database);
    void restartServer();

    std::unique_ptr<PrivatePostgres> m_server;
    std::unique_ptr<driftdesk::Database> m_admin; ///< to the "postgres" database
    int m_comparePoints = 0; ///< fault points an undisturbed compare reaches
    nlohmann::json m_undisturbedFindings;
};

namespace {

const QStringList compareFabrikam{"compare", "--tenant", "Fabrikam"};
const QStringList listFindings{"findings", "list", "--format", "json"};
constexpr int exitFailed = 1;

/// What a finding says, without ids and times, which differ between two databases.
using FindingFacts = std::tuple<std::string, std::string, std::string, int>;

std::map<std::string, FindingFacts> factsByRecurrence(const nlohmann::json& findings)
{
    std::map<std::string, FindingFacts> facts;
    for (const auto& finding : findings) {
        facts[finding.at("recurrence_key").get<std::string>()] = {
            finding.at("change_type").get<std::string>(), finding.at("status").get<std::string>(),
            finding.at("evidence").dump(), finding.at("times_seen").get<int>()};
    }
    return facts;
}

/// Waits until `pid` is stopped (state T in /proc), as SIGSTOP at a fault point leaves it.
bool waitUntilStopped(qint64 pid)
{
    for (int waited = 0; waited < 60000; waited += 20) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray text = stat.readAll();
        // The state follows the command name, which is in parentheses.
        const qsizetype close = text.lastIndexOf(')');
        if (close > 0 && text.size() > close + 2 && text.at(close + 2) == 'T')
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace

QString TestServerRestart::urlOf(const QString& database) const
{
    return QStringLiteral("postgresql://postgres@/%1?host=%2&port=%3")
        .arg(database, m_server->folder())
        .arg(m_server->port());
}

void TestServerRestart::createFromPrepared(const QString& database)
{
    // Names are the test's own constants; CREATE DATABASE takes no parameters.
    m_admin->checkConnection();
    m_admin->run(QStringLiteral("CREATE DATABASE %1 TEMPLATE prepared").arg(database));
}

void TestServerRestart::restartServer()
{
    QString error;
    QVERIFY2(m_server->stop(&error), qPrintable(error));
    QVERIFY2(m_server->restart(&error), qPrintable(error));
}

void TestServerRestart::initTestCase()
{
    QString error;
    m_server = PrivatePostgres::start(QStringLiteral("postgres"), QStringLiteral("unused-secret"),
                                      &error);
    if (!m_server)
        QSKIP(qPrintable(QStringLiteral("no private PostgreSQL server: ") + error));
    m_admin = driftdesk::Database::open(m_server->socketSettings(QStringLiteral("postgres")));
    m_admin->setReconnectWhenLost(true);

    // Reference captured as the baseline of "OIB", Fabrikam imported and not yet compared.
    m_admin->run(QStringLiteral("CREATE DATABASE prepared"));
    const Driftctl prepared(QStringLiteral(DRIFTCTL_PATH), urlOf(QStringLiteral("prepared")));
    QCOMPARE(prepared.expect(0, {"migrate"}).exitCode, 0);
    testsupport::prepareReferenceAndFabrikam(prepared);
    QCOMPARE(
        prepared.expect(0, {"capture", "--profile", "OIB", "--from-tenant", "Reference"}).exitCode,
        0);

    createFromPrepared(QStringLiteral("undisturbed"));
    const Driftctl undisturbed(QStringLiteral(DRIFTCTL_PATH), urlOf(QStringLiteral("undisturbed")));
    QProcessEnvironment counting;
    counting.insert(QStringLiteral("DRIFTDESK_COUNT_FAULT_POINTS"), QStringLiteral("1"));
    const auto compared = undisturbed.run(compareFabrikam, counting);
    QCOMPARE(compared.exitCode, 0);
    const auto match = QRegularExpression(QStringLiteral("(\\d+) fault points reached"))
                           .match(QString::fromUtf8(compared.err));
    QVERIFY2(match.hasMatch(), compared.err.constData());
    m_comparePoints = match.captured(1).toInt();
    QVERIFY(m_comparePoints > 20);

    m_undisturbedFindings = undisturbed.expect(0, listFindings).json();
    QVERIFY(m_undisturbedFindings.size() > 10);
}

void TestServerRestart::compareSurvivesServerStop_data()
{
    QTest::addColumn<int>("percent");
    // Early in the run, inside the findings' transaction, and just before its commit. About
    // the first 40% of the statements are driftctl's start (schema, workspace, profile and
    // tenant reads), before the run is recorded: a stop there is not one in the middle of a
    // compare.
    QTest::newRow("halfway") << 50;
    QTest::newRow("three quarters in") << 75;
    QTest::newRow("at the end") << 95;
}

void TestServerRestart::compareSurvivesServerStop()
{
    QFETCH(int, percent);
    const QString name = QStringLiteral("disturbed_%1").arg(percent);
    createFromPrepared(name);
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), urlOf(name));

    // The compare stops itself at a fault point; the server stops under it and starts again.
    const int point = std::max(1, m_comparePoints * percent / 100);
    QProcessEnvironment stopping;
    stopping.insert(QStringLiteral("DRIFTDESK_STOP_AT_FAULT_POINT"), QString::number(point));
    const auto process = driftctl.start(compareFabrikam, stopping);
    QVERIFY(process->waitForStarted());
    QVERIFY2(waitUntilStopped(process->processId()), "the compare never reached its stop point");
    QString error;
    QVERIFY2(m_server->stop(&error), qPrintable(error));
    ::kill(static_cast<pid_t>(process->processId()), SIGCONT);
    const auto failed = Driftctl::finish(*process);
    QVERIFY2(m_server->restart(&error), qPrintable(error));

    QCOMPARE(failed.exitCode, exitFailed);
    const QString message = QString::fromUtf8(failed.err);
    QVERIFY2(message.contains(QLatin1String("lost the connection to the database server"))
                 || message.contains(QLatin1String("cannot connect")),
             qPrintable(message));

    // Run again: the run the stop interrupted is marked failed, and the findings are those
    // of a compare that nothing disturbed.
    QCOMPARE(driftctl.expect(0, compareFabrikam).exitCode, 0);
    const auto runs
        = driftctl.expect(0, {"runs", "list", "--type", "baseline_compare", "--format", "json"})
              .json();
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[0].at("outcome").get<std::string>(), std::string("succeeded"));
    QCOMPARE(runs[1].at("outcome").get<std::string>(), std::string("failed"));
    QCOMPARE(factsByRecurrence(driftctl.expect(0, listFindings).json()),
             factsByRecurrence(m_undisturbedFindings));
}

void TestServerRestart::desktopReadsOnAfterRestart()
{
    createFromPrepared(QStringLiteral("desktop"));
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), urlOf(QStringLiteral("desktop")));
    QCOMPARE(driftctl.expect(0, compareFabrikam).exitCode, 0);

    const auto session = Session::open(m_server->socketSettings(QStringLiteral("desktop")),
                                       QStringLiteral("default"));
    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::FindingsPageIndex);
    QAbstractItemModel* findings = window.findingsPage()->table()->model();
    const int rows = findings->rowCount();
    QVERIFY(rows > 10);

    restartServer();

    // F5 reloads every page through a new connection; nothing to report.
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY2(prompts.errors.isEmpty(), qPrintable(prompts.errors.join(QLatin1Char('\n'))));
    QCOMPARE(findings->rowCount(), rows);
    QCOMPARE(window.tenantsPage()->table()->model()->rowCount(), 2);

    // Scrolling and sorting after another restart, without a reload first: the read that finds
    // the connection ended is tried again on a new one.
    restartServer();
    window.findingsPage()->table()->sortByColumn(0, Qt::DescendingOrder);
    QVERIFY2(prompts.errors.isEmpty(), qPrintable(prompts.errors.join(QLatin1Char('\n'))));
    QCOMPARE(findings->rowCount(), rows);
}

QTEST_MAIN(TestServerRestart)
#include "tst_serverrestart.moc"
