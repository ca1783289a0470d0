// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "records.h"

#include <QList>

namespace driftdesk {

/// Workspaces: the top-level separation of tenants, profiles and findings.
class WorkspaceStore
{
public:
    explicit WorkspaceStore(Database& database);

    /// Throws EngineError if the name is empty or taken.
    Workspace add(const QString& name);
    QList<Workspace> list();

    /// Throws EngineError naming the workspace if there is none of that name.
    Workspace byName(const QString& name);

private:
    Database& m_database;
};

} // namespace driftdesk
