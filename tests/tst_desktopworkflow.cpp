// SPDX-License-Identifier: GPL-3.0-or-later
// The whole job in the desktop application, driving its real widgets on the offscreen
// platform, on both backends, checking the database after each step.

#include "assigntenantsdialog.h"
#include "baselinecapture.h"
#include "currentuser.h"
#include "evidenceview.h"
#include "findingsmodel.h"
#include "findingspage.h"
#include "findingstore.h"
#include "inventoryimport.h"
#include "mainwindow.h"
#include "operationrunner.h"
#include "profiledialog.h"
#include "profilespage.h"
#include "profilestore.h"
#include "runsmodel.h"
#include "runspage.h"
#include "runstore.h"
#include "scopeeditor.h"
#include "scratchdatabase.h"
#include "scriptedprompts.h"
#include "session.h"
#include "snapshotstore.h"
#include "tenantdialog.h"
#include "tenantspage.h"
#include "tenantstore.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>

using namespace driftdesk;
using namespace driftdesk::views;

class TestDesktopWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeJob_data() { testsupport::addBackendRows(); }
    void wholeJob();
    void resultNamesEveryRun_data() { testsupport::addBackendRows(); }
    void resultNamesEveryRun();
    void cancelLeavesTheDatabaseAsItWas_data() { testsupport::addBackendRows(); }
    void cancelLeavesTheDatabaseAsItWas();
    void evidenceShowsWhatTheCompareStored();

private:
    qint64 m_longestStallMs = 0;
};

namespace {

QString oib(const char* release)
{
    return testsupport::testDataPath(QStringLiteral("oib/") + QLatin1String(release));
}

void click(QWidget* page, const char* buttonName)
{
    auto* button = page->findChild<QAbstractButton*>(QLatin1String(buttonName));
    QVERIFY2(button, buttonName);
    QVERIFY2(button->isEnabled(), buttonName);
    QTest::mouseClick(button, Qt::LeftButton);
}

/// Measures the longest gap between ticks of a 5 ms timer: how long the event loop stalled.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this,
                [this] { m_longest = std::max(m_longest, m_clock.restart()); });
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

/// Clicks a button that starts an operation and waits for it to end; returns its results.
QList<RunResult> runOperation(MainWindow& window, QWidget* page, const char* buttonName,
                              qint64* stallMs = nullptr)
{
    QSignalSpy finished(&window.runner(), &OperationRunner::finished);
    StallProbe probe;
    click(page, buttonName);
    if (finished.isEmpty() && !finished.wait(120000))
        return {};
    // The pages refresh as the operation ends: let the probe tick once more to see that too.
    QTest::qWait(20);
    if (stallMs)
        *stallMs = std::max(*stallMs, probe.longestMs());
    return finished.first().at(1).value<QList<RunResult>>();
}

/// Tenants Reference (v3.6, the baseline of profile "OIB") and a second tenant assigned to
/// the profile, set up through the engine. The second tenant gets `secondExport`, or nothing.
struct Prepared
{
    qint64 reference = 0;
    qint64 second = 0;
    qint64 profile = 0;
};

Prepared prepare(Database& db, qint64 workspace, const QString& secondName,
                 const char* secondExport)
{
    Prepared ids;
    TenantStore tenants(db, workspace);
    ids.reference = tenants.add(QStringLiteral("Reference")).id;
    ids.second = tenants.add(secondName).id;
    ProfileDraft draft;
    draft.name = QStringLiteral("OIB");
    ids.profile = ProfileStore(db, workspace).create(draft).id;
    ProfileStore(db, workspace).assign(ids.profile, ids.second);
    OperationControl control;
    InventoryImport(db, workspace).run({ids.reference, oib("windows-v3.6"), {}}, control);
    if (secondExport)
        InventoryImport(db, workspace).run({ids.second, oib(secondExport), {}}, control);
    BaselineCapture(db, workspace).run({ids.profile, ids.reference}, control);
    return ids;
}

void closeWithButton(QDialog& dialog, QDialogButtonBox::StandardButton which)
{
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

} // namespace

void TestDesktopWorkflow::wholeJob()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const auto session = Session::open(scratch->settings(), QStringLiteral("default"));
    Database& db = scratch->database();
    const qint64 workspace = scratch->workspaceId();
    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Tenants: add two, import an export into each. A refused name keeps the dialog open with
    // the reason and what was typed.
    TenantsPage* tenants = window.tenantsPage();
    tenants->tenantDialogHook = [](TenantDialog& dialog) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("42"));
        QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(dialog.errorLabel()->text().contains(QLatin1String("cannot be a number")));
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("42"));
        dialog.nameEdit()->setText(QStringLiteral("Reference"));
        QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
    };
    click(tenants, "addButton");
    tenants->tenantDialogHook = [](TenantDialog& dialog) {
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Fabrikam"));
        QTest::keyClicks(dialog.externalIdEdit(),
                         QStringLiteral("{6F1D3C27-8C1B-4C8E-9D6A-2B9E0A51C001}"));
        closeWithButton(dialog, QDialogButtonBox::Save);
    };
    click(tenants, "addButton");
    const QList<Tenant> stored = TenantStore(db, workspace).list();
    QCOMPARE(stored.size(), 2);
    const qint64 fabrikam = TenantStore(db, workspace).resolve(QStringLiteral("Fabrikam")).id;
    QCOMPARE(TenantStore(db, workspace).byId(fabrikam)->externalId,
             QStringLiteral("6f1d3c27-8c1b-4c8e-9d6a-2b9e0a51c001"));
    const qint64 reference = TenantStore(db, workspace).resolve(QStringLiteral("Reference")).id;

    QVERIFY(tenants->selectTenant(reference));
    prompts.folders << oib("windows-v3.6");
    QList<RunResult> results = runOperation(window, tenants, "importButton");
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].outcome, RunOutcome::succeeded);
    QCOMPARE(RunStore(db, workspace).latestInventorySync(reference)->id, results[0].runId);
    QVERIFY(tenants->selectTenant(reference));
    QCOMPARE(tenants->coverageTable()->rowCount(), 7);

    QVERIFY(tenants->selectTenant(fabrikam));
    prompts.folders << oib("windows-v3.7");
    results = runOperation(window, tenants, "importButton");
    QCOMPARE(results[0].outcome, RunOutcome::succeeded);

    // Profiles: create one with an empty scope, which means every policy type.
    window.showPage(MainWindow::ProfilesPageIndex);
    ProfilesPage* profiles = window.profilesPage();
    profiles->profileDialogHook = [](ProfileDialog& dialog) {
        // Saving without a name is refused in the dialog.
        closeWithButton(dialog, QDialogButtonBox::Save);
        QVERIFY(!dialog.errorLabel()->isHidden());
        QCOMPARE(dialog.errorLabel()->text(), QStringLiteral("Give the profile a name."));
        QVERIFY(dialog.result() != QDialog::Accepted);

        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("OIB Windows"));
        QTest::keyClicks(dialog.versionEdit(), QStringLiteral("v3.6"));
        const auto labels = dialog.scopeEditor()->findChildren<QLabel*>();
        const bool explainsEmpty = std::any_of(labels.begin(), labels.end(), [](QLabel* label) {
            return label->text().contains(QLatin1String("all supported policy types"));
        });
        QVERIFY(explainsEmpty);
        closeWithButton(dialog, QDialogButtonBox::Save);
    };
    click(profiles, "newButton");
    BaselineProfile profile = ProfileStore(db, workspace).resolve(QStringLiteral("OIB Windows"));
    QCOMPARE(profile.versionLabel, QStringLiteral("v3.6"));
    QCOMPARE(testsupport::js(profile.scope),
             QStringLiteral(R"({"foundation_types":[],"policy_types":[]})"));

    // Narrow the scope in the editor, then widen it again.
    QVERIFY(profiles->selectProfile(profile.id));
    profiles->profileDialogHook = [](ProfileDialog& dialog) {
        QListWidget* policies = dialog.scopeEditor()->policyList();
        for (int row = 0; row < policies->count(); ++row) {
            if (policies->item(row)->toolTip() == QLatin1String("compliancePolicies"))
                policies->item(row)->setCheckState(Qt::Checked);
        }
        dialog.scopeEditor()->foundationList()->item(0)->setCheckState(Qt::Checked);
        closeWithButton(dialog, QDialogButtonBox::Save);
    };
    click(profiles, "editButton");
    profile = *ProfileStore(db, workspace).byId(profile.id);
    QCOMPARE(testsupport::js(profile.scope),
             QStringLiteral(R"({"foundation_types":["securityBaselines"],)"
                            R"("policy_types":["compliancePolicies"]})"));
    // Widen the scope again, and match tenants by name and type: the suffix pattern can only
    // be edited then, and a broken one is refused in the dialog.
    profiles->profileDialogHook = [](ProfileDialog& dialog) {
        QCOMPARE(dialog.scopeEditor()->scope().policyTypes(), QStringList{"compliancePolicies"});
        dialog.scopeEditor()->setScope(BaselineScope());
        QVERIFY(!dialog.versionSuffixEdit()->isEnabled());
        dialog.matchingBox()->setCurrentIndex(
            dialog.matchingBox()->findData(MatchingMode::byIdentity));
        QVERIFY(dialog.versionSuffixEdit()->isEnabled());
        QCOMPARE(dialog.versionSuffixEdit()->text(), defaultVersionSuffixPattern);
        dialog.versionSuffixEdit()->setText(QStringLiteral("\\s*-\\s*v(\\d+"));
        closeWithButton(dialog, QDialogButtonBox::Save);
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("version suffix pattern")),
                 qPrintable(dialog.errorLabel()->text()));
        dialog.versionSuffixEdit()->setText(defaultVersionSuffixPattern);
        closeWithButton(dialog, QDialogButtonBox::Save);
    };
    click(profiles, "editButton");
    profile = *ProfileStore(db, workspace).byId(profile.id);
    QCOMPARE(testsupport::js(profile.scope),
             QStringLiteral(R"({"foundation_types":[],"policy_types":[]})"));
    QCOMPARE(profile.matchingMode, MatchingMode::byIdentity);
    QCOMPARE(profile.versionSuffixPattern, defaultVersionSuffixPattern);

    // Assign Fabrikam.
    profiles->assignDialogHook = [](AssignTenantsDialog& dialog) {
        for (int row = 0; row < dialog.list()->count(); ++row) {
            if (dialog.list()->item(row)->text() == QLatin1String("Fabrikam"))
                dialog.list()->item(row)->setCheckState(Qt::Checked);
        }
        closeWithButton(dialog, QDialogButtonBox::Ok);
    };
    click(profiles, "assignButton");
    QCOMPARE(ProfileStore(db, workspace).assignedTenantIds(profile.id), QList<qint64>{fabrikam});

    // Capture from Reference, then compare: the GUI stays responsive throughout.
    prompts.choices << QStringLiteral("Reference");
    results = runOperation(window, profiles, "captureButton", &m_longestStallMs);
    QCOMPARE(results[0].outcome, RunOutcome::succeeded);
    profile = *ProfileStore(db, workspace).byId(profile.id);
    QVERIFY(profile.activeSnapshotId.has_value());
    QCOMPARE(SnapshotStore(db, workspace).itemCount(*profile.activeSnapshotId), 67);

    results = runOperation(window, profiles, "compareButton", &m_longestStallMs);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].outcome, RunOutcome::succeeded);
    FindingFilter onFabrikam;
    onFabrikam.tenantId = fabrikam;
    QCOMPARE(FindingStore(db, workspace).list(onFabrikam).size(), 18);
    // The result names the run with a working link.
    QTextDocument result;
    result.setHtml(window.resultLabel()->text());
    QVERIFY2(result.toPlainText().contains(QStringLiteral("run %1").arg(results[0].runId)),
             qPrintable(result.toPlainText()));
    QVERIFY(window.resultLabel()->text().contains(
        QStringLiteral("href=\"run:%1\"").arg(results[0].runId)));
    qInfo("longest event-loop stall during capture and compare: %lld ms", m_longestStallMs);
    QVERIFY2(m_longestStallMs < 1000, "the GUI thread blocked for a second or more");

    // Matched by name and type, the two releases differ exactly as they do by id (the
    // OpenIntuneBaseline releases keep their ids): the same 18 findings.
    // Findings: filter by change type and text.
    window.showPage(MainWindow::FindingsPageIndex);
    FindingsPage* findings = window.findingsPage();
    QTRY_COMPARE(findings->countLabel()->text(), QStringLiteral("18 findings"));
    findings->changeFilter()->setCurrentIndex(
        findings->changeFilter()->findData(ChangeType::missingPolicy));
    QCOMPARE(findings->model()->rowCount(), 4);
    QTest::keyClicks(findings->textFilter(), QStringLiteral("chrome"));
    findings->applyFilter();
    QCOMPARE(findings->model()->rowCount(), 3);
    QTRY_COMPARE(findings->countLabel()->text(), QStringLiteral("3 findings"));

    // Open the ASR rules finding: its evidence names the changed settings with both values.
    findings->changeFilter()->setCurrentIndex(0);
    findings->textFilter()->setText(QStringLiteral("ASR Rules (L2)"));
    findings->applyFilter();
    QCOMPARE(findings->model()->rowCount(), 1);
    findings->table()->selectRow(0);
    const qint64 asr = findings->selectedFindingId();
    QVERIFY(asr != 0);
    const QString evidence = findings->evidence()->toPlainText();
    QVERIFY2(evidence.contains(QLatin1String("3 changed properties")), qPrintable(evidence));
    QVERIFY(evidence.contains(QLatin1String("_audit")));
    QVERIFY(evidence.contains(QLatin1String("_block")));
    QVERIFY(!evidence.contains(QLatin1String("Block use of copied or impersonated system tools")));

    // With a settings-definitions catalog imported (File menu), the same evidence reads as
    // setting names and chosen options.
    QAction* importDefinitions = nullptr;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == QStringLiteral("Import setting &definitions…"))
            importDefinitions = action;
    }
    QVERIFY(importDefinitions);
    QSignalSpy imported(&window, &MainWindow::definitionsImported);
    prompts.folders << testsupport::testDataPath(QStringLiteral("settings-definitions"));
    importDefinitions->trigger();
    QVERIFY(imported.wait(60000));
    QCOMPARE(imported.first().at(0).toString(),
             QStringLiteral("Imported 6 setting definitions from 2 files"));
    findings->table()->selectRow(0);
    const QString readable = findings->evidence()->toPlainText();
    QVERIFY2(readable.contains(QLatin1String("children[Block use of copied or impersonated "
                                             "system tools]")),
             qPrintable(readable));
    QVERIFY(readable.contains(QLatin1String("settings[Attack Surface Reduction Rules]")));
    QVERIFY(readable.contains(QLatin1String("Audit (device_vendor_msft_policy_config_defender_"
                                            "attacksurfacereductionrules_blockuseofcopiedor"
                                            "impersonatedsystemtools_audit)")));

    // Acknowledge it with a note: who and when are recorded, and it leaves the open list.
    prompts.texts << QStringLiteral("accepted until the Q3 review");
    click(findings, "acknowledgeButton");
    const Finding acknowledged = *FindingStore(db, workspace).byId(asr);
    QCOMPARE(acknowledged.status, FindingStatus::acknowledged);
    QCOMPARE(acknowledged.acknowledgementNote, QStringLiteral("accepted until the Q3 review"));
    QCOMPARE(acknowledged.acknowledgedBy, currentUserName());
    QVERIFY(acknowledged.acknowledgedAt.isValid());
    QCOMPARE(findings->model()->rowCount(), 0);

    // Reopen it from the acknowledged list.
    findings->statusFilter()->setCurrentIndex(
        findings->statusFilter()->findData(FindingStatus::acknowledged));
    QCOMPARE(findings->model()->rowCount(), 1);
    findings->table()->selectRow(0);
    click(findings, "reopenButton");
    QCOMPARE(FindingStore(db, workspace).byId(asr)->status, FindingStatus::open);

    // Export what the filter shows, in the table's order, as CSV and as JSON.
    findings->statusFilter()->setCurrentIndex(0);
    findings->textFilter()->clear();
    findings->applyFilter();
    QCOMPARE(findings->model()->rowCount(), 18);
    findings->table()->sortByColumn(models::FindingsModel::DisplayNameColumn, Qt::DescendingOrder);
    QTemporaryDir folder;
    prompts.saveNames << folder.filePath(QStringLiteral("findings.csv"))
                      << folder.filePath(QStringLiteral("findings.json"));
    click(findings, "exportButton");
    QTRY_COMPARE(window.resultLabel()->text(),
                 QStringLiteral("Exported 18 findings to %1").arg(folder.filePath("findings.csv")));
    click(findings, "exportButton");
    QFile csv(folder.filePath(QStringLiteral("findings.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count("\r\n"), 19);
    QFile json(folder.filePath(QStringLiteral("findings.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const auto exported = nlohmann::json::parse(json.readAll().toStdString());
    QCOMPARE(exported.size(), std::size_t(18));
    for (int row = 0; row < 18; ++row) {
        QCOMPARE(
            exported[row]["id"].get<qint64>(),
            findings->model()->index(row, 0).data(models::PagedTableModel::IdRole).toLongLong());
    }

    // The result's link opens the run, described in readable form.
    QMetaObject::invokeMethod(window.resultLabel(), "linkActivated",
                              Q_ARG(QString, QStringLiteral("run:%1").arg(results[0].runId)));
    QCOMPARE(window.currentPage(), MainWindow::RunsPageIndex);
    const QString run = window.runsPage()->detail()->toPlainText();
    QVERIFY2(run.contains(QLatin1String("Compared types")), qPrintable(run));
    QVERIFY(run.contains(QLatin1String("findings_opened")));

    // Deleting a tenant clears it from every page at once: its findings, its runs, and the
    // profile's assignment.
    window.showPage(MainWindow::TenantsPageIndex);
    QVERIFY(tenants->selectTenant(fabrikam));
    prompts.confirmations << true;
    click(tenants, "deleteButton");
    QVERIFY(!TenantStore(db, workspace).byId(fabrikam));
    QCOMPARE(findings->model()->rowCount(), 0);
    auto* runsTable = window.runsPage()->table();
    QVERIFY(runsTable->model()->rowCount() > 0);
    for (int row = 0; row < runsTable->model()->rowCount(); ++row) {
        QVERIFY(runsTable->model()->index(row, models::RunsModel::TenantColumn).data().toString()
                != QLatin1String("Fabrikam"));
    }
    QVERIFY(profiles->table()->model()->index(0, 4).data().toString().isEmpty());
    QVERIFY(prompts.errors.isEmpty());
}

void TestDesktopWorkflow::resultNamesEveryRun()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const auto session = Session::open(scratch->settings(), QStringLiteral("default"));
    Database& db = scratch->database();
    const qint64 workspace = scratch->workspaceId();
    // Contoso was never imported, so its compare blocks; Reference itself compares cleanly.
    const Prepared ids = prepare(db, workspace, QStringLiteral("Contoso"), nullptr);
    ProfileStore(db, workspace).assign(ids.profile, ids.reference);

    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);
    window.show();
    window.showPage(MainWindow::FindingsPageIndex);
    const QList<RunResult> results
        = runOperation(window, window.findingsPage(), "compareAllButton");
    QCOMPARE(results.size(), 2);
    QTextDocument label;
    label.setHtml(window.resultLabel()->text());
    const QString text = label.toPlainText();
    for (const RunResult& result : results) {
        QVERIFY2(text.contains(QStringLiteral("run %1").arg(result.runId)), qPrintable(text));
        QVERIFY2(text.contains(result.message), qPrintable(text));
    }
}

void TestDesktopWorkflow::evidenceShowsWhatTheCompareStored()
{
    // An ambiguous match lists every policy it could not tell apart.
    Finding ambiguous;
    ambiguous.displayName = QStringLiteral("Password - v3.1");
    ambiguous.changeType = ChangeType::ambiguousMatch;
    ambiguous.evidence = nlohmann::json::parse(R"({"identity": "password",
        "baseline_items": [{"subject_external_id": "s-1", "display_name": "Password - v3.1"}],
        "current_objects": [{"subject_external_id": "t-1", "display_name": "Password - v3.6"},
                            {"subject_external_id": "t-2", "display_name": "password"}]})");
    QTextDocument document;
    document.setHtml(EvidenceView::html(ambiguous, QStringLiteral("Contoso"), QStringLiteral("OIB"),
                                        SettingDefinitionCatalog()));
    const QString text = document.toPlainText();
    QVERIFY2(text.contains(QLatin1String("Ambiguous match")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Normalised name: password")));
    for (const char* expected : {"s-1", "t-1", "t-2", "Password - v3.6"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);

    // Setting names the compare stored stay readable without an imported catalog; a pair
    // matched across tenants names its baseline policy.
    Finding changed;
    changed.displayName = QStringLiteral("ASR");
    changed.changeType = ChangeType::differentVersion;
    changed.evidence = nlohmann::json::parse(R"({"baseline_subject_external_id": "s-9",
        "differences": [{"path": "settings[asr].settingInstance.groupSettingCollectionValue[0])"
                                             R"(.children[asr_usb].choiceSettingValue.value",
                         "change": "changed", "baseline": "asr_usb_block",
                         "current": "asr_usb_audit", "setting_definition_id": "asr_usb",
                         "setting_name": "Block untrusted USB processes",
                         "baseline_option": "Block", "current_option": "Audit"}]})");
    document.setHtml(EvidenceView::html(changed, QStringLiteral("Contoso"), QStringLiteral("OIB"),
                                        SettingDefinitionCatalog()));
    const QString named = document.toPlainText();
    QVERIFY2(named.contains(QLatin1String("children[Block untrusted USB processes]")),
             qPrintable(named));
    QVERIFY(named.contains(QLatin1String("Block (asr_usb_block)")));
    QVERIFY(named.contains(QLatin1String("Audit (asr_usb_audit)")));
    QVERIFY(named.contains(QLatin1String("Matched by name and type to baseline policy s-9")));
}

void TestDesktopWorkflow::cancelLeavesTheDatabaseAsItWas()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const auto session = Session::open(scratch->settings(), QStringLiteral("default"));
    Database& db = scratch->database();
    const qint64 workspace = scratch->workspaceId();
    const Prepared ids = prepare(db, workspace, QStringLiteral("Fabrikam"), "windows-v3.7");

    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);
    window.show();
    window.showPage(MainWindow::ProfilesPageIndex);
    QVERIFY(window.profilesPage()->selectProfile(ids.profile));

    // Hold the run table so the compare waits before its first step, then cancel it.
    auto blocker = Database::open(scratch->settings());
    if (db.backend() == Backend::Sqlite) {
        blocker->run(QStringLiteral("BEGIN IMMEDIATE"));
    } else {
        blocker->run(QStringLiteral("BEGIN"));
        blocker->run(QStringLiteral("LOCK TABLE operation_runs IN EXCLUSIVE MODE"));
    }
    QSignalSpy finished(&window.runner(), &OperationRunner::finished);
    click(window.profilesPage(), "compareButton");
    auto* cancel = window.findChild<QToolButton*>(QStringLiteral("cancelButton"));
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    blocker->run(QStringLiteral("COMMIT"));

    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(2).toBool(), true);
    const auto results = finished.first().at(1).value<QList<RunResult>>();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].outcome, RunOutcome::cancelled);
    QCOMPARE(RunStore(db, workspace).byId(results[0].runId)->outcome, RunOutcome::cancelled);
    QVERIFY(FindingStore(db, workspace).list({}).isEmpty());
    QVERIFY(window.resultLabel()->text().contains(QLatin1String("cancelled")));
}

QTEST_MAIN(TestDesktopWorkflow)
#include "tst_desktopworkflow.moc"
