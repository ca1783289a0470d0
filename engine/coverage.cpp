// SPDX-License-Identifier: GPL-3.0-or-later
#include "coverage.h"

#include "jsonconvert.h"

namespace driftdesk {

Coverage Coverage::fromRunContext(const nlohmann::json& context)
{
    Coverage coverage;
    const auto inventory = context.find("inventory");
    if (inventory == context.end() || !inventory->is_object())
        return coverage;
    const auto map = inventory->find("coverage");
    if (map == inventory->end() || !map->is_object())
        return coverage;
    for (const char* kind : {"policy_types", "foundation_types"}) {
        const auto types = map->find(kind);
        if (types == map->end() || !types->is_object())
            continue;
        for (auto it = types->begin(); it != types->end(); ++it) {
            if (it->is_object())
                coverage.m_status.insert(QString::fromStdString(it.key()),
                                         toQString(it->value("status", nlohmann::json())));
        }
    }
    return coverage;
}

QString coverageGap(const QString& status, qint64 syncRunId)
{
    if (status.isEmpty())
        return QStringLiteral("not covered by the latest inventory sync (run %1)").arg(syncRunId);
    return QStringLiteral("%1 in the latest inventory sync (run %2)")
        .arg(status, QString::number(syncRunId));
}

QString emptyCoverageReason(const QString& tenantName, const QString& outcome,
                            const nlohmann::json& context, qint64 syncRunId)
{
    if (outcome == QLatin1String("failed")) {
        return QStringLiteral("the latest inventory sync of \"%1\" (run %2) failed: %3")
            .arg(tenantName, QString::number(syncRunId),
                 toQString(context.value("error", nlohmann::json())));
    }
    return QStringLiteral("the latest inventory sync of \"%1\" (run %2) covered no type")
        .arg(tenantName, QString::number(syncRunId));
}

} // namespace driftdesk
