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

/// The options that set a profile's fields, shared by create and update.
struct ProfileOptions
{
    QCommandLineOption name{QStringLiteral("name"), QStringLiteral("Profile name."),
                            QStringLiteral("name")};
    QCommandLineOption description{QStringLiteral("description"), QStringLiteral("Description."),
                                   QStringLiteral("text")};
    QCommandLineOption versionLabel{QStringLiteral("version-label"),
                                    QStringLiteral("Version label, e.g. v3.7."),
                                    QStringLiteral("label")};
    QCommandLineOption status{QStringLiteral("status"),
                              QStringLiteral("draft, active (default) or archived."),
                              QStringLiteral("status")};
    QCommandLineOption matching{
        QStringLiteral("matching"),
        QStringLiteral("by-id (default: the same tenant over time) or by-identity (other "
                       "tenants: policy type and display name without its version suffix)."),
        QStringLiteral("mode")};
    QCommandLineOption versionSuffix{
        QStringLiteral("version-suffix"),
        QStringLiteral("Regular expression removed from the end of names matched by identity "
                       "(default: %1).")
            .arg(defaultVersionSuffixPattern),
        QStringLiteral("regex")};
    QCommandLineOption policyTypes{QStringLiteral("policy-types"),
                                   QStringLiteral("Comma-separated policy type keys."),
                                   QStringLiteral("keys")};
    QCommandLineOption foundationTypes{QStringLiteral("foundation-types"),
                                       QStringLiteral("Comma-separated foundation type keys."),
                                       QStringLiteral("keys")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({name, description, versionLabel, status, matching, versionSuffix,
                           policyTypes, foundationTypes});
    }

    /// Sets the draft's fields whose options were given. Returns false (after saying why) on a
    /// bad value.
    bool apply(CliContext& context, const QCommandLineParser& parser, const QString& command,
               ProfileDraft& draft) const
    {
        if (parser.isSet(name))
            draft.name = parser.value(name);
        if (parser.isSet(description))
            draft.description = parser.value(description);
        if (parser.isSet(versionLabel))
            draft.versionLabel = parser.value(versionLabel);
        if (parser.isSet(status))
            draft.status = parser.value(status);
        if (parser.isSet(matching)) {
            // Accept the spelling of the command line and of the stored value alike.
            const QString mode = QString(parser.value(matching)).replace(u'-', u'_');
            if (!ProfileStore::isValidMatchingMode(mode)) {
                context.err() << "driftctl profile " << command << ": --matching: \""
                              << parser.value(matching) << "\" is not by-id or by-identity\n";
                return false;
            }
            draft.matchingMode = mode;
        }
        if (parser.isSet(versionSuffix))
            draft.versionSuffixPattern = parser.value(versionSuffix);

        if (!parser.isSet(policyTypes) && !parser.isSet(foundationTypes))
            return true;
        QStringList policyKeys = draft.scope.policyTypes();
        QStringList foundationKeys = draft.scope.foundationTypes();
        if ((parser.isSet(policyTypes)
             && !listOption(context, parser, QStringLiteral("policy-types"), &policyKeys))
            || (parser.isSet(foundationTypes)
                && !listOption(context, parser, QStringLiteral("foundation-types"),
                               &foundationKeys)))
            return false;
        QString scopeError;
        const auto scope = BaselineScope::fromLists(policyKeys, foundationKeys,
                                                    PolicyTypeRegistry::builtIn(), &scopeError);
        if (!scope) {
            context.err() << "driftctl profile " << command << ": " << scopeError << "\n";
            return false;
        }
        draft.scope = *scope;
        return true;
    }
};

QString describeMatching(const BaselineProfile& profile)
{
    return profile.matchingMode == MatchingMode::byIdentity
        ? QStringLiteral("matched by identity, suffix /%1/").arg(profile.versionSuffixPattern)
        : QStringLiteral("matched by id");
}

int createProfile(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Create a baseline profile. Without --policy-types it covers every supported policy "
        "type; without --foundation-types it covers no foundation type."));
    const ProfileOptions options;
    options.addTo(parser);
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("profile"), QStringLiteral("create")}, args,
                      &exitCode))
        return exitCode;
    if (!parser.isSet(options.name)) {
        context.err() << "driftctl profile create: --name is required\n";
        return Failed;
    }

    ProfileDraft draft;
    if (!options.apply(context, parser, QStringLiteral("create"), draft))
        return Failed;
    const BaselineProfile profile
        = ProfileStore(context.database(), context.workspaceId()).create(draft);
    context.out() << "Created baseline profile " << profile.id << " \"" << profile.name << "\" ("
                  << describeScope(profile.scope) << "; " << describeMatching(profile) << ").\n";
    return Succeeded;
}

int updateProfile(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Change a baseline profile's fields; what is not given stays. "
                       "--policy-types and --foundation-types replace that part of the scope."));
    parser.addPositionalArgument(QStringLiteral("profile"), QStringLiteral("Profile name or id."));
    const ProfileOptions options;
    options.addTo(parser);
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("profile"), QStringLiteral("update")}, args,
                      &exitCode, 1))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.err() << "driftctl profile update: name one profile\n";
        return Failed;
    }

    ProfileStore profiles(context.database(), context.workspaceId());
    const BaselineProfile existing = profiles.resolve(positional.first());
    ProfileDraft draft = ProfileDraft::of(existing);
    if (!options.apply(context, parser, QStringLiteral("update"), draft))
        return Failed;
    const BaselineProfile profile = profiles.update(existing.id, draft);
    context.out() << "Updated baseline profile " << profile.id << " \"" << profile.name << "\" ("
                  << describeScope(profile.scope) << "; " << describeMatching(profile) << ").\n";
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
                     QStringLiteral("STATUS"), QStringLiteral("MATCHING"),
                     QStringLiteral("SNAPSHOT"), QStringLiteral("TENANTS"),
                     QStringLiteral("SCOPE")});
    for (const auto& profile : list) {
        table.addRow({QString::number(profile.id), profile.name, profile.versionLabel,
                      profile.status,
                      profile.matchingMode == MatchingMode::byIdentity
                          ? QStringLiteral("by-identity /%1/").arg(profile.versionSuffixPattern)
                          : QStringLiteral("by-id"),
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
    if (sub == QLatin1String("update"))
        return updateProfile(context, args.mid(1));
    if (sub == QLatin1String("list"))
        return listProfiles(context, args.mid(1));
    if (sub == QLatin1String("delete"))
        return deleteProfile(context, args.mid(1));
    if (sub == QLatin1String("assign"))
        return assignProfile(context, args.mid(1), true);
    if (sub == QLatin1String("unassign"))
        return assignProfile(context, args.mid(1), false);
    return unknownSubcommand(context, QStringLiteral("profile"), args,
                             {QStringLiteral("create"), QStringLiteral("update"),
                              QStringLiteral("list"), QStringLiteral("delete"),
                              QStringLiteral("assign"), QStringLiteral("unassign")});
}

} // namespace driftctl
