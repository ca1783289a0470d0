// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include "currentuser.h"
#include "engineerror.h"
#include "jsonconvert.h"
#include "names.h"
#include "sqlvalues.h"

#include <QRegularExpression>

namespace driftdesk {

namespace {

const QString profileColumns
    = QStringLiteral("id, workspace_id, name, description, version_label, status, scope_jsonb, "
                     "active_snapshot_id, created_by_user_id, created_at, updated_at, "
                     "matching_mode, version_suffix_pattern");

BaselineProfile readProfile(const QSqlQuery& query)
{
    BaselineProfile profile;
    profile.id = query.value(0).toLongLong();
    profile.workspaceId = query.value(1).toLongLong();
    profile.name = query.value(2).toString();
    profile.description = query.value(3).toString();
    profile.versionLabel = query.value(4).toString();
    profile.status = query.value(5).toString();
    profile.scope = parseJsonColumn(query.value(6).toString());
    profile.activeSnapshotId = optionalId(query.value(7));
    profile.createdByUserId = query.value(8).toString();
    profile.createdAt = Database::readTimestamp(query.value(9));
    profile.updatedAt = Database::readTimestamp(query.value(10));
    profile.matchingMode = query.value(11).toString();
    profile.versionSuffixPattern = query.value(12).toString();
    return profile;
}

} // namespace

ProfileStore::ProfileStore(Database& database, qint64 workspaceId)
    : m_database(database)
    , m_workspaceId(workspaceId)
{
}

bool ProfileStore::isValidStatus(const QString& status)
{
    return status == QLatin1String("draft") || status == QLatin1String("active")
        || status == QLatin1String("archived");
}

ProfileDraft ProfileDraft::of(const BaselineProfile& profile, const PolicyTypeRegistry& registry)
{
    ProfileDraft draft;
    draft.name = profile.name;
    draft.description = profile.description;
    draft.versionLabel = profile.versionLabel;
    draft.status = profile.status;
    draft.matchingMode = profile.matchingMode;
    draft.versionSuffixPattern = profile.versionSuffixPattern;
    QString scopeError;
    draft.scope
        = BaselineScope::fromJson(profile.scope, registry, &scopeError).value_or(BaselineScope());
    return draft;
}

bool ProfileStore::isValidMatchingMode(const QString& mode)
{
    return mode == MatchingMode::byId || mode == MatchingMode::byIdentity;
}

void ProfileStore::validate(const ProfileDraft& draft, std::optional<qint64> existingId)
{
    checkedName(draft.name, QStringLiteral("baseline profile"));
    if (!isValidStatus(draft.status))
        throw EngineError(QStringLiteral("status: \"%1\" is not one of draft, active, archived")
                              .arg(draft.status));
    if (!isValidMatchingMode(draft.matchingMode)) {
        throw EngineError(QStringLiteral("matching mode: \"%1\" is not one of by_id, by_identity")
                              .arg(draft.matchingMode));
    }
    const QRegularExpression suffix(draft.versionSuffixPattern);
    if (!suffix.isValid()) {
        throw EngineError(QStringLiteral("version suffix pattern: %1 at offset %2")
                              .arg(suffix.errorString())
                              .arg(suffix.patternErrorOffset()));
    }

    QSqlQuery taken = m_database.run(
        QStringLiteral("SELECT id FROM baseline_profiles WHERE workspace_id = ? AND name = ?"),
        {m_workspaceId, draft.name.trimmed()});
    if (taken.next() && (!existingId || taken.value(0).toLongLong() != *existingId))
        throw EngineError(QStringLiteral("a baseline profile named \"%1\" already exists")
                              .arg(draft.name.trimmed()));
}

BaselineProfile ProfileStore::create(const ProfileDraft& draft)
{
    validate(draft, std::nullopt);
    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    QSqlQuery query = m_database.run(
        QStringLiteral("INSERT INTO baseline_profiles (workspace_id, name, description, "
                       "version_label, status, scope_jsonb, created_by_user_id, created_at, "
                       "updated_at, matching_mode, version_suffix_pattern) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ")
            + profileColumns,
        {m_workspaceId, draft.name.trimmed(), textValue(draft.description),
         textValue(draft.versionLabel), draft.status, toJsonColumn(draft.scope.toJson()),
         textOrNull(currentUserName()), now, now, draft.matchingMode,
         textValue(draft.versionSuffixPattern)});
    query.next();
    return readProfile(query);
}

BaselineProfile ProfileStore::update(qint64 id, const ProfileDraft& draft)
{
    validate(draft, id);
    QSqlQuery query = m_database.run(
        QStringLiteral("UPDATE baseline_profiles SET name = ?, description = ?, "
                       "version_label = ?, status = ?, scope_jsonb = ?, updated_at = ?, "
                       "matching_mode = ?, version_suffix_pattern = ? "
                       "WHERE workspace_id = ? AND id = ? RETURNING ")
            + profileColumns,
        {draft.name.trimmed(), textValue(draft.description), textValue(draft.versionLabel),
         draft.status, toJsonColumn(draft.scope.toJson()),
         m_database.timestampValue(QDateTime::currentDateTimeUtc()), draft.matchingMode,
         textValue(draft.versionSuffixPattern), m_workspaceId, id});
    if (!query.next())
        throw EngineError(QStringLiteral("there is no baseline profile with id %1").arg(id));
    return readProfile(query);
}

QList<BaselineProfile> ProfileStore::list()
{
    QList<BaselineProfile> result;
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + profileColumns
                                         + QStringLiteral(" FROM baseline_profiles "
                                                          "WHERE workspace_id = ? ORDER BY name"),
                                     {m_workspaceId});
    while (query.next())
        result.append(readProfile(query));
    return result;
}

std::optional<BaselineProfile> ProfileStore::byId(qint64 id)
{
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + profileColumns
                                         + QStringLiteral(" FROM baseline_profiles "
                                                          "WHERE workspace_id = ? AND id = ?"),
                                     {m_workspaceId, id});
    if (!query.next())
        return std::nullopt;
    return readProfile(query);
}

BaselineProfile ProfileStore::require(qint64 id)
{
    if (auto profile = byId(id))
        return *profile;
    throw EngineError(QStringLiteral("there is no baseline profile with id %1").arg(id));
}

BaselineProfile ProfileStore::resolve(const QString& nameOrId)
{
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + profileColumns
                                         + QStringLiteral(" FROM baseline_profiles "
                                                          "WHERE workspace_id = ? AND name = ?"),
                                     {m_workspaceId, nameOrId});
    if (query.next())
        return readProfile(query);

    bool isNumber = false;
    const qint64 id = nameOrId.toLongLong(&isNumber);
    if (isNumber) {
        if (auto profile = byId(id))
            return *profile;
    }
    throw EngineError(
        QStringLiteral("there is no baseline profile \"%1\" in this workspace").arg(nameOrId));
}

void ProfileStore::remove(qint64 id)
{
    Transaction transaction(m_database);
    QSqlQuery query = m_database.run(
        QStringLiteral("DELETE FROM baseline_profiles WHERE workspace_id = ? AND id = ?"),
        {m_workspaceId, id});
    if (query.numRowsAffected() != 1)
        throw EngineError(QStringLiteral("there is no baseline profile with id %1").arg(id));
    transaction.commit();
}

void ProfileStore::assign(qint64 profileId, qint64 tenantId)
{
    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    m_database.run(QStringLiteral("INSERT INTO baseline_tenant_assignments (workspace_id, "
                                  "baseline_profile_id, tenant_id, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?) "
                                  "ON CONFLICT (baseline_profile_id, tenant_id) DO NOTHING"),
                   {m_workspaceId, profileId, tenantId, now, now});
}

bool ProfileStore::unassign(qint64 profileId, qint64 tenantId)
{
    QSqlQuery query = m_database.run(
        QStringLiteral("DELETE FROM baseline_tenant_assignments WHERE workspace_id = ? "
                       "AND baseline_profile_id = ? AND tenant_id = ?"),
        {m_workspaceId, profileId, tenantId});
    return query.numRowsAffected() > 0;
}

QList<qint64> ProfileStore::assignedTenantIds(qint64 profileId)
{
    QList<qint64> result;
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT tenant_id FROM baseline_tenant_assignments WHERE workspace_id = ? "
                       "AND baseline_profile_id = ? ORDER BY tenant_id"),
        {m_workspaceId, profileId});
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

QList<qint64> ProfileStore::profileIdsForTenant(qint64 tenantId)
{
    QList<qint64> result;
    QSqlQuery query = m_database.run(
        QStringLiteral("SELECT baseline_profile_id FROM baseline_tenant_assignments "
                       "WHERE workspace_id = ? AND tenant_id = ? ORDER BY baseline_profile_id"),
        {m_workspaceId, tenantId});
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

void ProfileStore::setActiveSnapshot(qint64 profileId, qint64 snapshotId)
{
    m_database.run(QStringLiteral("UPDATE baseline_profiles SET active_snapshot_id = ?, "
                                  "updated_at = ? WHERE workspace_id = ? AND id = ?"),
                   {snapshotId, m_database.timestampValue(QDateTime::currentDateTimeUtc()),
                    m_workspaceId, profileId});
}

} // namespace driftdesk
