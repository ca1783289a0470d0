// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "schemamigrator.h"
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
        m_database = Database::open(m_settings);
    return *m_database;
}

Database& CliContext::database()
{
    Database& database = unmigratedDatabase();
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
                  const QStringList& args, int* exitCode)
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
    return true;
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

} // namespace driftctl
