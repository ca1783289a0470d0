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
    const QString taken = QStringLiteral("a workspace named \"%1\" already exists").arg(trimmed);
    QSqlQuery existing
        = m_database.run(QStringLiteral("SELECT 1 FROM workspaces WHERE name = ?"), {trimmed});
    if (existing.next())
        throw EngineError(taken);

    // Neither RETURNING nor a conflict target, which both make PostgreSQL check the read policy
    // against the new row: a member role may read it only once the statement has made it a
    // member, which its trigger does at the end of the statement. The name is the only unique
    // value given, so any conflict is about the name.
    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    QSqlQuery insert = m_database.run(
        QStringLiteral("INSERT INTO workspaces (name, created_at, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING"),
        {trimmed, now, now});
    if (insert.numRowsAffected() == 0) {
        // The name belongs to a workspace this role cannot see.
        throw EngineError(taken + QStringLiteral(" (one you are not a member of)"));
    }
    return byName(trimmed);
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
        throw WorkspaceNotFound(
            QStringLiteral("there is no workspace named \"%1\"%2; create it with "
                           "`driftctl workspace add`")
                .arg(name,
                     m_database.backend() == Backend::PostgreSql
                         ? QStringLiteral(" that you are a member of")
                         : QString()));
    return readWorkspace(query);
}

void WorkspaceStore::requireRoles() const
{
    if (m_database.backend() == Backend::Sqlite) {
        throw EngineError(QStringLiteral(
            "a SQLite workspace file is single-user: it has no database roles to grant "
            "workspaces to; whoever can read the file reads all of it, so keep it private with "
            "file permissions, or use PostgreSQL for a team"));
    }
}

void WorkspaceStore::requireMembershipAdministration()
{
    requireRoles();
    QSqlQuery privilege = m_database.run(
        QStringLiteral("SELECT has_table_privilege('workspace_members', 'INSERT')"));
    if (!privilege.next() || !privilege.value(0).toBool()) {
        throw EngineError(QStringLiteral(
            "only the owner of the DriftDesk tables (the role that runs `driftctl migrate`) can "
            "change who is a member of a workspace"));
    }
}

bool WorkspaceStore::grant(qint64 workspaceId, const QString& roleName)
{
    requireMembershipAdministration();
    QSqlQuery role
        = m_database.run(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {roleName});
    if (!role.next()) {
        throw EngineError(QStringLiteral("there is no role named \"%1\" on this server; create it "
                                         "first (docs/workspace-isolation.md)")
                              .arg(roleName));
    }
    QSqlQuery insert = m_database.run(
        QStringLiteral("INSERT INTO workspace_members (workspace_id, role_name) VALUES (?, ?) "
                       "ON CONFLICT DO NOTHING"),
        {workspaceId, roleName});
    return insert.numRowsAffected() == 1;
}

bool WorkspaceStore::revoke(qint64 workspaceId, const QString& roleName)
{
    requireMembershipAdministration();
    QSqlQuery remove = m_database.run(
        QStringLiteral("DELETE FROM workspace_members WHERE workspace_id = ? AND role_name = ?"),
        {workspaceId, roleName});
    return remove.numRowsAffected() > 0;
}

QList<WorkspaceMember> WorkspaceStore::members(qint64 workspaceId)
{
    requireRoles();
    QList<WorkspaceMember> result;
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT role_name, granted_at, granted_by FROM workspace_members "
                       "WHERE workspace_id = ? ORDER BY role_name"),
        {workspaceId});
    while (query.next()) {
        WorkspaceMember member;
        member.roleName = query.value(0).toString();
        member.grantedAt = Database::readTimestamp(query.value(1));
        member.grantedBy = query.value(2).toString();
        result.append(member);
    }
    return result;
}

} // namespace driftdesk
