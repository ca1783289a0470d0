// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "profilestore.h"
#include "schemamigrator.h"
#include "tenantstore.h"
#include "workspacestore.h"

#include <cstdio>

namespace driftctl {

using namespace driftdesk;

CliContext::CliContext(ConnectionSettings settings, QString workspaceName)
    : m_settings(std::move(settings))
    , m_workspaceName(std::move(workspaceName))
    , m_out(stdout)
    , m_err(stderr)
{
}

Database& CliContext::unmigratedDatabase()
{
    if (!m_database)
        m_database = Database::open(m_settings, Database::OpenMode::CreateIfMissing);
    return *m_database;
}

Database& CliContext::database()
{
    if (!m_database)
        m_database = Database::open(m_settings, Database::OpenMode::Existing);
    Database& database = *m_database;
    if (!m_schemaChecked) {
        SchemaMigrator(database).requireCurrent();
        m_schemaChecked = true;
    }
    return database;
}

qint64 CliContext::workspaceId()
{
    if (m_workspaceId == 0)
        m_workspaceId = WorkspaceStore(database()).byName(m_workspaceName).id;
    return m_workspaceId;
}

bool parseCommand(CliContext& context, QCommandLineParser& parser, const QStringList& words,
                  const QStringList& args, int* exitCode, int maxPositional)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);

    const QString program = QStringLiteral("driftctl ") + words.join(QLatin1Char(' '));
    if (!parser.parse(QStringList{program} + args)) {
        context.err() << "driftctl " << words.join(QLatin1Char(' ')) << ": " << parser.errorText()
                      << "\n"
                      << "Try `" << program << " --help`.\n";
        *exitCode = Failed;
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QStringLiteral("Usage: ") + QCoreApplication::applicationFilePath(),
                     QStringLiteral("Usage: ") + program);
        text.replace(QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0),
                     QStringLiteral("Usage: ") + program);
        context.out() << text;
        *exitCode = Succeeded;
        return false;
    }
    if (parser.positionalArguments().size() > maxPositional) {
        context.err() << program << ": unexpected argument \""
                      << parser.positionalArguments().value(maxPositional) << "\"\n";
        *exitCode = Failed;
        return false;
    }
    return true;
}

bool listOption(CliContext& context, const QCommandLineParser& parser, const QString& option,
                QStringList* values)
{
    *values = splitList(parser.value(option));
    if (parser.isSet(option) && values->isEmpty()) {
        context.err() << "driftctl: --" << option << " is empty; leave it out instead\n";
        return false;
    }
    return true;
}

QString targetArgument(CliContext& context, const QCommandLineParser& parser, const QString& option,
                       const QString& command)
{
    const QString positional = parser.positionalArguments().value(0);
    if (parser.isSet(option) && !positional.isEmpty()) {
        context.err() << "driftctl " << command << ": name the " << option
                      << " once, as an argument or with --" << option << '\n';
        return {};
    }
    const QString target = parser.isSet(option) ? parser.value(option) : positional;
    if (target.isEmpty())
        context.err() << "driftctl " << command << ": name the " << option << '\n';
    return target;
}

bool checkChoice(CliContext& context, const QCommandLineParser& parser, const QString& option,
                 const QStringList& allowed)
{
    if (!parser.isSet(option) || allowed.contains(parser.value(option)))
        return true;
    context.err() << "driftctl: --" << option << " must be one of " << allowed.join(u", ") << '\n';
    return false;
}

QStringList splitList(const QString& value)
{
    QStringList result;
    for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    return result;
}

QCommandLineOption formatOption(const QString& defaultFormat, const QStringList& allowed)
{
    return QCommandLineOption(QStringLiteral("format"),
                              QStringLiteral("Output format: %1.").arg(allowed.join(u", ")),
                              QStringLiteral("format"), defaultFormat);
}

QString outputFormat(CliContext& context, const QCommandLineParser& parser,
                     const QStringList& allowed)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (allowed.contains(format))
        return format;
    context.err() << "driftctl: --format must be one of " << allowed.join(u", ") << "\n";
    return {};
}

QString tenantLabel(CliContext& context, qint64 tenantId)
{
    const auto tenant = TenantStore(context.database(), context.workspaceId()).byId(tenantId);
    return tenant ? QStringLiteral("%1 (%2)").arg(tenant->name).arg(tenantId)
                  : QString::number(tenantId);
}

QString profileLabel(CliContext& context, qint64 profileId)
{
    const auto profile = ProfileStore(context.database(), context.workspaceId()).byId(profileId);
    return profile ? QStringLiteral("%1 (%2)").arg(profile->name).arg(profileId)
                   : QString::number(profileId);
}

} // namespace driftctl
