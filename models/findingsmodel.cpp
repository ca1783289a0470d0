// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingsmodel.h"

#include "database.h"
#include "sqlvalues.h"
#include "vocabulary.h"

#include <QColor>

namespace driftdesk::models {

namespace {

// Fields selected, in order; the columns show them (severity and times seen as they are).
enum Field {
    TenantName,
    ProfileName,
    PolicyType,
    SubjectId,
    DisplayName,
    ChangeType,
    Severity,
    Status,
    FirstSeen,
    LastSeen,
    TimesSeen,
    FieldCount
};

// The same expression as findings_default_order_idx (migration 0003), so that index serves it.
QString severityRank()
{
    return QStringLiteral("CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END");
}

} // namespace

FindingsModel::FindingsModel(Database& database, qint64 workspaceId, QObject* parent)
    : PagedTableModel(database, parent)
    , m_workspaceId(workspaceId)
{
}

void FindingsModel::setQuery(const FindingsQuery& query)
{
    if (query == m_query)
        return;
    m_query = query;
    reload();
}

int FindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TenantColumn:
        return tr("Tenant");
    case ProfileColumn:
        return tr("Profile");
    case PolicyTypeColumn:
        return tr("Policy type");
    case SubjectColumn:
        return tr("Subject");
    case DisplayNameColumn:
        return tr("Display name");
    case ChangeTypeColumn:
        return tr("Change");
    case SeverityColumn:
        return tr("Severity");
    case StatusColumn:
        return tr("Status");
    case FirstSeenColumn:
        return tr("First seen");
    case LastSeenColumn:
        return tr("Last seen");
    case TimesSeenColumn:
        return tr("Seen");
    }
    return {};
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    if (role == IdRole)
        return rowId(row);
    if (role == SortValueRole)
        return index.column() == sortColumn() ? sortValue(row) : QVariant();

    static constexpr int fieldOfColumn[ColumnCount]
        = {TenantName, ProfileName, PolicyType, SubjectId, DisplayName, ChangeType,
           Severity,   Status,      FirstSeen,  LastSeen,  TimesSeen};
    QVariant value = field(row, fieldOfColumn[index.column()]);
    if (index.column() == DisplayNameColumn)
        value = unguardedText(value); // see guardedTextOrNull()

    if (role == Qt::DisplayRole) {
        if (index.column() == FirstSeenColumn || index.column() == LastSeenColumn)
            return Database::readTimestamp(value).toLocalTime().toString(
                QStringLiteral("yyyy-MM-dd HH:mm"));
        if (index.column() == ChangeTypeColumn || index.column() == SeverityColumn
            || index.column() == StatusColumn)
            return displayWord(value.toString());
        return value.toString();
    }
    if (role == Qt::ToolTipRole && index.column() == DisplayNameColumn)
        return value.toString();
    if (role == Qt::TextAlignmentRole && index.column() == TimesSeenColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn
        && value.toString() == QLatin1String("high")) {
        return QColor(Qt::darkRed);
    }
    return {};
}

QString FindingsModel::fromClause() const
{
    return QStringLiteral("FROM findings f JOIN tenants t ON t.id = f.tenant_id "
                          "JOIN baseline_profiles p ON p.id = f.baseline_profile_id");
}

QString FindingsModel::countFromClause() const
{
    // Filters read only findings columns; the joins serve names for display and sorting.
    return QStringLiteral("FROM findings f");
}

QString FindingsModel::idColumn() const
{
    return QStringLiteral("f.id");
}

QString FindingsModel::selectList() const
{
    return QStringLiteral("t.name, p.name, f.policy_type, f.subject_external_id, "
                          "('~' || COALESCE(f.display_name, '')), f.change_type, f.severity, "
                          "f.status, "
                          "f.first_seen_at, f.last_seen_at, f.times_seen");
}

int FindingsModel::fieldCount() const
{
    return FieldCount;
}

QString FindingsModel::filterClause(QVariantList* values) const
{
    QString sql = QStringLiteral(" AND f.workspace_id = ?");
    values->append(m_workspaceId);
    const auto add = [&](bool present, const char* condition, const QVariant& value) {
        if (!present)
            return;
        sql += QLatin1String(condition);
        values->append(value);
    };
    add(m_query.tenantId.has_value(), " AND f.tenant_id = ?", m_query.tenantId.value_or(0));
    add(m_query.profileId.has_value(), " AND f.baseline_profile_id = ?",
        m_query.profileId.value_or(0));
    add(!m_query.status.isEmpty(), " AND f.status = ?", m_query.status);
    add(!m_query.changeType.isEmpty(), " AND f.change_type = ?", m_query.changeType);
    add(!m_query.policyType.isEmpty(), " AND f.policy_type = ?", m_query.policyType);
    if (!m_query.text.isEmpty()) {
        sql += QStringLiteral(" AND (") + database().containsText(QStringLiteral("f.display_name"))
            + QStringLiteral(" OR ")
            + database().containsText(QStringLiteral("f.subject_external_id"))
            + QStringLiteral(")");
        const QString pattern = Database::likePattern(m_query.text);
        values->append(pattern);
        values->append(pattern);
    }
    return sql;
}

QString FindingsModel::sortExpression(int column) const
{
    switch (column) {
    case TenantColumn:
        return QStringLiteral("t.name");
    case ProfileColumn:
        return QStringLiteral("p.name");
    case PolicyTypeColumn:
        return QStringLiteral("f.policy_type");
    case SubjectColumn:
        return QStringLiteral("f.subject_external_id");
    case DisplayNameColumn:
        // Guarded as it is selected, so a leading U+FEFF survives as a paging key too.
        return guardedColumn(QStringLiteral("COALESCE(f.display_name, '')"));
    case ChangeTypeColumn:
        return QStringLiteral("f.change_type");
    case SeverityColumn:
        return severityRank();
    case StatusColumn:
        return QStringLiteral("f.status");
    case FirstSeenColumn:
        return QStringLiteral("f.first_seen_at");
    case LastSeenColumn:
        return QStringLiteral("f.last_seen_at");
    case TimesSeenColumn:
        return QStringLiteral("f.times_seen");
    }
    return QStringLiteral("f.id");
}

} // namespace driftdesk::models
