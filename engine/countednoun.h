// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace driftdesk {

/// "1 subject", "2 subjects": counts in the English messages runs record (the desktop
/// application translates its own texts; run messages are stored as they were written).
inline QString countedNoun(qint64 count, const char* singular, const char* plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : plural));
}

} // namespace driftdesk
