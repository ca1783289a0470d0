// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "output.h"

#include "engineerror.h"

#include "profilestore.h"
#include "recordjson.h"
#include "records.h"
#include "runstore.h"
#include "tenantstore.h"
#include <QHash>

namespace driftctl {

using namespace driftdesk;

namespace {

int listRuns(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List operation runs, newest first."));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant"), QStringLiteral("Tenant name or id."), QStringLiteral("tenant"));
    const QCommandLineOption typeOption(
        QStringLiteral("type"),
        QStringLiteral("inventory_sync, baseline_capture or baseline_compare."),
        QStringLiteral("type"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("At most this many runs (default 50)."),
                                         QStringLiteral("n"), QStringLiteral("50"));
    const QStringList formats{QStringLiteral("table"), QStringLiteral("json")};
    parser.addOptions(
        {tenantOption, typeOption, limitOption, formatOption(QStringLiteral("table"), formats)});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("runs"), QStringLiteral("list")}, args,
                      &exitCode))
        return exitCode;
    const QString format = outputFormat(context, parser, formats);
    if (format.isEmpty())
        return Failed;

    if (!checkChoice(context, parser, QStringLiteral("type"),
                     {RunType::inventorySync, RunType::baselineCapture, RunType::baselineCompare}))
        return Failed;

    RunFilter filter;
    if (parser.isSet(tenantOption))
        filter.tenantId = TenantStore(context.database(), context.workspaceId())
                              .resolve(parser.value(tenantOption))
                              .id;
    filter.type = parser.value(typeOption);
    bool validLimit = false;
    filter.limit = parser.value(limitOption).toInt(&validLimit);
    if (!validLimit || filter.limit < 1) {
        context.err() << "driftctl runs list: --limit must be a positive number\n";
        return Failed;
    }
    const auto runs = RunStore(context.database(), context.workspaceId()).list(filter);

    if (format == QLatin1String("json")) {
        auto array = nlohmann::ordered_json::array();
        for (const auto& run : runs)
            array.push_back(toJson(run));
        printJson(context.out(), array);
        return Succeeded;
    }
    QHash<qint64, QString> tenantNames;
    for (const Tenant& tenant : TenantStore(context.database(), context.workspaceId()).list())
        tenantNames.insert(tenant.id, tenant.name);
    QHash<qint64, QString> profileNames;
    for (const auto& profile : ProfileStore(context.database(), context.workspaceId()).list())
        profileNames.insert(profile.id, profile.name);

    TextTable table({QStringLiteral("ID"), QStringLiteral("TYPE"), QStringLiteral("STATUS"),
                     QStringLiteral("OUTCOME"), QStringLiteral("TENANT"), QStringLiteral("PROFILE"),
                     QStringLiteral("STARTED"), QStringLiteral("COUNTS")});
    for (const auto& run : runs) {
        table.addRow(
            {QString::number(run.id), run.type, run.status, run.outcome,
             run.tenantId ? tenantNames.value(*run.tenantId) : QString(),
             run.baselineProfileId ? profileNames.value(*run.baselineProfileId) : QString(),
             toRfc3339(run.startedAt),
             elide(QString::fromStdString(run.summaryCounts.dump()), 80)});
    }
    table.print(context.out());
    return Succeeded;
}

int showRun(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show one run with its counts and context."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Run id."));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    parser.addOption(formatOption(QStringLiteral("text"), formats));
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("runs"), QStringLiteral("show")}, args,
                      &exitCode, 1))
        return exitCode;
    const QString format = outputFormat(context, parser, formats);
    if (format.isEmpty())
        return Failed;
    bool isNumber = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&isNumber);
    if (!isNumber) {
        context.err() << "driftctl runs show: \"" << parser.positionalArguments().value(0)
                      << "\" is not a run id (a number)\n";
        return Failed;
    }
    const auto run = RunStore(context.database(), context.workspaceId()).byId(id);
    if (!run)
        throw EngineError(QStringLiteral("there is no run %1 in this workspace").arg(id));

    if (format == QLatin1String("json")) {
        printJson(context.out(), toJson(*run));
        return Succeeded;
    }
    QTextStream& out = context.out();
    out << "Run " << run->id << " (" << run->type << ")\n"
        << "  status:       " << run->status << '\n'
        << "  outcome:      " << run->outcome << '\n';
    if (run->tenantId)
        out << "  tenant:       " << tenantLabel(context, *run->tenantId) << '\n';
    if (run->baselineProfileId)
        out << "  profile:      " << profileLabel(context, *run->baselineProfileId) << '\n';
    out << "  started:      " << toRfc3339(run->startedAt) << '\n'
        << "  completed:    " << toRfc3339(run->completedAt) << '\n'
        << "  initiated by: " << run->initiatedBy << '\n'
        << "  counts:       " << QString::fromStdString(run->summaryCounts.dump()) << '\n'
        << "  context:\n"
        << indented(run->context.dump(2), 4) << '\n';
    return Succeeded;
}

} // namespace

int runsCommand(CliContext& context, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("list"))
        return listRuns(context, args.mid(1));
    if (sub == QLatin1String("show"))
        return showRun(context, args.mid(1));
    return unknownSubcommand(context, QStringLiteral("runs"), args,
                             {QStringLiteral("list"), QStringLiteral("show")});
}

} // namespace driftctl
