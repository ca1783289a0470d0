// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace driftdesk {

/// The operating-system login name of whoever runs DriftDesk, recorded on runs, profiles
/// and acknowledgements.
inline QString currentUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

} // namespace driftdesk
