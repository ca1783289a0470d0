// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagedtablemodel.h"

#include <optional>

namespace driftdesk::models {

/// What the findings table shows: every filter is optional.
struct FindingsQuery
{
    std::optional<qint64> tenantId;
    std::optional<qint64> profileId;
    QString status;
    QString changeType;
    QString policyType;
    QString text; ///< contained in the display name or the subject id, case-insensitively

    bool operator==(const FindingsQuery& other) const
    {
        return tenantId == other.tenantId && profileId == other.profileId && status == other.status
            && changeType == other.changeType && policyType == other.policyType
            && text == other.text;
    }
};

/// Findings of one workspace, read in pages and sorted in SQL.
class FindingsModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        TenantColumn,
        ProfileColumn,
        PolicyTypeColumn,
        SubjectColumn,
        DisplayNameColumn,
        ChangeTypeColumn,
        SeverityColumn,
        StatusColumn,
        FirstSeenColumn,
        LastSeenColumn,
        TimesSeenColumn,
        ColumnCount
    };

    FindingsModel(Database& database, qint64 workspaceId, QObject* parent = nullptr);

    void setQuery(const FindingsQuery& query);
    const FindingsQuery& query() const { return m_query; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString fromClause() const override;
    QString countFromClause() const override;
    QString idColumn() const override;
    QString selectList() const override;
    int fieldCount() const override;
    QString filterClause(QVariantList* values) const override;
    QString sortExpression(int column) const override;

private:
    qint64 m_workspaceId;
    FindingsQuery m_query;
};

} // namespace driftdesk::models
