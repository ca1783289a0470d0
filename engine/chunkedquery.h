// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace driftdesk {

/// How many keys one statement of runChunked() binds: far below SQLite's (32766) and
/// PostgreSQL's (65535) parameter limits, and small enough for older SQLite builds (999).
constexpr qsizetype keysPerStatement = 500;

/// Looks rows up by many keys: runs `sql`, in which "%1" stands for the placeholders of an
/// `IN (%1)`, once per chunk of `keys`, binding `leading` first and then the chunk's keys, and
/// hands every row to `readRow`. `sql` is a literal of the caller; only "?" marks go into it.
template <typename Key, typename ReadRow>
void runChunked(Database& database, const QString& sql, const QVariantList& leading,
                const QList<Key>& keys, ReadRow readRow)
{
    for (qsizetype start = 0; start < keys.size(); start += keysPerStatement) {
        const QList<Key> part = keys.mid(start, keysPerStatement);
        QVariantList values = leading;
        for (const Key& key : part)
            values.append(QVariant::fromValue(key));
        const QStringList marks(part.size(), QStringLiteral("?"));
        QSqlQuery query = database.run(sql.arg(marks.join(QLatin1Char(','))), values);
        while (query.next())
            readRow(query);
    }
}

} // namespace driftdesk
