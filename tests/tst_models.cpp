// SPDX-License-Identifier: GPL-3.0-or-later
// The item models, checked by Qt's QAbstractItemModelTester while they load, page, sort and
// filter real data on both backends.

#include "baselinecapture.h"
#include "baselinecompare.h"
#include "findingsmodel.h"
#include "inventoryimport.h"
#include "profilesmodel.h"
#include "profilestore.h"
#include "runsmodel.h"
#include "scratchdatabase.h"
#include "snapshotitemsmodel.h"
#include "tenantsmodel.h"
#include "tenantstore.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace driftdesk;
using namespace driftdesk::models;

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findingsPageSortAndFilter_data() { testsupport::addBackendRows(); }
    void findingsPageSortAndFilter();
    void snapshotItemsPageAndFilter_data() { testsupport::addBackendRows(); }
    void snapshotItemsPageAndFilter();
    void runsTenantsAndProfiles_data() { testsupport::addBackendRows(); }
    void runsTenantsAndProfiles();
    void hostileNamesShownByteExact_data() { testsupport::addBackendRows(); }
    void hostileNamesShownByteExact();
};

namespace {

struct Filled
{
    qint64 id = 0;
    qint64 reference = 0;
    qint64 fabrikam = 0;
    qint64 profile = 0;
    qint64 snapshot = 0;
};

/// v3.6 captured from Reference, v3.7 compared in Fabrikam: 18 findings.
Filled fill(testsupport::ScratchDatabase& scratch)
{
    Filled w;
    Database& db = scratch.database();
    w.id = scratch.workspaceId();
    TenantStore tenants(db, w.id);
    w.reference = tenants.add(QStringLiteral("Reference")).id;
    w.fabrikam = tenants.add(QStringLiteral("Fabrikam")).id;
    ProfileDraft draft;
    draft.name = QStringLiteral("OIB");
    w.profile = ProfileStore(db, w.id).create(draft).id;
    ProfileStore(db, w.id).assign(w.profile, w.fabrikam);
    OperationControl control;
    const QString data = testsupport::testDataPath(QStringLiteral("oib/"));
    InventoryImport(db, w.id).run({w.reference, data + QStringLiteral("windows-v3.6"), {}},
                                  control);
    InventoryImport(db, w.id).run({w.fabrikam, data + QStringLiteral("windows-v3.7"), {}}, control);
    w.snapshot = BaselineCapture(db, w.id)
                     .run({w.profile, w.reference}, control)
                     .context["snapshot_id"]
                     .get<qint64>();
    BaselineCompare(db, w.id).run({w.fabrikam, w.profile}, control);
    return w;
}

void fetchAll(QAbstractItemModel& model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

QStringList column(const QAbstractItemModel& model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data().toString());
    return values;
}

QSet<qint64> ids(const QAbstractItemModel& model)
{
    QSet<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.insert(model.index(row, 0).data(PagedTableModel::IdRole).toLongLong());
    return result;
}

} // namespace

void TestModels::findingsPageSortAndFilter()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const Filled w = fill(*scratch);

    FindingsModel model(scratch->database(), w.id);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(5);

    // A view's sort before the first load only sets the order the first page will have: the
    // findings page sorts, then sets its filters, and reads once.
    model.sort(FindingsModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.reload();
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, FindingsModel::SeverityColumn).data().toString(),
             QStringLiteral("high"));
    QVERIFY(model.canFetchMore({}));
    fetchAll(model);
    QCOMPARE(model.rowCount(), 18);
    QCOMPARE(ids(model).size(), 18);
    QCOMPARE(model.totalCount(), 18);

    // Every column sorts in SQL; pages continue exactly after the last row loaded.
    for (int sortColumn = 0; sortColumn < FindingsModel::ColumnCount; ++sortColumn) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(sortColumn, order);
            fetchAll(model);
            QCOMPARE(model.rowCount(), 18);
            QCOMPARE(ids(model).size(), 18);
            if (sortColumn == FindingsModel::DisplayNameColumn) {
                QStringList names = column(model, sortColumn);
                QStringList sorted = names;
                std::sort(sorted.begin(), sorted.end());
                if (order == Qt::DescendingOrder)
                    std::reverse(sorted.begin(), sorted.end());
                QCOMPARE(names, sorted);
            }
        }
    }
    model.sort(FindingsModel::SeverityColumn, Qt::DescendingOrder);
    fetchAll(model);
    QCOMPARE(column(model, FindingsModel::SeverityColumn).mid(0, 4),
             QStringList(4, QStringLiteral("high")));
    QCOMPARE(column(model, FindingsModel::SeverityColumn).last(), QStringLiteral("low"));

    // Filters.
    FindingsQuery query;
    query.changeType = ChangeType::missingPolicy;
    model.setQuery(query);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 4);
    query.text = QStringLiteral("ChRoMe"); // case-insensitive
    model.setQuery(query);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 3);
    query = {};
    query.text = QStringLiteral("100%_"); // % and _ are literal characters
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 0);
    query = {};
    query.tenantId = w.reference;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 0);
    query.tenantId = w.fabrikam;
    query.policyType = QStringLiteral("endpointSecurityPolicies");
    model.setQuery(query);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 4);
}

void TestModels::snapshotItemsPageAndFilter()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const Filled w = fill(*scratch);

    SnapshotItemsModel model(scratch->database(), w.id);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(10);
    model.setSnapshot(w.snapshot);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 67);
    QCOMPARE(ids(model).size(), 67);

    model.sort(SnapshotItemsModel::DisplayNameColumn, Qt::DescendingOrder);
    fetchAll(model);
    QStringList names = column(model, SnapshotItemsModel::DisplayNameColumn);
    QVERIFY(std::is_sorted(names.rbegin(), names.rend()));

    model.setFilter(QStringLiteral("compliancePolicies"), QString());
    fetchAll(model);
    QCOMPARE(model.rowCount(), 4);
    model.setFilter(QString(), QStringLiteral("edge"));
    fetchAll(model);
    QCOMPARE(model.rowCount(), 6);
    model.setSnapshot(0);
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::runsTenantsAndProfiles()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const Filled w = fill(*scratch);

    RunsModel runs(scratch->database(), w.id);
    QAbstractItemModelTester runsTester(&runs,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    runs.setPageSize(2);
    runs.reload();
    fetchAll(runs);
    QCOMPARE(runs.rowCount(), 4);
    QCOMPARE(runs.index(0, RunsModel::TypeColumn).data().toString(),
             QStringLiteral("Baseline compare"));
    QCOMPARE(runs.index(3, RunsModel::TypeColumn).data().toString(),
             QStringLiteral("Inventory sync"));
    QCOMPARE(runs.index(0, RunsModel::TenantColumn).data().toString(), QStringLiteral("Fabrikam"));
    for (int sortColumn = 0; sortColumn < RunsModel::ColumnCount; ++sortColumn) {
        runs.sort(sortColumn, Qt::AscendingOrder);
        fetchAll(runs);
        QCOMPARE(runs.rowCount(), 4);
    }

    TenantsModel tenants(scratch->database(), w.id);
    QAbstractItemModelTester tenantsTester(&tenants,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(tenants.rowCount(), 2);
    QCOMPARE(tenants.index(0, TenantsModel::NameColumn).data().toString(),
             QStringLiteral("Fabrikam"));
    QCOMPARE(tenants.index(0, TenantsModel::CoverageColumn).data().toString(),
             QStringLiteral("7 of 7 types succeeded"));
    tenants.reload();
    QCOMPARE(tenants.rowCount(), 2);

    ProfilesModel profiles(scratch->database(), w.id);
    QAbstractItemModelTester profilesTester(&profiles,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(profiles.rowCount(), 1);
    QCOMPARE(profiles.index(0, ProfilesModel::TenantsColumn).data().toString(),
             QStringLiteral("Fabrikam"));
    QCOMPARE(profiles.index(0, ProfilesModel::ScopeColumn).data().toString(),
             QStringLiteral("All policy types; no foundation types"));
    QCOMPARE(profiles.index(0, ProfilesModel::SnapshotColumn).data().toString(),
             QString::number(w.snapshot));
}

void TestModels::hostileNamesShownByteExact()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Database& db = scratch->database();
    const qint64 workspace = scratch->workspaceId();

    // The names as the files hold them, decoded here without the engine: every character kept,
    // a U+FEFF at the start of a name too.
    const QString source
        = testsupport::testDataPath(QStringLiteral("corpus/20-hostile-names/baseline"));
    QStringList expected;
    QDirIterator files(source, {QStringLiteral("*.json")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto object = nlohmann::json::parse(file.readAll().toStdString());
        const std::string name
            = object.contains("displayName") ? object["displayName"] : object["name"];
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
        expected.append(decoder.decode(QByteArray::fromStdString(name)));
    }
    QCOMPARE(expected.size(), 9);
    QVERIFY(std::any_of(expected.begin(), expected.end(),
                        [](const QString& name) { return name.startsWith(QChar(0xfeff)); }));
    expected.sort();

    // Captured from one tenant and compared with a tenant whose folders are empty: every
    // policy is a missing finding under its own name.
    TenantStore tenants(db, workspace);
    const qint64 reference = tenants.add(QStringLiteral("Reference")).id;
    const qint64 empty = tenants.add(QStringLiteral("Empty")).id;
    ProfileDraft draft;
    draft.name = QStringLiteral("Hostile");
    const qint64 profile = ProfileStore(db, workspace).create(draft).id;
    ProfileStore(db, workspace).assign(profile, empty);
    QTemporaryDir folder;
    for (const char* type : {"CompliancePolicies", "SettingsCatalog"})
        QVERIFY(QDir(folder.path()).mkpath(QLatin1String(type)));
    OperationControl control;
    QCOMPARE(InventoryImport(db, workspace).run({reference, source, {}}, control).outcome,
             RunOutcome::succeeded);
    QCOMPARE(InventoryImport(db, workspace).run({empty, folder.path(), {}}, control).outcome,
             RunOutcome::succeeded);
    const RunResult capture = BaselineCapture(db, workspace).run({profile, reference}, control);
    QCOMPARE(capture.outcome, RunOutcome::succeeded);
    QCOMPARE(BaselineCompare(db, workspace).run({empty, profile}, control).outcome,
             RunOutcome::succeeded);

    // Sorted by name and loaded a few rows at a time, so names are paging keys too.
    FindingsModel findings(db, workspace);
    findings.setPageSize(2);
    findings.sort(FindingsModel::DisplayNameColumn, Qt::AscendingOrder);
    findings.reload();
    fetchAll(findings);
    QStringList shown = column(findings, FindingsModel::DisplayNameColumn);
    shown.sort();
    QCOMPARE(shown, expected);
    for (int row = 0; row < shown.size(); ++row)
        QCOMPARE(shown[row].toUtf8(), expected[row].toUtf8());

    SnapshotItemsModel items(db, workspace);
    items.setPageSize(2);
    items.setSnapshot(capture.context["snapshot_id"].get<qint64>());
    items.sort(SnapshotItemsModel::DisplayNameColumn, Qt::DescendingOrder);
    fetchAll(items);
    shown = column(items, SnapshotItemsModel::DisplayNameColumn);
    shown.sort();
    QCOMPARE(shown, expected);
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
