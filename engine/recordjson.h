// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operation.h"
#include "records.h"

#include <nlohmann/json.hpp>

namespace driftdesk {

/// Records as JSON objects whose keys are the database column names, in column order, with
/// timestamps as RFC 3339 text in UTC: the shape `driftctl --format json` prints and exports use.
nlohmann::ordered_json toJson(const Workspace& workspace);
nlohmann::ordered_json toJson(const WorkspaceMember& member);
nlohmann::ordered_json toJson(const Tenant& tenant);
nlohmann::ordered_json toJson(const BaselineProfile& profile);
nlohmann::ordered_json toJson(const OperationRun& run);
nlohmann::ordered_json toJson(const Finding& finding);
nlohmann::ordered_json toJson(const BaselineSnapshot& snapshot);

/// A run result as printed after an import, capture or compare.
nlohmann::ordered_json toJson(const RunResult& result);

} // namespace driftdesk
