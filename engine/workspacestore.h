// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "records.h"

#include <QList>

namespace driftdesk {

/// Workspaces: the top-level separation of tenants, profiles and findings. On PostgreSQL a
/// role other than the tables' owner sees and changes only the workspaces it is a member of,
/// enforced by row-level security (docs/workspace-isolation.md); creating a workspace makes the
/// creating role a member.
class WorkspaceStore
{
public:
    explicit WorkspaceStore(Database& database);

    /// Throws EngineError if the name is empty or taken.
    Workspace add(const QString& name);
    QList<Workspace> list();

    /// Throws EngineError naming the workspace if there is none of that name (or, on
    /// PostgreSQL, none the role is a member of).
    Workspace byName(const QString& name);

    /// Lets a PostgreSQL role (a login or a group role) use the workspace. Only the tables'
    /// owner may; the role must exist. Returns false if it was a member already. Throws
    /// EngineError on SQLite, whose files have no roles.
    bool grant(qint64 workspaceId, const QString& roleName);

    /// Takes the membership back; returns false if the role was not a member.
    bool revoke(qint64 workspaceId, const QString& roleName);

    /// The workspace's members by role name. A member role sees only its own memberships.
    QList<WorkspaceMember> members(qint64 workspaceId);

private:
    void requireRoles() const;
    void requireMembershipAdministration();

    Database& m_database;
};

} // namespace driftdesk
