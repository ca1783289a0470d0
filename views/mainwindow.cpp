// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "engineerror.h"
#include "findingspage.h"
#include "operationrunner.h"
#include "profilespage.h"
#include "runspage.h"
#include "session.h"
#include "settingdefinitions.h"
#include "tenantspage.h"
#include "userprompts.h"
#include "versioninfo.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace driftdesk::views {

namespace {

/// Rich text: each run's message (escaped) with a link to the run.
QString summarise(const QList<RunResult>& results, bool cancelled)
{
    QStringList parts;
    for (const RunResult& result : results) {
        QString part = result.message.toHtmlEscaped();
        if (result.runId) {
            part += QStringLiteral(" — <a href=\"run:%1\">%2</a>")
                        .arg(QString::number(result.runId),
                             MainWindow::tr("run %1").arg(result.runId));
        }
        parts.append(part);
    }
    if (cancelled)
        parts.prepend(MainWindow::tr("cancelled; the database is as it was"));
    return parts.join(QStringLiteral("; "));
}

} // namespace

MainWindow::MainWindow(Session& session, UserPrompts& prompts, AppSettings* settings,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_prompts(prompts)
    , m_settings(settings)
    , m_runner(new OperationRunner(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_tenants(new TenantsPage(session, *m_runner, prompts, this))
    , m_profiles(new ProfilesPage(session, *m_runner, prompts, this))
    , m_findings(new FindingsPage(session, *m_runner, prompts, this))
    , m_runs(new RunsPage(session, this))
    , m_connection(new QLabel(this))
    , m_step(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("DriftDesk — %1").arg(session.workspaceName()));
    setObjectName(QStringLiteral("mainWindow"));
    // Below this the pages' buttons would clip their labels.
    setMinimumSize(1024, 640);

    m_navigation->setAccessibleName(tr("Navigation"));
    for (const QString& title :
         {tr("Tenants"), tr("Baseline Profiles"), tr("Findings"), tr("Operation Runs")})
        m_navigation->addItem(title);
    m_navigation->setMinimumWidth(m_navigation->sizeHintForColumn(0) + 24);
    m_pages->addWidget(m_tenants);
    m_pages->addWidget(m_profiles);
    m_pages->addWidget(m_findings);
    m_pages->addWidget(m_runs);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    splitter->setSizes({m_navigation->minimumWidth(), 1100});
    setCentralWidget(splitter);

    m_connection->setText(tr("%1 · workspace %2").arg(session.describe(), session.workspaceName()));
    m_connection->setAccessibleName(tr("Connection"));
    m_step->setAccessibleName(tr("Running operation"));
    m_progress->setAccessibleName(tr("Progress of the running operation"));
    m_progress->setMaximumWidth(200);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the running operation"));
    m_result->setAccessibleName(tr("Result of the last operation"));
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextBrowserInteraction);
    statusBar()->addWidget(m_connection);
    statusBar()->addWidget(m_result, 1);
    statusBar()->addPermanentWidget(m_step);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_step->hide();
    m_progress->hide();
    m_cancel->hide();

    createMenus();

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    connect(m_cancel, &QToolButton::clicked, m_runner, &OperationRunner::cancel);
    connect(m_result, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link.startsWith(QLatin1String("run:")))
            showRun(link.mid(4).toLongLong());
    });
    connect(m_runner, &OperationRunner::started, this, [this](const QString& title) {
        m_step->setText(title);
        m_progress->setRange(0, 0);
        m_result->clear();
        for (QWidget* widget : std::initializer_list<QWidget*>{m_step, m_progress, m_cancel})
            widget->show();
        m_cancel->setEnabled(true);
    });
    connect(m_runner, &OperationRunner::progressed, this,
            [this](int value, int maximum, const QString& step) {
                m_progress->setRange(0, maximum);
                m_progress->setValue(value);
                if (!step.isEmpty())
                    m_step->setText(m_runner->title() + QStringLiteral(": ") + step);
            });
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_step->setText(tr("Cancelling…"));
    });
    connect(m_runner, &OperationRunner::finished, this, &MainWindow::onOperationFinished);
    // A change on one page shows on all of them (a deleted tenant's findings and runs go).
    connect(m_tenants, &TenantsPage::changed, this, &MainWindow::refreshAll);
    connect(m_profiles, &ProfilesPage::changed, this, &MainWindow::refreshAll);
    connect(m_findings, &FindingsPage::changed, this, &MainWindow::refreshAll);
    connect(m_findings, &FindingsPage::message, m_result,
            [this](const QString& text) { m_result->setText(text.toHtmlEscaped()); });

    refreshAll();
    m_navigation->setCurrentRow(TenantsPageIndex);
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* connectAction = file->addAction(tr("&Connect…"), this, &MainWindow::connectRequested);
    connectAction->setShortcut(QKeySequence::Open);
    // Connecting elsewhere closes this window: not while an operation runs in it.
    connect(m_runner, &OperationRunner::started, connectAction,
            [connectAction] { connectAction->setEnabled(false); });
    connect(m_runner, &OperationRunner::finished, connectAction,
            [connectAction] { connectAction->setEnabled(true); });
    file->addAction(tr("Import setting &definitions…"), this,
                    &MainWindow::importSettingDefinitions);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QStringList titles{tr("&Tenants"), tr("Baseline &Profiles"), tr("&Findings"),
                             tr("Operation &Runs")};
    for (int page = 0; page < PageCount; ++page) {
        QAction* action = view->addAction(titles.at(page), this,
                                          [this, page] { showPage(static_cast<Page>(page)); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + page)));
    }
    view->addSeparator();
    QAction* reload = view->addAction(tr("&Reload"), this, &MainWindow::refreshAll);
    // F5 only: on some desktops QKeySequence::Refresh also means Ctrl+R, compare all's key.
    reload->setShortcut(QKeySequence(Qt::Key_F5));

    QMenu* operations = menuBar()->addMenu(tr("&Operations"));
    QAction* import
        = operations->addAction(tr("&Import inventory…"), m_tenants, &TenantsPage::importInventory);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction* capture = operations->addAction(tr("&Capture baseline…"), m_profiles,
                                             &ProfilesPage::captureBaseline);
    capture->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction* compare
        = operations->addAction(tr("Compare &all tenants"), m_findings, &FindingsPage::compareAll);
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* cancel = operations->addAction(tr("Ca&ncel running operation"), m_runner,
                                            &OperationRunner::cancel);
    cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About DriftDesk"), this,
                    [this] { QMessageBox::about(this, tr("About DriftDesk"), aboutText()); });
}

QString MainWindow::aboutText()
{
    // A lost connection must not keep the version from showing.
    QString database;
    try {
        database = databaseVersionText(m_session.database());
    } catch (const EngineError& error) {
        database = tr("unknown (%1)").arg(error.message());
    }
    return tr("<p><b>DriftDesk %1</b></p><p>Configuration drift review for Microsoft Intune "
              "tenants.</p><p>Qt %2, database: %3.</p><p>GPL-3.0-or-later.</p>")
        .arg(versionText().toHtmlEscaped(), QString::fromLatin1(qVersion()),
             database.toHtmlEscaped());
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::showRun(qint64 runId)
{
    m_runs->refresh();
    m_runs->showRun(runId);
    showPage(RunsPageIndex);
}

void MainWindow::refreshAll()
{
    // After a server restart the pages read through a new connection, not the ended one.
    try {
        m_session.database().checkConnection();
    } catch (const EngineError& error) {
        m_prompts.error(this, tr("Reload"), error.message());
        return;
    }
    m_tenants->refresh();
    m_profiles->refresh();
    m_findings->refresh();
    m_runs->refresh();
}

void MainWindow::onOperationFinished(const QString& title, const QList<RunResult>& results,
                                     bool cancelled)
{
    for (QWidget* widget : std::initializer_list<QWidget*>{m_step, m_progress, m_cancel})
        widget->hide();
    m_result->setText(title.toHtmlEscaped() + QStringLiteral(": ") + summarise(results, cancelled));
    refreshAll();

    // A refused request never became a run: say why where the user will see it.
    for (const RunResult& result : results) {
        if (result.runId == 0)
            m_prompts.error(this, title, result.message);
    }
}

void MainWindow::importSettingDefinitions()
{
    const QString folder = m_prompts.existingFolder(
        this, tr("Import setting definitions (Graph configurationSettings JSON files)"));
    if (folder.isEmpty())
        return;

    m_step->setText(tr("Importing setting definitions"));
    m_step->show();
    auto* watcher = new QFutureWatcher<DefinitionImportResult>(this);
    connect(watcher, &QFutureWatcher<DefinitionImportResult>::finished, this, [this, watcher] {
        m_step->hide();
        watcher->deleteLater();
        const DefinitionImportResult result = watcher->result();
        QString summary = tr("Imported %1 setting definitions from %2 files")
                              .arg(result.definitionsImported)
                              .arg(result.filesRead);
        QStringList errors;
        for (const DefinitionFileError& error : result.errors)
            errors.append(error.file + QStringLiteral(": ") + error.message);
        if (!errors.isEmpty()) {
            summary += tr("; %1 could not be imported").arg(errors.size());
            m_prompts.error(this, tr("Import setting definitions"), errors.join(QLatin1Char('\n')));
        }
        m_result->setText(summary.toHtmlEscaped());
        m_findings->refresh();
        Q_EMIT definitionsImported(summary);
    });

    // The catalog can be large: read and write it on a worker with its own connection.
    const ConnectionSettings settings = m_session.settings();
    const qint64 workspaceId = m_session.workspaceId();
    watcher->setFuture(QtConcurrent::run([settings, workspaceId, folder] {
        try {
            const auto database = Database::open(settings);
            return SettingDefinitionStore(*database, workspaceId).importFiles({folder});
        } catch (const EngineError& error) {
            DefinitionImportResult failed;
            failed.errors.push_back({folder, error.message()});
            return failed;
        }
    }));
}

bool MainWindow::renderPage(Page page, const QString& path)
{
    showPage(page);
    QApplication::processEvents();
    return grab().save(path, "PNG");
}

void MainWindow::restoreState()
{
    if (!m_settings)
        return;
    restoreGeometry(m_settings->state(QStringLiteral("window/geometry")));
    for (auto* splitter : findChildren<QSplitter*>()) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(
                m_settings->state(QStringLiteral("splitter/") + splitter->objectName()));
    }
    for (auto* view : findChildren<QTableView*>()) {
        const QByteArray state
            = m_settings->state(QStringLiteral("header/") + view->accessibleName());
        if (!state.isEmpty())
            view->horizontalHeader()->restoreState(state);
    }
}

void MainWindow::saveState()
{
    if (!m_settings)
        return;
    m_settings->setState(QStringLiteral("window/geometry"), saveGeometry());
    for (auto* splitter : findChildren<QSplitter*>()) {
        if (!splitter->objectName().isEmpty())
            m_settings->setState(QStringLiteral("splitter/") + splitter->objectName(),
                                 splitter->saveState());
    }
    // Column widths of an empty table are Qt's defaults, not the user's choice: keep the ones
    // saved from a table that showed rows.
    for (auto* view : findChildren<QTableView*>()) {
        if (view->model() && view->model()->rowCount() > 0)
            m_settings->setState(QStringLiteral("header/") + view->accessibleName(),
                                 view->horizontalHeader()->saveState());
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_runner->isBusy()) {
        event->ignore();
        if (!m_prompts.confirm(this, tr("Quit"),
                               tr("%1 is still running. Cancel it and quit? Nothing it did so "
                                  "far is kept.")
                                   .arg(m_runner->title())))
            return;
        // Let the operation stop cleanly: its run records the cancellation.
        m_runner->cancel();
        connect(m_runner, &OperationRunner::finished, this, &QWidget::close,
                Qt::SingleShotConnection);
        return;
    }
    saveState();
    event->accept();
}

} // namespace driftdesk::views
