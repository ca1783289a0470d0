// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace driftdesk::views {

/// The label a dialog shows its objection in (a taken name, a missing field): red, wrapped,
/// hidden until there is something to say.
QLabel* makeProblemLabel(const QString& accessibleName, QWidget* parent);

/// Shows `problem` in the label, or hides it when there is none.
void showProblem(QLabel* label, const QString& problem);

} // namespace driftdesk::views
