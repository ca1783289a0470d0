// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>

#include "database.h"

#include <QString>
#include <QStringList>

namespace driftdesk {

/// Brings a database to the schema this program knows. Migrations are forward-only SQL files
/// built into the engine (resources/sql/<backend>/NNNN_name.sql); each runs in its own
/// transaction together with its entry in schema_migrations.
class SchemaMigrator
{
public:
    explicit SchemaMigrator(Database& database);

    /// The newest schema version this program can create.
    int latestVersion() const;

    /// The version recorded in the database; 0 for an empty database.
    int currentVersion();

    struct Outcome
    {
        int fromVersion = 0;
        int toVersion = 0;
        QStringList applied;
    };

    /// Applies every pending migration up to `upToVersion` (all of them by default) and makes
    /// sure the "default" workspace exists. Throws EngineError, leaving the failed migration
    /// rolled back, and refuses a database whose schema is newer than this program.
    Outcome migrate(int upToVersion = std::numeric_limits<int>::max());

    /// Throws EngineError unless the schema is exactly the one this program knows.
    void requireCurrent();

    /// Splits a migration file into statements: at a semicolon that ends a line, except inside
    /// $$-quoted bodies and trigger bodies (BEGIN ... END;).
    static QStringList splitStatements(const QString& script);

    static const QString defaultWorkspaceName;

private:
    struct Migration
    {
        int version = 0;
        QString name;
        QString path;
    };

    QList<Migration> migrations() const;
    void refuseNewerSchema(int version) const;

    Database& m_database;
};

} // namespace driftdesk
