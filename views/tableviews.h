// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace driftdesk::views {

/// A table view set up the way every list in the application wants it: whole-row selection,
/// one row at a time, columns sized to their content on first fill, an accessible name.
QTableView* makeTableView(const QString& accessibleName, QWidget* parent);

/// Sizes columns to their contents, none wider than `maxWidth` (a 200-character name must not
/// push every other column out of sight).
void fitColumns(QTableView* view, int maxWidth = 360);

/// The database id (the models' IdRole) of the selected row, or 0.
qint64 selectedId(const QTableView* view);

/// Selects the row of `view` whose IdRole is `id`, if loaded, scrolling to it vertically (and
/// horizontally to its first column when `scrollHorizontally`).
bool selectId(QTableView* view, qint64 id, bool scrollHorizontally = true);

} // namespace driftdesk::views
