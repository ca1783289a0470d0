// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacestore.h"

#include "engineerror.h"
#include "names.h"

namespace driftdesk {

namespace {

Workspace readWorkspace(const QSqlQuery& query)
{
    Workspace workspace;
    workspace.id = query.value(0).toLongLong();
    workspace.name = query.value(1).toString();
    workspace.createdAt = Database::readTimestamp(query.value(2));
    return workspace;
}

} // namespace

WorkspaceStore::WorkspaceStore(Database& database)
    : m_database(database)
{
}

Workspace WorkspaceStore::add(const QString& name)
{
    const QString trimmed = checkedName(name, QStringLiteral("workspace"));
    QSqlQuery existing
        = m_database.run(QStringLiteral("SELECT 1 FROM workspaces WHERE name = ?"), {trimmed});
    if (existing.next())
        throw EngineError(QStringLiteral("a workspace named \"%1\" already exists").arg(trimmed));

    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    QSqlQuery query = m_database.run(
        QStringLiteral("INSERT INTO workspaces (name, created_at, updated_at) VALUES (?, ?, ?) "
                       "RETURNING id, name, created_at"),
        {trimmed, now, now});
    query.next();
    return readWorkspace(query);
}

QList<Workspace> WorkspaceStore::list()
{
    QList<Workspace> result;
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT id, name, created_at FROM workspaces ORDER BY name"));
    while (query.next())
        result.append(readWorkspace(query));
    return result;
}

Workspace WorkspaceStore::byName(const QString& name)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT id, name, created_at FROM workspaces WHERE name = ?"), {name});
    if (!query.next())
        throw WorkspaceNotFound(QStringLiteral("there is no workspace named \"%1\"; create it "
                                               "with `driftctl workspace add`")
                                    .arg(name));
    return readWorkspace(query);
}

} // namespace driftdesk
