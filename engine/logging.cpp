// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

namespace driftdesk {

Q_LOGGING_CATEGORY(lcDatabase, "driftdesk.database", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMigration, "driftdesk.migration", QtWarningMsg)
Q_LOGGING_CATEGORY(lcImport, "driftdesk.import", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCapture, "driftdesk.capture", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCompare, "driftdesk.compare", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDefinitions, "driftdesk.definitions", QtWarningMsg)

} // namespace driftdesk
