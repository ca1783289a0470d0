// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace driftdesk {

struct Workspace
{
    qint64 id = 0;
    QString name;
    QDateTime createdAt;
};

/// A PostgreSQL role allowed to use a workspace (row-level security reads these).
struct WorkspaceMember
{
    QString roleName;
    QDateTime grantedAt;
    QString grantedBy;
};

struct Tenant
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    QString name;
    QString externalId;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// How a compare pairs baseline items with current objects.
namespace MatchingMode {
/// By subject id: the same tenant over time.
inline const QString byId = QStringLiteral("by_id");
/// By policy type and normalised display name: other tenants, whose objects have other ids.
inline const QString byIdentity = QStringLiteral("by_identity");
} // namespace MatchingMode

/// The default trailing version suffix removed from names matched by identity (" - v3.7").
inline const QString defaultVersionSuffixPattern = QStringLiteral(R"(\s*-\s*v\d+(\.\d+)*$)");

struct BaselineProfile
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    QString name;
    QString description;
    QString versionLabel;
    QString status; ///< draft, active or archived
    nlohmann::json scope; ///< {"policy_types": [...], "foundation_types": [...]}
    QString matchingMode = MatchingMode::byId;
    QString versionSuffixPattern = defaultVersionSuffixPattern;
    std::optional<qint64> activeSnapshotId;
    QString createdByUserId;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct BaselineSnapshot
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 baselineProfileId = 0;
    QString identityHash;
    QDateTime capturedAt;
    nlohmann::json summary;
    std::optional<qint64> sourceTenantId;
    std::optional<qint64> captureRunId;
};

struct BaselineSnapshotItem
{
    qint64 id = 0;
    qint64 snapshotId = 0;
    QString subjectType;
    QString subjectExternalId;
    QString policyType;
    QString baselineHash;
    nlohmann::json meta; ///< {"meta_contract": {"version", "payload"}, "display_name", ...}
};

/// Run types, statuses and outcomes as stored and printed.
namespace RunType {
inline const QString inventorySync = QStringLiteral("inventory_sync");
inline const QString baselineCapture = QStringLiteral("baseline_capture");
inline const QString baselineCompare = QStringLiteral("baseline_compare");
} // namespace RunType

namespace RunStatus {
inline const QString queued = QStringLiteral("queued");
inline const QString running = QStringLiteral("running");
inline const QString completed = QStringLiteral("completed");
} // namespace RunStatus

namespace RunOutcome {
inline const QString succeeded = QStringLiteral("succeeded");
inline const QString partiallySucceeded = QStringLiteral("partially_succeeded");
inline const QString failed = QStringLiteral("failed");
inline const QString blocked = QStringLiteral("blocked");
inline const QString cancelled = QStringLiteral("cancelled");
} // namespace RunOutcome

struct OperationRun
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    std::optional<qint64> tenantId;
    std::optional<qint64> baselineProfileId;
    QString type;
    QString status;
    QString outcome; ///< empty until completed
    nlohmann::json summaryCounts = nlohmann::json::object();
    nlohmann::json context = nlohmann::json::object();
    QString initiatedBy;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime completedAt;
};

namespace ChangeType {
inline const QString missingPolicy = QStringLiteral("missing_policy");
inline const QString differentVersion = QStringLiteral("different_version");
inline const QString unexpectedPolicy = QStringLiteral("unexpected_policy");
inline const QString ambiguousMatch = QStringLiteral("ambiguous_match");
} // namespace ChangeType

namespace FindingStatus {
inline const QString open = QStringLiteral("open");
inline const QString acknowledged = QStringLiteral("acknowledged");
inline const QString resolved = QStringLiteral("resolved");
} // namespace FindingStatus

struct Finding
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 tenantId = 0;
    qint64 baselineProfileId = 0;
    qint64 baselineSnapshotId = 0;
    QString policyType;
    QString subjectType;
    QString subjectExternalId;
    QString displayName;
    QString changeType;
    QString severity;
    QString status;
    QString fingerprint;
    QString recurrenceKey;
    QString scopeKey;
    QDateTime firstSeenAt;
    QDateTime lastSeenAt;
    int timesSeen = 0;
    QDateTime resolvedAt;
    QString resolvedReason;
    QDateTime acknowledgedAt;
    QString acknowledgedBy;
    QString acknowledgementNote;
    nlohmann::json evidence = nlohmann::json::object();
};

} // namespace driftdesk
