// SPDX-License-Identifier: GPL-3.0-or-later
#include "engineerror.h"
#include "findingstore.h"
#include "profilestore.h"
#include "schemamigrator.h"
#include "scratchdatabase.h"
#include "snapshotstore.h"
#include "tenantstore.h"
#include "workspacestore.h"

#include <QSqlQuery>
#include <QTest>

using namespace driftdesk;

class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migratesAnEmptyDatabase_data() { testsupport::addBackendRows(); }
    void migratesAnEmptyDatabase();
    void refusesANewerSchema_data() { testsupport::addBackendRows(); }
    void refusesANewerSchema();
    void failedMigrationLeavesNothing_data() { testsupport::addBackendRows(); }
    void failedMigrationLeavesNothing();
    void namedIndexesExist_data() { testsupport::addBackendRows(); }
    void namedIndexesExist();
    void findingFingerprintIsUniquePerTenant_data() { testsupport::addBackendRows(); }
    void findingFingerprintIsUniquePerTenant();
    void snapshotsAreImmutable_data() { testsupport::addBackendRows(); }
    void snapshotsAreImmutable();
    void deletingAProfileDeletesItsSnapshots_data() { testsupport::addBackendRows(); }
    void deletingAProfileDeletesItsSnapshots();
    void deletingATenantKeepsSnapshots_data() { testsupport::addBackendRows(); }
    void deletingATenantKeepsSnapshots();
    void splitsStatements();
    void identityMatchingUpgradeKeepsFindings_data() { testsupport::addBackendRows(); }
    void identityMatchingUpgradeKeepsFindings();
};

namespace {

int count(Database& database, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery query = database.run(sql, values);
    return query.next() ? query.value(0).toInt() : -1;
}

/// Runs a statement that must fail; returns the error message.
QString failure(Database& database, const QString& sql)
{
    try {
        database.run(sql);
    } catch (const EngineError& error) {
        return error.message();
    }
    return {};
}

/// A profile with one snapshot of two items, written through the stores.
struct SnapshotFixture
{
    qint64 workspaceId = 0;
    qint64 tenantId = 0;
    qint64 profileId = 0;
    qint64 snapshotId = 0;
};

SnapshotFixture makeSnapshot(testsupport::ScratchDatabase& scratch)
{
    SnapshotFixture fixture;
    Database& database = scratch.database();
    fixture.workspaceId = scratch.workspaceId();
    fixture.tenantId = TenantStore(database, fixture.workspaceId).add(QStringLiteral("Contoso")).id;
    ProfileDraft draft;
    draft.name = QStringLiteral("Baseline");
    fixture.profileId = ProfileStore(database, fixture.workspaceId).create(draft).id;

    BaselineSnapshot snapshot;
    snapshot.baselineProfileId = fixture.profileId;
    snapshot.identityHash = QStringLiteral("identity");
    snapshot.capturedAt = QDateTime::currentDateTimeUtc();
    snapshot.summary = {{"covered_types", {"compliancePolicies"}}};
    snapshot.sourceTenantId = fixture.tenantId;
    std::vector<BaselineSnapshotItem> items(2);
    for (int i = 0; i < 2; ++i) {
        items[i].subjectType = QStringLiteral("windows10CompliancePolicy");
        items[i].subjectExternalId = QStringLiteral("subject-%1").arg(i);
        items[i].policyType = QStringLiteral("compliancePolicies");
        items[i].baselineHash = QStringLiteral("hash-%1").arg(i);
        items[i].meta
            = {{"meta_contract", {{"version", 1}, {"payload", nlohmann::json::object()}}}};
    }
    Transaction transaction(database);
    fixture.snapshotId = SnapshotStore(database, fixture.workspaceId).insert(snapshot, items);
    ProfileStore(database, fixture.workspaceId)
        .setActiveSnapshot(fixture.profileId, fixture.snapshotId);
    transaction.commit();
    return fixture;
}

} // namespace

void TestSchema::migratesAnEmptyDatabase()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    SchemaMigrator migrator(scratch->database());
    QCOMPARE(migrator.currentVersion(), 0);
    QVERIFY_THROWS_EXCEPTION(EngineError, migrator.requireCurrent());

    const auto first = migrator.migrate();
    QCOMPARE(first.fromVersion, 0);
    QCOMPARE(first.toVersion, migrator.latestVersion());
    QCOMPARE(first.applied,
             (QStringList{"0001_initial", "0002_setting_definitions", "0003_findings_default_order",
                          "0004_identity_matching", "0005_workspace_isolation"}));
    migrator.requireCurrent();

    // Again: nothing to do, and still one default workspace.
    const auto second = migrator.migrate();
    QVERIFY(second.applied.isEmpty());
    QCOMPARE(count(scratch->database(), QStringLiteral("SELECT COUNT(*) FROM workspaces")), 1);
    QCOMPARE(WorkspaceStore(scratch->database()).byName(QStringLiteral("default")).name,
             QStringLiteral("default"));
}

void TestSchema::refusesANewerSchema()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    scratch->database().run(QStringLiteral("INSERT INTO schema_migrations (version, name, "
                                           "applied_at) VALUES (999, 'future', 'x')"));
    SchemaMigrator migrator(scratch->database());
    try {
        migrator.migrate();
        QFAIL("a newer schema was accepted");
    } catch (const EngineError& error) {
        QVERIFY2(error.message().contains(QLatin1String("version 999, newer than")),
                 qPrintable(error.message()));
    }
    QVERIFY_THROWS_EXCEPTION(EngineError, migrator.requireCurrent());
}

void TestSchema::failedMigrationLeavesNothing()
{
    // A table the first migration creates already exists: the migration fails half-way and
    // must roll back every statement before the failing one.
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    scratch->database().run(QStringLiteral("CREATE TABLE findings (id integer)"));
    QVERIFY_THROWS_EXCEPTION(EngineError, SchemaMigrator(scratch->database()).migrate());
    const QStringList tables = scratch->database().connection().tables();
    QVERIFY2(!tables.contains(QStringLiteral("workspaces")), qPrintable(tables.join(u',')));
    QVERIFY(!tables.contains(QStringLiteral("tenants")));
    QCOMPARE(SchemaMigrator(scratch->database()).currentVersion(), 0);
}

void TestSchema::namedIndexesExist()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    Database& database = scratch->database();
    const auto indexColumns = [&](const QString& index) {
        QStringList columns;
        if (database.backend() == Backend::Sqlite) {
            QSqlQuery query = database.run(
                QStringLiteral("SELECT name FROM pragma_index_info(?) ORDER BY seqno"), {index});
            while (query.next())
                columns.append(query.value(0).toString());
        } else {
            QSqlQuery query = database.run(
                QStringLiteral("SELECT a.attname FROM pg_index i "
                               "JOIN pg_class c ON c.oid = i.indexrelid "
                               "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(n, o) "
                               "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n "
                               "WHERE c.relname = ? ORDER BY k.o"),
                {index});
            while (query.next())
                columns.append(query.value(0).toString());
        }
        return columns;
    };
    QCOMPARE(indexColumns(QStringLiteral("findings_tenant_scope_idx")),
             (QStringList{"tenant_id", "scope_key"}));
    QCOMPARE(indexColumns(QStringLiteral("baseline_snapshot_items_snapshot_type_idx")),
             (QStringList{"baseline_snapshot_id", "policy_type"}));
}

void TestSchema::findingFingerprintIsUniquePerTenant()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const SnapshotFixture fixture = makeSnapshot(*scratch);
    const QString insert = QStringLiteral(
        "INSERT INTO findings (workspace_id, tenant_id, baseline_profile_id, baseline_snapshot_id, "
        "policy_type, subject_type, subject_external_id, change_type, severity, status, "
        "fingerprint, scope_key, first_seen_at, last_seen_at, times_seen, evidence, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, 'compliancePolicies', 's', 'x', 'missing_policy', "
        "'high', 'open', 'same', 'k', ?, ?, 1, '{}', ?, ?)");
    const QVariant now = scratch->database().timestampValue(QDateTime::currentDateTimeUtc());
    const QVariantList values{fixture.workspaceId,
                              fixture.tenantId,
                              fixture.profileId,
                              fixture.snapshotId,
                              now,
                              now,
                              now,
                              now};
    scratch->database().run(insert, values);
    QVERIFY_THROWS_EXCEPTION(EngineError, scratch->database().run(insert, values));

    // Another tenant may hold the same fingerprint.
    QVariantList other = values;
    other[1]
        = TenantStore(scratch->database(), fixture.workspaceId).add(QStringLiteral("Other")).id;
    scratch->database().run(insert, other);
}

void TestSchema::identityMatchingUpgradeKeepsFindings()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    Database& database = scratch->database();
    SchemaMigrator(database).migrate(3);
    const qint64 workspace = scratch->workspaceId();
    const qint64 tenant = TenantStore(database, workspace).add(QStringLiteral("Contoso")).id;
    const QVariant now = database.timestampValue(QDateTime::currentDateTimeUtc());

    // A version 3 profile, snapshot and finding, written as that schema knew them.
    QSqlQuery profileRow = database.run(
        QStringLiteral("INSERT INTO baseline_profiles (workspace_id, name, scope_jsonb, "
                       "created_at, updated_at) VALUES (?, 'Old', ?, ?, ?) RETURNING id"),
        {workspace, QStringLiteral(R"({"policy_types":[],"foundation_types":[]})"), now, now});
    QVERIFY(profileRow.next());
    const qint64 profile = profileRow.value(0).toLongLong();
    profileRow.finish(); // SQLite commits nothing while a statement is still open
    BaselineSnapshot snapshot;
    snapshot.baselineProfileId = profile;
    snapshot.identityHash = QStringLiteral("identity");
    snapshot.capturedAt = QDateTime::currentDateTimeUtc();
    snapshot.summary = nlohmann::json::object();
    qint64 snapshotId = 0;
    {
        Transaction transaction(database);
        snapshotId = SnapshotStore(database, workspace).insert(snapshot, {});
        transaction.commit();
    }
    const QString insertFinding = QStringLiteral(
        "INSERT INTO findings (workspace_id, tenant_id, baseline_profile_id, baseline_snapshot_id, "
        "policy_type, subject_type, subject_external_id, change_type, severity, status, "
        "fingerprint, scope_key, first_seen_at, last_seen_at, times_seen, evidence, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, 'compliancePolicies', 's', 'x', ?, 'high', 'open', ?, "
        "'k', ?, ?, 3, '{\"differences\":[]}', ?, ?)");
    const auto findingValues = [&](const QString& changeType, const QString& fingerprint) {
        return QVariantList{workspace,   tenant, profile, snapshotId, changeType,
                            fingerprint, now,    now,     now,        now};
    };
    database.run(insertFinding,
                 findingValues(QStringLiteral("missing_policy"), QStringLiteral("old")));
    QVERIFY_THROWS_EXCEPTION(
        EngineError,
        database.run(insertFinding,
                     findingValues(QStringLiteral("ambiguous_match"), QStringLiteral("refused"))));

    const auto outcome = SchemaMigrator(database).migrate(4);
    QCOMPARE(outcome.applied, QStringList{"0004_identity_matching"});

    // The finding survives whole (SQLite rebuilt its table), the profile matches by id.
    const QList<Finding> findings = FindingStore(database, workspace).list({});
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].fingerprint, QStringLiteral("old"));
    QCOMPARE(findings[0].timesSeen, 3);
    QCOMPARE(testsupport::js(findings[0].evidence), QStringLiteral(R"({"differences":[]})"));
    const BaselineProfile upgraded = ProfileStore(database, workspace).require(profile);
    QCOMPARE(upgraded.matchingMode, MatchingMode::byId);
    QCOMPARE(upgraded.versionSuffixPattern, defaultVersionSuffixPattern);

    // The new change type is accepted, an unknown one still refused, the indexes are back.
    database.run(insertFinding,
                 findingValues(QStringLiteral("ambiguous_match"), QStringLiteral("new")));
    QVERIFY_THROWS_EXCEPTION(
        EngineError,
        database.run(insertFinding, findingValues(QStringLiteral("bogus"), QStringLiteral("bad"))));
    QVERIFY_THROWS_EXCEPTION(
        EngineError,
        database.run(insertFinding,
                     findingValues(QStringLiteral("missing_policy"), QStringLiteral("old"))));
    if (database.backend() == Backend::Sqlite) {
        QCOMPARE(count(database,
                       QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE "
                                      "type = 'index' AND tbl_name = 'findings' "
                                      "AND name LIKE 'findings_%_idx'")),
                 3);
    } else {
        QCOMPARE(count(database,
                       QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE "
                                      "tablename = 'findings' "
                                      "AND indexname LIKE 'findings_%_idx'")),
                 3);
    }
}

void TestSchema::snapshotsAreImmutable()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const SnapshotFixture fixture = makeSnapshot(*scratch);
    Database& database = scratch->database();

    // Raw SQL, as anyone with access to the database could write it.
    QVERIFY(failure(database, QStringLiteral("UPDATE baseline_snapshots SET summary_jsonb = '{}'"))
                .contains(QLatin1String("immutable")));
    QVERIFY(failure(database,
                    QStringLiteral("UPDATE baseline_snapshot_items "
                                   "SET baseline_hash = 'forged'"))
                .contains(QLatin1String("immutable")));
    QVERIFY(failure(database, QStringLiteral("DELETE FROM baseline_snapshot_items"))
                .contains(QLatin1String("immutable")));
    QVERIFY(failure(database, QStringLiteral("DELETE FROM baseline_snapshots"))
                .contains(QLatin1String("immutable")));
    if (database.backend() == Backend::PostgreSql) {
        QVERIFY(failure(database, QStringLiteral("TRUNCATE baseline_snapshot_items CASCADE"))
                    .contains(QLatin1String("immutable")));
    }

    // A temporary table of the same name as a parent, which unqualified names in a trigger
    // would find first, must not persuade the guards that the parent is gone.
    database.run(QStringLiteral("CREATE TEMP TABLE baseline_profiles (id bigint)"));
    database.run(QStringLiteral("CREATE TEMP TABLE baseline_snapshots (id bigint)"));
    const QString main
        = database.backend() == Backend::Sqlite ? QStringLiteral("main") : QStringLiteral("public");
    QVERIFY(failure(database, QStringLiteral("DELETE FROM %1.baseline_snapshot_items").arg(main))
                .contains(QLatin1String("immutable")));
    QVERIFY(failure(database, QStringLiteral("DELETE FROM %1.baseline_snapshots").arg(main))
                .contains(QLatin1String("immutable")));
    const QString temp = database.backend() == Backend::Sqlite ? QStringLiteral("temp")
                                                               : QStringLiteral("pg_temp");
    database.run(QStringLiteral("DROP TABLE %1.baseline_profiles").arg(temp));
    database.run(QStringLiteral("DROP TABLE %1.baseline_snapshots").arg(temp));

    QCOMPARE(count(database,
                   QStringLiteral("SELECT COUNT(*) FROM baseline_snapshot_items "
                                  "WHERE baseline_hash LIKE 'hash-%'")),
             2);
    QCOMPARE(count(database, QStringLiteral("SELECT COUNT(*) FROM baseline_snapshots")), 1);
    QCOMPARE(SnapshotStore(database, fixture.workspaceId).itemCount(fixture.snapshotId), 2);
}

void TestSchema::deletingAProfileDeletesItsSnapshots()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const SnapshotFixture fixture = makeSnapshot(*scratch);
    Database& database = scratch->database();
    ProfileStore profiles(database, fixture.workspaceId);
    profiles.assign(fixture.profileId, fixture.tenantId);

    profiles.remove(fixture.profileId);
    QCOMPARE(count(database, QStringLiteral("SELECT COUNT(*) FROM baseline_snapshots")), 0);
    QCOMPARE(count(database, QStringLiteral("SELECT COUNT(*) FROM baseline_snapshot_items")), 0);
    QCOMPARE(count(database, QStringLiteral("SELECT COUNT(*) FROM baseline_tenant_assignments")),
             0);
    QCOMPARE(count(database, QStringLiteral("SELECT COUNT(*) FROM tenants")), 1);
}

void TestSchema::deletingATenantKeepsSnapshots()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const SnapshotFixture fixture = makeSnapshot(*scratch);
    Database& database = scratch->database();
    TenantStore(database, fixture.workspaceId).remove(fixture.tenantId);
    QCOMPARE(count(database, QStringLiteral("SELECT COUNT(*) FROM tenants")), 0);
    QCOMPARE(count(database, QStringLiteral("SELECT COUNT(*) FROM baseline_snapshot_items")), 2);
    QCOMPARE(count(database, QStringLiteral("SELECT source_tenant_id FROM baseline_snapshots")),
             static_cast<int>(fixture.tenantId));
}

void TestSchema::splitsStatements()
{
    const QString script = QStringLiteral("-- a comment; with a semicolon\n"
                                          "CREATE TABLE a (x integer);\n"
                                          "\n"
                                          "CREATE FUNCTION f() RETURNS trigger\n"
                                          "LANGUAGE plpgsql AS $$\n"
                                          "BEGIN\n"
                                          "    RAISE EXCEPTION 'no; never';\n"
                                          "END\n"
                                          "$$;\n"
                                          "CREATE TRIGGER t BEFORE UPDATE ON a\n"
                                          "BEGIN\n"
                                          "    SELECT RAISE(ABORT, 'immutable');\n"
                                          "END;\n"
                                          "CREATE INDEX i ON a (x);\n");
    const QStringList statements = SchemaMigrator::splitStatements(script);
    QCOMPARE(statements.size(), 4);
    QCOMPARE(statements[0], QStringLiteral("CREATE TABLE a (x integer)"));
    QVERIFY(statements[1].startsWith(QLatin1String("CREATE FUNCTION")));
    QVERIFY(statements[1].endsWith(QLatin1String("$$")));
    QVERIFY(statements[2].endsWith(QLatin1String("END")));
    QCOMPARE(statements[3], QStringLiteral("CREATE INDEX i ON a (x)"));
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
