// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QSet>

class QListWidget;

namespace driftdesk::views {

/// Chooses the tenants a baseline profile is assigned to: a checkable list of every tenant.
class AssignTenantsDialog : public QDialog
{
    Q_OBJECT

public:
    /// `tenants` maps id to name; `assigned` are checked at first.
    AssignTenantsDialog(const QList<QPair<qint64, QString>>& tenants, const QSet<qint64>& assigned,
                        QWidget* parent = nullptr);

    QSet<qint64> assigned() const;
    QListWidget* list() const { return m_list; }

private:
    QListWidget* m_list;
};

} // namespace driftdesk::views
