// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "output.h"

#include "recordjson.h"
#include "runstore.h"
#include "tenantstore.h"

namespace driftctl {

using namespace driftdesk;

namespace {

int addTenant(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Add a tenant to the workspace."));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Tenant name."),
                                  QStringLiteral("name"));
    const QCommandLineOption externalId(QStringLiteral("external-id"),
                                        QStringLiteral("Entra tenant id (a GUID)."),
                                        QStringLiteral("guid"));
    parser.addOptions({name, externalId});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("tenant"), QStringLiteral("add")}, args,
                      &exitCode))
        return exitCode;
    if (!parser.isSet(name)) {
        context.err() << "driftctl tenant add: --name is required\n";
        return Failed;
    }

    TenantStore tenants(context.database(), context.workspaceId());
    const Tenant tenant = tenants.add(parser.value(name), parser.value(externalId));
    context.out() << "Added tenant " << tenant.id << " \"" << tenant.name << "\".\n";
    return Succeeded;
}

int listTenants(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the tenants of the workspace."));
    const QStringList formats{QStringLiteral("table"), QStringLiteral("json")};
    parser.addOption(formatOption(QStringLiteral("table"), formats));
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("tenant"), QStringLiteral("list")}, args,
                      &exitCode))
        return exitCode;
    const QString format = outputFormat(context, parser, formats);
    if (format.isEmpty())
        return Failed;

    TenantStore tenants(context.database(), context.workspaceId());
    const auto list = tenants.list();
    if (format == QLatin1String("json")) {
        auto array = nlohmann::ordered_json::array();
        for (const auto& tenant : list)
            array.push_back(toJson(tenant));
        printJson(context.out(), array);
        return Succeeded;
    }

    RunStore runs(context.database(), context.workspaceId());
    TextTable table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("EXTERNAL ID"),
                     QStringLiteral("LATEST SYNC")});
    for (const auto& tenant : list) {
        const auto sync = runs.latestInventorySync(tenant.id);
        table.addRow(
            {QString::number(tenant.id), tenant.name, tenant.externalId,
             sync ? QStringLiteral("run %1, %2, %3")
                        .arg(QString::number(sync->id), sync->outcome, toRfc3339(sync->completedAt))
                  : QStringLiteral("never")});
    }
    table.print(context.out());
    return Succeeded;
}

int deleteTenant(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Delete a tenant with its inventory, runs and findings. Snapshots captured from it stay "
        "with their profiles."));
    parser.addPositionalArgument(QStringLiteral("tenant"), QStringLiteral("Tenant name or id."));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant"), QStringLiteral("Tenant name or id."), QStringLiteral("tenant"));
    parser.addOption(tenantOption);
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("tenant"), QStringLiteral("delete")}, args,
                      &exitCode, 1))
        return exitCode;
    const QString which = targetArgument(context, parser, QStringLiteral("tenant"),
                                         QStringLiteral("tenant delete"));
    if (which.isEmpty())
        return Failed;

    TenantStore tenants(context.database(), context.workspaceId());
    const Tenant tenant = tenants.resolve(which);
    tenants.remove(tenant.id);
    context.out() << "Deleted tenant " << tenant.id << " \"" << tenant.name << "\".\n";
    return Succeeded;
}

} // namespace

int tenantCommand(CliContext& context, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add"))
        return addTenant(context, args.mid(1));
    if (sub == QLatin1String("list"))
        return listTenants(context, args.mid(1));
    if (sub == QLatin1String("delete"))
        return deleteTenant(context, args.mid(1));
    return unknownSubcommand(
        context, QStringLiteral("tenant"), args,
        {QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("delete")});
}

} // namespace driftctl
