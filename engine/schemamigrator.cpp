// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemamigrator.h"

#include "engineerror.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace driftdesk {

const QString SchemaMigrator::defaultWorkspaceName = QStringLiteral("default");

namespace {

QString resourceFolder(Backend backend)
{
    return backend == Backend::Sqlite ? QStringLiteral(":/driftdesk/sql/sqlite")
                                      : QStringLiteral(":/driftdesk/sql/postgresql");
}

const QString createLedger = QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                            " version integer PRIMARY KEY,"
                                            " name text NOT NULL,"
                                            " applied_at text NOT NULL)");

} // namespace

SchemaMigrator::SchemaMigrator(Database& database)
    : m_database(database)
{
}

QList<SchemaMigrator::Migration> SchemaMigrator::migrations() const
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_(\\w+)\\.sql$"));
    QList<Migration> result;
    const QDir folder(resourceFolder(m_database.backend()));
    for (const QString& file : folder.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(file);
        if (match.hasMatch())
            result.append({match.captured(1).toInt(), match.captured(2), folder.filePath(file)});
    }
    return result;
}

int SchemaMigrator::latestVersion() const
{
    const auto all = migrations();
    return all.isEmpty() ? 0 : all.last().version;
}

int SchemaMigrator::currentVersion()
{
    if (!m_database.connection().tables().contains(QStringLiteral("schema_migrations")))
        return 0;
    QSqlQuery query = m_database.run(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    return query.next() ? query.value(0).toInt() : 0;
}

void SchemaMigrator::refuseNewerSchema(int version) const
{
    if (version > latestVersion()) {
        throw EngineError(QStringLiteral("the database schema is version %1, newer than this "
                                         "DriftDesk knows (%2); use a newer DriftDesk")
                              .arg(version)
                              .arg(latestVersion()));
    }
}

void SchemaMigrator::requireCurrent()
{
    const int version = currentVersion();
    refuseNewerSchema(version);
    if (version < latestVersion()) {
        throw EngineError(QStringLiteral("the database schema is version %1 and this DriftDesk "
                                         "needs %2; run `driftctl migrate` first")
                              .arg(version)
                              .arg(latestVersion()));
    }
}

SchemaMigrator::Outcome SchemaMigrator::migrate(int upToVersion)
{
    Outcome outcome;
    outcome.fromVersion = currentVersion();
    refuseNewerSchema(outcome.fromVersion);

    // Versions applied already need no transaction and no DDL, so a role that may read the
    // ledger but not create tables (a PostgreSQL member role) can run `migrate` on a current
    // schema. Each version is checked again under the lock below.
    QSet<int> appliedBefore;
    if (outcome.fromVersion > 0) {
        QSqlQuery ledger = m_database.run(QStringLiteral("SELECT version FROM schema_migrations"));
        while (ledger.next())
            appliedBefore.insert(ledger.value(0).toInt());
    }

    for (const Migration& migration : migrations()) {
        if (migration.version > upToVersion)
            break;
        if (appliedBefore.contains(migration.version))
            continue;
        QFile file(migration.path);
        if (!file.open(QIODevice::ReadOnly))
            throw EngineError(QStringLiteral("migration %1 is missing").arg(migration.path));
        const QString script = QString::fromUtf8(file.readAll());

        Transaction transaction(m_database);
        if (m_database.backend() == Backend::PostgreSql) {
            // Two programs migrating one server at once take turns.
            m_database.run(QStringLiteral("SELECT pg_advisory_xact_lock(7357001)"));
        }
        m_database.run(createLedger);
        QSqlQuery applied
            = m_database.run(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"),
                             {migration.version});
        if (applied.next())
            continue;

        qCInfo(lcMigration).noquote()
            << "applying migration" << migration.version << migration.name;
        for (const QString& statement : splitStatements(script))
            m_database.run(statement);
        m_database.run(
            QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                           "VALUES (?, ?, ?)"),
            {migration.version, migration.name, toRfc3339(QDateTime::currentDateTimeUtc())});
        transaction.commit();
        outcome.applied.append(QStringLiteral("%1_%2")
                                   .arg(migration.version, 4, 10, QLatin1Char('0'))
                                   .arg(migration.name));
    }

    // No conflict target: on PostgreSQL one makes the read policy apply to the new row, which a
    // member role may not see, and the name is the only unique value given.
    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    m_database.run(QStringLiteral("INSERT INTO workspaces (name, created_at, updated_at) "
                                  "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                   {defaultWorkspaceName, now, now});
    outcome.toVersion = currentVersion();
    return outcome;
}

QStringList SchemaMigrator::splitStatements(const QString& script)
{
    QStringList statements;
    QString current;
    bool inDollarQuote = false;
    bool inTriggerBody = false;

    for (const QString& line : script.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!inDollarQuote && (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"))))
            continue;
        current += line + QLatin1Char('\n');

        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollarQuote = !inDollarQuote;
        if (inDollarQuote)
            continue;
        if (trimmed.compare(QLatin1String("BEGIN"), Qt::CaseInsensitive) == 0)
            inTriggerBody = true;
        const bool endsStatement = trimmed.endsWith(QLatin1Char(';'));
        if (inTriggerBody && trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) != 0)
            continue;
        if (endsStatement) {
            inTriggerBody = false;
            current = current.trimmed();
            current.chop(1);
            statements.append(current);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace driftdesk
