// SPDX-License-Identifier: GPL-3.0-or-later
#include "names.h"

#include "engineerror.h"

#include <algorithm>

namespace driftdesk {

QString checkedName(const QString& name, const QString& what)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw EngineError(QStringLiteral("a %1 needs a name").arg(what));
    if (trimmed.size() > 200)
        throw EngineError(QStringLiteral("a %1 name has at most 200 characters").arg(what));
    const bool hasControl = std::any_of(trimmed.begin(), trimmed.end(), [](QChar c) {
        return c.category() == QChar::Other_Control;
    });
    if (hasControl)
        throw EngineError(QStringLiteral("a %1 name cannot hold control characters such as line "
                                         "breaks or tabs")
                              .arg(what));
    bool isNumber = false;
    trimmed.toLongLong(&isNumber);
    if (isNumber)
        throw EngineError(QStringLiteral("a %1 name cannot be a number: commands would take it "
                                         "for an id")
                              .arg(what));
    return trimmed;
}

} // namespace driftdesk
