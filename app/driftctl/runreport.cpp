// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "output.h"

#include "jsonconvert.h"
#include "operation.h"
#include "recordjson.h"
#include "runstore.h"

namespace driftctl {

using namespace driftdesk;

namespace {

QString str(const nlohmann::json& value)
{
    if (value.is_string())
        return toQString(value);
    return QString::fromStdString(value.dump());
}

void printCoverage(QTextStream& out, const nlohmann::json& context)
{
    const auto inventory = context.find("inventory");
    if (inventory == context.end())
        return;
    TextTable table({QStringLiteral("  TYPE"), QStringLiteral("STATUS"), QStringLiteral("ITEMS"),
                     QStringLiteral("ERRORS")});
    for (const char* kind : {"policy_types", "foundation_types"}) {
        const auto& types = (*inventory)["coverage"][kind];
        for (auto it = types.begin(); it != types.end(); ++it) {
            table.addRow({QStringLiteral("  ") + QString::fromStdString(it.key()),
                          str((*it)["status"]), str((*it)["item_count"]),
                          QString::number((*it)["errors"].size())});
        }
    }
    table.print(out);
}

void printListed(QTextStream& stream, const nlohmann::json& context, const char* key,
                 const QString& label)
{
    const auto list = context.find(key);
    if (list == context.end() || !list->is_array())
        return;
    for (const auto& entry : *list) {
        QString line = QStringLiteral("  %1: ").arg(label);
        if (entry.contains("file"))
            line += str(entry["file"]) + QStringLiteral(": ") + str(entry["error"]);
        else
            line += QStringList{str(entry.value("policy_type", nlohmann::json(""))),
                                str(entry.value("subject_external_id", nlohmann::json("")))}
                        .join(QLatin1Char(' '))
                        .trimmed()
                + QStringLiteral(" - ") + str(entry.value("reason", nlohmann::json("")));
        if (entry.contains("files"))
            line += QStringLiteral(" (") + str(entry["files"]) + QLatin1Char(')');
        stream << line << '\n';
    }
}

/// A refused request, or a run that failed or was cancelled: an error for stderr.
bool isFailure(const RunResult& result)
{
    return !result.runId || result.outcome == RunOutcome::failed
        || result.outcome == RunOutcome::cancelled;
}

} // namespace

int exitCodeForOutcome(const QString& outcome)
{
    if (outcome == RunOutcome::succeeded)
        return Succeeded;
    if (outcome == RunOutcome::partiallySucceeded)
        return PartiallySucceeded;
    if (outcome == RunOutcome::blocked)
        return Blocked;
    return Failed;
}

nlohmann::ordered_json storedRun(CliContext& context, const RunResult& result)
{
    if (!result.runId)
        return nullptr;
    const auto run = RunStore(context.database(), context.workspaceId()).byId(result.runId);
    return run ? toJson(*run) : nlohmann::ordered_json();
}

void reportRunErrors(CliContext& context, const RunResult& result)
{
    printListed(context.err(), result.context, "file_errors", QStringLiteral("error"));
    if (!isFailure(result))
        return;
    context.err() << "driftctl: ";
    if (result.runId)
        context.err() << "run " << result.runId << " (" << result.type << ") " << result.outcome
                      << ": ";
    context.err() << result.message << '\n';
}

int reportRun(CliContext& context, const RunResult& result, const QString& format)
{
    if (format == QLatin1String("json")) {
        if (result.runId)
            printJson(context.out(), storedRun(context, result));
    } else if (!isFailure(result)) {
        context.out() << "Run " << result.runId << " (" << result.type << ") " << result.outcome
                      << ": " << result.message << '\n';
        printCoverage(context.out(), result.context);
        printListed(context.out(), result.context, "skipped_types", QStringLiteral("skipped"));
        printListed(context.out(), result.context, "ambiguous_subjects",
                    QStringLiteral("ambiguous"));
        printListed(context.out(), result.context, "excluded_subjects", QStringLiteral("excluded"));
    }
    reportRunErrors(context, result);
    return exitCodeForOutcome(result.outcome);
}

int unknownSubcommand(CliContext& context, const QString& command, const QStringList& args,
                      const QStringList& known)
{
    if (args.value(0) == QLatin1String("--help") || args.value(0) == QLatin1String("-h")) {
        context.out() << "Usage: driftctl " << command << " SUBCOMMAND ...\n"
                      << "Subcommands: " << known.join(u", ") << "\n"
                      << "`driftctl " << command << " SUBCOMMAND --help` describes one.\n";
        return Succeeded;
    }
    if (args.isEmpty())
        context.err() << "driftctl " << command << ": name a subcommand: " << known.join(u", ")
                      << '\n';
    else
        context.err() << "driftctl " << command << ": unknown subcommand \"" << args.first()
                      << "\" (known: " << known.join(u", ") << ")\n";
    return Failed;
}

} // namespace driftctl
