// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "database.h"

#include <QString>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <memory>

namespace testsupport {

/// A fresh, empty, migrated database for one test: a SQLite file in a temporary folder, or a
/// new database on the throwaway PostgreSQL server named by DRIFTDESK_TEST_PG_URL (which
/// scripts/test.sh starts). Dropped again when the test ends.
class ScratchDatabase
{
public:
    ~ScratchDatabase();

    /// Creates the database; returns null with `skipReason` set when PostgreSQL is not
    /// configured (a failure instead when DRIFTDESK_TEST_REQUIRE_PG is set).
    static std::unique_ptr<ScratchDatabase> create(driftdesk::Backend backend, bool migrate,
                                                   QString* skipReason);

    /// A new scratch database holding a copy of this one's contents. Closes this test's own
    /// connection first: PostgreSQL copies only a database no one is connected to.
    std::unique_ptr<ScratchDatabase> clone();

    const driftdesk::ConnectionSettings& settings() const { return m_settings; }
    QString url() const { return m_settings.toUrl(); }

    /// A connection of this test's own, opened on first use.
    driftdesk::Database& database();

    /// The id of the "default" workspace.
    qint64 workspaceId();

private:
    ScratchDatabase() = default;

    driftdesk::ConnectionSettings m_settings;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_postgresName;
    std::unique_ptr<driftdesk::Database> m_database;
};

/// Adds the data column "backend" with one row per database backend.
void addBackendRows();

/// The backend of the current data row.
driftdesk::Backend currentBackend();

/// Where the copied test data lives (tests/data).
QString testDataPath(const QString& relative);

/// A JSON value as text for QCOMPARE: a string as itself, anything else as compact JSON
/// (objects with sorted keys), so `js(x) == js(nlohmann::json::parse(...))` compares values.
QString js(const nlohmann::json& value);

} // namespace testsupport

/// Creates a scratch database for the current backend row into `name`, or skips the test with
/// the reason when that backend is not available.
#define DRIFTDESK_SCRATCH_DATABASE(name, migrate) \
    QString name##SkipReason; \
    const auto name = testsupport::ScratchDatabase::create(testsupport::currentBackend(), migrate, \
                                                           &name##SkipReason); \
    if (!name) \
        QSKIP(qPrintable(name##SkipReason));
