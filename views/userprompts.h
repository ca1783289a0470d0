// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace driftdesk::views {

/// `path` with the suffix of the chosen file-dialog filter ("JSON (*.json)") when it has none.
QString withFilterSuffix(const QString& path, const QString& chosenFilter);

/// The questions the application asks its user through standard dialogs: pick a folder, a
/// file to save, confirm, type a note. Pages ask through this object, so a test can answer
/// instead of a person; the default answers through Qt's dialogs.
class UserPrompts
{
public:
    virtual ~UserPrompts() = default;

    /// An existing folder, or empty when the user cancels.
    virtual QString existingFolder(QWidget* parent, const QString& title);

    /// A file name to save to, or empty when the user cancels. `filters` are Qt file dialog
    /// filters ("CSV (*.csv)"); a name typed without a suffix gets the chosen filter's.
    virtual QString saveFileName(QWidget* parent, const QString& title, const QStringList& filters);

    /// A yes/no question; true for yes.
    virtual bool confirm(QWidget* parent, const QString& title, const QString& question);

    /// A line of text (Enter accepts), or a null string when the user cancels; empty text is a
    /// valid answer.
    virtual QString text(QWidget* parent, const QString& title, const QString& label,
                         const QString& initial = {});

    /// One of `items`, or a null string when the user cancels.
    virtual QString choice(QWidget* parent, const QString& title, const QString& label,
                           const QStringList& items);

    /// Tells the user something went wrong.
    virtual void error(QWidget* parent, const QString& title, const QString& message);
};

} // namespace driftdesk::views
