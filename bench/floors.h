// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QString>

namespace driftdesk::bench {

/// The fastest the database itself moves the rows of an operation, measured on the rows
/// DriftDesk just wrote. PostgreSQL: psql's \copy (a process of its own, as an administrator
/// would run it). SQLite: one prepared statement per row in one transaction, and forward-only
/// reads. Tables that receive rows are twins of DriftDesk's (same columns, indexes and checks;
/// without foreign keys), dropped again afterwards. Times in seconds.
class Floors
{
public:
    Floors(Database& database, qint64 workspaceId, const QString& scratchFolder);

    /// Writing the workspace's inventory rows.
    double importFloor();

    /// Reading what a compare of every tenant reads (inventory rows with the fields matching
    /// needs, the snapshot's items once, and both payloads of every changed item) and writing
    /// the findings it wrote.
    double compareFloor();

private:
    double runPsql(const QStringList& commands);
    double sqliteCopyTable(const QString& table, const QString& columns);
    double sqliteRead(const QString& sql);
    QString inputQueries(int part) const;

    Database& m_database;
    qint64 m_workspaceId;
    QString m_folder;
};

} // namespace driftdesk::bench
