// SPDX-License-Identifier: GPL-3.0-or-later
// Every SQL value is a bound parameter: names, notes, export contents and file names full of SQL
// metacharacters and Unicode go through driftctl into the database and come back unchanged, and
// every table and row is still there afterwards. On both backends. A scan of the sources checks
// that the few SQL texts assembled with QString::arg take only fixed fragments, never input.

#include "findingstore.h"
#include "scratchdatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestSqlSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metacharactersAreData_data() { testsupport::addBackendRows(); }
    void metacharactersAreData();
    void sqlIsNeverAssembledFromInput();
};

namespace {

// Unicode beyond Latin-1 as well: combining marks, CJK, a character outside the BMP (a surrogate
// pair in UTF-16) and a right-to-left mark. No NUL: PostgreSQL text cannot hold one.
const QString workspaceName = QStringLiteral("MSP'; DROP TABLE workspaces; -- Zu\u0308rich");
const QString baselineTenant = QStringLiteral("Robert'); DROP TABLE tenants; --");
const QString customerTenant
    = QStringLiteral("Customer \" OR 1=1 -- \\ % _ $$ ? \u6771\u4EAC \U0001F680 \u200F\u05D0");
const QString profileName = QStringLiteral("Baseline' OR '1'='1 \u00E9\u00DF");
const QString description = QStringLiteral("$$; DELETE FROM baseline_profiles; $$");
const QString versionLabel = QStringLiteral("v1'); TRUNCATE baseline_snapshots CASCADE; --");
const QString note = QStringLiteral(
    "ok'); UPDATE findings SET status = 'resolved'; -- na\u00EFve \u2713 \U0001F600");
// As in tests/data/sql-metacharacters.
const QString subjectId = QStringLiteral("1'; DELETE FROM findings; -- \u00E4");
const QString displayName
    = QStringLiteral("Device Health'); DROP TABLE inventory_items; -- \"x\" \\ %_ $$ ? "
                     "\u00DCbersicht \u65E5\u672C \U0001F512");

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    nlohmann::json json() const { return nlohmann::json::parse(out.toStdString()); }
};

Output driftctl(const QString& url, const QStringList& args)
{
    QProcess process;
    process.start(
        QStringLiteral(DRIFTCTL_PATH),
        QStringList{QStringLiteral("--db"), url, QStringLiteral("--workspace"), workspaceName}
            + args);
    if (!process.waitForFinished(120000))
        qFatal("driftctl did not finish: %s", qPrintable(args.join(u' ')));
    Output output{process.exitCode(), process.readAllStandardOutput(),
                  process.readAllStandardError()};
    if (output.exitCode != 0)
        qWarning("driftctl %s exited %d: %s", qPrintable(args.join(u' ')), output.exitCode,
                 output.err.constData());
    return output;
}

QStringList tables(driftdesk::Database& database)
{
    QStringList names = database.connection().tables();
    names.sort();
    return names;
}

int count(driftdesk::Database& database, const QString& table)
{
    QSqlQuery query = database.run(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    return query.next() ? query.value(0).toInt() : -1;
}

/// A copy of the sample in a folder whose own name is full of metacharacters too.
QString copyExport(const QTemporaryDir& folder, const QString& name, bool withPolicy)
{
    const QString root = folder.filePath(name);
    QDir().mkpath(root + QStringLiteral("/CompliancePolicies"));
    if (withPolicy) {
        const QDir source(
            testsupport::testDataPath(QStringLiteral("sql-metacharacters/CompliancePolicies")));
        for (const QString& file : source.entryList(QDir::Files))
            QFile::copy(source.filePath(file),
                        root + QStringLiteral("/CompliancePolicies/") + file);
    }
    return root;
}

} // namespace

void TestSqlSafety::metacharactersAreData()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    driftdesk::Database& database = scratch->database();
    const QString url = scratch->url();
    const QStringList tablesBefore = tables(database);
    QVERIFY(tablesBefore.contains(QStringLiteral("findings")));

    QTemporaryDir folder;
    const QString baselineExport = copyExport(folder, QStringLiteral("it's; DROP \"a\""), true);
    const QString customerExport = copyExport(folder, QStringLiteral("$$ -- %_ ?"), false);

    QCOMPARE(driftctl(url, {"workspace", "add", workspaceName}).exitCode, 0);
    QCOMPARE(driftctl(url, {"tenant", "add", "--name", baselineTenant}).exitCode, 0);
    QCOMPARE(driftctl(url, {"tenant", "add", "--name", customerTenant}).exitCode, 0);
    QCOMPARE(driftctl(url,
                      {"profile", "create", "--name", profileName, "--description", description,
                       "--version-label", versionLabel, "--policy-types", "compliancePolicies"})
                 .exitCode,
             0);
    QCOMPARE(
        driftctl(url, {"profile", "assign", "--profile", profileName, "--tenant", customerTenant})
            .exitCode,
        0);
    QCOMPARE(
        driftctl(url, {"inventory", "import", "--tenant", baselineTenant, "--from", baselineExport})
            .exitCode,
        0);
    QCOMPARE(
        driftctl(url, {"inventory", "import", "--tenant", customerTenant, "--from", customerExport})
            .exitCode,
        0);
    QCOMPARE(driftctl(url, {"capture", "--profile", profileName, "--from-tenant", baselineTenant})
                 .exitCode,
             0);
    QCOMPARE(driftctl(url, {"compare", "--tenant", customerTenant}).exitCode, 0);

    // The policy is missing from the customer: one finding, its id and name exactly as exported.
    const nlohmann::json findings = driftctl(url, {"findings", "list", "--format", "json"}).json();
    QCOMPARE(findings.size(), size_t(1));
    QCOMPARE(testsupport::js(findings[0]["subject_external_id"]), subjectId);
    QCOMPARE(testsupport::js(findings[0]["display_name"]), displayName);
    QCOMPARE(testsupport::js(findings[0]["change_type"]), QStringLiteral("missing_policy"));
    const QString findingId = QString::number(findings[0]["id"].get<qint64>());
    QCOMPARE(driftctl(url, {"findings", "acknowledge", findingId, "--note", note}).exitCode, 0);
    const nlohmann::json shown
        = driftctl(url, {"findings", "show", findingId, "--format", "json"}).json();
    QCOMPARE(testsupport::js(shown["acknowledgement_note"]), note);
    QCOMPARE(testsupport::js(shown["status"]), QStringLiteral("acknowledged"));

    // The text filter escapes LIKE's wildcards: "%" and "_" match only themselves.
    QSqlQuery workspace
        = database.run(QStringLiteral("SELECT id FROM workspaces WHERE name = ?"), {workspaceName});
    QVERIFY(workspace.next());
    driftdesk::FindingStore store(database, workspace.value(0).toLongLong());
    const auto matches = [&](const QString& text) {
        driftdesk::FindingFilter filter;
        filter.text = text;
        return store.list(filter).size();
    };
    QCOMPARE(matches(QStringLiteral("%_ $$ ?")), 1);
    QCOMPARE(matches(QStringLiteral("\u65E5\u672C \U0001F512")), 1);
    QCOMPARE(matches(QStringLiteral("%%")), 0); // as a wildcard it would match everything
    QCOMPARE(matches(QStringLiteral("_x")), 0); // as a wildcard it would match "x" after '"'
    QCOMPARE(matches(QStringLiteral("!")), 0); // the escape character is itself escaped
    QCOMPARE(matches(QStringLiteral("h'); drop")), 1);

    // Names come back exactly as given.
    QStringList tenantNames;
    for (const auto& tenant : driftctl(url, {"tenant", "list", "--format", "json"}).json())
        tenantNames.append(testsupport::js(tenant["name"]));
    tenantNames.sort();
    QStringList expectedTenants{baselineTenant, customerTenant};
    expectedTenants.sort();
    QCOMPARE(tenantNames, expectedTenants);
    const nlohmann::json profiles = driftctl(url, {"profile", "list", "--format", "json"}).json();
    QCOMPARE(profiles.size(), size_t(1));
    QCOMPARE(testsupport::js(profiles[0]["name"]), profileName);
    QCOMPARE(testsupport::js(profiles[0]["description"]), description);
    QCOMPARE(testsupport::js(profiles[0]["version_label"]), versionLabel);

    // Every table is still there, and so is every row the statements above would have removed.
    QCOMPARE(tables(database), tablesBefore);
    QCOMPARE(count(database, QStringLiteral("workspaces")), 2);
    QCOMPARE(count(database, QStringLiteral("tenants")), 2);
    QCOMPARE(count(database, QStringLiteral("baseline_profiles")), 1);
    QCOMPARE(count(database, QStringLiteral("inventory_items")), 1);
    QCOMPARE(count(database, QStringLiteral("baseline_snapshots")), 1);
    QCOMPARE(count(database, QStringLiteral("baseline_snapshot_items")), 1);
    QCOMPARE(count(database, QStringLiteral("findings")), 1);
    QCOMPARE(count(database, QStringLiteral("operation_runs")), 4);
    QSqlQuery source = database.run(QStringLiteral("SELECT source_file FROM inventory_items"));
    QVERIFY(source.next());
    QVERIFY2(source.value(0).toString().contains(QLatin1String("DROP TABLE tenants; --.json")),
             qPrintable(source.value(0).toString()));
}

void TestSqlSafety::sqlIsNeverAssembledFromInput()
{
    // Every SQL text in the application is a literal joined with other literals; the only ones
    // completed with QString::arg are listed here, each with what it inserts. A new one fails
    // this test until someone has checked that it inserts no input and added it.
    const QSet<QString> reviewed{
        // column and JSON key: literals at every call (checked below)
        QStringLiteral("engine/database.cpp: json_extract(%1, '$.%2')"),
        QStringLiteral("engine/database.cpp: (%1->>'%2')"),
        // a column expression; the text searched for is a bound LIKE pattern
        QStringLiteral("engine/database.cpp: LOWER(COALESCE(%1, '')) LIKE ? ESCAPE '!'"),
        // guardedColumn() of a literal column name
        QStringLiteral("engine/inventorystore.cpp: SELECT id, policy_type, subject_type, "
                       "subject_external_id, %1,"),
        // one "?" per value of the chunk
        QStringLiteral("engine/settingdefinitions.cpp: SELECT definition_id, display_name, "
                       "options_jsonb FROM"),
        QStringLiteral("engine/inventorystore.cpp: SELECT id, raw_jsonb FROM inventory_items "
                       "WHERE workspace_id = ? AND id IN (%1)"),
        QStringLiteral("engine/findingstore.cpp:  FROM findings WHERE workspace_id = ? AND id IN "
                       "(%1)"),
        // the rows of a bound JSON document: a literal per backend
        QStringLiteral("engine/findingstore.cpp: UPDATE findings SET times_seen = times_seen + 1, "
                       "last_seen_at = ?,"),
        // jsonText() of literals
        QStringLiteral("models/snapshotitemsmodel.cpp: COALESCE(%1, '')"),
        // the head columns: a literal per backend
        QStringLiteral("engine/snapshotstore.cpp: SELECT i.id, i.baseline_snapshot_id, "
                       "i.subject_type, i.subject_external_id, i.policy_type, i.baseline_hash, "
                       "%1 FROM"),
        // table and column names given to BulkInsert, literals at every construction (checked
        // below), and "?" or "substr(?, 2)" per column
        QStringLiteral("engine/bulkinsert.cpp: INSERT INTO %1 (%2) VALUES (%3)"),
        QStringLiteral("engine/bulkinsert.cpp: CREATE TEMPORARY TABLE IF NOT EXISTS %1 ON COMMIT "
                       "DELETE ROWS AS SELECT %2 FROM %3 WITH NO DATA"),
        QStringLiteral("engine/bulkinsert.cpp: COPY %1 (%2) FROM STDIN"),
        QStringLiteral("engine/bulkinsert.cpp: INSERT INTO %1 (%2) SELECT %2 FROM %3"),
    };
    // Builder calls whose argument is not a literal, each checked by hand.
    const QSet<QString> reviewedBuilderCalls{
        // name = jsonText() of two literals, just above the call
        QStringLiteral("models/snapshotitemsmodel.cpp: containsText(name) + "),
    };
    static const QRegularExpression literal(
        QStringLiteral(R"re(QStringLiteral\(((?:\s*"(?:[^"\\]|\\.)*")+)\s*\))re"));
    static const QRegularExpression piece(QStringLiteral(R"re("((?:[^"\\]|\\.)*)")re"));
    static const QRegularExpression sqlWord(QStringLiteral(
        R"(\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|JOIN|VALUES|CREATE|DROP|ALTER|PRAGMA|LIKE|)"
        R"(COALESCE|json_extract)\b|->>)"));
    static const QRegularExpression placeholder(QStringLiteral("%[0-9]"));
    // The SQL fragment builders, called with anything but a literal, and a BulkInsert whose
    // table is not a literal or whose column list does not begin with a literal.
    static const QRegularExpression builderCall(QStringLiteral(
        R"re(\b(jsonText|containsText|guardedColumn)\((?!\s*QStringLiteral\()(?!const QString&))re"
        R"re(|\bBulkInsert\s+\w+\(\s*[\w*.>-]++,\s*+(?!QStringLiteral\("\w+"\),\s*\{\s*\{QStringLiteral\())re"));

    const QDir root(QStringLiteral(DRIFTDESK_SOURCE_DIR));
    QStringList assembled;
    QStringList unreviewed;
    QStringList nonLiteralBuilderCalls;
    int files = 0;
    for (const char* folder : {"engine", "models", "views", "app"}) {
        QDirIterator it(root.filePath(QLatin1String(folder)),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString source = QString::fromUtf8(file.readAll());
            const QString relative = root.relativeFilePath(path);
            ++files;
            for (auto match = literal.globalMatch(source); match.hasNext();) {
                QString text;
                for (auto part = piece.globalMatch(match.next().captured(1)); part.hasNext();)
                    text += part.next().captured(1);
                if (!text.contains(sqlWord) || !text.contains(placeholder))
                    continue;
                const QString site = relative + QStringLiteral(": ") + text;
                assembled.append(site);
                const bool known
                    = std::any_of(reviewed.begin(), reviewed.end(),
                                  [&](const QString& r) { return site.startsWith(r); });
                if (!known)
                    unreviewed.append(site);
            }
            for (auto match = builderCall.globalMatch(source); match.hasNext();) {
                const auto call = match.next();
                const qsizetype lineStart = source.lastIndexOf(u'\n', call.capturedStart()) + 1;
                if (source.mid(lineStart, call.capturedStart() - lineStart)
                        .trimmed()
                        .startsWith(QLatin1String("//")))
                    continue; // documentation
                const QString site = relative + QStringLiteral(": ")
                    + source.mid(call.capturedStart(), call.capturedLength() + 8);
                if (!reviewedBuilderCalls.contains(site))
                    nonLiteralBuilderCalls.append(site);
            }
        }
    }
    QVERIFY2(files > 50, qPrintable(QString::number(files)));
    // The check tells a BulkInsert of literals from one of a variable.
    QVERIFY(!builderCall
                 .match(QStringLiteral("BulkInsert insert(m_database, "
                                       "QStringLiteral(\"findings\"),\n "
                                       "{{QStringLiteral(\"workspace_id\")},"))
                 .hasMatch());
    QVERIFY(builderCall.match(QStringLiteral("BulkInsert insert(m_database, table, columns)"))
                .hasMatch());
    QVERIFY(builderCall
                .match(QStringLiteral("BulkInsert insert(m_database, "
                                      "QStringLiteral(\"findings\"), columns)"))
                .hasMatch());
    QVERIFY2(unreviewed.isEmpty(), qPrintable(unreviewed.join(u'\n')));
    QCOMPARE(assembled.size(), reviewed.size()); // the scan finds what it should
    QVERIFY2(nonLiteralBuilderCalls.isEmpty(), qPrintable(nonLiteralBuilderCalls.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestSqlSafety)
#include "tst_sqlsafety.moc"
