// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "output.h"

#include "currentuser.h"
#include "engineerror.h"
#include "findingexport.h"
#include "findingstore.h"
#include "policytyperegistry.h"
#include "profilestore.h"
#include "recordjson.h"
#include "tenantstore.h"

#include <QHash>

namespace driftctl {

using namespace driftdesk;

namespace {

int listFindings(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List drift findings."));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant"), QStringLiteral("Tenant name or id."), QStringLiteral("tenant"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Profile name or id."),
                                           QStringLiteral("profile"));
    const QCommandLineOption statusOption(QStringLiteral("status"),
                                          QStringLiteral("open, acknowledged or resolved."),
                                          QStringLiteral("status"));
    const QCommandLineOption changeOption(
        QStringLiteral("change-type"),
        QStringLiteral("missing_policy, different_version, unexpected_policy or "
                       "ambiguous_match."),
        QStringLiteral("type"));
    const QCommandLineOption policyTypeOption(
        QStringLiteral("policy-type"), QStringLiteral("Policy type key."), QStringLiteral("key"));
    const QStringList formats{QStringLiteral("table"), QStringLiteral("json"),
                              QStringLiteral("csv")};
    parser.addOptions({tenantOption, profileOption, statusOption, changeOption, policyTypeOption,
                       formatOption(QStringLiteral("table"), formats)});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("findings"), QStringLiteral("list")}, args,
                      &exitCode))
        return exitCode;
    const QString format = outputFormat(context, parser, formats);
    if (format.isEmpty())
        return Failed;

    const bool validFilters
        = checkChoice(context, parser, QStringLiteral("status"),
                      {FindingStatus::open, FindingStatus::acknowledged, FindingStatus::resolved})
        && checkChoice(context, parser, QStringLiteral("change-type"),
                       {ChangeType::missingPolicy, ChangeType::differentVersion,
                        ChangeType::unexpectedPolicy, ChangeType::ambiguousMatch})
        && checkChoice(context, parser, QStringLiteral("policy-type"),
                       PolicyTypeRegistry::builtIn().keys(PolicyTypeKind::Policy)
                           + PolicyTypeRegistry::builtIn().keys(PolicyTypeKind::Foundation));
    if (!validFilters)
        return Failed;

    Database& database = context.database();
    const qint64 workspaceId = context.workspaceId();
    TenantStore tenants(database, workspaceId);
    FindingFilter filter;
    if (parser.isSet(tenantOption))
        filter.tenantId = tenants.resolve(parser.value(tenantOption)).id;
    if (parser.isSet(profileOption))
        filter.profileId
            = ProfileStore(database, workspaceId).resolve(parser.value(profileOption)).id;
    filter.status = parser.value(statusOption);
    filter.changeType = parser.value(changeOption);
    filter.policyType = parser.value(policyTypeOption);
    const auto findings = FindingStore(database, workspaceId).list(filter);

    if (format == QLatin1String("json")) {
        context.out() << QString::fromUtf8(findingsJson(findings));
        return Succeeded;
    }
    if (format == QLatin1String("csv")) {
        context.out() << QString::fromUtf8(findingsCsv(findings));
        return Succeeded;
    }

    QHash<qint64, QString> tenantNames;
    for (const Tenant& tenant : tenants.list())
        tenantNames.insert(tenant.id, tenant.name);
    QHash<qint64, QString> profileNames;
    for (const BaselineProfile& profile : ProfileStore(database, workspaceId).list())
        profileNames.insert(profile.id, profile.name);
    TextTable table({QStringLiteral("ID"), QStringLiteral("TENANT"), QStringLiteral("PROFILE"),
                     QStringLiteral("POLICY TYPE"), QStringLiteral("CHANGE"),
                     QStringLiteral("SEVERITY"), QStringLiteral("STATUS"), QStringLiteral("SEEN"),
                     QStringLiteral("SUBJECT"), QStringLiteral("NAME")});
    for (const auto& finding : findings) {
        table.addRow({QString::number(finding.id), tenantNames.value(finding.tenantId),
                      elide(profileNames.value(finding.baselineProfileId), 30), finding.policyType,
                      finding.changeType, finding.severity, finding.status,
                      QString::number(finding.timesSeen), finding.subjectExternalId,
                      elide(finding.displayName, 70)});
    }
    table.print(context.out());
    context.out() << (findings.size() == 1 ? QStringLiteral("1 finding")
                                           : QStringLiteral("%1 findings").arg(findings.size()))
                  << '\n';
    return Succeeded;
}

void printFinding(CliContext& context, const Finding& finding)
{
    QTextStream& out = context.out();
    out << "Finding " << finding.id << " (" << finding.changeType << ", " << finding.status << ")\n"
        << "  policy:       " << finding.displayName << '\n'
        << "  policy type:  " << finding.policyType << '\n'
        << "  subject:      " << finding.subjectExternalId << '\n'
        << "  tenant:       " << tenantLabel(context, finding.tenantId) << '\n'
        << "  profile:      " << profileLabel(context, finding.baselineProfileId) << '\n'
        << "  snapshot:     " << finding.baselineSnapshotId << '\n'
        << "  severity:     " << finding.severity << '\n'
        << "  first seen:   " << toRfc3339(finding.firstSeenAt) << '\n'
        << "  last seen:    " << toRfc3339(finding.lastSeenAt) << '\n'
        << "  times seen:   " << finding.timesSeen << '\n';
    if (finding.resolvedAt.isValid())
        out << "  resolved:     " << toRfc3339(finding.resolvedAt) << " (" << finding.resolvedReason
            << ")\n";
    if (finding.acknowledgedAt.isValid())
        out << "  acknowledged: " << toRfc3339(finding.acknowledgedAt) << " by "
            << finding.acknowledgedBy << ": " << finding.acknowledgementNote << '\n';
    out << "  evidence:\n" << indented(finding.evidence.dump(2), 4) << '\n';
}

int showFinding(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show one finding with its evidence."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Finding id."));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    parser.addOption(formatOption(QStringLiteral("text"), formats));
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("findings"), QStringLiteral("show")}, args,
                      &exitCode, 1))
        return exitCode;
    const QString format = outputFormat(context, parser, formats);
    if (format.isEmpty())
        return Failed;
    bool isNumber = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&isNumber);
    if (!isNumber) {
        context.err() << "driftctl findings show: \"" << parser.positionalArguments().value(0)
                      << "\" is not a finding id (a number)\n";
        return Failed;
    }
    const auto finding = FindingStore(context.database(), context.workspaceId()).byId(id);
    if (!finding)
        throw EngineError(QStringLiteral("there is no finding %1 in this workspace").arg(id));
    if (format == QLatin1String("json"))
        printJson(context.out(), toJson(*finding));
    else
        printFinding(context, *finding);
    return Succeeded;
}

int acknowledgeFinding(CliContext& context, const QStringList& args, bool acknowledge)
{
    const QString sub = acknowledge ? QStringLiteral("acknowledge") : QStringLiteral("reopen");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        acknowledge ? QStringLiteral("Acknowledge a finding; it stays acknowledged while it is "
                                     "detected.")
                    : QStringLiteral("Take back an acknowledgement."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Finding id."));
    const QCommandLineOption noteOption(QStringLiteral("note"),
                                        QStringLiteral("Why the drift is accepted."),
                                        QStringLiteral("text"));
    if (acknowledge)
        parser.addOption(noteOption);
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("findings"), sub}, args, &exitCode, 1))
        return exitCode;
    bool isNumber = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&isNumber);
    if (!isNumber) {
        context.err() << "driftctl findings " << sub << ": give a finding id\n";
        return Failed;
    }

    FindingStore findings(context.database(), context.workspaceId());
    if (acknowledge) {
        findings.acknowledge(id, currentUserName(), parser.value(noteOption));
        context.out() << "Acknowledged finding " << id << ".\n";
    } else {
        findings.reopen(id);
        context.out() << "Reopened finding " << id << ".\n";
    }
    return Succeeded;
}

} // namespace

int findingsCommand(CliContext& context, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("list"))
        return listFindings(context, args.mid(1));
    if (sub == QLatin1String("show"))
        return showFinding(context, args.mid(1));
    if (sub == QLatin1String("acknowledge"))
        return acknowledgeFinding(context, args.mid(1), true);
    if (sub == QLatin1String("reopen"))
        return acknowledgeFinding(context, args.mid(1), false);
    return unknownSubcommand(context, QStringLiteral("findings"), args,
                             {QStringLiteral("list"), QStringLiteral("show"),
                              QStringLiteral("acknowledge"), QStringLiteral("reopen")});
}

} // namespace driftctl
