// SPDX-License-Identifier: GPL-3.0-or-later
// driftdesk: the DriftDesk desktop application, a thin front end over the drift engine.

#include "appidentity.h"
#include "appsettings.h"
#include "connectionsettings.h"
#include "engineerror.h"
#include "mainwindow.h"
#include "session.h"
#include "userprompts.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>

using namespace driftdesk;
using namespace driftdesk::views;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    applyApplicationIdentity();

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
                                "Render each main view to PNG files in this folder, "
                                "then quit."),
        QStringLiteral("folder"));
    parser.addOptions({dbOption, workspaceOption, screenshotOption});
    parser.process(app);

    AppSettings settings;
    UserPrompts prompts;
    try {
        const ConnectionSettings connection = ConnectionSettings::fromUrl(
            parser.isSet(dbOption) ? parser.value(dbOption) : settings.connection().url());
        const QString workspace
            = parser.isSet(workspaceOption) ? parser.value(workspaceOption) : settings.workspace();
        const auto session = Session::open(connection, workspace);
        MainWindow window(*session, prompts, &settings);
        window.resize(1280, 800);

        if (parser.isSet(screenshotOption)) {
            const QDir folder(parser.value(screenshotOption));
            QDir().mkpath(folder.path());
            const QStringList names{QStringLiteral("tenants"), QStringLiteral("profiles"),
                                    QStringLiteral("findings"), QStringLiteral("runs")};
            window.show();
            for (int page = 0; page < MainWindow::PageCount; ++page)
                window.renderPage(static_cast<MainWindow::Page>(page),
                                  folder.filePath(names.at(page) + QStringLiteral(".png")));
            return 0;
        }

        window.show();
        return app.exec();
    } catch (const EngineError& error) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "DriftDesk"),
                              error.message());
        return 1;
    }
}
