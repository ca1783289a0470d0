// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotview.h"

#include "database.h"
#include "jsonconvert.h"
#include "policytyperegistry.h"
#include "session.h"
#include "snapshotitemsmodel.h"
#include "snapshotstore.h"
#include "tableviews.h"
#include "vocabulary.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace driftdesk::views {

SnapshotView::SnapshotView(Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_snapshots(new QListWidget(this))
    , m_typeFilter(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_model(new models::SnapshotItemsModel(session.database(), session.workspaceId(), this))
    , m_items(makeTableView(tr("Snapshot items"), this))
    , m_contract(new QPlainTextEdit(this))
{
    m_snapshots->setAccessibleName(tr("Snapshots of the profile"));
    m_typeFilter->setAccessibleName(tr("Filter items by policy type"));
    m_typeFilter->addItem(tr("All policy types"), QString());
    m_textFilter->setAccessibleName(tr("Filter items by text"));
    m_textFilter->setPlaceholderText(tr("Filter by name or id"));
    m_textFilter->setClearButtonEnabled(true);
    m_items->setModel(m_model);
    m_items->setSortingEnabled(true);
    m_items->sortByColumn(0, Qt::AscendingOrder);
    m_contract->setAccessibleName(tr("Meta contract of the item"));
    m_contract->setReadOnly(true);
    m_contract->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* snapshotLabel = new QLabel(tr("Sna&pshots:"), this);
    snapshotLabel->setBuddy(m_snapshots);
    auto* filterLabel = new QLabel(tr("&Items:"), this);
    filterLabel->setBuddy(m_textFilter);
    auto* filters = new QHBoxLayout;
    filters->addWidget(filterLabel);
    filters->addWidget(m_typeFilter);
    filters->addWidget(m_textFilter, 1);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(snapshotLabel);
    leftLayout->addWidget(m_snapshots);

    auto* middle = new QWidget(this);
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addLayout(filters);
    middleLayout->addWidget(m_items);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("snapshotSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(middle);
    splitter->addWidget(m_contract);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_snapshots, &QListWidget::currentRowChanged, this, &SnapshotView::showSnapshot);
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, &SnapshotView::applyFilter);
    connect(m_textFilter, &QLineEdit::textChanged, this, &SnapshotView::applyFilter);
    connect(m_items->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SnapshotView::showItem);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_contract->clear(); });
}

void SnapshotView::showProfile(qint64 profileId, qint64 activeSnapshotId)
{
    m_snapshots->clear();
    if (profileId != 0) {
        SnapshotStore snapshots(m_session.database(), m_session.workspaceId());
        for (const BaselineSnapshot& snapshot : snapshots.listForProfile(profileId)) {
            const QString source
                = toQString(snapshot.summary.value("source_tenant", nlohmann::json::object())
                                .value("name", nlohmann::json()));
            QString text
                = tr("#%1 · %2\n%3 items from %4")
                      .arg(QString::number(snapshot.id),
                           snapshot.capturedAt.toLocalTime().toString(
                               QStringLiteral("yyyy-MM-dd HH:mm")),
                           QString::number(snapshot.summary.value("item_count", 0)), source);
            if (snapshot.id == activeSnapshotId)
                text += tr(" · active");
            auto* item = new QListWidgetItem(text, m_snapshots);
            item->setToolTip(text);
            item->setData(Qt::UserRole, snapshot.id);
            if (snapshot.id == activeSnapshotId)
                m_snapshots->setCurrentItem(item);
        }
    }
    if (m_snapshots->currentRow() < 0)
        m_model->setSnapshot(0);
}

void SnapshotView::showSnapshot()
{
    QListWidgetItem* item = m_snapshots->currentItem();
    const qint64 snapshotId = item ? item->data(Qt::UserRole).toLongLong() : 0;

    // Offer the types this snapshot covers, not every type there is.
    {
        const QSignalBlocker blocker(m_typeFilter);
        const QString current = m_typeFilter->currentData().toString();
        while (m_typeFilter->count() > 1)
            m_typeFilter->removeItem(1);
        const auto snapshot = snapshotId
            ? SnapshotStore(m_session.database(), m_session.workspaceId()).byId(snapshotId)
            : std::nullopt;
        const auto covered = snapshot
            ? snapshot->summary.value("covered_types", nlohmann::json::array())
            : nlohmann::json::array();
        for (const auto& key : covered) {
            const PolicyTypeInfo* info = PolicyTypeRegistry::builtIn().find(toQString(key));
            m_typeFilter->addItem(info ? models::policyTypeLabel(*info) : toQString(key),
                                  toQString(key));
        }
        m_typeFilter->setCurrentIndex(std::max(0, m_typeFilter->findData(current)));
        m_model->setFilter(m_typeFilter->currentData().toString(), m_textFilter->text().trimmed());
    }
    m_model->setSnapshot(snapshotId);
    fitColumns(m_items);
    if (m_model->rowCount() > 0)
        m_items->selectRow(0);
}

void SnapshotView::applyFilter()
{
    m_model->setFilter(m_typeFilter->currentData().toString(), m_textFilter->text().trimmed());
}

void SnapshotView::showItem()
{
    const qint64 itemId = selectedId(m_items);
    if (itemId == 0) {
        m_contract->clear();
        return;
    }
    if (const auto item = SnapshotStore(m_session.database(), m_session.workspaceId()).item(itemId))
        m_contract->setPlainText(QString::fromStdString(item->meta.dump(2)));
}

} // namespace driftdesk::views
