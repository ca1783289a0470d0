// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "driftengine.h"

#include <memory>

namespace driftdesk::views {

/// An open workspace: the connection the GUI thread reads with (short queries only; long work
/// runs on the engine's own connections), the workspace and an engine for its operations.
class Session
{
public:
    /// Connects, brings the schema up to date (a local file is created if missing) and selects
    /// the workspace. Throws EngineError with a message for the user.
    /// With `createWorkspace`, a missing workspace is created; without, it is an error
    /// (WorkspaceNotFound).
    static std::unique_ptr<Session> open(const ConnectionSettings& settings,
                                         const QString& workspaceName,
                                         bool createWorkspace = false);

    Database& database() { return *m_database; }
    const ConnectionSettings& settings() const { return m_settings; }
    qint64 workspaceId() const { return m_workspaceId; }
    const QString& workspaceName() const { return m_workspaceName; }
    DriftEngine engine() const { return DriftEngine(m_settings, m_workspaceId); }

    /// For the status bar: the local file or the server, without any secret.
    QString describe() const;

private:
    Session() = default;

    ConnectionSettings m_settings;
    std::unique_ptr<Database> m_database;
    qint64 m_workspaceId = 0;
    QString m_workspaceName;
};

} // namespace driftdesk::views
