// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace driftdesk {

class Database;

/// DriftDesk's version as --version and the About dialog show it: the release from CMake's
/// project(), followed by the git description when built from a checkout, e.g.
/// "0.1.0 (git 41d1e37-dirty)".
QString versionText();

/// The database in use with its version, e.g. "SQLite 3.40.1" or "PostgreSQL 15.5 (Debian
/// 15.5-0+deb12u1)", as the server reports it. Throws EngineError when it cannot be asked.
QString databaseVersionText(Database& database);

} // namespace driftdesk
