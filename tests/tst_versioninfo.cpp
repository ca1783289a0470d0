// SPDX-License-Identifier: GPL-3.0-or-later
// The versions DriftDesk tells its user: its own (CMake's project version, with the git
// description of a checkout), and in the About dialog the Qt and database versions in use.

#include "mainwindow.h"
#include "scratchdatabase.h"
#include "scriptedprompts.h"
#include "session.h"
#include "versioninfo.h"

#include <QRegularExpression>
#include <QTest>

using namespace driftdesk;
using namespace driftdesk::views;

class TestVersionInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionComesFromCMake();
    void databaseVersionNamesTheBackend_data() { testsupport::addBackendRows(); }
    void databaseVersionNamesTheBackend();
    void aboutShowsEveryVersion_data() { testsupport::addBackendRows(); }
    void aboutShowsEveryVersion();
};

void TestVersionInfo::versionComesFromCMake()
{
    // The build of a checkout names its commit; a build from a tarball shows the release alone.
    const QString git = QStringLiteral(DRIFTDESK_TEST_GIT_DESCRIPTION);
    const QString release = QStringLiteral(DRIFTDESK_TEST_PROJECT_VERSION);
    QCOMPARE(versionText(),
             git.isEmpty() ? release : QStringLiteral("%1 (git %2)").arg(release, git));
}

void TestVersionInfo::databaseVersionNamesTheBackend()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const QString text = databaseVersionText(scratch->database());
    const QRegularExpression expected(scratch->database().backend() == Backend::Sqlite
                                          ? QStringLiteral("^SQLite 3\\.\\d+\\.\\d+$")
                                          : QStringLiteral("^PostgreSQL \\d+(\\.\\d+)?\\b"));
    QVERIFY2(expected.match(text).hasMatch(), qPrintable(text));
}

void TestVersionInfo::aboutShowsEveryVersion()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const auto session = Session::open(scratch->settings(), QStringLiteral("default"));
    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);
    const QString about = window.aboutText();
    QVERIFY2(about.contains(versionText().toHtmlEscaped()), qPrintable(about));
    QVERIFY2(about.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())),
             qPrintable(about));
    QVERIFY2(about.contains(databaseVersionText(scratch->database()).toHtmlEscaped()),
             qPrintable(about));
}

QTEST_MAIN(TestVersionInfo)
#include "tst_versioninfo.moc"
