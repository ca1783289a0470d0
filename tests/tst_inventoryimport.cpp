// SPDX-License-Identifier: GPL-3.0-or-later
#include "engineerror.h"
#include "inventoryimport.h"
#include "inventorystore.h"
#include "runstore.h"
#include "scratchdatabase.h"
#include "tenantstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace driftdesk;

class TestInventoryImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsARealExport_data() { testsupport::addBackendRows(); }
    void importsARealExport();
    void unreadableFileMakesItsFolderPartial_data() { testsupport::addBackendRows(); }
    void unreadableFileMakesItsFolderPartial();
    void typeFilterCoversExactlyTheNamedTypes_data() { testsupport::addBackendRows(); }
    void typeFilterCoversExactlyTheNamedTypes();
    void missingFolderFailsTheRun_data() { testsupport::addBackendRows(); }
    void missingFolderFailsTheRun();
    void emptyFolderFailsTheRun_data() { testsupport::addBackendRows(); }
    void emptyFolderFailsTheRun();
    void cancelledImportChangesNothing_data() { testsupport::addBackendRows(); }
    void cancelledImportChangesNothing();
};

namespace {

class CancelAtProgress : public OperationControl
{
public:
    bool isCancelled() const override { return m_cancelled; }
    void progress(int, int, const QString&) override { m_cancelled = true; }

private:
    bool m_cancelled = false;
};

QString oib(const char* release)
{
    return testsupport::testDataPath(QStringLiteral("oib/") + QLatin1String(release));
}

/// A writable copy of an export folder.
void copyFolder(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            qFatal("cannot copy %s", qPrintable(source));
    }
}

std::map<QString, int> storedCounts(InventoryStore& store, qint64 tenantId)
{
    std::map<QString, int> counts;
    for (const auto& [type, count] : store.countsByType(tenantId))
        counts[type] = count;
    return counts;
}

const nlohmann::json& coverageOf(const RunResult& result, const char* kind, const char* type)
{
    return result.context["inventory"]["coverage"][kind][type];
}

} // namespace

void TestInventoryImport::importsARealExport()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const qint64 workspace = scratch->workspaceId();
    const qint64 tenant = TenantStore(scratch->database(), workspace).add(QStringLiteral("A")).id;

    OperationControl control;
    const RunResult result = InventoryImport(scratch->database(), workspace)
                                 .run({tenant, oib("windows-v3.6"), {}}, control);
    QCOMPARE(result.outcome, RunOutcome::succeeded);
    QCOMPARE(result.summaryCounts["items_read"].get<int>(), 69);
    QCOMPARE(result.summaryCounts["items_stored"].get<int>(), 69);
    QCOMPARE(result.summaryCounts["files_failed"].get<int>(), 0);

    // Coverage: every type the five folders can hold, foundations apart.
    const auto& policies = result.context["inventory"]["coverage"]["policy_types"];
    QStringList keys;
    for (auto it = policies.begin(); it != policies.end(); ++it)
        keys.append(QString::fromStdString(it.key()));
    QCOMPARE(keys,
             (QStringList{"compliancePolicies", "deviceConfigurations", "endpointSecurityPolicies",
                          "settingsCatalogPolicies", "windowsDriverUpdateProfiles",
                          "windowsUpdateRings"}));
    QCOMPARE(testsupport::js(coverageOf(result, "policy_types", "settingsCatalogPolicies")),
             testsupport::js(
                 nlohmann::json::parse(R"({"status":"succeeded","item_count":45,"errors":[]})")));
    QCOMPARE(testsupport::js(coverageOf(result, "foundation_types", "securityBaselines")),
             testsupport::js(
                 nlohmann::json::parse(R"({"status":"succeeded","item_count":0,"errors":[]})")));

    // The duplicated LAPS id is reported with both files, and the type stays succeeded.
    QCOMPARE(result.context["ambiguous_subjects"].size(), std::size_t(1));
    const auto& ambiguous = result.context["ambiguous_subjects"][0];
    QCOMPARE(testsupport::js(ambiguous["subject_external_id"]),
             QString("ccde33f8-d5c4-411c-9bbe-371e9894d1f9"));
    QCOMPARE(testsupport::js(ambiguous["policy_type"]), QString("endpointSecurityPolicies"));
    QCOMPARE(ambiguous["files"].size(), std::size_t(2));
    QCOMPARE(
        testsupport::js(coverageOf(result, "policy_types", "endpointSecurityPolicies")["status"]),
        QString("succeeded"));

    InventoryStore store(scratch->database(), workspace);
    int ambiguousRows = 0;
    for (const InventoryRow& row : store.rows(tenant))
        ambiguousRows += row.ambiguous ? 1 : 0;
    QCOMPARE(ambiguousRows, 2);
    QCOMPARE(store.rows(tenant).size(), std::size_t(69));

    // The stored run is the latest sync, with the same coverage.
    const auto sync = RunStore(scratch->database(), workspace).latestInventorySync(tenant);
    QVERIFY(sync);
    QCOMPARE(sync->id, result.runId);
    QCOMPARE(sync->status, RunStatus::completed);
    QCOMPARE(testsupport::js(sync->context["inventory"]),
             testsupport::js(result.context["inventory"]));
}

void TestInventoryImport::unreadableFileMakesItsFolderPartial()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const qint64 workspace = scratch->workspaceId();
    const qint64 tenant = TenantStore(scratch->database(), workspace).add(QStringLiteral("A")).id;
    OperationControl control;
    InventoryImport import(scratch->database(), workspace);
    QCOMPARE(import.run({tenant, oib("windows-v3.6"), {}}, control).outcome, RunOutcome::succeeded);

    QTemporaryDir folder;
    copyFolder(oib("windows-v3.7"), folder.path());
    const QString broken = QStringLiteral(
        "SettingsCatalog/Win - OIB - SC - Device Security - D - Printing - v3.7.json");
    QFile file(folder.filePath(broken));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"id\": ");
    file.close();

    const RunResult result = import.run({tenant, folder.path(), {}}, control);
    QCOMPARE(result.outcome, RunOutcome::partiallySucceeded);
    QCOMPARE(result.context["file_errors"].size(), std::size_t(1));
    QCOMPARE(testsupport::js(result.context["file_errors"][0]["file"]),
             testsupport::js(broken.toStdString()));
    for (const char* type : {"settingsCatalogPolicies", "endpointSecurityPolicies"}) {
        const auto& coverage = coverageOf(result, "policy_types", type);
        QCOMPARE(testsupport::js(coverage["status"]), QString("partial"));
        QVERIFY(
            QString::fromStdString(coverage["errors"][0].get<std::string>()).startsWith(broken));
    }
    QCOMPARE(testsupport::js(coverageOf(result, "foundation_types", "securityBaselines")["status"]),
             QString("partial"));
    QCOMPARE(testsupport::js(coverageOf(result, "policy_types", "compliancePolicies")["status"]),
             QString("succeeded"));

    // Partial types keep the previous (v3.6) items; succeeded ones were replaced.
    InventoryStore store(scratch->database(), workspace);
    const auto counts = storedCounts(store, tenant);
    QCOMPARE(counts.at(QStringLiteral("settingsCatalogPolicies")), 45);
    QCOMPARE(counts.at(QStringLiteral("endpointSecurityPolicies")), 13);
    bool hasV36Only = false;
    for (const InventoryRow& row : store.rows(tenant, {QStringLiteral("settingsCatalogPolicies")}))
        hasV36Only = hasV36Only
            || row.subjectExternalId == QLatin1String("dd168bb8-53f9-4fa7-a6a5-de6eda3031e6");
    QVERIFY2(hasV36Only, "a v3.6-only policy should remain while the type is partial");
}

void TestInventoryImport::typeFilterCoversExactlyTheNamedTypes()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const qint64 workspace = scratch->workspaceId();
    const qint64 tenant = TenantStore(scratch->database(), workspace).add(QStringLiteral("A")).id;
    OperationControl control;
    InventoryImport import(scratch->database(), workspace);
    import.run({tenant, oib("windows-v3.6"), {}}, control);

    const RunResult result = import.run(
        {tenant,
         oib("windows-v3.7"),
         {QStringLiteral("compliancePolicies"), QStringLiteral("appProtectionPolicies")}},
        control);
    QCOMPARE(result.outcome, RunOutcome::succeeded);
    const auto& policies = result.context["inventory"]["coverage"]["policy_types"];
    QCOMPARE(policies.size(), std::size_t(2));
    QCOMPARE(testsupport::js(policies["compliancePolicies"]["item_count"]), QStringLiteral("4"));
    QCOMPARE(testsupport::js(policies["appProtectionPolicies"]),
             testsupport::js(
                 nlohmann::json::parse(R"({"status":"succeeded","item_count":0,"errors":[]})")));
    QVERIFY(result.context["inventory"]["coverage"]["foundation_types"].empty());

    // Types outside the filter keep their v3.6 items.
    InventoryStore store(scratch->database(), workspace);
    QCOMPARE(storedCounts(store, tenant).at(QStringLiteral("endpointSecurityPolicies")), 13);

    OperationControl ignored;
    try {
        import.run({tenant, oib("windows-v3.7"), { QStringLiteral("wifiProfiles") }}, ignored);
        QFAIL("an unknown type was accepted");
    } catch (const EngineError& error) {
        QVERIFY(error.message().contains(QLatin1String("wifiProfiles")));
    }
}

void TestInventoryImport::missingFolderFailsTheRun()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const qint64 workspace = scratch->workspaceId();
    const qint64 tenant = TenantStore(scratch->database(), workspace).add(QStringLiteral("A")).id;
    OperationControl control;
    const RunResult result = InventoryImport(scratch->database(), workspace)
                                 .run({tenant, QStringLiteral("/nonexistent/export"), {}}, control);
    QCOMPARE(result.outcome, RunOutcome::failed);
    QCOMPARE(result.message, QStringLiteral("/nonexistent/export does not exist"));

    const auto run = RunStore(scratch->database(), workspace).byId(result.runId);
    QVERIFY(run);
    QCOMPARE(run->status, RunStatus::completed);
    QCOMPARE(run->outcome, RunOutcome::failed);
    QCOMPARE(testsupport::js(run->context["error"]), QString("/nonexistent/export does not exist"));
    QVERIFY(InventoryStore(scratch->database(), workspace).rows(tenant).empty());
}

void TestInventoryImport::emptyFolderFailsTheRun()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const qint64 workspace = scratch->workspaceId();
    const qint64 tenant = TenantStore(scratch->database(), workspace).add(QStringLiteral("A")).id;
    QTemporaryDir empty;
    OperationControl control;
    const RunResult result
        = InventoryImport(scratch->database(), workspace).run({tenant, empty.path(), {}}, control);
    QCOMPARE(result.outcome, RunOutcome::failed);
    QVERIFY2(result.message.endsWith(QLatin1String("holds no export: no type folder and no JSON "
                                                   "file")),
             qPrintable(result.message));
}

void TestInventoryImport::cancelledImportChangesNothing()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const qint64 workspace = scratch->workspaceId();
    const qint64 tenant = TenantStore(scratch->database(), workspace).add(QStringLiteral("A")).id;
    CancelAtProgress control;
    const RunResult result = InventoryImport(scratch->database(), workspace)
                                 .run({tenant, oib("windows-v3.7"), {}}, control);
    QCOMPARE(result.outcome, RunOutcome::cancelled);
    QVERIFY(InventoryStore(scratch->database(), workspace).rows(tenant).empty());
    RunStore runs(scratch->database(), workspace);
    QCOMPARE(runs.byId(result.runId)->outcome, RunOutcome::cancelled);
    QVERIFY(!runs.latestInventorySync(tenant));
}

QTEST_GUILESS_MAIN(TestInventoryImport)
#include "tst_inventoryimport.moc"
