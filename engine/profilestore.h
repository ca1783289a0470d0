// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "baselinescope.h"
#include "database.h"
#include "records.h"

#include <QList>

#include <optional>

namespace driftdesk {

/// What an administrator sets on a profile.
struct ProfileDraft
{
    QString name;
    QString description;
    QString versionLabel;
    QString status = QStringLiteral("active");
    BaselineScope scope;
    QString matchingMode = MatchingMode::byId;
    /// A regular expression, matched case-insensitively against the end of a case-folded name.
    QString versionSuffixPattern = defaultVersionSuffixPattern;

    /// The editable fields of a stored profile, to change some of them. A scope the registry
    /// cannot read becomes the empty scope.
    static ProfileDraft of(const BaselineProfile& profile,
                           const PolicyTypeRegistry& registry = PolicyTypeRegistry::builtIn());
};

/// Baseline profiles of one workspace and their tenant assignments.
class ProfileStore
{
public:
    ProfileStore(Database& database, qint64 workspaceId);

    /// Throws EngineError if the name is taken or a field is invalid.
    BaselineProfile create(const ProfileDraft& draft);

    /// Replaces the editable fields of a profile.
    BaselineProfile update(qint64 id, const ProfileDraft& draft);

    QList<BaselineProfile> list();
    std::optional<BaselineProfile> byId(qint64 id);

    /// The profile with this id; throws EngineError if there is none in the workspace.
    BaselineProfile require(qint64 id);

    /// Finds a profile by name, or else by numeric id; throws EngineError if there is none.
    BaselineProfile resolve(const QString& nameOrId);

    /// Deletes the profile with its snapshots, their items, its assignments and its findings.
    void remove(qint64 id);

    /// Assigns a tenant (again assigning is harmless); unassigning leaves findings in place.
    void assign(qint64 profileId, qint64 tenantId);
    /// Returns false when the tenant was not assigned.
    bool unassign(qint64 profileId, qint64 tenantId);
    QList<qint64> assignedTenantIds(qint64 profileId);
    QList<qint64> profileIdsForTenant(qint64 tenantId);

    void setActiveSnapshot(qint64 profileId, qint64 snapshotId);

    static bool isValidStatus(const QString& status);
    static bool isValidMatchingMode(const QString& mode);

private:
    void validate(const ProfileDraft& draft, std::optional<qint64> existingId);

    Database& m_database;
    qint64 m_workspaceId;
};

} // namespace driftdesk
