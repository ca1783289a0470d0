// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchdatabase.h"

#include "engineerror.h"
#include "schemamigrator.h"
#include "workspacestore.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

namespace testsupport {

using namespace driftdesk;

namespace {

std::unique_ptr<Database> openPostgresAdmin()
{
    const QString url = qEnvironmentVariable("DRIFTDESK_TEST_PG_URL");
    return Database::open(ConnectionSettings::fromUrl(url));
}

/// Database names are generated here, never taken from input.
QString newPostgresName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("driftdesk_test_%1_%2")
        .arg(QCoreApplication::applicationPid())
        .arg(counter.fetchAndAddRelaxed(1));
}

ConnectionSettings postgresSettings(const QString& name)
{
    return ConnectionSettings::fromUrl(qEnvironmentVariable("DRIFTDESK_TEST_PG_URL"))
        .withPostgresParameter(QStringLiteral("dbname"), name);
}

} // namespace

ScratchDatabase::~ScratchDatabase()
{
    m_database.reset();
    if (!m_postgresName.isEmpty()) {
        try {
            openPostgresAdmin()->run(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresName));
        } catch (const EngineError& error) {
            qWarning("cannot drop scratch database: %s", qPrintable(error.message()));
        }
    }
}

std::unique_ptr<ScratchDatabase> ScratchDatabase::create(Backend backend, bool migrate,
                                                         QString* skipReason)
{
    std::unique_ptr<ScratchDatabase> scratch(new ScratchDatabase);
    if (backend == Backend::Sqlite) {
        scratch->m_folder = std::make_unique<QTemporaryDir>();
        scratch->m_settings = ConnectionSettings::fromUrl(
            QStringLiteral("sqlite:") + scratch->m_folder->filePath(QStringLiteral("test.db")));
    } else {
        if (qEnvironmentVariableIsEmpty("DRIFTDESK_TEST_PG_URL")) {
            *skipReason = QStringLiteral("PostgreSQL not configured: DRIFTDESK_TEST_PG_URL is "
                                         "unset (scripts/test.sh starts a throwaway server)");
            if (!qEnvironmentVariableIsEmpty("DRIFTDESK_TEST_REQUIRE_PG"))
                qFatal("%s, but DRIFTDESK_TEST_REQUIRE_PG is set", qPrintable(*skipReason));
            return nullptr;
        }
        scratch->m_postgresName = newPostgresName();
        openPostgresAdmin()->run(QStringLiteral("CREATE DATABASE %1").arg(scratch->m_postgresName));
        scratch->m_settings = postgresSettings(scratch->m_postgresName);
    }
    if (migrate)
        SchemaMigrator(scratch->database()).migrate();
    return scratch;
}

std::unique_ptr<ScratchDatabase> ScratchDatabase::clone()
{
    m_database.reset();

    std::unique_ptr<ScratchDatabase> copy(new ScratchDatabase);
    if (m_postgresName.isEmpty()) {
        copy->m_folder = std::make_unique<QTemporaryDir>();
        const QString target = copy->m_folder->filePath(QStringLiteral("test.db"));
        const QString source = m_settings.sqlitePath();
        for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
            if (QFile::exists(source + suffix) && !QFile::copy(source + suffix, target + suffix))
                qFatal("cannot copy %s", qPrintable(source + suffix));
        }
        copy->m_settings = ConnectionSettings::fromUrl(QStringLiteral("sqlite:") + target);
    } else {
        copy->m_postgresName = newPostgresName();
        openPostgresAdmin()->run(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2")
                                     .arg(copy->m_postgresName, m_postgresName));
        copy->m_settings = postgresSettings(copy->m_postgresName);
    }
    return copy;
}

Database& ScratchDatabase::database()
{
    if (!m_database)
        m_database = Database::open(m_settings, Database::OpenMode::CreateIfMissing);
    return *m_database;
}

qint64 ScratchDatabase::workspaceId()
{
    return WorkspaceStore(database()).byName(SchemaMigrator::defaultWorkspaceName).id;
}

void addBackendRows()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << static_cast<int>(Backend::Sqlite);
    QTest::newRow("postgresql") << static_cast<int>(Backend::PostgreSql);
}

Backend currentBackend()
{
    return static_cast<Backend>(*static_cast<int*>(QTest::qData("backend", qMetaTypeId<int>())));
}

QString testDataPath(const QString& relative)
{
    return QDir(QStringLiteral(DRIFTDESK_TEST_DATA_DIR)).filePath(relative);
}

QString js(const nlohmann::json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

} // namespace testsupport
