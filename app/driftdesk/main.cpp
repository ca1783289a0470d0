// SPDX-License-Identifier: GPL-3.0-or-later
// driftdesk: the DriftDesk desktop application, a thin front end over the drift engine.

#include "appidentity.h"
#include "appsettings.h"
#include "desktopapp.h"
#include "findingspage.h"
#include "mainwindow.h"
#include "passwordstore.h"
#include "translations.h"
#include "userprompts.h"
#include "versioninfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>

#include <memory>

using namespace driftdesk;
using namespace driftdesk::views;

namespace {

/// --help and --version answer without a display, so they work over SSH and in packaging.
bool onlyAsksForText(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

/// The icon theme's icon when DriftDesk is installed, else the same sizes built into the program.
QIcon applicationIcon()
{
    QIcon builtIn;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        builtIn.addFile(QStringLiteral(":/icons/%1x%1/" DRIFTDESK_APP_ID ".png").arg(size));
    return QIcon::fromTheme(QStringLiteral(DRIFTDESK_APP_ID), builtIn);
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (onlyAsksForText(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication& app = *application;
    applyApplicationIdentity();
    // Before any text is made, --help included: the user's language from the system locale.
    installTranslations(app);
    // --version and the About dialog name the git state of a development build too.
    QCoreApplication::setApplicationVersion(versionText());
    if (qobject_cast<QApplication*>(&app)) {
        // The desktop finds the .desktop entry, and through it the icon and the name, by this id.
        QGuiApplication::setDesktopFileName(QStringLiteral(DRIFTDESK_APP_ID));
        QApplication::setWindowIcon(applicationIcon());
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Configuration drift review for Microsoft Intune tenants."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QApplication::translate("main",
                                "Database URL (as for driftctl) instead of the last "
                                "connection."),
        QStringLiteral("url"));
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                             QApplication::translate("main", "Workspace name."),
                                             QStringLiteral("name"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshots"),
        QApplication::translate("main",
                                "Render each main view to PNG files in this folder, then "
                                "quit. Without --db: the workspace a start would open."),
        QStringLiteral("folder"));
    parser.addOptions({dbOption, workspaceOption, screenshotOption});
    parser.process(app);

    AppSettings settings;
    UserPrompts prompts;
    PasswordStore passwords;
    DesktopApp desktop(settings, prompts, passwords);
    QObject::connect(&desktop, &DesktopApp::gaveUp, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);

    if (parser.isSet(screenshotOption)) {
        desktop.start(parser.value(dbOption), parser.value(workspaceOption));
        MainWindow* window = desktop.window();
        if (!window)
            return 1;
        const QDir folder(parser.value(screenshotOption));
        QDir().mkpath(folder.path());
        const QStringList names{QStringLiteral("tenants"), QStringLiteral("profiles"),
                                QStringLiteral("findings"), QStringLiteral("runs")};
        window->resize(1280, 800);
        // A changed policy whose settings the sample catalog names shows telling evidence.
        window->findingsPage()->selectFirstNamed(QStringLiteral("ASR Rules (L2)"));
        for (int page = 0; page < MainWindow::PageCount; ++page)
            window->renderPage(static_cast<MainWindow::Page>(page),
                               folder.filePath(names.at(page) + QStringLiteral(".png")));
        return 0;
    }

    desktop.start(parser.value(dbOption), parser.value(workspaceOption));
    return QApplication::exec();
}
