// SPDX-License-Identifier: GPL-3.0-or-later
#include "userprompts.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace driftdesk::views {

QString UserPrompts::existingFolder(QWidget* parent, const QString& title)
{
    return QFileDialog::getExistingDirectory(parent, title);
}

QString UserPrompts::saveFileName(QWidget* parent, const QString& title, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, title, {}, filter);
}

bool UserPrompts::confirm(QWidget* parent, const QString& title, const QString& question)
{
    return QMessageBox::question(parent, title, question) == QMessageBox::Yes;
}

QString UserPrompts::text(QWidget* parent, const QString& title, const QString& label,
                          const QString& initial)
{
    bool ok = false;
    const QString value = QInputDialog::getMultiLineText(parent, title, label, initial, &ok);
    return ok ? (value.isNull() ? QStringLiteral("") : value) : QString();
}

QString UserPrompts::choice(QWidget* parent, const QString& title, const QString& label,
                            const QStringList& items)
{
    bool ok = false;
    const QString value = QInputDialog::getItem(parent, title, label, items, 0, false, &ok);
    return ok ? value : QString();
}

void UserPrompts::error(QWidget* parent, const QString& title, const QString& message)
{
    QMessageBox::warning(parent, title, message);
}

} // namespace driftdesk::views
