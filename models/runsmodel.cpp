// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsmodel.h"

#include "database.h"
#include "records.h"
#include "vocabulary.h"

#include <QColor>

namespace driftdesk::models {

namespace {

enum Field {
    Id,
    Type,
    Status,
    Outcome,
    TenantName,
    ProfileName,
    StartedAt,
    CompletedAt,
    FieldCount
};

} // namespace

QString RunsModel::typeLabel(const QString& type)
{
    if (type == RunType::inventorySync)
        return tr("Inventory sync");
    if (type == RunType::baselineCapture)
        return tr("Baseline capture");
    if (type == RunType::baselineCompare)
        return tr("Baseline compare");
    return type;
}

RunsModel::RunsModel(Database& database, qint64 workspaceId, QObject* parent)
    : PagedTableModel(database, parent)
    , m_workspaceId(workspaceId)
{
    setInitialSort(IdColumn, Qt::DescendingOrder);
}

int RunsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Run");
    case TypeColumn:
        return tr("Type");
    case OutcomeColumn:
        return tr("Outcome");
    case TenantColumn:
        return tr("Tenant");
    case ProfileColumn:
        return tr("Profile");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    if (role == IdRole)
        return rowId(row);
    if (role == SortValueRole)
        return index.column() == sortColumn() ? sortValue(row) : QVariant();

    const QString outcome = field(row, Outcome).toString();
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn) {
        if (outcome == RunOutcome::failed)
            return QColor(Qt::darkRed);
        if (outcome == RunOutcome::blocked || outcome == RunOutcome::partiallySucceeded)
            return QColor(Qt::darkYellow);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};

    switch (index.column()) {
    case IdColumn:
        return field(row, Id);
    case TypeColumn:
        return typeLabel(field(row, Type).toString());
    case OutcomeColumn:
        return displayWord(outcome.isEmpty() ? field(row, Status).toString() : outcome);
    case TenantColumn:
        return field(row, TenantName);
    case ProfileColumn:
        return field(row, ProfileName);
    case StartedColumn:
        return Database::readTimestamp(field(row, StartedAt))
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case DurationColumn: {
        const QDateTime started = Database::readTimestamp(field(row, StartedAt));
        const QDateTime completed = Database::readTimestamp(field(row, CompletedAt));
        if (!started.isValid() || !completed.isValid())
            return QString();
        return tr("%1 s").arg(started.msecsTo(completed) / 1000.0, 0, 'f', 2);
    }
    }
    return {};
}

int RunsModel::rowOfRun(qint64 runId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (rowId(row) == runId)
            return row;
    }
    return -1;
}

QString RunsModel::fromClause() const
{
    return QStringLiteral("FROM operation_runs r LEFT JOIN tenants t ON t.id = r.tenant_id "
                          "LEFT JOIN baseline_profiles p ON p.id = r.baseline_profile_id");
}

QString RunsModel::idColumn() const
{
    return QStringLiteral("r.id");
}

QString RunsModel::selectList() const
{
    return QStringLiteral("r.id, r.type, r.status, COALESCE(r.outcome, ''), COALESCE(t.name, ''), "
                          "COALESCE(p.name, ''), r.started_at, r.completed_at");
}

int RunsModel::fieldCount() const
{
    return FieldCount;
}

QString RunsModel::filterClause(QVariantList* values) const
{
    values->append(m_workspaceId);
    return QStringLiteral(" AND r.workspace_id = ?");
}

QString RunsModel::sortExpression(int column) const
{
    switch (column) {
    case TypeColumn:
        return QStringLiteral("r.type");
    case OutcomeColumn:
        return QStringLiteral("COALESCE(r.outcome, r.status)");
    case TenantColumn:
        return QStringLiteral("COALESCE(t.name, '')");
    case ProfileColumn:
        return QStringLiteral("COALESCE(p.name, '')");
    case StartedColumn:
        return QStringLiteral("COALESCE(r.started_at, r.created_at)");
    }
    return QStringLiteral("r.id");
}

} // namespace driftdesk::models
