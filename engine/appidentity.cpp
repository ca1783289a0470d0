// SPDX-License-Identifier: GPL-3.0-or-later
#include "appidentity.h"

#include <QCoreApplication>

namespace driftdesk {

void applyApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("DriftDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("DriftDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DRIFTDESK_VERSION));
}

} // namespace driftdesk
