// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace isolation on PostgreSQL, enforced by row-level security: an owner role migrates and
// administers; two member roles each work in their own workspace through the engine, and neither
// can read, change or delete the other's rows, through the engine or through raw SQL.

#include "baselinecapture.h"
#include "baselinecompare.h"
#include "bulkinsert.h"
#include "driftengine.h"
#include "engineerror.h"
#include "findingstore.h"
#include "inventoryimport.h"
#include "profilestore.h"
#include "runliveness.h"
#include "runstore.h"
#include "schemamigrator.h"
#include "scratchdatabase.h"
#include "snapshotstore.h"
#include "tenantstore.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace driftdesk;

class TestIsolation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void everyWorkspaceTableIsUnderRowLevelSecurity();
    void membersSeeOnlyTheirWorkspace();
    void membersCannotChangeAnotherWorkspace();
    void compareTouchesOnlyItsOwnWorkspace();
    void snapshotsStayImmutableForMembers();
    void membershipIsTheOwnersToGrant();
    void groupRolesAndRevocation();
    void runLivenessWorksForMembers();
    void bulkInsertThroughATemporaryTableWorksForMembers();
    void findingsPageKeepsItsIndexForMembers();
    void driftctlGrantsAndWorksAsAMember();
    void sqliteFilesAreSingleUser();
};

namespace {

/// Generated names for this test's roles and database: never input, so they may be written into
/// DDL, which takes no parameters.
QString generatedName(const char* what)
{
    return QStringLiteral("dd_iso_%1_%2").arg(QCoreApplication::applicationPid()).arg(what);
}

const QString ownerRole = generatedName("owner");
const QString aliceRole = generatedName("alice");
const QString bobRole = generatedName("bob");
const QString auditorsRole = generatedName("auditors");
const QString carolRole = generatedName("carol");
const QString databaseName = generatedName("db");

ConnectionSettings serverSettings()
{
    return ConnectionSettings::fromUrl(qEnvironmentVariable("DRIFTDESK_TEST_PG_URL"));
}

ConnectionSettings settingsFor(const QString& role)
{
    return serverSettings()
        .withPostgresParameter(QStringLiteral("dbname"), databaseName)
        .withPostgresParameter(QStringLiteral("user"), role);
}

int count(Database& database, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery query = database.run(sql, values);
    return query.next() ? query.value(0).toInt() : -1;
}

/// Runs a statement that must fail; returns the error message (empty if it did not fail).
QString failure(Database& database, const QString& sql, const QVariantList& values = {})
{
    try {
        database.run(sql, values);
    } catch (const EngineError& error) {
        return error.message();
    }
    return {};
}

const QStringList workspaceTables{
    "tenants",        "baseline_profiles",  "baseline_tenant_assignments",
    "operation_runs", "inventory_items",    "baseline_snapshots",
    "findings",       "setting_definitions"};

/// Every row a workspace holds, as text, read by the owner: equal before and after means
/// nothing in it was changed.
QString workspaceDump(Database& owner, qint64 workspaceId)
{
    QString dump;
    for (const QString& table : workspaceTables) {
        QSqlQuery query
            = owner.run(QStringLiteral("SELECT t::text FROM %1 t WHERE workspace_id = ? "
                                       "ORDER BY id")
                            .arg(table),
                        {workspaceId});
        while (query.next())
            dump += table + QLatin1Char(' ') + query.value(0).toString() + QLatin1Char('\n');
    }
    QSqlQuery items = owner.run(QStringLiteral("SELECT i::text FROM baseline_snapshot_items i "
                                               "JOIN baseline_snapshots s ON s.id = "
                                               "i.baseline_snapshot_id WHERE s.workspace_id = ? "
                                               "ORDER BY i.id"),
                                {workspaceId});
    while (items.next())
        dump += QStringLiteral("item ") + items.value(0).toString() + QLatin1Char('\n');
    return dump;
}

QString oib(const char* release)
{
    return testsupport::testDataPath(QStringLiteral("oib/windows-") + QLatin1String(release));
}

/// One member's working set in its workspace, built through the engine as that member.
struct MemberWork
{
    qint64 workspaceId = 0;
    qint64 source = 0;
    qint64 target = 0;
    qint64 profile = 0;
    qint64 snapshot = 0;
};

MemberWork captureAndCompare(Database& database, qint64 workspaceId, const char* baseline,
                             const char* current)
{
    MemberWork work;
    work.workspaceId = workspaceId;
    TenantStore tenants(database, workspaceId);
    work.source = tenants.add(QStringLiteral("Reference")).id;
    work.target = tenants.add(QStringLiteral("Customer")).id;
    ProfileDraft draft;
    draft.name = QStringLiteral("OIB");
    ProfileStore profiles(database, workspaceId);
    work.profile = profiles.create(draft).id;
    profiles.assign(work.profile, work.target);

    OperationControl control;
    const auto expectSucceeded = [](const RunResult& result) {
        if (result.outcome != RunOutcome::succeeded)
            qFatal("%s run %s: %s", qPrintable(result.type), qPrintable(result.outcome),
                   qPrintable(result.message));
    };
    expectSucceeded(
        InventoryImport(database, workspaceId).run({work.source, oib(baseline), {}}, control));
    expectSucceeded(
        InventoryImport(database, workspaceId).run({work.target, oib(current), {}}, control));
    expectSucceeded(
        BaselineCapture(database, workspaceId).run({work.profile, work.source}, control));
    expectSucceeded(
        BaselineCompare(database, workspaceId).run({work.target, work.profile}, control));
    work.snapshot = profiles.require(work.profile).activeSnapshotId.value_or(0);
    return work;
}

struct Fixture
{
    std::unique_ptr<Database> admin;
    std::unique_ptr<Database> owner;
    std::unique_ptr<Database> alice;
    std::unique_ptr<Database> bob;
    MemberWork alpha;
    MemberWork beta;
};

Fixture* fixture = nullptr;

} // namespace

void TestIsolation::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DRIFTDESK_TEST_PG_URL")) {
        const char* reason = "PostgreSQL not configured: DRIFTDESK_TEST_PG_URL is unset "
                             "(scripts/test.sh starts a throwaway server)";
        if (!qEnvironmentVariableIsEmpty("DRIFTDESK_TEST_REQUIRE_PG"))
            QFAIL(reason);
        QSKIP(reason);
    }
    fixture = new Fixture;
    fixture->admin = Database::open(serverSettings());
    Database& admin = *fixture->admin;

    // Roles as an administrator creates them: an owner of the database (no superuser), two
    // login roles, and a group role with a login role in it.
    admin.run(QStringLiteral("CREATE ROLE %1 LOGIN").arg(ownerRole));
    admin.run(QStringLiteral("CREATE ROLE %1 LOGIN").arg(aliceRole));
    admin.run(QStringLiteral("CREATE ROLE %1 LOGIN").arg(bobRole));
    admin.run(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(auditorsRole));
    admin.run(QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2").arg(carolRole, auditorsRole));
    admin.run(QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(databaseName, ownerRole));

    fixture->owner = Database::open(settingsFor(ownerRole));
    SchemaMigrator(*fixture->owner).migrate();
    fixture->alice = Database::open(settingsFor(aliceRole));
    fixture->bob = Database::open(settingsFor(bobRole));

    // Alice creates her workspace herself and becomes its member; the owner creates Bob's and
    // grants it to him.
    const qint64 alphaId = WorkspaceStore(*fixture->alice).add(QStringLiteral("alpha")).id;
    const qint64 betaId = WorkspaceStore(*fixture->owner).add(QStringLiteral("beta")).id;
    QVERIFY(WorkspaceStore(*fixture->owner).grant(betaId, bobRole));

    fixture->alpha = captureAndCompare(*fixture->alice, alphaId, "v3.6", "v3.7");
    fixture->beta = captureAndCompare(*fixture->bob, betaId, "v3.3", "v3.6");
}

void TestIsolation::cleanupTestCase()
{
    if (!fixture)
        return;
    Database& admin = *fixture->admin;
    fixture->owner.reset();
    fixture->alice.reset();
    fixture->bob.reset();
    admin.run(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(databaseName));
    for (const QString& role : {carolRole, auditorsRole, bobRole, aliceRole, ownerRole})
        admin.run(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    delete fixture;
    fixture = nullptr;
}

void TestIsolation::everyWorkspaceTableIsUnderRowLevelSecurity()
{
    // Every table but the migration ledger holds workspace data: each must have row-level
    // security on and a policy, so a table a later migration adds without them fails here.
    QSqlQuery query = fixture->owner->run(
        QStringLiteral("SELECT c.relname, c.relrowsecurity, "
                       "(SELECT COUNT(*) FROM pg_policy p WHERE p.polrelid = c.oid) "
                       "FROM pg_class c WHERE c.relkind IN ('r', 'p') "
                       "AND c.relnamespace = current_schema()::regnamespace "
                       "AND c.relname <> 'schema_migrations' ORDER BY c.relname"));
    QStringList unprotected;
    int tables = 0;
    while (query.next()) {
        ++tables;
        if (!query.value(1).toBool() || query.value(2).toInt() == 0)
            unprotected.append(query.value(0).toString());
    }
    QCOMPARE(unprotected, QStringList());
    // At least the workspace tables, workspaces, workspace_members and the snapshot items.
    QVERIFY2(tables >= workspaceTables.size() + 3, qPrintable(QString::number(tables)));
}

void TestIsolation::membersSeeOnlyTheirWorkspace()
{
    Database& alice = *fixture->alice;
    Database& owner = *fixture->owner;

    const QList<Workspace> listed = WorkspaceStore(alice).list();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().name, QStringLiteral("alpha"));
    try {
        WorkspaceStore(alice).byName(QStringLiteral("beta"));
        QFAIL("alice found beta");
    } catch (const WorkspaceNotFound& error) {
        QVERIFY2(error.message().contains(QLatin1String("that you are a member of")),
                 qPrintable(error.message()));
    }

    // Raw SQL without any workspace condition: alice reads exactly alpha's rows, and there
    // are rows in beta to hide.
    for (const QString& table : workspaceTables + QStringList{"baseline_snapshot_items"}) {
        const QString all = QStringLiteral("SELECT COUNT(*) FROM %1").arg(table);
        const int aliceSees = count(alice, all);
        const int ownerSees = count(owner, all);
        int alphaHolds = 0;
        if (table == QLatin1String("baseline_snapshot_items")) {
            alphaHolds = count(owner,
                               QStringLiteral("SELECT COUNT(*) FROM baseline_snapshot_items i "
                                              "JOIN baseline_snapshots s ON s.id = "
                                              "i.baseline_snapshot_id WHERE s.workspace_id = ?"),
                               {fixture->alpha.workspaceId});
        } else {
            alphaHolds = count(owner, all + QStringLiteral(" WHERE workspace_id = ?"),
                               {fixture->alpha.workspaceId});
        }
        QVERIFY2(aliceSees == alphaHolds,
                 qPrintable(QStringLiteral("%1: alice sees %2, alpha holds %3")
                                .arg(table)
                                .arg(aliceSees)
                                .arg(alphaHolds)));
        if (table != QLatin1String("setting_definitions"))
            QVERIFY2(ownerSees > aliceSees, qPrintable(table));
    }
    QCOMPARE(count(alice, QStringLiteral("SELECT COUNT(*) FROM workspace_members")), 1);

    // The engine, asked for beta's rows by their ids, finds nothing.
    const qint64 betaId = fixture->beta.workspaceId;
    QVERIFY(FindingStore(alice, betaId).list({}).isEmpty());
    QVERIFY(!FindingStore(alice, fixture->alpha.workspaceId).list({}).isEmpty());
    QVERIFY(TenantStore(alice, betaId).list().isEmpty());
    QVERIFY(!SnapshotStore(alice, betaId).byId(fixture->beta.snapshot));
    QVERIFY(SnapshotStore(alice, betaId).items(fixture->beta.snapshot).empty());
    QVERIFY(RunStore(alice, betaId).list({}).isEmpty());
}

void TestIsolation::membersCannotChangeAnotherWorkspace()
{
    Database& alice = *fixture->alice;
    Database& owner = *fixture->owner;
    const qint64 betaId = fixture->beta.workspaceId;
    const QString betaBefore = workspaceDump(owner, betaId);
    QVERIFY(betaBefore.contains(QLatin1String("findings ")));

    // Updates and deletes aimed at beta's rows find none.
    for (const QString& table : workspaceTables) {
        QSqlQuery update = alice.run(
            QStringLiteral("UPDATE %1 SET workspace_id = workspace_id WHERE workspace_id = ?")
                .arg(table),
            {betaId});
        QCOMPARE(update.numRowsAffected(), 0);
        QSqlQuery remove = alice.run(
            QStringLiteral("DELETE FROM %1 WHERE workspace_id = ?").arg(table), {betaId});
        QCOMPARE(remove.numRowsAffected(), 0);
    }
    QCOMPARE(alice
                 .run(QStringLiteral("UPDATE findings SET status = 'acknowledged' WHERE id = ?"),
                      {FindingStore(owner, betaId).list({}).first().id})
                 .numRowsAffected(),
             0);

    // Writing a row into beta, or moving one of alpha's there, is refused by the database.
    const QVariant now = alice.timestampValue(QDateTime::currentDateTimeUtc());
    QVERIFY(failure(alice,
                    QStringLiteral("INSERT INTO tenants (workspace_id, name, created_at, "
                                   "updated_at) VALUES (?, 'Intruder', ?, ?)"),
                    {betaId, now, now})
                .contains(QLatin1String("row-level security")));
    QVERIFY(failure(alice,
                    QStringLiteral("UPDATE tenants SET workspace_id = ? WHERE workspace_id = ?"),
                    {betaId, fixture->alpha.workspaceId})
                .contains(QLatin1String("row-level security")));
    QVERIFY(failure(alice,
                    QStringLiteral("INSERT INTO baseline_snapshot_items (baseline_snapshot_id, "
                                   "subject_type, subject_external_id, policy_type, "
                                   "baseline_hash, meta_jsonb, created_at, updated_at) "
                                   "VALUES (?, 's', 'forged', 'compliancePolicies', 'h', '{}', "
                                   "?, ?)"),
                    {fixture->beta.snapshot, now, now})
                .contains(QLatin1String("row-level security")));

    // Through the engine: beta's finding cannot be acknowledged, its tenant not deleted, and a
    // compare of beta's tenant is refused whichever workspace alice names.
    const qint64 betaFinding = FindingStore(owner, betaId).list({}).first().id;
    QVERIFY_THROWS_EXCEPTION(EngineError,
                             FindingStore(alice, betaId).acknowledge(betaFinding, "alice", "x"));
    QVERIFY_THROWS_EXCEPTION(EngineError, TenantStore(alice, betaId).remove(fixture->beta.target));
    QVERIFY_THROWS_EXCEPTION(EngineError,
                             ProfileStore(alice, betaId).remove(fixture->beta.profile));
    OperationControl control;
    QVERIFY_THROWS_EXCEPTION(
        EngineError,
        BaselineCompare(alice, betaId).run({fixture->beta.target, fixture->beta.profile}, control));
    QVERIFY_THROWS_EXCEPTION(EngineError,
                             BaselineCompare(alice, fixture->alpha.workspaceId)
                                 .run({fixture->beta.target, fixture->beta.profile}, control));

    QCOMPARE(workspaceDump(owner, betaId), betaBefore);
}

void TestIsolation::compareTouchesOnlyItsOwnWorkspace()
{
    Database& owner = *fixture->owner;
    const QString betaBefore = workspaceDump(owner, fixture->beta.workspaceId);
    const QString alphaBefore = workspaceDump(owner, fixture->alpha.workspaceId);

    // Alice's customer goes back to the baseline's release: her findings resolve. The import
    // and the compare run through the engine's worker threads, each on its own connection as
    // alice, as the desktop application runs them.
    const DriftEngine engine(settingsFor(aliceRole), fixture->alpha.workspaceId);
    auto imported = engine.importInventory({fixture->alpha.target, oib("v3.6"), {}});
    imported.waitForFinished();
    QCOMPARE(imported.result().outcome, RunOutcome::succeeded);
    auto compared = engine.compare({{fixture->alpha.target, fixture->alpha.profile}});
    compared.waitForFinished();
    const RunResult result = compared.result();
    QCOMPARE(result.outcome, RunOutcome::succeeded);
    QVERIFY2(result.summaryCounts.value("findings_resolved", 0) > 0,
             result.summaryCounts.dump().c_str());

    QVERIFY(workspaceDump(owner, fixture->alpha.workspaceId) != alphaBefore);
    QCOMPARE(workspaceDump(owner, fixture->beta.workspaceId), betaBefore);
    FindingFilter open;
    open.status = FindingStatus::open;
    QVERIFY(!FindingStore(*fixture->bob, fixture->beta.workspaceId).list(open).isEmpty());
}

void TestIsolation::snapshotsStayImmutableForMembers()
{
    // Alice's own snapshot: visible to her, and still immutable to her.
    Database& alice = *fixture->alice;
    const QString alphaBefore = workspaceDump(*fixture->owner, fixture->alpha.workspaceId);
    const QStringList refused{
        QStringLiteral("UPDATE baseline_snapshots SET summary_jsonb = '{}'"),
        QStringLiteral("UPDATE baseline_snapshot_items SET baseline_hash = 'forged'"),
        QStringLiteral("DELETE FROM baseline_snapshot_items"),
        QStringLiteral("DELETE FROM baseline_snapshots"),
        QStringLiteral("TRUNCATE baseline_snapshot_items CASCADE"),
        QStringLiteral(
            "ALTER TABLE baseline_snapshots DISABLE TRIGGER baseline_snapshots_immutable"),
        QStringLiteral("ALTER TABLE baseline_snapshot_items DISABLE TRIGGER ALL"),
        QStringLiteral("DROP TRIGGER baseline_snapshot_items_immutable ON baseline_snapshot_items"),
        QStringLiteral("ALTER TABLE baseline_snapshots DISABLE ROW LEVEL SECURITY"),
        QStringLiteral("DROP POLICY findings_workspace_members ON findings"),
    };
    for (const QString& statement : refused) {
        const QString message = failure(alice, statement);
        QVERIFY2(message.contains(QLatin1String("immutable"))
                     || message.contains(QLatin1String("permission denied"))
                     || message.contains(QLatin1String("must be owner")),
                 qPrintable(statement + QStringLiteral(": ") + message));
    }

    // A temporary table shadowing the parent does not fool the guards either.
    alice.run(QStringLiteral("CREATE TEMP TABLE baseline_profiles (id bigint)"));
    QVERIFY(failure(alice, QStringLiteral("DELETE FROM public.baseline_snapshots"))
                .contains(QLatin1String("immutable")));
    alice.run(QStringLiteral("DROP TABLE pg_temp.baseline_profiles"));

    QCOMPARE(workspaceDump(*fixture->owner, fixture->alpha.workspaceId), alphaBefore);
    QVERIFY(SnapshotStore(alice, fixture->alpha.workspaceId).itemCount(fixture->alpha.snapshot)
            > 0);
}

void TestIsolation::membershipIsTheOwnersToGrant()
{
    Database& alice = *fixture->alice;
    const qint64 alphaId = fixture->alpha.workspaceId;
    const qint64 betaId = fixture->beta.workspaceId;

    try {
        WorkspaceStore(alice).grant(alphaId, bobRole);
        QFAIL("a member granted membership");
    } catch (const EngineError& error) {
        QVERIFY2(error.message().contains(QLatin1String("only the owner")),
                 qPrintable(error.message()));
    }
    QVERIFY(failure(alice,
                    QStringLiteral("INSERT INTO workspace_members (workspace_id, role_name) "
                                   "VALUES (?, ?)"),
                    {betaId, aliceRole})
                .contains(QLatin1String("permission denied")));
    QVERIFY(failure(alice,
                    QStringLiteral("INSERT INTO workspaces (name, created_by, created_at, "
                                   "updated_at) VALUES ('hijack', ?, now(), now())"),
                    {bobRole})
                .contains(QLatin1String("row-level security")));

    // A workspace name taken by a workspace alice cannot see is refused, with that said.
    try {
        WorkspaceStore(alice).add(QStringLiteral("beta"));
        QFAIL("a taken name was accepted");
    } catch (const EngineError& error) {
        QVERIFY2(error.message().contains(QLatin1String("not a member of")),
                 qPrintable(error.message()));
    }

    // The owner grants only roles that exist; granting twice is harmless.
    WorkspaceStore owner(*fixture->owner);
    try {
        owner.grant(alphaId, QStringLiteral("no_such_role'; DROP TABLE findings; --"));
        QFAIL("a missing role was granted");
    } catch (const EngineError& error) {
        QVERIFY2(error.message().contains(QLatin1String("there is no role named")),
                 qPrintable(error.message()));
    }
    QVERIFY(!owner.grant(alphaId, aliceRole));
    QStringList alphaMembers;
    for (const WorkspaceMember& member : owner.members(alphaId))
        alphaMembers.append(member.roleName);
    QCOMPARE(alphaMembers, QStringList{aliceRole});
    QCOMPARE(WorkspaceStore(*fixture->bob).members(alphaId).size(), 0);
}

void TestIsolation::groupRolesAndRevocation()
{
    const qint64 betaId = fixture->beta.workspaceId;
    WorkspaceStore owner(*fixture->owner);
    const auto carol = Database::open(settingsFor(carolRole));
    QVERIFY(WorkspaceStore(*carol).list().isEmpty());

    // Granted to a group, the workspace is open to the group's members.
    QVERIFY(owner.grant(betaId, auditorsRole));
    QCOMPARE(WorkspaceStore(*carol).list().size(), 1);
    QCOMPARE(FindingStore(*carol, betaId).list({}).size(),
             FindingStore(*fixture->bob, betaId).list({}).size());

    // Revoked, it is closed again at once, for the group and for a direct member.
    QVERIFY(owner.revoke(betaId, auditorsRole));
    QVERIFY(!owner.revoke(betaId, auditorsRole));
    QVERIFY(WorkspaceStore(*carol).list().isEmpty());
    QCOMPARE(count(*carol, QStringLiteral("SELECT COUNT(*) FROM findings")), 0);

    QVERIFY(owner.revoke(betaId, bobRole));
    QCOMPARE(count(*fixture->bob, QStringLiteral("SELECT COUNT(*) FROM findings")), 0);
    QVERIFY(owner.grant(betaId, bobRole));
    QVERIFY(count(*fixture->bob, QStringLiteral("SELECT COUNT(*) FROM findings")) > 0);
}

void TestIsolation::runLivenessWorksForMembers()
{
    // A run left running by a process that died is recognised from a member's connection: the
    // advisory lock and pg_locks work without privileges.
    Database& alice = *fixture->alice;
    const qint64 alphaId = fixture->alpha.workspaceId;
    RunStore runs(alice, alphaId);
    const qint64 live = runs.start(RunType::inventorySync, fixture->alpha.source, std::nullopt, {});
    const qint64 dead = runs.start(RunType::inventorySync, fixture->alpha.source, std::nullopt, {});
    {
        const auto other = Database::open(settingsFor(aliceRole));
        RunLivenessLock lock(*other, live);
        QVERIFY(RunLivenessLock::isHeld(alice, live));
        QVERIFY(!RunLivenessLock::isHeld(alice, dead));
        const qint64 noticing
            = runs.start(RunType::inventorySync, fixture->alpha.source, std::nullopt, {});
        QCOMPARE(runs.failAbandoned(fixture->alpha.source, noticing), QList<qint64>{dead});
        runs.complete(noticing, RunOutcome::cancelled, nlohmann::json::object(),
                      nlohmann::json::object());
    }
    QVERIFY(!RunLivenessLock::isHeld(alice, live));
    runs.complete(live, RunOutcome::cancelled, nlohmann::json::object(), nlohmann::json::object());
    QCOMPARE(runs.byId(dead)->outcome, RunOutcome::failed);
}

void TestIsolation::bulkInsertThroughATemporaryTableWorksForMembers()
{
    // PostgreSQL refuses COPY FROM into a table under row-level security for roles it binds, so
    // BulkInsert copies into a temporary table of its own and moves the rows with INSERT ...
    // SELECT, which the policies check row by row. Temporary tables need the TEMP privilege on
    // the database, which PUBLIC holds unless an administrator revokes it.
    Database& alice = *fixture->alice;
    const MemberWork& alpha = fixture->alpha;
    const MemberWork& beta = fixture->beta;
    QCOMPARE(count(alice,
                   QStringLiteral("SELECT has_database_privilege(current_database(), "
                                  "'TEMP')::int")),
             1);

    // The import, capture and compare alice ran on this connection in initTestCase went that
    // way: their staging tables are there, in her session.
    QCOMPARE(count(alice,
                   QStringLiteral("SELECT COUNT(*) FROM pg_class WHERE relname IN "
                                  "('driftdesk_staging_inventory_items', "
                                  "'driftdesk_staging_findings') "
                                  "AND relnamespace = pg_my_temp_schema()")),
             2);

    const auto stage = [&](qint64 workspaceId, qint64 tenantId) {
        Transaction transaction(alice);
        BulkInsert insert(alice, QStringLiteral("inventory_items"),
                          {{QStringLiteral("workspace_id")},
                           {QStringLiteral("tenant_id")},
                           {QStringLiteral("policy_type")},
                           {QStringLiteral("subject_type")},
                           {QStringLiteral("subject_external_id")},
                           {QStringLiteral("display_name"), true},
                           {QStringLiteral("source_file")},
                           {QStringLiteral("raw_jsonb")},
                           {QStringLiteral("meta_contract_version")},
                           {QStringLiteral("meta_hash")},
                           {QStringLiteral("created_at")},
                           {QStringLiteral("updated_at")}});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 3; ++i) {
            insert.addRow({workspaceId, tenantId, QStringLiteral("stagedTest"), QStringLiteral("x"),
                           QStringLiteral("staged-%1").arg(i), QStringLiteral("~Staged %1").arg(i),
                           QStringLiteral("staged"), QByteArray("{}"), 1, QStringLiteral("h"), now,
                           now});
        }
        insert.finish();
        transaction.commit();
        return insert.rowsWritten();
    };
    QCOMPARE(stage(alpha.workspaceId, alpha.target), qint64(3));
    // The same rows aimed at beta's workspace are refused as a whole.
    try {
        stage(beta.workspaceId, beta.target);
        QFAIL("rows went into another workspace");
    } catch (const EngineError& error) {
        QVERIFY2(error.message().contains(QLatin1String("row-level security")),
                 qPrintable(error.message()));
    }
    QCOMPARE(count(*fixture->owner,
                   QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE policy_type = "
                                  "'stagedTest' AND workspace_id = ?"),
                   {alpha.workspaceId}),
             3);
    QCOMPARE(count(*fixture->owner,
                   QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE "
                                  "policy_type = 'stagedTest'")),
             3);

    QCOMPARE(alice
                 .run(QStringLiteral("DELETE FROM inventory_items WHERE policy_type = "
                                     "'stagedTest'"))
                 .numRowsAffected(),
             3);
}

void TestIsolation::findingsPageKeepsItsIndexForMembers()
{
    // Enough findings that a plan that does not use the default-order index would sort them:
    // the first page of the findings table, as the findings model asks for it, must still come
    // straight from the index when row-level security adds its condition.
    Database& owner = *fixture->owner;
    const MemberWork& alpha = fixture->alpha;
    owner.run(
        QStringLiteral("INSERT INTO findings (workspace_id, tenant_id, baseline_profile_id, "
                       "baseline_snapshot_id, policy_type, subject_type, subject_external_id, "
                       "display_name, change_type, severity, status, fingerprint, scope_key, "
                       "first_seen_at, last_seen_at, times_seen, evidence, created_at, updated_at) "
                       "SELECT ?, ?, ?, ?, 'compliancePolicies', 'x', 'bulk-' || g, 'Bulk ' || g, "
                       "'missing_policy', (ARRAY['low','medium','high'])[1 + g % 3], "
                       "(ARRAY['open','resolved','acknowledged'])[1 + (g / 3) % 3], 'bulk-' || g, "
                       "'k', now(), now(), 1, '{}', now(), now() FROM generate_series(1, 30000) g"),
        {alpha.workspaceId, alpha.target, alpha.profile, alpha.snapshot});
    owner.run(QStringLiteral("ANALYZE findings"));

    // QPSQL prepares each statement and executes it with the values as literals; PostgreSQL
    // cannot prepare an EXPLAIN, so the test prepares the page itself and explains its EXECUTE.
    const QString page = QStringLiteral(
        "PREPARE findings_page(bigint, text, bigint) AS SELECT t.name, p.name, f.policy_type, "
        "f.subject_external_id, "
        "('~' || COALESCE(f.display_name, '')), f.change_type, f.severity, f.status, "
        "f.first_seen_at, f.last_seen_at, f.times_seen, "
        "CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END AS sort_key, "
        "f.id AS row_id FROM findings f JOIN tenants t ON t.id = f.tenant_id "
        "JOIN baseline_profiles p ON p.id = f.baseline_profile_id "
        "WHERE TRUE AND f.workspace_id = $1 AND f.status = $2 "
        "ORDER BY CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END DESC, "
        "f.id DESC LIMIT $3");
    Database& alice = *fixture->alice;
    alice.run(page);
    QSqlQuery plan = alice.run(QStringLiteral("EXPLAIN EXECUTE findings_page(%1, '%2', 200)")
                                   .arg(alpha.workspaceId)
                                   .arg(FindingStatus::open));
    QString text;
    while (plan.next())
        text += plan.value(0).toString() + QLatin1Char('\n');
    QVERIFY2(text.contains(QLatin1String("Index Scan Backward using findings_default_order_idx")),
             qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("Sort")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("SubPlan")), qPrintable(text)); // the policy is there
    alice.run(QStringLiteral("DEALLOCATE findings_page"));

    owner.run(QStringLiteral("DELETE FROM findings WHERE subject_external_id LIKE 'bulk-%'"));
}

void TestIsolation::driftctlGrantsAndWorksAsAMember()
{
    const auto driftctl = [](const QString& role, const QStringList& args) {
        QProcess process;
        process.start(QStringLiteral(DRIFTCTL_PATH),
                      QStringList{QStringLiteral("--db"), settingsFor(role).toUrl()} + args);
        if (!process.waitForFinished(120000))
            qFatal("driftctl did not finish");
        return std::make_tuple(process.exitCode(),
                               QString::fromUtf8(process.readAllStandardOutput()),
                               QString::fromUtf8(process.readAllStandardError()));
    };

    // The owner grants beta to alice on the command line, lists and revokes.
    auto [code, out, err]
        = driftctl(ownerRole, {"--workspace", "beta", "workspace", "grant", aliceRole});
    QVERIFY2(code == 0, qPrintable(err));
    QCOMPARE(out, QStringLiteral("Granted workspace \"beta\" to role \"%1\".\n").arg(aliceRole));
    std::tie(code, out, err)
        = driftctl(ownerRole, {"--workspace", "beta", "workspace", "members", "--format", "json"});
    QVERIFY2(code == 0, qPrintable(err));
    QStringList members;
    for (const auto& member : nlohmann::json::parse(out.toStdString()))
        members.append(QString::fromStdString(member["role_name"]));
    // The owner created beta, and a workspace's creator is its first member.
    QCOMPARE(members, (QStringList{aliceRole, bobRole, ownerRole}));

    // Alice now works in beta too: migrate is a no-op for her, lists show beta's rows.
    std::tie(code, out, err) = driftctl(aliceRole, {"migrate"});
    QVERIFY2(code == 0, qPrintable(err));
    QVERIFY2(out.startsWith(QLatin1String("Schema is current")), qPrintable(out));
    std::tie(code, out, err)
        = driftctl(aliceRole, {"--workspace", "beta", "findings", "list", "--format", "json"});
    QVERIFY2(code == 0, qPrintable(err));
    QCOMPARE(nlohmann::json::parse(out.toStdString()).size(),
             static_cast<size_t>(
                 FindingStore(*fixture->bob, fixture->beta.workspaceId).list({}).size()));

    // Members cannot grant; after the revoke alice no longer finds beta.
    std::tie(code, out, err)
        = driftctl(aliceRole, {"--workspace", "beta", "workspace", "grant", carolRole});
    QCOMPARE(code, 1);
    QVERIFY2(err.contains(QLatin1String("only the owner")), qPrintable(err));
    std::tie(code, out, err)
        = driftctl(ownerRole, {"--workspace", "beta", "workspace", "revoke", aliceRole});
    QVERIFY2(code == 0, qPrintable(err));
    std::tie(code, out, err) = driftctl(aliceRole, {"--workspace", "beta", "tenant", "list"});
    QCOMPARE(code, 1);
    QVERIFY2(err.contains(QLatin1String("no workspace named \"beta\" that you are a member of")),
             qPrintable(err));
}

void TestIsolation::sqliteFilesAreSingleUser()
{
    QTemporaryDir folder;
    const auto database = Database::open(
        ConnectionSettings::fromUrl(QStringLiteral("sqlite:") + folder.filePath("w.db")),
        Database::OpenMode::CreateIfMissing);
    SchemaMigrator(*database).migrate();
    WorkspaceStore store(*database);
    const qint64 workspace = store.byName(SchemaMigrator::defaultWorkspaceName).id;
    for (const auto& attempt : std::initializer_list<std::function<void()>>{
             [&] { store.grant(workspace, QStringLiteral("alice")); },
             [&] { store.revoke(workspace, QStringLiteral("alice")); },
             [&] { store.members(workspace); }}) {
        try {
            attempt();
            QFAIL("a SQLite file accepted a role");
        } catch (const EngineError& error) {
            QVERIFY2(error.message().contains(QLatin1String("single-user")),
                     qPrintable(error.message()));
        }
    }
}

QTEST_GUILESS_MAIN(TestIsolation)
#include "tst_isolation.moc"
