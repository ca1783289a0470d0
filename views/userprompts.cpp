// SPDX-License-Identifier: GPL-3.0-or-later
#include "userprompts.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>

namespace driftdesk::views {

QString withFilterSuffix(const QString& path, const QString& chosenFilter)
{
    if (!QFileInfo(path).suffix().isEmpty())
        return path;
    // "findings" with "JSON (*.json)" chosen means findings.json.
    static const QRegularExpression suffix(QStringLiteral("\\*\\.(\\w+)"));
    const auto match = suffix.match(chosenFilter);
    return match.hasMatch() ? path + QLatin1Char('.') + match.captured(1) : path;
}

QString UserPrompts::existingFolder(QWidget* parent, const QString& title)
{
    return QFileDialog::getExistingDirectory(parent, title);
}

QString UserPrompts::saveFileName(QWidget* parent, const QString& title, const QStringList& filters)
{
    QString chosenFilter;
    QString path = QFileDialog::getSaveFileName(parent, title, {},
                                                filters.join(QStringLiteral(";;")), &chosenFilter);
    return path.isEmpty() ? path : withFilterSuffix(path, chosenFilter);
}

bool UserPrompts::confirm(QWidget* parent, const QString& title, const QString& question)
{
    // No is the default: the questions asked here are about deleting things.
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No)
        == QMessageBox::Yes;
}

QString UserPrompts::text(QWidget* parent, const QString& title, const QString& label,
                          const QString& initial)
{
    bool ok = false;
    const QString value
        = QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    return ok ? (value.isNull() ? QStringLiteral("") : value) : QString();
}

QString UserPrompts::choice(QWidget* parent, const QString& title, const QString& label,
                            const QStringList& items)
{
    // A dialog of our own rather than QInputDialog::getItem, so a very long name cannot push
    // the buttons off the screen.
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setComboBoxItems(items);
    dialog.setComboBoxEditable(false);
    if (auto* box = dialog.findChild<QComboBox*>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(30);
    }
    return dialog.exec() == QDialog::Accepted ? dialog.textValue() : QString();
}

void UserPrompts::error(QWidget* parent, const QString& title, const QString& message)
{
    QMessageBox::warning(parent, title, message);
}

} // namespace driftdesk::views
