// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "engineerror.h"
#include "schemamigrator.h"
#include "workspacestore.h"

#include <QCoreApplication>

namespace driftdesk::views {

std::unique_ptr<Session> Session::open(const ConnectionSettings& settings,
                                       const QString& workspaceName, bool createWorkspace)
{
    std::unique_ptr<Session> session(new Session);
    session->m_settings = settings;
    session->m_database = Database::open(settings, Database::OpenMode::CreateIfMissing);
    // A server restart must not need an application restart: browsing goes on with a new
    // connection (operations use their own connections and fail instead).
    session->m_database->setReconnectWhenLost(true);

    // The desktop application keeps its schema current itself; migrations are forward-only
    // and each runs in a transaction.
    SchemaMigrator(*session->m_database).migrate();

    WorkspaceStore workspaces(*session->m_database);
    try {
        session->m_workspaceId = workspaces.byName(workspaceName).id;
    } catch (const WorkspaceNotFound&) {
        if (!createWorkspace)
            throw;
        session->m_workspaceId = workspaces.add(workspaceName).id;
    }
    session->m_workspaceName = workspaceName;
    return session;
}

QString Session::describe() const
{
    if (m_settings.backend() == Backend::Sqlite)
        return QCoreApplication::translate("Session", "Local workspace file %1")
            .arg(m_settings.sqlitePath());
    return QCoreApplication::translate("Session", "PostgreSQL %1").arg(m_settings.displayString());
}

} // namespace driftdesk::views
