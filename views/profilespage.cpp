// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilespage.h"

#include "assigntenantsdialog.h"
#include "baselinecompare.h"
#include "engineerror.h"
#include "operationrunner.h"
#include "profiledialog.h"
#include "profilesmodel.h"
#include "profilestore.h"
#include "session.h"
#include "snapshotview.h"
#include "tableviews.h"
#include "tenantstore.h"
#include "userprompts.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace driftdesk::views {

ProfilesPage::ProfilesPage(Session& session, OperationRunner& runner, UserPrompts& prompts,
                           QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_runner(runner)
    , m_prompts(prompts)
    , m_model(new models::ProfilesModel(session.database(), session.workspaceId(), this))
    , m_table(makeTableView(tr("Baseline profiles"), this))
    , m_snapshots(new SnapshotView(session, this))
    , m_new(new QPushButton(tr("&New profile…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("De&lete"), this))
    , m_assign(new QPushButton(tr("Assign &tenants…"), this))
    , m_capture(new QPushButton(tr("&Capture baseline…"), this))
    , m_compare(new QPushButton(tr("Co&mpare now"), this))
{
    m_table->setModel(m_model);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_new, m_edit, m_delete, m_assign, m_capture, m_compare})
        buttons->addWidget(button);
    buttons->addStretch();

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("profilesSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_snapshots);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter);

    connect(m_new, &QPushButton::clicked, this, &ProfilesPage::newProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfilesPage::editProfile);
    connect(m_delete, &QPushButton::clicked, this, &ProfilesPage::deleteProfile);
    connect(m_assign, &QPushButton::clicked, this, &ProfilesPage::assignTenants);
    connect(m_capture, &QPushButton::clicked, this, &ProfilesPage::captureBaseline);
    connect(m_compare, &QPushButton::clicked, this, &ProfilesPage::compareNow);
    connect(m_table, &QTableView::doubleClicked, this, &ProfilesPage::editProfile);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showSelected();
        updateActions();
    });
    connect(&m_runner, &OperationRunner::started, this, &ProfilesPage::updateActions);
    connect(&m_runner, &OperationRunner::finished, this, &ProfilesPage::updateActions);
    m_new->setObjectName(QStringLiteral("newButton"));
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_assign->setObjectName(QStringLiteral("assignButton"));
    m_capture->setObjectName(QStringLiteral("captureButton"));
    m_compare->setObjectName(QStringLiteral("compareButton"));
    updateActions();
}

void ProfilesPage::refresh()
{
    const qint64 selected = selectedProfileId();
    m_model->reload();
    fitColumns(m_table);
    if (!selectProfile(selected) && m_model->rowCount() > 0)
        m_table->selectRow(0);
    showSelected();
    updateActions();
}

qint64 ProfilesPage::selectedProfileId() const
{
    return selectedId(m_table);
}

bool ProfilesPage::selectProfile(qint64 profileId)
{
    return selectId(m_table, profileId);
}

bool ProfilesPage::runProfileDialog(ProfileDialog& dialog)
{
    if (profileDialogHook) {
        profileDialogHook(dialog);
        return dialog.result() == QDialog::Accepted;
    }
    return dialog.exec() == QDialog::Accepted;
}

void ProfilesPage::newProfile()
{
    ProfileDialog dialog(this);
    qint64 created = 0;
    // The dialog saves through the store and stays open with the store's objection, if any.
    dialog.setValidator([this, &created](const ProfileDraft& draft) {
        try {
            created = ProfileStore(m_session.database(), m_session.workspaceId()).create(draft).id;
            return QString();
        } catch (const EngineError& error) {
            return error.message();
        }
    });
    if (runProfileDialog(dialog) && created != 0) {
        Q_EMIT changed();
        selectProfile(created);
    }
}

void ProfilesPage::editProfile()
{
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return;
    const BaselineProfile profile = m_model->profile(row);
    ProfileDialog dialog(this);
    dialog.setDraft(ProfileDraft::of(profile));
    dialog.setValidator([this, id = profile.id](const ProfileDraft& edited) {
        try {
            ProfileStore(m_session.database(), m_session.workspaceId()).update(id, edited);
            return QString();
        } catch (const EngineError& error) {
            return error.message();
        }
    });
    if (runProfileDialog(dialog))
        Q_EMIT changed();
}

void ProfilesPage::deleteProfile()
{
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return;
    const BaselineProfile profile = m_model->profile(row);
    if (!m_prompts.confirm(this, tr("Delete profile"),
                           tr("Delete baseline profile \"%1\" with its snapshots and findings?")
                               .arg(profile.name)))
        return;
    try {
        ProfileStore(m_session.database(), m_session.workspaceId()).remove(profile.id);
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Delete profile"), error.message());
    }
    Q_EMIT changed();
}

void ProfilesPage::assignTenants()
{
    const qint64 profileId = selectedProfileId();
    if (profileId == 0)
        return;
    ProfileStore profiles(m_session.database(), m_session.workspaceId());
    QList<QPair<qint64, QString>> tenants;
    for (const Tenant& tenant : TenantStore(m_session.database(), m_session.workspaceId()).list())
        tenants.append({tenant.id, tenant.name});
    const QList<qint64> before = profiles.assignedTenantIds(profileId);
    const QSet<qint64> was(before.begin(), before.end());

    AssignTenantsDialog dialog(tenants, was, this);
    if (assignDialogHook)
        assignDialogHook(dialog);
    else
        dialog.exec();
    if (dialog.result() != QDialog::Accepted)
        return;
    const QSet<qint64> now = dialog.assigned();
    try {
        for (const qint64 id : now - was)
            profiles.assign(profileId, id);
        for (const qint64 id : was - now)
            profiles.unassign(profileId, id);
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Assign tenants"), error.message());
    }
    Q_EMIT changed();
}

void ProfilesPage::captureBaseline()
{
    const qint64 profileId = selectedProfileId();
    if (profileId == 0)
        return;
    const QList<Tenant> tenants = TenantStore(m_session.database(), m_session.workspaceId()).list();
    QStringList names;
    for (const Tenant& tenant : tenants)
        names.append(tenant.name);
    const QString chosen = m_prompts.choice(this, tr("Capture baseline"),
                                            tr("Capture the baseline from tenant:"), names);
    const auto tenant = std::find_if(tenants.begin(), tenants.end(),
                                     [&](const Tenant& t) { return t.name == chosen; });
    if (chosen.isNull() || tenant == tenants.end())
        return;

    const DriftEngine engine = m_session.engine();
    const CaptureRequest request{profileId, tenant->id};
    m_runner.start(tr("Capturing baseline"), [engine, request](CancelFlag cancel) mutable {
        return engine.capture(request, cancel);
    });
}

void ProfilesPage::compareNow()
{
    const qint64 profileId = selectedProfileId();
    if (profileId == 0)
        return;
    QList<CompareRequest> requests;
    try {
        requests = BaselineCompare::plan(m_session.database(), m_session.workspaceId(),
                                         std::nullopt, profileId);
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Compare"), error.message());
        return;
    }
    if (requests.isEmpty()) {
        m_prompts.error(this, tr("Compare"),
                        tr("No tenant is assigned to this profile. Assign tenants first."));
        return;
    }
    const DriftEngine engine = m_session.engine();
    m_runner.start(tr("Comparing tenants"), [engine, requests](CancelFlag cancel) mutable {
        return engine.compare(requests, cancel);
    });
}

void ProfilesPage::showSelected()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_model->rowCount()) {
        m_snapshots->showProfile(0, 0);
        return;
    }
    const BaselineProfile& profile = m_model->profile(row);
    m_snapshots->showProfile(profile.id, profile.activeSnapshotId.value_or(0));
}

void ProfilesPage::updateActions()
{
    const bool selected = selectedProfileId() != 0;
    const int row = m_table->currentIndex().row();
    const bool archived = selected && row >= 0 && row < m_model->rowCount()
        && m_model->profile(row).status == QLatin1String("archived");
    const bool idle = !m_runner.isBusy() && !archived;
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected && !m_runner.isBusy());
    m_assign->setEnabled(selected);
    m_capture->setEnabled(selected && idle);
    m_compare->setEnabled(selected && idle);
}

} // namespace driftdesk::views
