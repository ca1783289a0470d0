// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "output.h"

#include "driftengine.h"
#include "engineerror.h"
#include "profilestore.h"
#include "recordjson.h"
#include "tenantstore.h"

namespace driftctl {

using namespace driftdesk;

namespace {

const QStringList runFormats{QStringLiteral("text"), QStringLiteral("json")};

int importInventory(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import a tenant's inventory from a folder of exported Graph objects (one JSON object "
        "per file in type folders, or Graph list responses), recorded as an inventory_sync "
        "run."));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant"), QStringLiteral("Tenant name or id."), QStringLiteral("tenant"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("Export folder."),
                                        QStringLiteral("folder"));
    const QCommandLineOption typesOption(
        QStringLiteral("types"),
        QStringLiteral("Read and cover exactly these type keys (comma-separated)."),
        QStringLiteral("keys"));
    parser.addOptions(
        {tenantOption, fromOption, typesOption, formatOption(QStringLiteral("text"), runFormats)});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("inventory"), QStringLiteral("import")},
                      args, &exitCode))
        return exitCode;
    const QString format = outputFormat(context, parser, runFormats);
    if (format.isEmpty())
        return Failed;
    if (!parser.isSet(tenantOption) || parser.value(fromOption).isEmpty()) {
        context.err() << "driftctl inventory import: --tenant and --from are required\n";
        return Failed;
    }
    QStringList types;
    if (!listOption(context, parser, QStringLiteral("types"), &types))
        return Failed;

    const Tenant tenant = TenantStore(context.database(), context.workspaceId())
                              .resolve(parser.value(tenantOption));
    ImportRequest request;
    request.tenantId = tenant.id;
    request.folder = parser.value(fromOption);
    request.types = types;

    DriftEngine engine(context.settings(), context.workspaceId());
    return reportRun(context, engine.importInventory(request).result(), format);
}

int capture(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Capture a baseline snapshot of a tenant's policies within a profile's scope and make "
        "it the profile's active snapshot."));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Profile name or id."),
                                           QStringLiteral("profile"));
    const QCommandLineOption tenantOption(QStringLiteral("from-tenant"),
                                          QStringLiteral("Source tenant name or id."),
                                          QStringLiteral("tenant"));
    parser.addOptions(
        {profileOption, tenantOption, formatOption(QStringLiteral("text"), runFormats)});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("capture")}, args, &exitCode))
        return exitCode;
    const QString format = outputFormat(context, parser, runFormats);
    if (format.isEmpty())
        return Failed;
    if (!parser.isSet(profileOption) || !parser.isSet(tenantOption)) {
        context.err() << "driftctl capture: --profile and --from-tenant are required\n";
        return Failed;
    }

    const BaselineProfile profile = ProfileStore(context.database(), context.workspaceId())
                                        .resolve(parser.value(profileOption));
    const Tenant tenant = TenantStore(context.database(), context.workspaceId())
                              .resolve(parser.value(tenantOption));
    DriftEngine engine(context.settings(), context.workspaceId());
    return reportRun(context, engine.capture({profile.id, tenant.id}).result(), format);
}

} // namespace

int inventoryCommand(CliContext& context, const QStringList& args)
{
    if (args.value(0) == QLatin1String("import"))
        return importInventory(context, args.mid(1));
    return unknownSubcommand(context, QStringLiteral("inventory"), args,
                             {QStringLiteral("import")});
}

int captureCommand(CliContext& context, const QStringList& args)
{
    return capture(context, args);
}

int compareCommand(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare tenants with the active snapshots of their assigned baseline profiles, one "
        "run per tenant and profile. With --all, exits 4 when new findings were opened "
        "(or resolved ones reopened)."));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant"), QStringLiteral("Tenant name or id."), QStringLiteral("tenant"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Profile name or id (default: every "
                                                          "profile assigned to the tenant)."),
                                           QStringLiteral("profile"));
    const QCommandLineOption allOption(QStringLiteral("all"),
                                       QStringLiteral("Compare every tenant with every profile "
                                                      "assigned to it."));
    const QCommandLineOption jobsOption(
        QStringLiteral("jobs"),
        QStringLiteral("Compare this many tenants at once, each worker with its own database "
                       "connection (default 1)."),
        QStringLiteral("count"), QStringLiteral("1"));
    parser.addOptions({tenantOption, profileOption, allOption, jobsOption,
                       formatOption(QStringLiteral("text"), runFormats)});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("compare")}, args, &exitCode))
        return exitCode;
    const QString format = outputFormat(context, parser, runFormats);
    if (format.isEmpty())
        return Failed;
    bool workersValid = false;
    const int workers = parser.value(jobsOption).toInt(&workersValid);
    if (!workersValid || workers < 1 || workers > 64) {
        context.err() << "driftctl compare: --jobs takes a number from 1 to 64\n";
        return Failed;
    }
    const bool all = parser.isSet(allOption);
    if (all == parser.isSet(tenantOption)) {
        context.err() << "driftctl compare: give either --tenant or --all\n";
        return Failed;
    }

    Database& database = context.database();
    const qint64 workspaceId = context.workspaceId();
    std::optional<qint64> tenantId;
    std::optional<qint64> profileId;
    if (parser.isSet(tenantOption))
        tenantId = TenantStore(database, workspaceId).resolve(parser.value(tenantOption)).id;
    if (parser.isSet(profileOption))
        profileId = ProfileStore(database, workspaceId).resolve(parser.value(profileOption)).id;
    const QList<CompareRequest> requests
        = BaselineCompare::plan(database, workspaceId, tenantId, profileId);
    if (requests.isEmpty()) {
        context.err() << "driftctl compare: no tenant is assigned to an active baseline profile\n";
        return Failed;
    }

    DriftEngine engine(context.settings(), workspaceId);
    const QList<RunResult> results = engine.compare(requests, {}, workers).results();

    // The worst state wins: failed, then blocked; then new drift (for --all); then partial.
    bool failed = false;
    bool blocked = false;
    bool partial = false;
    bool opened = false;
    auto runs = nlohmann::ordered_json::array();
    for (const RunResult& result : results) {
        if (format != QLatin1String("json")) {
            reportRun(context, result, format);
        } else {
            if (result.runId)
                runs.push_back(storedRun(context, result));
            reportRunErrors(context, result);
        }
        const int code = exitCodeForOutcome(result.outcome);
        failed = failed || code == Failed;
        blocked = blocked || code == Blocked;
        partial = partial || code == PartiallySucceeded;
        opened = opened || result.summaryCounts.value("findings_opened", 0) > 0
            || result.summaryCounts.value("findings_reopened", 0) > 0;
    }
    if (format == QLatin1String("json"))
        printJson(context.out(), runs);

    if (failed)
        return Failed;
    if (blocked)
        return Blocked;
    if (all && opened)
        return NewFindings;
    return partial ? PartiallySucceeded : Succeeded;
}

} // namespace driftctl
