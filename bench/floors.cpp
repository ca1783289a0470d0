// SPDX-License-Identifier: GPL-3.0-or-later
#include "floors.h"

#include "engineerror.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlRecord>

namespace driftdesk::bench {

namespace {

const QString inventoryColumns = QStringLiteral(
    "workspace_id, tenant_id, policy_type, subject_type, subject_external_id, display_name, "
    "source_file, ambiguous, raw_jsonb, meta_contract_version, meta_hash, sync_run_id, "
    "created_at, updated_at");

const QString findingColumns = QStringLiteral(
    "workspace_id, tenant_id, baseline_profile_id, baseline_snapshot_id, policy_type, "
    "subject_type, subject_external_id, display_name, change_type, severity, status, "
    "fingerprint, recurrence_key, scope_key, first_seen_at, last_seen_at, times_seen, evidence, "
    "created_at, updated_at");

/// A libpq connection string for psql, from the settings DriftDesk connected with.
QString conninfo(const ConnectionSettings& settings)
{
    QStringList parts;
    for (const auto& [key, value] : settings.postgresParameters()) {
        QString escaped = value;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
        parts.append(QStringLiteral("%1='%2'").arg(key, escaped));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

Floors::Floors(Database& database, qint64 workspaceId, const QString& scratchFolder)
    : m_database(database)
    , m_workspaceId(workspaceId)
    , m_folder(scratchFolder)
{
}

double Floors::runPsql(const QStringList& commands)
{
    QStringList arguments{QStringLiteral("-X"), QStringLiteral("-q"),
                          QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                          QStringLiteral("-d"), conninfo(m_database.settings())};
    for (const QString& command : commands)
        arguments << QStringLiteral("-c") << command;
    QProcess psql;
    psql.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    psql.start(QStringLiteral("psql"), arguments);
    if (!psql.waitForFinished(-1) || psql.exitStatus() != QProcess::NormalExit
        || psql.exitCode() != 0)
        throw EngineError(QStringLiteral("psql failed (%1): %2")
                              .arg(psql.exitCode())
                              .arg(commands.join(QStringLiteral("; "))));
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

QString Floors::inputQueries(int part) const
{
    const QString workspace = QString::number(m_workspaceId);
    const bool sqlite = m_database.backend() == Backend::Sqlite;
    switch (part) {
    case 0: // every current row with what matching reads
        return QStringLiteral("SELECT id, tenant_id, policy_type, subject_type, "
                              "subject_external_id, display_name, source_file, ambiguous, "
                              "meta_contract_version, meta_hash, %1 FROM inventory_items "
                              "WHERE workspace_id = %2")
            .arg(sqlite ? QStringLiteral("json_extract(raw_jsonb, '$.technologies', "
                                         "'$.templateReference.templateId')")
                        : QStringLiteral("jsonb_build_array(raw_jsonb -> 'technologies', "
                                         "raw_jsonb #> '{templateReference,templateId}')"),
                 workspace);
    case 1: // the snapshot's items once, without payloads
        return QStringLiteral("SELECT i.id, i.subject_type, i.subject_external_id, "
                              "i.policy_type, i.baseline_hash, %1 FROM baseline_snapshot_items i "
                              "JOIN baseline_snapshots s ON s.id = i.baseline_snapshot_id "
                              "WHERE s.workspace_id = %2")
            .arg(sqlite ? QStringLiteral("json_extract(i.meta_jsonb, '$.display_name', "
                                         "'$.meta_contract.payload.technologies')")
                        : QStringLiteral("jsonb_build_array(i.meta_jsonb -> 'display_name', "
                                         "i.meta_jsonb #> '{meta_contract,payload,technologies}')"),
                 workspace);
    case 2: // the current object of every changed item
        return QStringLiteral("SELECT i.raw_jsonb FROM findings f JOIN inventory_items i "
                              "ON i.tenant_id = f.tenant_id AND i.policy_type = f.policy_type "
                              "AND i.subject_external_id = f.subject_external_id "
                              "WHERE f.workspace_id = %1 AND f.change_type = 'different_version'")
            .arg(workspace);
    default: // and its baseline payload
        return QStringLiteral("SELECT b.meta_jsonb FROM findings f JOIN baseline_snapshot_items b "
                              "ON b.baseline_snapshot_id = f.baseline_snapshot_id "
                              "AND b.policy_type = f.policy_type AND b.subject_external_id = %1 "
                              "WHERE f.workspace_id = %2 AND f.change_type = 'different_version'")
            .arg(sqlite
                     ? QStringLiteral("json_extract(f.evidence, '$.baseline_subject_external_id')")
                     : QStringLiteral("(f.evidence ->> 'baseline_subject_external_id')"),
                 workspace);
    }
}

double Floors::importFloor()
{
    if (m_database.backend() == Backend::Sqlite)
        return sqliteCopyTable(QStringLiteral("inventory_items"), inventoryColumns);

    const QString file = QDir(m_folder).filePath(QStringLiteral("inventory.copy"));
    runPsql({QStringLiteral("\\copy (SELECT %1 FROM inventory_items ORDER BY id) TO '%2'")
                 .arg(inventoryColumns, file),
             QStringLiteral("CREATE TABLE floor_inventory_items (LIKE inventory_items "
                            "INCLUDING ALL)")});
    const double seconds = runPsql({QStringLiteral("\\copy floor_inventory_items (%1) FROM '%2'")
                                        .arg(inventoryColumns, file)});
    runPsql({QStringLiteral("DROP TABLE floor_inventory_items")});
    QFile::remove(file);
    return seconds;
}

double Floors::compareFloor()
{
    if (m_database.backend() == Backend::Sqlite) {
        double seconds = 0;
        for (int part = 0; part < 4; ++part)
            seconds += sqliteRead(inputQueries(part));
        return seconds + sqliteCopyTable(QStringLiteral("findings"), findingColumns);
    }

    const QString file = QDir(m_folder).filePath(QStringLiteral("findings.copy"));
    runPsql({QStringLiteral("\\copy (SELECT %1 FROM findings WHERE workspace_id = %2 ORDER BY id) "
                            "TO '%3'")
                 .arg(findingColumns, QString::number(m_workspaceId), file),
             QStringLiteral("CREATE TABLE floor_findings (LIKE findings INCLUDING ALL)")});
    QStringList reads;
    for (int part = 0; part < 4; ++part)
        reads.append(QStringLiteral("\\copy (%1) TO '/dev/null'").arg(inputQueries(part)));
    double seconds = runPsql(reads);
    seconds += runPsql(
        {QStringLiteral("\\copy floor_findings (%1) FROM '%2'").arg(findingColumns, file)});
    runPsql({QStringLiteral("DROP TABLE floor_findings")});
    QFile::remove(file);
    return seconds;
}

double Floors::sqliteRead(const QString& sql)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query = m_database.prepare(sql);
    query.setForwardOnly(true);
    Database::exec(query);
    const int columns = query.record().count();
    qint64 touched = 0;
    while (query.next()) {
        for (int i = 0; i < columns; ++i)
            touched += query.value(i).isNull() ? 0 : 1;
    }
    Q_UNUSED(touched);
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

double Floors::sqliteCopyTable(const QString& table, const QString& columns)
{
    // The twin: the table's own statement and indexes under another name.
    const QString twin = QStringLiteral("floor_") + table;
    QSqlQuery schema = m_database.run(
        QStringLiteral("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
                       "ORDER BY type = 'index'"),
        {table});
    QStringList statements;
    while (schema.next()) {
        QString sql = schema.value(0).toString();
        sql.replace(QRegularExpression(QStringLiteral("\\bON \"?%1\"?(?=[\\s(])").arg(table)),
                    QStringLiteral("ON ") + twin);
        sql.replace(
            QRegularExpression(QStringLiteral("^CREATE TABLE \"?%1\"?(?=[\\s(])").arg(table)),
            QStringLiteral("CREATE TABLE ") + twin);
        sql.replace(QRegularExpression(QStringLiteral("^CREATE (UNIQUE )?INDEX (\\w+)")),
                    QStringLiteral("CREATE \\1INDEX floor_\\2"));
        // Foreign keys would make the floor pay for lookups DriftDesk's twin cannot need.
        sql.replace(QRegularExpression(QStringLiteral("REFERENCES \\w+ \\(\\w+\\)( ON DELETE "
                                                      "(CASCADE|SET NULL))?")),
                    QString());
        statements.append(sql);
    }
    for (const QString& statement : statements)
        m_database.run(statement);
    const auto indexes = [&](const QString& name) {
        QSqlQuery count = m_database.run(
            QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = ?"),
            {name});
        return count.next() ? count.value(0).toInt() : -1;
    };
    if (indexes(twin) != indexes(table))
        throw EngineError(
            QStringLiteral("the floor's twin of %1 lacks some of its indexes").arg(table));

    // The rows are read beforehand, a chunk at a time (a million payloads would not fit in
    // memory): the floor is the writing, timed chunk by chunk inside one transaction.
    const int count = static_cast<int>(columns.count(QLatin1Char(',')) + 1);
    const QStringList marks(count, QStringLiteral("?"));
    constexpr int chunkRows = 5000;
    Transaction transaction(m_database);
    QSqlQuery insert = m_database.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                              .arg(twin, columns, marks.join(QLatin1Char(','))));
    QElapsedTimer timer;
    qint64 writing = 0;
    qint64 lastId = 0;
    for (;;) {
        std::vector<QVariantList> rows;
        {
            QSqlQuery read = m_database.prepare(
                QStringLiteral("SELECT id, %1 FROM %2 WHERE workspace_id = ? AND id > ? "
                               "ORDER BY id LIMIT ?")
                    .arg(columns, table));
            read.setForwardOnly(true);
            read.addBindValue(m_workspaceId);
            read.addBindValue(lastId);
            read.addBindValue(chunkRows);
            Database::exec(read);
            while (read.next()) {
                lastId = read.value(0).toLongLong();
                QVariantList row;
                for (int i = 0; i < count; ++i)
                    row.append(read.value(i + 1));
                rows.push_back(std::move(row));
            }
        }
        if (rows.empty())
            break;
        timer.start();
        for (const QVariantList& row : rows) {
            for (int i = 0; i < count; ++i)
                insert.bindValue(i, row.at(i));
            if (!insert.exec())
                throw EngineError(QStringLiteral("floor insert into %1 failed").arg(twin));
        }
        writing += timer.nsecsElapsed();
    }
    timer.start();
    transaction.commit();
    writing += timer.nsecsElapsed();
    const double seconds = static_cast<double>(writing) / 1e9;
    m_database.run(QStringLiteral("DROP TABLE ") + twin);
    return seconds;
}

} // namespace driftdesk::bench
