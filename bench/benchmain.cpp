// SPDX-License-Identifier: GPL-3.0-or-later
// driftdesk-bench: DriftDesk at MSP scale, side by side with the database's own floor. See
// docs/performance.md for what it measures and how to read the figures.
#include "baselinecapture.h"
#include "baselinecompare.h"
#include "canonicaljson.h"
#include "driftengine.h"
#include "engineerror.h"
#include "findingsmodel.h"
#include "floors.h"
#include "inventoryimport.h"
#include "metacontract.h"
#include "profilestore.h"
#include "schemamigrator.h"
#include "sha256.h"
#include "syntheticworkspace.h"
#include "tenantstore.h"
#include "textdecoding.h"
#include "workspacestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlField>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace driftdesk;
using namespace driftdesk::bench;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

double seconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

/// Peak resident memory is measured per step: the kernel's high-water mark is reset before the
/// step and read after it.
void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

struct Options
{
    ConnectionSettings server;
    SyntheticSpec spec;
    QString templates;
    int runs = 3;
    int workers = 2;
    qint64 findings = 0;
    bool floors = true;
    bool keep = false;
};

/// A fresh database for one run: a new PostgreSQL database on the server, or a new SQLite file.
class RunDatabase
{
public:
    RunDatabase(const ConnectionSettings& server, int run)
        : m_server(server)
    {
        if (server.backend() == Backend::Sqlite) {
            const QString folder = QFileInfo(server.sqlitePath()).absolutePath();
            QDir().mkpath(folder);
            m_settings = ConnectionSettings::fromUrl(
                QStringLiteral("sqlite:%1/driftdesk-bench-%2-%3.db")
                    .arg(folder, QString::number(QCoreApplication::applicationPid()),
                         QString::number(run)));
            m_file = m_settings.sqlitePath();
        } else {
            m_name = QStringLiteral("driftdesk_bench_%1_%2")
                         .arg(QCoreApplication::applicationPid())
                         .arg(run);
            Database::open(server)->run(QStringLiteral("CREATE DATABASE %1").arg(m_name));
            m_settings = server.withPostgresParameter(QStringLiteral("dbname"), m_name);
        }
        m_database = Database::open(m_settings, Database::OpenMode::CreateIfMissing);
        SchemaMigrator(*m_database).migrate();
        m_workspaceId = WorkspaceStore(*m_database).byName(SchemaMigrator::defaultWorkspaceName).id;
    }

    void drop()
    {
        m_database.reset();
        if (!m_name.isEmpty())
            Database::open(m_server)->run(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
        if (!m_file.isEmpty()) {
            for (const QString& suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(m_file + suffix);
            // The folder of the runs' liveness locks, beside the file.
            QDir(m_file + QStringLiteral("-runs")).removeRecursively();
        }
    }

    Database& database() { return *m_database; }
    const ConnectionSettings& settings() const { return m_settings; }
    qint64 workspaceId() const { return m_workspaceId; }
    QString where() const { return m_name.isEmpty() ? m_file : m_name; }

private:
    ConnectionSettings m_server;
    ConnectionSettings m_settings;
    std::unique_ptr<Database> m_database;
    qint64 m_workspaceId = 0;
    QString m_name;
    QString m_file;
};

using Figures = std::map<std::string, double>;

/// The one-minute load average: other work on the machine shows in every figure.
double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().split(' ').first().toDouble();
}

/// The plan of `sql` with `values` bound: EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on
/// SQLite.
QString explain(Database& database, const QString& sql, const QVariantList& values)
{
    QStringList lines;
    if (database.backend() == Backend::Sqlite) {
        QSqlQuery query = database.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
        for (const QVariant& value : values)
            query.addBindValue(value);
        Database::exec(query);
        std::map<int, int> depth;
        while (query.next()) {
            const int level = depth[query.value(1).toInt()] + 1;
            depth[query.value(0).toInt()] = level;
            lines.append(QString(level * 2, QLatin1Char(' ')) + query.value(3).toString());
        }
        return lines.join(QLatin1Char('\n'));
    }

    // PostgreSQL does not prepare EXPLAIN, so the benchmark's own values are written in as the
    // driver quotes them.
    QString literal;
    int next = 0;
    for (const QChar c : sql) {
        if (c != QLatin1Char('?') || next >= values.size()) {
            literal.append(c);
            continue;
        }
        const QVariant& value = values.at(next++);
        QSqlField field(QString(), value.metaType());
        field.setValue(value);
        literal.append(database.connection().driver()->formatValue(field));
    }
    QSqlQuery query
        = database.run(QStringLiteral("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ") + literal);
    while (query.next())
        lines.append(query.value(0).toString());
    return lines.join(QLatin1Char('\n'));
}

/// Where reading an export spends its time, per MB of input, on one thread: decoding, parsing,
/// the contract payload, its canonical text, and hashing.
void measureReadSplit(const std::vector<ExportDocument>& documents, Figures* figures)
{
    double decode = 0, parse = 0, payload = 0, canonical = 0, hash = 0;
    qint64 bytes = 0;
    QElapsedTimer timer;
    for (const ExportDocument& document : documents) {
        bytes += document.bytes.size();
        timer.start();
        const DecodedText text = decodeExportText(document.bytes);
        decode += seconds(timer);
        timer.start();
        const nlohmann::json object = nlohmann::json::parse(text.utf8);
        parse += seconds(timer);
        timer.start();
        const nlohmann::json contract
            = MetaContractBuilder::payload(object, MetaContractBuilder::latestVersion);
        payload += seconds(timer);
        timer.start();
        const std::string canonicalText = canonicalJson(contract);
        canonical += seconds(timer);
        timer.start();
        const std::string digest = sha256Hex(canonicalText);
        hash += seconds(timer);
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    (*figures)["split.decode_ms_per_mb"] = decode * 1000 / mb;
    (*figures)["split.parse_ms_per_mb"] = parse * 1000 / mb;
    (*figures)["split.payload_ms_per_mb"] = payload * 1000 / mb;
    (*figures)["split.canonical_ms_per_mb"] = canonical * 1000 / mb;
    (*figures)["split.hash_ms_per_mb"] = hash * 1000 / mb;
}

/// Adds findings until the workspace holds `total`, spread over its tenants, so the findings
/// view can be timed on a million rows. Rows are made by the database itself.
void fillFindings(Database& database, qint64 workspaceId, qint64 total)
{
    QSqlQuery existing = database.run(QStringLiteral("SELECT COUNT(*) FROM findings"));
    existing.next();
    const qint64 missing = total - existing.value(0).toLongLong();
    if (missing <= 0)
        return;
    QSqlQuery ids = database.run(QStringLiteral(
        "SELECT MIN(t.id), COUNT(*), MIN(p.id), MIN(s.id) FROM tenants t, baseline_profiles p, "
        "baseline_snapshots s"));
    ids.next();
    const qint64 firstTenant = ids.value(0).toLongLong();
    const qint64 tenants = ids.value(1).toLongLong() / 1; // one profile, one snapshot
    const qint64 profile = ids.value(2).toLongLong();
    const qint64 snapshot = ids.value(3).toLongLong();

    const bool sqlite = database.backend() == Backend::Sqlite;
    const QString series = sqlite
        ? QStringLiteral("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
                         "WHERE n < ?) ")
        : QString();
    const QString from
        = sqlite ? QStringLiteral("FROM g") : QStringLiteral("FROM generate_series(1, ?) AS g(n)");
    const QString now = sqlite ? QStringLiteral("'2026-12-01T00:00:00.000Z'")
                               : QStringLiteral("timestamptz '2026-12-01 00:00:00+00'");
    const QString text = sqlite ? QStringLiteral("CAST(n AS TEXT)") : QStringLiteral("n::text");
    const QString seen = sqlite
        ? QStringLiteral(
            "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-01', '+' || (n % 1000) || ' minutes')")
        : QStringLiteral("timestamptz '2026-11-01 00:00:00+00' + (n % 1000) * interval '1 minute'");
    const QString types = QStringLiteral(
        "CASE n % 4 WHEN 0 THEN 'settingsCatalogPolicies' WHEN 1 THEN 'compliancePolicies' "
        "WHEN 2 THEN 'deviceConfigurations' ELSE 'windowsUpdateRings' END");
    Transaction transaction(database);
    database.run(
        series
            + QStringLiteral(
                  "INSERT INTO findings (workspace_id, tenant_id, baseline_profile_id, "
                  "baseline_snapshot_id, policy_type, subject_type, subject_external_id, "
                  "display_name, change_type, severity, status, fingerprint, recurrence_key, "
                  "scope_key, first_seen_at, last_seen_at, times_seen, evidence, created_at, "
                  "updated_at) "
                  "SELECT ?, ? + (n % ?), ?, ?, %1, 'deviceConfiguration', 'filler-' || %2, "
                  "'Filler policy ' || %2, CASE n % 3 WHEN 0 THEN 'missing_policy' WHEN 1 THEN "
                  "'different_version' ELSE 'unexpected_policy' END, CASE n % 3 WHEN 0 THEN "
                  "'high' WHEN 1 THEN 'medium' ELSE 'low' END, CASE WHEN n % 10 = 0 THEN "
                  "'resolved' WHEN n % 10 = 1 THEN 'acknowledged' ELSE 'open' END, "
                  "'filler-' || %2, 'filler-' || %2, 'baseline_profile:' || ?, %3, %4, 1, "
                  "'{}', %3, %3 ")
                  .arg(types, text, seen, seen)
            + from,
        sqlite
            ? QVariantList{missing, workspaceId, firstTenant, tenants, profile, snapshot, profile}
            : QVariantList{workspaceId, firstTenant, tenants, profile, snapshot, profile, missing});
    transaction.commit();
    database.run(sqlite ? QStringLiteral("ANALYZE") : QStringLiteral("ANALYZE findings"));
}

/// Times the findings view as the desktop application opens and changes it; with `plans`, also
/// keeps the plan of each step's query.
void measureFindingsView(Database& database, qint64 workspaceId, Figures* figures,
                         QStringList* plans)
{
    using models::FindingsModel;
    FindingsModel model(database, workspaceId);
    models::FindingsQuery open;
    open.status = QStringLiteral("open");
    QElapsedTimer timer;

    const auto time = [&](const char* name, const std::function<void()>& step) {
        timer.start();
        step();
        (*figures)[name] = seconds(timer) * 1000;
        if (model.rowCount() == 0)
            throw EngineError(QStringLiteral("the findings view showed no rows for %1")
                                  .arg(QString::fromLatin1(name)));
        if (plans) {
            // The first page of the new order or filter; for "next page", the page after the
            // rows loaded, which is read as the one just timed was.
            QVariantList values;
            const QString sql = model.pageQuery(std::string(name) == "view.next_page_ms", &values);
            plans->append(QStringLiteral("### %1\n\n```sql\n%2\n```\n\n```\n%3\n```\n")
                              .arg(QString::fromLatin1(name), sql, explain(database, sql, values)));
        }
    };
    // The page opens on open findings, most severe first.
    time("view.first_page_ms", [&] {
        model.sort(FindingsModel::SeverityColumn, Qt::DescendingOrder);
        model.setQuery(open);
    });
    timer.start();
    (*figures)["view.count"] = static_cast<double>(model.totalCount());
    (*figures)["view.count_ms"] = seconds(timer) * 1000;
    time("view.next_page_ms", [&] { model.fetchMore({}); });
    time("view.sort_tenant_ms",
         [&] { model.sort(FindingsModel::TenantColumn, Qt::AscendingOrder); });
    time("view.sort_last_seen_ms",
         [&] { model.sort(FindingsModel::LastSeenColumn, Qt::DescendingOrder); });
    time("view.sort_display_name_ms",
         [&] { model.sort(FindingsModel::DisplayNameColumn, Qt::AscendingOrder); });
    models::FindingsQuery typed = open;
    typed.policyType = QStringLiteral("compliancePolicies");
    time("view.filter_type_ms", [&] {
        model.sort(FindingsModel::SeverityColumn, Qt::DescendingOrder);
        model.setQuery(typed);
    });
    models::FindingsQuery searched = open;
    searched.text = QStringLiteral("policy 12");
    time("view.filter_text_ms", [&] { model.setQuery(searched); });
}

Figures runOnce(const Options& options, const SyntheticWorkspace& workspace, int run,
                QStringList* plans)
{
    Figures figures;
    figures["load1"] = loadAverage();
    RunDatabase scratch(options.server, run);
    Database& database = scratch.database();
    const qint64 workspaceId = scratch.workspaceId();
    const SyntheticSpec& spec = workspace.spec();
    out() << "run " << run + 1 << " in " << scratch.where() << Qt::endl;

    // The MSP: a reference tenant and its customers, all under one profile matched by identity.
    QList<qint64> tenantIds;
    ProfileStore profiles(database, workspaceId);
    ProfileDraft draft;
    draft.name = QStringLiteral("MSP baseline");
    draft.matchingMode = MatchingMode::byIdentity;
    const BaselineProfile profile = profiles.create(draft);
    for (int tenant = 0; tenant < spec.tenants; ++tenant) {
        tenantIds.append(
            TenantStore(database, workspaceId).add(SyntheticWorkspace::tenantName(tenant)).id);
        profiles.assign(profile.id, tenantIds.last());
    }

    // Import: documents are generated outside the timer and read through the import's own path.
    OperationControl control;
    InventoryImport importer(database, workspaceId);
    double importSeconds = 0;
    double readSeconds = 0;
    qint64 items = 0;
    qint64 bytes = 0;
    resetPeakRss();
    for (int tenant = 0; tenant < spec.tenants; ++tenant) {
        ImportRequest request;
        request.tenantId = tenantIds.at(tenant);
        request.folder = QStringLiteral("synthetic:") + SyntheticWorkspace::tenantName(tenant);
        request.documentFolders = workspace.folders();
        request.documents = std::make_shared<const std::vector<ExportDocument>>(
            workspace.tenantDocuments(tenant));
        for (const ExportDocument& document : *request.documents)
            bytes += document.bytes.size();
        if (tenant == 0 && run == 0)
            measureReadSplit(*request.documents, &figures);
        if (tenant % 10 == 0) {
            // The reading alone, for the split between reading and writing.
            QElapsedTimer read;
            read.start();
            ExportReader(PolicyTypeRegistry::builtIn())
                .scanDocuments(*request.documents, request.documentFolders);
            readSeconds += seconds(read) * std::min(10, spec.tenants - tenant);
        }
        QElapsedTimer timer;
        timer.start();
        const RunResult result = importer.run(request, control);
        importSeconds += seconds(timer);
        if (result.outcome != RunOutcome::succeeded)
            throw EngineError(QStringLiteral("import of %1: %2")
                                  .arg(SyntheticWorkspace::tenantName(tenant), result.message));
        items += result.summaryCounts.value("items_stored", 0);
    }
    figures["import.rss_mb"] = peakRssMb();
    figures["import.s"] = importSeconds;
    figures["import.items"] = static_cast<double>(items);
    figures["import.items_per_s"] = static_cast<double>(items) / importSeconds;
    figures["import.mb_per_s"] = static_cast<double>(bytes) / 1e6 / importSeconds;
    figures["import.read_s"] = readSeconds;
    figures["import.write_s"] = importSeconds - readSeconds;

    // Capture of the reference tenant.
    resetPeakRss();
    QElapsedTimer timer;
    timer.start();
    const RunResult captured
        = BaselineCapture(database, workspaceId).run({profile.id, tenantIds.first()}, control);
    figures["capture.s"] = seconds(timer);
    figures["capture.rss_mb"] = peakRssMb();
    if (captured.outcome != RunOutcome::succeeded)
        throw EngineError(QStringLiteral("capture: %1").arg(captured.message));

    // Compare every tenant, twice (the second sees the same drift again), then once more with
    // more workers.
    const QList<CompareRequest> requests
        = BaselineCompare::plan(database, workspaceId, std::nullopt, std::nullopt);
    const DriftEngine engine(scratch.settings(), workspaceId);
    qint64 expectedFindings = 0;
    for (int tenant = 0; tenant < spec.tenants; ++tenant)
        expectedFindings += workspace.expectedDrift(tenant).total();
    const auto compareAll = [&](const char* name, int workers) {
        resetPeakRss();
        QElapsedTimer compareTimer;
        compareTimer.start();
        const QList<RunResult> results = engine.compare(requests, {}, workers).results();
        const double elapsed = seconds(compareTimer);
        qint64 compared = 0;
        qint64 opened = 0;
        qint64 seen = 0;
        for (const RunResult& result : results) {
            if (result.outcome != RunOutcome::succeeded)
                throw EngineError(QStringLiteral("compare: %1").arg(result.message));
            compared += result.summaryCounts.value("current_items", 0);
            opened += result.summaryCounts.value("findings_opened", 0);
            seen += result.summaryCounts.value("findings_seen_again", 0);
        }
        if (opened + seen != expectedFindings)
            throw EngineError(QStringLiteral("compare found %1 findings, the generator made %2")
                                  .arg(opened + seen)
                                  .arg(expectedFindings));
        const std::string key(name);
        figures[key + ".s"] = elapsed;
        figures[key + ".rss_mb"] = peakRssMb();
        figures[key + ".items_per_s"] = static_cast<double>(compared) / elapsed;
        figures[key + ".findings_written_per_s"] = static_cast<double>(opened + seen) / elapsed;
        figures[key + ".findings"] = static_cast<double>(opened + seen);
    };
    compareAll("compare", 1);
    compareAll("compare_again", 1);
    if (options.workers > 1) {
        compareAll("compare_workers", options.workers);
        figures["compare_workers.speedup"]
            = figures["compare_again.s"] / figures["compare_workers.s"];
    }

    if (options.floors) {
        QTemporaryDir folder;
        Floors floors(database, workspaceId, folder.path());
        figures["floor.import_s"] = floors.importFloor();
        figures["floor.compare_s"] = floors.compareFloor();
        figures["ratio.import"] = figures["import.s"] / figures["floor.import_s"];
        figures["ratio.compare"] = figures["compare.s"] / figures["floor.compare_s"];
        figures["ratio.compare_again"] = figures["compare_again.s"] / figures["floor.compare_s"];
    }

    if (options.findings > 0) {
        fillFindings(database, workspaceId, options.findings);
        measureFindingsView(database, workspaceId, &figures, run == 0 ? plans : nullptr);
    }

    if (options.keep)
        out() << "kept " << scratch.settings().toUrl() << Qt::endl;
    else
        scratch.drop();
    return figures;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("driftdesk-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates a synthetic MSP workspace from real policy exports, imports, captures and "
        "compares it, and measures the same work done by the database alone (the floor)."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("A PostgreSQL server (postgresql://user@/db?host=...; a new database is "
                       "created per run) or sqlite:/folder/any.db (a new file per run beside it)."),
        QStringLiteral("url"));
    const QCommandLineOption presetOption(
        QStringLiteral("preset"),
        QStringLiteral("small (20 x 500, for CI) or msp (500 x 2000). Default: small."),
        QStringLiteral("name"), QStringLiteral("small"));
    const QCommandLineOption tenantsOption(QStringLiteral("tenants"),
                                           QStringLiteral("Tenants, overriding the preset."),
                                           QStringLiteral("count"));
    const QCommandLineOption policiesOption(
        QStringLiteral("policies"), QStringLiteral("Policies per tenant, overriding the preset."),
        QStringLiteral("count"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs; medians are reported. Default 3."),
                                        QStringLiteral("count"), QStringLiteral("3"));
    const QCommandLineOption workersOption(
        QStringLiteral("workers"),
        QStringLiteral("Compare workers for the parallel compare. Default 2."),
        QStringLiteral("count"), QStringLiteral("2"));
    const QCommandLineOption findingsOption(
        QStringLiteral("findings"),
        QStringLiteral("Fill the findings table up to this many rows and time the findings "
                       "view (0: skip). Default: as many as items."),
        QStringLiteral("count"));
    const QCommandLineOption templatesOption(
        QStringLiteral("templates"),
        QStringLiteral("Folder of exported policies to use as templates."),
        QStringLiteral("folder"), QStringLiteral(DRIFTDESK_BENCH_TEMPLATES));
    const QCommandLineOption noFloorOption(QStringLiteral("no-floor"),
                                           QStringLiteral("Skip the floor measurements."));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the databases of the runs."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Also write every figure as JSON here."),
                                        QStringLiteral("file"));
    parser.addOptions({dbOption, presetOption, tenantsOption, policiesOption, runsOption,
                       workersOption, findingsOption, templatesOption, noFloorOption, keepOption,
                       jsonOption});
    parser.process(app);

    Options options;
    try {
        if (!parser.isSet(dbOption))
            throw EngineError(QStringLiteral("--db is required"));
        options.server = ConnectionSettings::fromUrl(parser.value(dbOption));
        const QString preset = parser.value(presetOption);
        if (preset == QLatin1String("msp")) {
            options.spec.tenants = 500;
            options.spec.policies = 2000;
        } else if (preset != QLatin1String("small")) {
            throw EngineError(QStringLiteral("--preset: unknown preset \"%1\"").arg(preset));
        }
        const auto positive = [&](const QCommandLineOption& option, const char* name) {
            bool ok = false;
            const int value = parser.value(option).toInt(&ok);
            if (!ok || value < 1)
                throw EngineError(
                    QStringLiteral("--%1: expected a positive number").arg(QLatin1String(name)));
            return value;
        };
        if (parser.isSet(tenantsOption))
            options.spec.tenants = positive(tenantsOption, "tenants");
        if (parser.isSet(policiesOption))
            options.spec.policies = positive(policiesOption, "policies");
        options.runs = positive(runsOption, "runs");
        options.workers = positive(workersOption, "workers");
        options.findings = parser.isSet(findingsOption)
            ? parser.value(findingsOption).toLongLong()
            : static_cast<qint64>(options.spec.tenants) * options.spec.policies;
        options.templates = parser.value(templatesOption);
        options.floors = !parser.isSet(noFloorOption);
        options.keep = parser.isSet(keepOption);

        const SyntheticWorkspace workspace(options.spec, options.templates);
        out() << "driftdesk-bench: " << options.spec.tenants << " tenants x "
              << options.spec.policies << " policies on "
              << (options.server.backend() == Backend::Sqlite ? "SQLite" : "PostgreSQL") << ", "
              << workspace.templateCount() << " templates of "
              << qRound(workspace.meanTemplateBytes()) << " bytes on average, " << options.runs
              << " runs" << Qt::endl;

        std::vector<Figures> runs;
        QStringList plans;
        for (int run = 0; run < options.runs; ++run)
            runs.push_back(runOnce(options, workspace, run, &plans));

        nlohmann::json json = nlohmann::json::object();
        out() << "\n| figure | median | runs |\n|---|---:|---|\n";
        for (const auto& [name, value] : runs.front()) {
            std::vector<double> values;
            QStringList each;
            for (const Figures& figures : runs) {
                const auto found = figures.find(name);
                if (found == figures.end())
                    continue;
                values.push_back(found->second);
                each.append(QString::number(found->second, 'g', 4));
            }
            const double middle = median(values);
            json[name] = {{"median", middle}, {"runs", values}};
            out() << "| " << QString::fromStdString(name) << " | "
                  << QString::number(middle, 'f', middle < 10 ? 3 : 1) << " | "
                  << each.join(QStringLiteral(", ")) << " |\n";
        }
        if (!plans.isEmpty())
            out() << "\n## Findings view plans (run 1)\n\n" << plans.join(QLatin1Char('\n'));
        out().flush();
        if (parser.isSet(jsonOption)) {
            QFile file(parser.value(jsonOption));
            if (!file.open(QIODevice::WriteOnly))
                throw EngineError(QStringLiteral("cannot write %1").arg(file.fileName()));
            json["spec"] = {{"tenants", options.spec.tenants},
                            {"policies", options.spec.policies},
                            {"runs", options.runs},
                            {"workers", options.workers},
                            {"templates", workspace.templateCount()},
                            {"mean_template_bytes", workspace.meanTemplateBytes()}};
            json["plans"] = plans.join(QLatin1Char('\n')).toStdString();
            file.write(QByteArray::fromStdString(json.dump(2)));
        }
    } catch (const EngineError& error) {
        QTextStream(stderr) << "driftdesk-bench: " << error.message() << Qt::endl;
        return 1;
    }
    return 0;
}
