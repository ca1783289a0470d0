// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "userprompts.h"

#include <QQueue>
#include <QStringList>

namespace testsupport {

/// Answers the application's standard dialogs from queues a test fills, as a user would
/// answer them; a question nobody prepared an answer for fails the test.
class ScriptedPrompts : public driftdesk::views::UserPrompts
{
public:
    QQueue<QString> folders;
    QQueue<QString> saveNames;
    QQueue<bool> confirmations;
    QQueue<QString> texts;
    QQueue<QString> choices;
    QStringList errors; ///< every error shown, in order

    QString existingFolder(QWidget*, const QString& title) override { return take(folders, title); }
    QString saveFileName(QWidget*, const QString& title, const QStringList&) override
    {
        return take(saveNames, title);
    }
    bool confirm(QWidget*, const QString& title, const QString&) override
    {
        if (confirmations.isEmpty())
            qFatal("unexpected confirmation: %s", qPrintable(title));
        return confirmations.dequeue();
    }
    QString text(QWidget*, const QString& title, const QString&, const QString&) override
    {
        return take(texts, title);
    }
    QString choice(QWidget*, const QString& title, const QString&, const QStringList&) override
    {
        return take(choices, title);
    }
    void error(QWidget*, const QString& title, const QString& message) override
    {
        errors.append(title + QStringLiteral(": ") + message);
    }

private:
    static QString take(QQueue<QString>& queue, const QString& title)
    {
        if (queue.isEmpty())
            qFatal("unexpected question: %s", qPrintable(title));
        return queue.dequeue();
    }
};

} // namespace testsupport
