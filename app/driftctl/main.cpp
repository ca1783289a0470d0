// SPDX-License-Identifier: GPL-3.0-or-later
// driftctl: the DriftDesk command line, a thin front end over the drift engine.

#include "clicontext.h"
#include "commands.h"

#include "appidentity.h"
#include "connectionsettings.h"
#include "engineerror.h"
#include "schemamigrator.h"
#include "versioninfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <functional>
#include <map>

using namespace driftctl;
using namespace driftdesk;

namespace {

const char* const usageText
    = R"(Usage: driftctl [--db URL] [--workspace NAME] [--verbose] COMMAND ...

Configuration drift review for Microsoft Intune tenants.

Commands:
  migrate                  create or upgrade the schema and the "default" workspace
  workspace add NAME | list | members
  workspace grant ROLE | revoke ROLE   (PostgreSQL: who may use the --workspace)
  tenant add --name N [--external-id GUID] | list | delete TENANT
  profile create --name N [--description D] [--version-label L] [--status S]
                 [--matching by-id|by-identity] [--version-suffix REGEX]
                 [--policy-types a,b] [--foundation-types x]
  profile update PROFILE [the options of create; what is not given stays]
  profile list | delete PROFILE | assign --profile P --tenant T | unassign --profile P --tenant T
  inventory import --tenant T --from DIR [--types a,b]
  capture --profile P --from-tenant T
  compare --tenant T [--profile P] | --all [--jobs N]
  findings list [--tenant T] [--profile P] [--status S] [--change-type C] [--policy-type K]
  findings show ID | acknowledge ID [--note TEXT] | reopen ID
  runs list [--tenant T] [--type TYPE] [--limit N] | show ID
  definitions import --from FILE|DIR

Lists take --format table|json (findings also csv); import, capture, compare and the show
commands take --format text|json. A tenant or profile is named by name or id.
`driftctl COMMAND --help` lists a command's subcommands; `driftctl COMMAND SUB --help`
describes one.

Global options (before the command):
  --db URL          postgresql://user@host:port/db?sslmode=... (a socket folder as host=/path)
                    or sqlite:/path/file.db; default: $DRIFTDESK_DB, else the workspace file
                    in the application-data folder. Passwords come from PGPASSWORD or
                    ~/.pgpass, never from the URL.
  --workspace NAME  workspace to work in (default: "default")
  --verbose         log what the engine does to stderr
  --version         print the version
  --help            print this help

Exit codes: 0 succeeded, 1 error or failed, 2 partially succeeded, 3 blocked,
4 `compare --all` opened new findings. With several runs the worst state wins: failed,
then blocked, then new findings, then partially succeeded.
)";

using Command = std::function<int(CliContext&, const QStringList&)>;

const std::map<QString, Command>& commands()
{
    static const std::map<QString, Command> table{
        {QStringLiteral("migrate"), migrateCommand},
        {QStringLiteral("workspace"), workspaceCommand},
        {QStringLiteral("tenant"), tenantCommand},
        {QStringLiteral("profile"), profileCommand},
        {QStringLiteral("inventory"), inventoryCommand},
        {QStringLiteral("capture"), captureCommand},
        {QStringLiteral("compare"), compareCommand},
        {QStringLiteral("findings"), findingsCommand},
        {QStringLiteral("runs"), runsCommand},
        {QStringLiteral("definitions"), definitionsCommand},
    };
    return table;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    applyApplicationIdentity();
    QTextStream err(stderr);

    QCommandLineParser parser;
    // Global options come before the command; everything after it belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database URL."),
                                      QStringLiteral("url"));
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), QStringLiteral("Workspace name."), QStringLiteral("name"),
        SchemaMigrator::defaultWorkspaceName);
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Log engine activity."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show help."));
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           QStringLiteral("Show the version."));
    parser.addOptions({dbOption, workspaceOption, verboseOption, helpOption, versionOption});
    if (!parser.parse(app.arguments())) {
        err << "driftctl: " << parser.errorText() << "\nTry `driftctl --help`.\n";
        return Failed;
    }
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << "driftctl " << versionText() << '\n';
        return Succeeded;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        QTextStream(parser.isSet(helpOption) ? stdout : stderr) << usageText;
        return parser.isSet(helpOption) ? Succeeded : Failed;
    }
    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("driftdesk.*=true"));

    const auto command = commands().find(positional.first());
    if (command == commands().end()) {
        err << "driftctl: unknown command \"" << positional.first()
            << "\"\nTry `driftctl --help`.\n";
        return Failed;
    }

    try {
        QString url = parser.value(dbOption);
        if (url.isEmpty())
            url = qEnvironmentVariable("DRIFTDESK_DB");
        const ConnectionSettings settings = url.isEmpty() ? ConnectionSettings::embeddedDefault()
                                                          : ConnectionSettings::fromUrl(url);
        CliContext context(settings, parser.value(workspaceOption));
        return command->second(context, positional.mid(1));
    } catch (const EngineError& error) {
        err << "driftctl: " << error.message() << '\n';
        return Failed;
    }
}
