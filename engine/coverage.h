// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace driftdesk {

namespace CoverageStatus {
inline const QString succeeded = QStringLiteral("succeeded");
inline const QString partial = QStringLiteral("partial");
inline const QString failed = QStringLiteral("failed");
} // namespace CoverageStatus

/// What an inventory sync processed, per type, read from its run context
/// (inventory.coverage.policy_types / foundation_types).
class Coverage
{
public:
    static Coverage fromRunContext(const nlohmann::json& context);

    /// "succeeded", "partial", "failed", or empty when the type was not covered at all.
    QString status(const QString& type) const { return m_status.value(type); }
    bool succeeded(const QString& type) const { return status(type) == CoverageStatus::succeeded; }
    QStringList types() const { return m_status.keys(); }

private:
    QMap<QString, QString> m_status;
};

/// Why a type cannot be compared or captured, in words, given its coverage status.
QString coverageGap(const QString& status, qint64 syncRunId);

/// Why a sync covers nothing: its failure, or the absence of any type folder.
QString emptyCoverageReason(const QString& tenantName, const QString& outcome,
                            const nlohmann::json& context, qint64 syncRunId);

} // namespace driftdesk
