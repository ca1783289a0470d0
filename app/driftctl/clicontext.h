// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "database.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace driftctl {

/// Process exit codes, as documented in the README.
enum ExitCode {
    Succeeded = 0,
    Failed = 1,
    PartiallySucceeded = 2,
    Blocked = 3,
    NewFindings = 4,
};

/// What every command shares: the connection, the workspace and the output streams.
class CliContext
{
public:
    CliContext(driftdesk::ConnectionSettings settings, QString workspaceName);

    const driftdesk::ConnectionSettings& settings() const { return m_settings; }

    /// The open database, connected on first use; the schema must be current.
    driftdesk::Database& database();

    /// The database without the schema check, created if missing: for `migrate`.
    driftdesk::Database& unmigratedDatabase();

    /// The id of the selected workspace; throws EngineError if it does not exist.
    qint64 workspaceId();
    QString workspaceName() const { return m_workspaceName; }

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

private:
    driftdesk::ConnectionSettings m_settings;
    QString m_workspaceName;
    std::unique_ptr<driftdesk::Database> m_database;
    bool m_schemaChecked = false;
    qint64 m_workspaceId = 0;
    QTextStream m_out;
    QTextStream m_err;
};

/// Parses a command's own arguments. `args` starts with the command words ("tenant add").
/// Returns false after printing help (with *exitCode 0) or an error (with *exitCode 1).
/// At most `maxPositional` arguments may follow the options.
bool parseCommand(CliContext& context, QCommandLineParser& parser, const QStringList& words,
                  const QStringList& args, int* exitCode, int maxPositional = 0);

/// Reads an optional comma-separated list option. Given but empty ("" or ",") is an error:
/// an empty shell variable must not silently widen what a command covers.
bool listOption(CliContext& context, const QCommandLineParser& parser, const QString& option,
                QStringList* values);

/// What a command acts on, given as its one argument or as --option (not both). Returns empty
/// after printing why when it is missing or given twice.
QString targetArgument(CliContext& context, const QCommandLineParser& parser, const QString& option,
                       const QString& command);

/// Checks an optional filter value against the values it can take.
bool checkChoice(CliContext& context, const QCommandLineParser& parser, const QString& option,
                 const QStringList& allowed);

/// Splits "a,b, c" into ["a", "b", "c"].
QStringList splitList(const QString& value);

/// Reads --format and checks it is one of `allowed`; returns empty after printing an error.
QString outputFormat(CliContext& context, const QCommandLineParser& parser,
                     const QStringList& allowed);

QCommandLineOption formatOption(const QString& defaultFormat, const QStringList& allowed);

/// "Contoso (3)" for text output: the name people know, with the id commands accept.
QString tenantLabel(CliContext& context, qint64 tenantId);
QString profileLabel(CliContext& context, qint64 profileId);

} // namespace driftctl
