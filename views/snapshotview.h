// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableView;

namespace driftdesk::models {
class SnapshotItemsModel;
}

namespace driftdesk::views {

class Session;

/// The snapshots of one profile and the items of the chosen snapshot, filterable by policy
/// type and text; an item's meta contract is shown as formatted JSON.
class SnapshotView : public QWidget
{
    Q_OBJECT

public:
    explicit SnapshotView(Session& session, QWidget* parent = nullptr);

    /// Shows the snapshots of this profile (none for 0), the active one chosen.
    void showProfile(qint64 profileId, qint64 activeSnapshotId);

    QListWidget* snapshotList() const { return m_snapshots; }
    QTableView* itemTable() const { return m_items; }
    QComboBox* typeFilter() const { return m_typeFilter; }
    QLineEdit* textFilter() const { return m_textFilter; }
    QPlainTextEdit* contractView() const { return m_contract; }
    models::SnapshotItemsModel* itemsModel() const { return m_model; }

private:
    void showSnapshot();
    void applyFilter();
    void showItem();

    Session& m_session;
    QListWidget* m_snapshots;
    QComboBox* m_typeFilter;
    QLineEdit* m_textFilter;
    models::SnapshotItemsModel* m_model;
    QTableView* m_items;
    QPlainTextEdit* m_contract;
};

} // namespace driftdesk::views
