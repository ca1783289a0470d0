// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace driftdesk::views {

/// A table view set up the way every list in the application wants it: whole-row selection,
/// one row at a time, columns sized to their content on first fill, an accessible name.
QTableView* makeTableView(const QString& accessibleName, QWidget* parent);

/// The database id (the models' IdRole) of the selected row, or 0.
qint64 selectedId(const QTableView* view);

/// Selects the row of `view` whose IdRole is `id`, if loaded.
bool selectId(QTableView* view, qint64 id);

} // namespace driftdesk::views
