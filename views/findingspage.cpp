// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingspage.h"

#include "baselinecompare.h"
#include "currentuser.h"
#include "engineerror.h"
#include "evidenceview.h"
#include "findingexport.h"
#include "findingsmodel.h"
#include "findingstore.h"
#include "jsonconvert.h"
#include "operationrunner.h"
#include "profilestore.h"
#include "session.h"
#include "settingdefinitions.h"
#include "tableviews.h"
#include "tenantstore.h"
#include "userprompts.h"
#include "vocabulary.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace driftdesk::views {

namespace {

QComboBox* filterBox(const QString& accessibleName, const QString& allLabel, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->setAccessibleName(accessibleName);
    box->addItem(allLabel, QVariant());
    // Long tenant or profile names must not squeeze the text filter out of the bar.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(14);
    return box;
}

/// Keeps the current choice of a combo box across a refill, by its data.
void refill(QComboBox* box, const QList<QPair<QString, QVariant>>& entries)
{
    const QVariant current = box->currentData();
    const QSignalBlocker blocker(box);
    while (box->count() > 1)
        box->removeItem(1);
    for (const auto& [label, data] : entries)
        box->addItem(label, data);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

} // namespace

FindingsPage::FindingsPage(Session& session, OperationRunner& runner, UserPrompts& prompts,
                           QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_runner(runner)
    , m_prompts(prompts)
    , m_model(new models::FindingsModel(session.database(), session.workspaceId(), this))
    , m_tenant(filterBox(tr("Filter by tenant"), tr("All tenants"), this))
    , m_profile(filterBox(tr("Filter by profile"), tr("All profiles"), this))
    , m_status(filterBox(tr("Filter by status"), tr("Any status"), this))
    , m_change(filterBox(tr("Filter by change type"), tr("Any change"), this))
    , m_policyType(filterBox(tr("Filter by policy type"), tr("Any policy type"), this))
    , m_text(new QLineEdit(this))
    , m_typing(new QTimer(this))
    , m_count(new QLabel(this))
    , m_table(makeTableView(tr("Findings"), this))
    , m_evidence(new EvidenceView(this))
    , m_acknowledge(new QPushButton(tr("&Acknowledge…"), this))
    , m_reopen(new QPushButton(tr("&Reopen"), this))
    , m_export(new QPushButton(tr("E&xport…"), this))
    , m_compareAll(new QPushButton(tr("Compare all &tenants"), this))
{
    for (const QString& status :
         {FindingStatus::open, FindingStatus::acknowledged, FindingStatus::resolved})
        m_status->addItem(models::displayWord(status), status);
    m_status->setCurrentIndex(1); // open findings first: what needs attention
    for (const QString& change : {ChangeType::missingPolicy, ChangeType::differentVersion,
                                  ChangeType::unexpectedPolicy, ChangeType::ambiguousMatch})
        m_change->addItem(models::displayWord(change), change);
    for (const PolicyTypeInfo& type : PolicyTypeRegistry::builtIn().types())
        m_policyType->addItem(models::policyTypeLabel(type), type.key);
    m_text->setAccessibleName(tr("Filter by text"));
    m_text->setPlaceholderText(tr("Name or subject id contains…"));
    m_text->setClearButtonEnabled(true);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    m_count->setAccessibleName(tr("Number of findings"));

    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);

    auto* filters = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("Fi&lter:"), this);
    filterLabel->setBuddy(m_tenant);
    filters->addWidget(filterLabel);
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_tenant, m_profile, m_status, m_change, m_policyType})
        filters->addWidget(widget);
    filters->addWidget(m_text, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_count);
    buttons->addStretch();
    for (QPushButton* button : {m_acknowledge, m_reopen, m_export, m_compareAll})
        buttons->addWidget(button);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("findingsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_evidence);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter);
    layout->addLayout(buttons);

    for (QComboBox* box : {m_tenant, m_profile, m_status, m_change, m_policyType})
        connect(box, &QComboBox::currentIndexChanged, this, &FindingsPage::applyFilter);
    connect(m_text, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &FindingsPage::applyFilter);
    // A reload (a sort, say) keeps the chosen finding and the horizontal scroll where they were.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keepSelected = selectedFindingId();
        m_keepScroll = m_table->horizontalScrollBar()->value();
    });
    connect(m_model, &models::FindingsModel::reloaded, this, [this] {
        if (m_keepSelected != 0)
            selectId(m_table, m_keepSelected, false);
        m_table->horizontalScrollBar()->setValue(m_keepScroll);
        // Counting a large table takes longer than its first page: show the rows first.
        m_count->setText(tr("Counting findings…"));
        QTimer::singleShot(0, this, [this] {
            const qint64 count = m_model->totalCount();
            m_count->setText(count == 1 ? tr("1 finding") : tr("%1 findings").arg(count));
        });
        if (!m_columnsSized && m_model->rowCount() > 0) {
            fitColumns(m_table);
            m_columnsSized = true;
        }
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            selectId(m_table,
                     m_model->index(0, 0).data(models::PagedTableModel::IdRole).toLongLong(),
                     false);
        showSelected();
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showSelected();
        updateActions();
    });
    connect(m_acknowledge, &QPushButton::clicked, this, &FindingsPage::acknowledge);
    connect(m_reopen, &QPushButton::clicked, this, &FindingsPage::reopen);
    connect(m_export, &QPushButton::clicked, this, &FindingsPage::exportFindings);
    connect(m_compareAll, &QPushButton::clicked, this, &FindingsPage::compareAll);
    connect(&m_runner, &OperationRunner::started, this, &FindingsPage::updateActions);
    connect(&m_runner, &OperationRunner::finished, this, &FindingsPage::updateActions);

    m_acknowledge->setObjectName(QStringLiteral("acknowledgeButton"));
    m_reopen->setObjectName(QStringLiteral("reopenButton"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_compareAll->setObjectName(QStringLiteral("compareAllButton"));
    m_evidence->showNothing();
    m_table->sortByColumn(models::FindingsModel::SeverityColumn, Qt::DescendingOrder);
}

void FindingsPage::refresh()
{
    QList<QPair<QString, QVariant>> tenants;
    for (const Tenant& tenant : TenantStore(m_session.database(), m_session.workspaceId()).list())
        tenants.append({tenant.name, tenant.id});
    refill(m_tenant, tenants);
    QList<QPair<QString, QVariant>> profiles;
    for (const auto& profile : ProfileStore(m_session.database(), m_session.workspaceId()).list())
        profiles.append({profile.name, profile.id});
    refill(m_profile, profiles);

    const qint64 selected = selectedFindingId();
    const models::FindingsQuery query = currentQuery();
    if (query == m_model->query())
        m_model->reload();
    else
        m_model->setQuery(query);
    selectId(m_table, selected);
}

models::FindingsQuery FindingsPage::currentQuery() const
{
    models::FindingsQuery query;
    if (m_tenant->currentData().isValid())
        query.tenantId = m_tenant->currentData().toLongLong();
    if (m_profile->currentData().isValid())
        query.profileId = m_profile->currentData().toLongLong();
    query.status = m_status->currentData().toString();
    query.changeType = m_change->currentData().toString();
    query.policyType = m_policyType->currentData().toString();
    query.text = m_text->text().trimmed();
    return query;
}

void FindingsPage::applyFilter()
{
    m_typing->stop();
    m_model->setQuery(currentQuery());
}

bool FindingsPage::selectFirstNamed(const QString& text)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex name = m_model->index(row, models::FindingsModel::DisplayNameColumn);
        if (name.data().toString().contains(text)) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

qint64 FindingsPage::selectedFindingId() const
{
    return selectedId(m_table);
}

void FindingsPage::showSelected()
{
    const qint64 id = selectedFindingId();
    const auto finding
        = id ? FindingStore(m_session.database(), m_session.workspaceId()).byId(id) : std::nullopt;
    if (!finding) {
        m_evidence->showNothing();
        return;
    }

    const auto tenant
        = TenantStore(m_session.database(), m_session.workspaceId()).byId(finding->tenantId);
    const auto profile = ProfileStore(m_session.database(), m_session.workspaceId())
                             .byId(finding->baselineProfileId);
    QStringList definitionIds;
    for (const auto& difference : finding->evidence.value("differences", nlohmann::json::array()))
        definitionIds += definitionIdsInPath(toQString(difference.value("path", nlohmann::json())));
    definitionIds.removeDuplicates();
    const SettingDefinitionCatalog catalog
        = SettingDefinitionStore(m_session.database(), m_session.workspaceId())
              .catalog(definitionIds);
    m_evidence->showFinding(*finding, tenant ? tenant->name : QString(),
                            profile ? profile->name : QString(), catalog);
}

void FindingsPage::updateActions()
{
    const qint64 id = selectedFindingId();
    const QModelIndex current = m_table->currentIndex();
    const QString status = current.isValid()
        ? m_model->index(current.row(), models::FindingsModel::StatusColumn).data().toString()
        : QString();
    m_acknowledge->setEnabled(id != 0 && status == FindingStatus::open);
    m_reopen->setEnabled(id != 0 && status == FindingStatus::acknowledged);
    m_compareAll->setEnabled(!m_runner.isBusy());
}

void FindingsPage::acknowledge()
{
    const qint64 id = selectedFindingId();
    if (id == 0)
        return;
    const QString note = m_prompts.text(this, tr("Acknowledge finding"),
                                        tr("Why is this drift accepted? (recorded with your "
                                           "name and the time)"));
    if (note.isNull())
        return;
    try {
        FindingStore(m_session.database(), m_session.workspaceId())
            .acknowledge(id, currentUserName(), note);
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Acknowledge finding"), error.message());
    }
    Q_EMIT changed();
}

void FindingsPage::reopen()
{
    const qint64 id = selectedFindingId();
    if (id == 0)
        return;
    try {
        FindingStore(m_session.database(), m_session.workspaceId()).reopen(id);
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Reopen finding"), error.message());
    }
    Q_EMIT changed();
}

void FindingsPage::exportFindings()
{
    const QString path = m_prompts.saveFileName(this, tr("Export findings"),
                                                {tr("CSV (*.csv)"), tr("JSON (*.json)")});
    if (path.isEmpty())
        return;

    // Everything the filter matches (not only the rows loaded so far), in the table's order.
    try {
        const QList<qint64> ids = m_model->orderedIds();
        const QList<Finding> findings
            = FindingStore(m_session.database(), m_session.workspaceId()).byIds(ids);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            throw EngineError(tr("cannot write %1: %2").arg(path, file.errorString()));
        file.write(path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                       ? findingsJson(findings)
                       : findingsCsv(findings));
        if (!file.commit())
            throw EngineError(tr("cannot write %1: %2").arg(path, file.errorString()));
        Q_EMIT message(
            findings.size() == 1
                ? tr("Exported 1 finding to %1").arg(path)
                : tr("Exported %1 findings to %2").arg(QString::number(findings.size()), path));
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Export findings"), error.message());
    }
}

void FindingsPage::compareAll()
{
    QList<CompareRequest> requests;
    try {
        requests = BaselineCompare::plan(m_session.database(), m_session.workspaceId(),
                                         std::nullopt, std::nullopt);
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Compare"), error.message());
        return;
    }
    if (requests.isEmpty()) {
        m_prompts.error(this, tr("Compare"),
                        tr("No tenant is assigned to an active baseline profile."));
        return;
    }
    const DriftEngine engine = m_session.engine();
    m_runner.start(tr("Comparing all tenants"), [engine, requests](CancelFlag cancel) mutable {
        return engine.compare(requests, cancel);
    });
}

} // namespace driftdesk::views
