// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantstore.h"

#include "engineerror.h"
#include "names.h"
#include "sqlvalues.h"

#include <QUuid>

namespace driftdesk {

namespace {

const QString tenantColumns
    = QStringLiteral("id, workspace_id, name, external_id, created_at, updated_at");

Tenant readTenant(const QSqlQuery& query)
{
    Tenant tenant;
    tenant.id = query.value(0).toLongLong();
    tenant.workspaceId = query.value(1).toLongLong();
    tenant.name = query.value(2).toString();
    tenant.externalId = query.value(3).toString();
    tenant.createdAt = Database::readTimestamp(query.value(4));
    tenant.updatedAt = Database::readTimestamp(query.value(5));
    return tenant;
}

} // namespace

TenantStore::TenantStore(Database& database, qint64 workspaceId)
    : m_database(database)
    , m_workspaceId(workspaceId)
{
}

Tenant TenantStore::add(const QString& name, const QString& externalId)
{
    const QString trimmedName = checkedName(name, QStringLiteral("tenant"));

    QString normalizedId;
    if (!externalId.trimmed().isEmpty()) {
        const QUuid uuid = QUuid::fromString(externalId.trimmed());
        if (uuid.isNull())
            throw EngineError(
                QStringLiteral("--external-id: \"%1\" is not a GUID").arg(externalId));
        normalizedId = uuid.toString(QUuid::WithoutBraces);
    }

    QSqlQuery taken = m_database.run(
        QStringLiteral("SELECT name, external_id FROM tenants WHERE workspace_id = ? "
                       "AND (name = ? OR external_id = ?)"),
        {m_workspaceId, trimmedName, textOrNull(normalizedId)});
    if (taken.next()) {
        if (taken.value(0).toString() == trimmedName)
            throw EngineError(
                QStringLiteral("a tenant named \"%1\" already exists").arg(trimmedName));
        throw EngineError(QStringLiteral("tenant \"%1\" already has the external id %2")
                              .arg(taken.value(0).toString(), normalizedId));
    }

    const QVariant now = m_database.timestampValue(QDateTime::currentDateTimeUtc());
    QSqlQuery query = m_database.run(
        QStringLiteral("INSERT INTO tenants (workspace_id, name, external_id, created_at, "
                       "updated_at) VALUES (?, ?, ?, ?, ?) RETURNING ")
            + tenantColumns,
        {m_workspaceId, trimmedName, textOrNull(normalizedId), now, now});
    query.next();
    return readTenant(query);
}

QList<Tenant> TenantStore::list()
{
    QList<Tenant> result;
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + tenantColumns
                                         + QStringLiteral(" FROM tenants WHERE workspace_id = ? "
                                                          "ORDER BY name"),
                                     {m_workspaceId});
    while (query.next())
        result.append(readTenant(query));
    return result;
}

std::optional<Tenant> TenantStore::byId(qint64 id)
{
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + tenantColumns
                                         + QStringLiteral(" FROM tenants WHERE workspace_id = ? "
                                                          "AND id = ?"),
                                     {m_workspaceId, id});
    if (!query.next())
        return std::nullopt;
    return readTenant(query);
}

Tenant TenantStore::require(qint64 id)
{
    if (auto tenant = byId(id))
        return *tenant;
    throw EngineError(QStringLiteral("there is no tenant with id %1").arg(id));
}

Tenant TenantStore::resolve(const QString& nameOrId)
{
    QSqlQuery query = m_database.run(QStringLiteral("SELECT ") + tenantColumns
                                         + QStringLiteral(" FROM tenants WHERE workspace_id = ? "
                                                          "AND name = ?"),
                                     {m_workspaceId, nameOrId});
    if (query.next())
        return readTenant(query);

    bool isNumber = false;
    const qint64 id = nameOrId.toLongLong(&isNumber);
    if (isNumber) {
        if (auto tenant = byId(id))
            return *tenant;
    }
    throw EngineError(QStringLiteral("there is no tenant \"%1\" in this workspace").arg(nameOrId));
}

void TenantStore::remove(qint64 id)
{
    Transaction transaction(m_database);
    QSqlQuery query
        = m_database.run(QStringLiteral("DELETE FROM tenants WHERE workspace_id = ? AND id = ?"),
                         {m_workspaceId, id});
    if (query.numRowsAffected() != 1)
        throw EngineError(
            QStringLiteral("there is no tenant with id %1 in this workspace").arg(id));
    transaction.commit();
}

} // namespace driftdesk
