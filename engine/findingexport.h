// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "records.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace driftdesk {

/// The columns of a findings export, in order: the finding's database columns.
QStringList findingExportColumns();

/// Findings as CSV (RFC 4180, CRLF line ends, a header row; the evidence as compact JSON).
/// A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
/// return, and not a number) gets a leading apostrophe.
QByteArray findingsCsv(const QList<Finding>& findings);

/// Findings as one JSON array of objects keyed by column name, indented.
QByteArray findingsJson(const QList<Finding>& findings);

/// One CSV field, quoted when needed and guarded against formulas.
QString csvField(const QString& value);

} // namespace driftdesk
