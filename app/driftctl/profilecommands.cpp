// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "output.h"

#include "engineerror.h"
#include "profilestore.h"
#include "recordjson.h"
#include "tenantstore.h"

namespace driftctl {

using namespace driftdesk;

namespace {

QString describeScope(const nlohmann::json& scope)
{
    QString error;
    const auto parsed = BaselineScope::fromJson(scope, PolicyTypeRegistry::builtIn(), &error);
    if (!parsed)
        return QStringLiteral("invalid: ") + error;
    const QString policies = parsed->policyTypes().isEmpty() ? QStringLiteral("all policy types")
                                                             : parsed->policyTypes().join(u", ");
    const QString foundations = parsed->foundationTypes().isEmpty()
        ? QStringLiteral("no foundations")
        : parsed->foundationTypes().join(u", ");
    return policies + QStringLiteral("; ") + foundations;
}

int createProfile(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Create a baseline profile. Without --policy-types it covers every supported policy "
        "type; without --foundation-types it covers no foundation type."));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Profile name."),
                                  QStringLiteral("name"));
    const QCommandLineOption description(QStringLiteral("description"),
                                         QStringLiteral("Description."), QStringLiteral("text"));
    const QCommandLineOption versionLabel(QStringLiteral("version-label"),
                                          QStringLiteral("Version label, e.g. v3.7."),
                                          QStringLiteral("label"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("draft, active (default) or archived."),
                                    QStringLiteral("status"), QStringLiteral("active"));
    const QCommandLineOption policyTypes(QStringLiteral("policy-types"),
                                         QStringLiteral("Comma-separated policy type keys."),
                                         QStringLiteral("keys"));
    const QCommandLineOption foundationTypes(
        QStringLiteral("foundation-types"), QStringLiteral("Comma-separated foundation type keys."),
        QStringLiteral("keys"));
    parser.addOptions({name, description, versionLabel, status, policyTypes, foundationTypes});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("profile"), QStringLiteral("create")}, args,
                      &exitCode))
        return exitCode;
    if (!parser.isSet(name)) {
        context.err() << "driftctl profile create: --name is required\n";
        return Failed;
    }

    QStringList policyKeys;
    QStringList foundationKeys;
    if (!listOption(context, parser, QStringLiteral("policy-types"), &policyKeys)
        || !listOption(context, parser, QStringLiteral("foundation-types"), &foundationKeys))
        return Failed;
    QString scopeError;
    const auto scope = BaselineScope::fromLists(policyKeys, foundationKeys,
                                                PolicyTypeRegistry::builtIn(), &scopeError);
    if (!scope) {
        context.err() << "driftctl profile create: " << scopeError << "\n";
        return Failed;
    }

    ProfileDraft draft;
    draft.name = parser.value(name);
    draft.description = parser.value(description);
    draft.versionLabel = parser.value(versionLabel);
    draft.status = parser.value(status);
    draft.scope = *scope;
    const BaselineProfile profile
        = ProfileStore(context.database(), context.workspaceId()).create(draft);
    context.out() << "Created baseline profile " << profile.id << " \"" << profile.name << "\" ("
                  << describeScope(profile.scope) << ").\n";
    return Succeeded;
}

int listProfiles(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List baseline profiles."));
    const QStringList formats{QStringLiteral("table"), QStringLiteral("json")};
    parser.addOption(formatOption(QStringLiteral("table"), formats));
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("profile"), QStringLiteral("list")}, args,
                      &exitCode))
        return exitCode;
    const QString format = outputFormat(context, parser, formats);
    if (format.isEmpty())
        return Failed;

    ProfileStore profiles(context.database(), context.workspaceId());
    const auto list = profiles.list();
    if (format == QLatin1String("json")) {
        auto array = nlohmann::ordered_json::array();
        for (const auto& profile : list) {
            auto json = toJson(profile);
            auto tenants = nlohmann::ordered_json::array();
            for (const qint64 id : profiles.assignedTenantIds(profile.id))
                tenants.push_back(id);
            json["assigned_tenant_ids"] = tenants;
            array.push_back(json);
        }
        printJson(context.out(), array);
        return Succeeded;
    }

    TextTable table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("VERSION"),
                     QStringLiteral("STATUS"), QStringLiteral("SNAPSHOT"),
                     QStringLiteral("TENANTS"), QStringLiteral("SCOPE")});
    for (const auto& profile : list) {
        table.addRow({QString::number(profile.id), profile.name, profile.versionLabel,
                      profile.status,
                      profile.activeSnapshotId ? QString::number(*profile.activeSnapshotId)
                                               : QStringLiteral("-"),
                      QString::number(profiles.assignedTenantIds(profile.id).size()),
                      describeScope(profile.scope)});
    }
    table.print(context.out());
    return Succeeded;
}

int deleteProfile(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Delete a baseline profile with its snapshots, their items, its assignments and its "
        "findings."));
    parser.addPositionalArgument(QStringLiteral("profile"), QStringLiteral("Profile name or id."));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Profile name or id."),
                                           QStringLiteral("profile"));
    parser.addOption(profileOption);
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("profile"), QStringLiteral("delete")}, args,
                      &exitCode, 1))
        return exitCode;
    const QString which = targetArgument(context, parser, QStringLiteral("profile"),
                                         QStringLiteral("profile delete"));
    if (which.isEmpty())
        return Failed;

    ProfileStore profiles(context.database(), context.workspaceId());
    const BaselineProfile profile = profiles.resolve(which);
    profiles.remove(profile.id);
    context.out() << "Deleted baseline profile " << profile.id << " \"" << profile.name << "\".\n";
    return Succeeded;
}

int assignProfile(CliContext& context, const QStringList& args, bool assign)
{
    const QString sub = assign ? QStringLiteral("assign") : QStringLiteral("unassign");
    QCommandLineParser parser;
    parser.setApplicationDescription(assign
                                         ? QStringLiteral("Assign a tenant to a baseline profile.")
                                         : QStringLiteral("Remove a tenant from a baseline "
                                                          "profile; its findings stay."));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Profile name or id."),
                                           QStringLiteral("profile"));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant"), QStringLiteral("Tenant name or id."), QStringLiteral("tenant"));
    parser.addOptions({profileOption, tenantOption});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("profile"), sub}, args, &exitCode))
        return exitCode;
    if (!parser.isSet(profileOption) || !parser.isSet(tenantOption)) {
        context.err() << "driftctl profile " << sub << ": --profile and --tenant are required\n";
        return Failed;
    }

    ProfileStore profiles(context.database(), context.workspaceId());
    const BaselineProfile profile = profiles.resolve(parser.value(profileOption));
    const Tenant tenant = TenantStore(context.database(), context.workspaceId())
                              .resolve(parser.value(tenantOption));
    if (assign) {
        profiles.assign(profile.id, tenant.id);
        context.out() << "Assigned tenant \"" << tenant.name << "\" to \"" << profile.name
                      << "\".\n";
    } else {
        if (!profiles.unassign(profile.id, tenant.id)) {
            context.err() << "driftctl profile unassign: tenant \"" << tenant.name
                          << "\" is not assigned to \"" << profile.name << "\"\n";
            return Failed;
        }
        context.out() << "Unassigned tenant \"" << tenant.name << "\" from \"" << profile.name
                      << "\".\n";
    }
    return Succeeded;
}

} // namespace

int profileCommand(CliContext& context, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("create"))
        return createProfile(context, args.mid(1));
    if (sub == QLatin1String("list"))
        return listProfiles(context, args.mid(1));
    if (sub == QLatin1String("delete"))
        return deleteProfile(context, args.mid(1));
    if (sub == QLatin1String("assign"))
        return assignProfile(context, args.mid(1), true);
    if (sub == QLatin1String("unassign"))
        return assignProfile(context, args.mid(1), false);
    return unknownSubcommand(context, QStringLiteral("profile"), args,
                             {QStringLiteral("create"), QStringLiteral("list"),
                              QStringLiteral("delete"), QStringLiteral("assign"),
                              QStringLiteral("unassign")});
}

} // namespace driftctl
