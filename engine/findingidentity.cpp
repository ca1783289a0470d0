// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingidentity.h"

#include "records.h"
#include "sha256.h"

namespace driftdesk {

QString findingRecurrenceKey(qint64 tenantId, qint64 snapshotId, const QString& policyType,
                             const QString& subjectExternalId, const QString& changeType)
{
    const QChar bar(u'|');
    const QString text = QString::number(tenantId) + bar + QString::number(snapshotId) + bar
        + policyType + bar + subjectExternalId + bar + changeType;
    return QString::fromStdString(sha256Hex(text.toStdString()));
}

QString findingScopeKey(qint64 profileId)
{
    return QStringLiteral("baseline_profile:%1").arg(profileId);
}

QString defaultSeverity(const QString& changeType)
{
    if (changeType == ChangeType::missingPolicy)
        return QStringLiteral("high");
    if (changeType == ChangeType::differentVersion || changeType == ChangeType::ambiguousMatch)
        return QStringLiteral("medium");
    return QStringLiteral("low");
}

} // namespace driftdesk
