// SPDX-License-Identifier: GPL-3.0-or-later
#include "versioninfo.h"

#include "database.h"
#include "driftdesk_version.h"

namespace driftdesk {

QString versionText()
{
    return QStringLiteral(DRIFTDESK_VERSION_TEXT);
}

QString databaseVersionText(Database& database)
{
    // Product names, not words: they stay as they are in every language.
    const QString product = database.backend() == Backend::Sqlite ? QStringLiteral("SQLite")
                                                                  : QStringLiteral("PostgreSQL");
    return product + QLatin1Char(' ') + database.serverVersion();
}

} // namespace driftdesk
