// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantspage.h"

#include "engineerror.h"
#include "jsonconvert.h"
#include "operationrunner.h"
#include "session.h"
#include "tableviews.h"
#include "tenantdialog.h"
#include "tenantsmodel.h"
#include "tenantstore.h"
#include "userprompts.h"
#include "vocabulary.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace driftdesk::views {

TenantsPage::TenantsPage(Session& session, OperationRunner& runner, UserPrompts& prompts,
                         QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_runner(runner)
    , m_prompts(prompts)
    , m_model(new models::TenantsModel(session.database(), session.workspaceId(), this))
    , m_table(makeTableView(tr("Tenants"), this))
    , m_coverage(new QTableWidget(0, 4, this))
    , m_problems(new QTextBrowser(this))
    , m_hint(new QLabel(this))
    , m_add(new QPushButton(tr("&Add tenant…"), this))
    , m_delete(new QPushButton(tr("&Delete tenant"), this))
    , m_import(new QPushButton(tr("&Import inventory…"), this))
{
    m_table->setModel(m_model);
    m_coverage->setAccessibleName(tr("Coverage of the latest inventory sync"));
    m_coverage->setHorizontalHeaderLabels({tr("Type"), tr("Status"), tr("Items"), tr("Errors")});
    m_coverage->horizontalHeader()->setStretchLastSection(true);
    m_coverage->verticalHeader()->hide();
    m_coverage->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->setAccessibleName(tr("Problems of the latest inventory sync"));

    m_hint->setText(tr("No tenants yet. Start with <b>Add tenant…</b>, then <b>Import "
                       "inventory…</b> from a folder of exported policies; then create a baseline "
                       "profile on the <i>Baseline Profiles</i> page."));
    m_hint->setWordWrap(true);
    m_hint->setAccessibleName(tr("Where to start"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_import);
    buttons->addStretch();

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(new QLabel(tr("Coverage of the latest inventory sync:"), detail));
    detailLayout->addWidget(m_coverage, 2);
    detailLayout->addWidget(m_problems, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("tenantsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(detail);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);
    layout->addWidget(splitter);

    connect(m_add, &QPushButton::clicked, this, &TenantsPage::addTenant);
    connect(m_delete, &QPushButton::clicked, this, &TenantsPage::deleteTenant);
    connect(m_import, &QPushButton::clicked, this, &TenantsPage::importInventory);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showSelected();
        updateActions();
    });
    connect(&m_runner, &OperationRunner::started, this, &TenantsPage::updateActions);
    connect(&m_runner, &OperationRunner::finished, this, &TenantsPage::updateActions);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_import->setObjectName(QStringLiteral("importButton"));
    updateActions();
}

void TenantsPage::refresh()
{
    const qint64 selected = selectedTenantId();
    m_model->reload();
    fitColumns(m_table);
    if (!selectTenant(selected) && m_model->rowCount() > 0)
        m_table->selectRow(0);
    showSelected();
    updateActions();
    m_hint->setVisible(m_model->rowCount() == 0);
}

qint64 TenantsPage::selectedTenantId() const
{
    return selectedId(m_table);
}

bool TenantsPage::selectTenant(qint64 tenantId)
{
    return selectId(m_table, tenantId);
}

void TenantsPage::addTenant()
{
    TenantDialog dialog(this);
    qint64 added = 0;
    // The dialog saves through the store and stays open with its objection, if any.
    dialog.setValidator([this, &added](const QString& name, const QString& externalId) {
        try {
            added = TenantStore(m_session.database(), m_session.workspaceId())
                        .add(name, externalId)
                        .id;
            return QString();
        } catch (const EngineError& error) {
            return error.message();
        }
    });
    if (tenantDialogHook)
        tenantDialogHook(dialog);
    else
        dialog.exec();
    if (dialog.result() == QDialog::Accepted && added != 0) {
        Q_EMIT changed();
        selectTenant(added);
    }
}

void TenantsPage::deleteTenant()
{
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return;
    const Tenant tenant = m_model->tenant(row);
    if (!m_prompts.confirm(this, tr("Delete tenant"),
                           tr("Delete tenant \"%1\" with its inventory, runs and findings? "
                              "Snapshots captured from it stay with their profiles.")
                               .arg(tenant.name)))
        return;
    try {
        TenantStore(m_session.database(), m_session.workspaceId()).remove(tenant.id);
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Delete tenant"), error.message());
    }
    Q_EMIT changed();
}

void TenantsPage::importInventory()
{
    const qint64 tenantId = selectedTenantId();
    if (tenantId == 0)
        return;
    const QString folder = m_prompts.existingFolder(this, tr("Import inventory from folder"));
    if (folder.isEmpty())
        return;
    ImportRequest request;
    request.tenantId = tenantId;
    request.folder = folder;
    const DriftEngine engine = m_session.engine();
    m_runner.start(tr("Importing inventory"), [engine, request](CancelFlag cancel) mutable {
        return engine.importInventory(request, cancel);
    });
}

void TenantsPage::showSelected()
{
    m_coverage->setRowCount(0);
    m_problems->clear();
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_model->rowCount() || !m_model->latestSync(row)) {
        m_problems->setPlainText(row < 0 ? QString() : tr("No inventory imported yet."));
        return;
    }

    const OperationRun& sync = *m_model->latestSync(row);
    const auto& coverage = sync.context.value("inventory", nlohmann::json::object())
                               .value("coverage", nlohmann::json::object());
    for (const char* kind : {"policy_types", "foundation_types"}) {
        const auto types = coverage.value(kind, nlohmann::json::object());
        for (auto it = types.begin(); it != types.end(); ++it) {
            const int line = m_coverage->rowCount();
            m_coverage->insertRow(line);
            const QStringList cells{
                QString::fromStdString(it.key()),
                models::displayWord(toQString(it->value("status", nlohmann::json()))),
                QString::number(it->value("item_count", 0)),
                QString::number(it->value("errors", nlohmann::json::array()).size())};
            for (int column = 0; column < cells.size(); ++column)
                m_coverage->setItem(line, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    m_coverage->resizeColumnsToContents();

    QStringList lines;
    if (sync.context.contains("error"))
        lines.append(tr("Failed: %1").arg(toQString(sync.context["error"])));
    for (const auto& error : sync.context.value("file_errors", nlohmann::json::array()))
        lines.append(tr("Unreadable: %1 — %2")
                         .arg(toQString(error.value("file", nlohmann::json())),
                              toQString(error.value("error", nlohmann::json()))));
    for (const auto& subject : sync.context.value("ambiguous_subjects", nlohmann::json::array()))
        lines.append(tr("Ambiguous (excluded from capture and compare): %1 %2 in %3")
                         .arg(toQString(subject.value("policy_type", nlohmann::json())),
                              toQString(subject.value("subject_external_id", nlohmann::json())),
                              QString::fromStdString(
                                  subject.value("files", nlohmann::json::array()).dump())));
    m_problems->setPlainText(lines.isEmpty() ? tr("No problems in the latest sync.")
                                             : lines.join(QLatin1Char('\n')));
}

void TenantsPage::updateActions()
{
    const bool selected = selectedTenantId() != 0;
    m_delete->setEnabled(selected && !m_runner.isBusy());
    m_import->setEnabled(selected && !m_runner.isBusy());
}

} // namespace driftdesk::views
