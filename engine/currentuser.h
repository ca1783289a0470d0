// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace driftdesk {

/// The operating-system login name of whoever runs DriftDesk, recorded on runs, profiles
/// and acknowledgements.
inline QString currentUserName()
{
    for (const char* variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString user = qEnvironmentVariable(variable);
        if (!user.isEmpty())
            return user;
    }
    return QStringLiteral("unknown");
}

} // namespace driftdesk
