// SPDX-License-Identifier: GPL-3.0-or-later
#include "formwidgets.h"

#include <QLabel>

namespace driftdesk::views {

QLabel* makeProblemLabel(const QString& accessibleName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #a00000;"));
    label->hide();
    return label;
}

void showProblem(QLabel* label, const QString& problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace driftdesk::views
