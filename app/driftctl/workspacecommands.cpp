// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "output.h"

#include "database.h"
#include "recordjson.h"
#include "schemamigrator.h"
#include "workspacestore.h"

namespace driftctl {

using namespace driftdesk;

int migrateCommand(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Create or upgrade the database schema and the \"default\" workspace."));
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("migrate")}, args, &exitCode))
        return exitCode;

    SchemaMigrator migrator(context.unmigratedDatabase());
    const auto outcome = migrator.migrate();
    if (outcome.applied.isEmpty())
        context.out() << "Schema is current at version " << outcome.toVersion << " ("
                      << context.settings().displayString() << ").\n";
    else
        context.out() << "Migrated " << context.settings().displayString() << " from version "
                      << outcome.fromVersion << " to " << outcome.toVersion << " ("
                      << outcome.applied.join(u", ") << ").\n";
    return Succeeded;
}

int workspaceCommand(CliContext& context, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    int exitCode = Succeeded;

    if (sub == QLatin1String("add")) {
        QCommandLineParser parser;
        parser.setApplicationDescription(QStringLiteral("Add a workspace."));
        parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Workspace name."));
        if (!parseCommand(context, parser, {QStringLiteral("workspace"), sub}, rest, &exitCode, 1))
            return exitCode;
        if (parser.positionalArguments().size() != 1) {
            context.err() << "driftctl workspace add: give exactly one name\n";
            return Failed;
        }
        const Workspace workspace
            = WorkspaceStore(context.database()).add(parser.positionalArguments().first());
        context.out() << "Added workspace " << workspace.id << " \"" << workspace.name << "\".\n";
        return Succeeded;
    }

    if (sub == QLatin1String("list")) {
        QCommandLineParser parser;
        parser.setApplicationDescription(QStringLiteral("List workspaces."));
        const QStringList formats{QStringLiteral("table"), QStringLiteral("json")};
        parser.addOption(formatOption(QStringLiteral("table"), formats));
        if (!parseCommand(context, parser, {QStringLiteral("workspace"), sub}, rest, &exitCode))
            return exitCode;
        const QString format = outputFormat(context, parser, formats);
        if (format.isEmpty())
            return Failed;

        const auto workspaces = WorkspaceStore(context.database()).list();
        if (format == QLatin1String("json")) {
            auto array = nlohmann::ordered_json::array();
            for (const auto& workspace : workspaces)
                array.push_back(toJson(workspace));
            printJson(context.out(), array);
            return Succeeded;
        }
        TextTable table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("CREATED")});
        for (const auto& workspace : workspaces)
            table.addRow(
                {QString::number(workspace.id), workspace.name, toRfc3339(workspace.createdAt)});
        table.print(context.out());
        return Succeeded;
    }

    if (sub == QLatin1String("grant") || sub == QLatin1String("revoke")) {
        const bool granting = sub == QLatin1String("grant");
        QCommandLineParser parser;
        parser.setApplicationDescription(
            granting ? QStringLiteral("Let a PostgreSQL role use the workspace chosen with "
                                      "--workspace (the tables' owner only). The role must exist: "
                                      "see docs/workspace-isolation.md.")
                     : QStringLiteral("Take a PostgreSQL role's membership of the workspace chosen "
                                      "with --workspace back (the tables' owner only)."));
        parser.addPositionalArgument(QStringLiteral("role"), QStringLiteral("Role name."));
        if (!parseCommand(context, parser, {QStringLiteral("workspace"), sub}, rest, &exitCode, 1))
            return exitCode;
        const QString role = parser.positionalArguments().value(0);
        if (role.isEmpty()) {
            context.err() << "driftctl workspace " << sub << ": name the role\n";
            return Failed;
        }
        WorkspaceStore store(context.database());
        if (granting) {
            const bool added = store.grant(context.workspaceId(), role);
            context.out() << (added ? "Granted" : "Already granted") << " workspace \""
                          << context.workspaceName() << "\" to role \"" << role << "\".\n";
        } else {
            if (!store.revoke(context.workspaceId(), role)) {
                context.err() << "driftctl workspace revoke: role \"" << role
                              << "\" is not a member of workspace \"" << context.workspaceName()
                              << "\"\n";
                return Failed;
            }
            context.out() << "Revoked workspace \"" << context.workspaceName() << "\" from role \""
                          << role << "\".\n";
        }
        return Succeeded;
    }

    if (sub == QLatin1String("members")) {
        QCommandLineParser parser;
        parser.setApplicationDescription(QStringLiteral(
            "List the PostgreSQL roles that may use the workspace chosen with --workspace."));
        const QStringList formats{QStringLiteral("table"), QStringLiteral("json")};
        parser.addOption(formatOption(QStringLiteral("table"), formats));
        if (!parseCommand(context, parser, {QStringLiteral("workspace"), sub}, rest, &exitCode))
            return exitCode;
        const QString format = outputFormat(context, parser, formats);
        if (format.isEmpty())
            return Failed;

        const auto members = WorkspaceStore(context.database()).members(context.workspaceId());
        if (format == QLatin1String("json")) {
            auto array = nlohmann::ordered_json::array();
            for (const auto& member : members)
                array.push_back(toJson(member));
            printJson(context.out(), array);
            return Succeeded;
        }
        TextTable table(
            {QStringLiteral("ROLE"), QStringLiteral("GRANTED"), QStringLiteral("GRANTED BY")});
        for (const auto& member : members)
            table.addRow({member.roleName, toRfc3339(member.grantedAt), member.grantedBy});
        table.print(context.out());
        return Succeeded;
    }

    return unknownSubcommand(context, QStringLiteral("workspace"), args,
                             {QStringLiteral("add"), QStringLiteral("list"),
                              QStringLiteral("grant"), QStringLiteral("revoke"),
                              QStringLiteral("members")});
}

} // namespace driftctl
