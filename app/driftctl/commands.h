// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

#include <QStringList>

#include <nlohmann/json.hpp>

namespace driftdesk {
struct RunResult;
}

namespace driftctl {

// Each command receives the arguments after its own name and returns the exit code.
int migrateCommand(CliContext& context, const QStringList& args);
int workspaceCommand(CliContext& context, const QStringList& args);
int tenantCommand(CliContext& context, const QStringList& args);
int profileCommand(CliContext& context, const QStringList& args);
int inventoryCommand(CliContext& context, const QStringList& args);
int captureCommand(CliContext& context, const QStringList& args);
int compareCommand(CliContext& context, const QStringList& args);
int findingsCommand(CliContext& context, const QStringList& args);
int runsCommand(CliContext& context, const QStringList& args);
int definitionsCommand(CliContext& context, const QStringList& args);

/// Prints a run result (text, or with "json" the stored run) and returns the exit code its
/// outcome maps to. A failed or cancelled run is reported on stderr.
int reportRun(CliContext& context, const driftdesk::RunResult& result, const QString& format);

/// Prints a run's file errors and, if it failed, why, on stderr.
void reportRunErrors(CliContext& context, const driftdesk::RunResult& result);

/// The stored run behind a result, as JSON with the column names; null for a refused request.
nlohmann::ordered_json storedRun(CliContext& context, const driftdesk::RunResult& result);

/// The exit code of a run outcome: succeeded 0, partially succeeded 2, blocked 3, else 1.
int exitCodeForOutcome(const QString& outcome);

/// Prints "driftctl: <message>" to stderr for an unknown or missing subcommand.
int unknownSubcommand(CliContext& context, const QString& command, const QStringList& args,
                      const QStringList& known);

} // namespace driftctl
