// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "output.h"

#include "settingdefinitions.h"

namespace driftctl {

using namespace driftdesk;

namespace {

int importDefinitions(CliContext& context, const QStringList& args)
{
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import settings-catalog setting definitions, saved from Graph's GET "
        "/beta/deviceManagement/configurationSettings as list responses (one page per file), "
        "so that evidence shows readable setting names. A later import replaces the "
        "definitions it holds again. Exits 2 when some files failed, 1 when none was read."));
    const QCommandLineOption fromOption(
        QStringLiteral("from"),
        QStringLiteral("A list response file, or a folder: every *.json file in it. May be "
                       "given more than once."),
        QStringLiteral("file-or-folder"));
    parser.addOptions({fromOption, formatOption(QStringLiteral("text"), formats)});
    int exitCode = Succeeded;
    if (!parseCommand(context, parser, {QStringLiteral("definitions"), QStringLiteral("import")},
                      args, &exitCode))
        return exitCode;
    const QString format = outputFormat(context, parser, formats);
    if (format.isEmpty())
        return Failed;
    QStringList sources = parser.values(fromOption);
    sources.removeAll(QString());
    if (sources.isEmpty()) {
        context.err() << "driftctl definitions import: --from is required\n";
        return Failed;
    }

    const DefinitionImportResult result
        = SettingDefinitionStore(context.database(), context.workspaceId()).importFiles(sources);

    for (const DefinitionFileError& error : result.errors)
        context.err() << "driftctl definitions import: " << error.file << ": " << error.message
                      << '\n';
    if (format == QLatin1String("json")) {
        auto errors = nlohmann::ordered_json::array();
        for (const DefinitionFileError& error : result.errors)
            errors.push_back(
                {{"file", error.file.toStdString()}, {"error", error.message.toStdString()}});
        nlohmann::ordered_json document;
        document["definitions_imported"] = result.definitionsImported;
        document["files_read"] = result.filesRead;
        document["files_failed"] = result.errors.size();
        document["errors"] = errors;
        printJson(context.out(), document);
    } else {
        context.out() << "Imported " << result.definitionsImported << " setting definitions from "
                      << result.filesRead << (result.filesRead == 1 ? " file" : " files");
        if (!result.errors.empty())
            context.out() << "; " << result.errors.size()
                          << (result.errors.size() == 1 ? " file" : " files") << " failed";
        context.out() << ".\n";
    }

    if (result.filesRead == 0)
        return Failed;
    return result.errors.empty() ? Succeeded : PartiallySucceeded;
}

} // namespace

int definitionsCommand(CliContext& context, const QStringList& args)
{
    if (args.value(0) == QLatin1String("import"))
        return importDefinitions(context, args.mid(1));
    return unknownSubcommand(context, QStringLiteral("definitions"), args,
                             {QStringLiteral("import")});
}

} // namespace driftctl
