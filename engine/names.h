// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace driftdesk {

/// A name an administrator gives a workspace, tenant or profile, trimmed and checked: not
/// empty, at most 200 characters, no control characters (they break tables and logs), and not
/// a bare number (commands accept a name or an id, and a numeric name would hide an id).
/// Throws EngineError naming `what` ("tenant", ...) and the problem.
QString checkedName(const QString& name, const QString& what);

} // namespace driftdesk
