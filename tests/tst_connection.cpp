// SPDX-License-Identifier: GPL-3.0-or-later
// Connecting: the connection dialog, passwords in a real Secret Service (a private GNOME
// keyring, see scripts/with-keyring.sh), remembered settings without secrets, and switching
// connections without a restart.

#include "appidentity.h"
#include "appsettings.h"
#include "connectiondialog.h"
#include "desktopapp.h"
#include "mainwindow.h"
#include "passwordstore.h"
#include "scratchdatabase.h"
#include "scriptedprompts.h"
#include "session.h"
#include "tenantspage.h"
#include "tenantstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace driftdesk;
using namespace driftdesk::views;

class TestConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passwordRoundTripThroughTheKeychain();
    void dialogBuildsAConnectionWithoutThePassword();
    void dialogRefusesAnIncompleteServer();
    void rememberedServerConnectionUsesTheKeychain();
    void windowLayoutIsRemembered();
};

namespace {

const QString secret = QStringLiteral("S3cret-Pw!-4711");

void fillServer(ConnectionDialog& dialog, const ConnectionSettings& server, const QString& password)
{
    QTest::mouseClick(dialog.serverButton(), Qt::LeftButton);
    dialog.serverButton()->setChecked(true);
    dialog.hostEdit()->setText(server.postgresParameter(QStringLiteral("host")));
    dialog.portBox()->setValue(server.postgresParameter(QStringLiteral("port")).toInt());
    dialog.databaseEdit()->setText(server.postgresParameter(QStringLiteral("dbname")));
    dialog.userEdit()->setText(server.postgresParameter(QStringLiteral("user")));
    dialog.sslModeBox()->setCurrentIndex(dialog.sslModeBox()->findData(QStringLiteral("disable")));
    QTest::keyClicks(dialog.passwordEdit(), password);
    dialog.rememberBox()->setChecked(true);
}

void clickConnect(ConnectionDialog& dialog)
{
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

/// Reads a password from the keychain, waiting for the answer.
std::optional<QString> readNow(const QString& key)
{
    PasswordStore store;
    QObject context;
    bool done = false;
    std::optional<QString> result;
    store.read(key, &context, [&](std::optional<QString> password, QString) {
        result = password;
        done = true;
    });
    for (int wait = 0; wait < 300 && !done; ++wait)
        QTest::qWait(100);
    return result;
}

/// Files under `folder` whose bytes contain `text`.
QStringList filesContaining(const QString& folder, const QString& text)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
            found.append(file.fileName());
    }
    return found;
}

} // namespace

void TestConnection::initTestCase()
{
    // scripts/with-keyring.sh gives this test its own HOME with an unlocked keyring.
    QVERIFY2(QDir::homePath().startsWith(QLatin1String("/tmp/driftdesk-keyring.")),
             "run through scripts/with-keyring.sh (ctest does)");
    QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
}

void TestConnection::passwordRoundTripThroughTheKeychain()
{
    PasswordStore store;
    const QString key = QStringLiteral("postgresql://alice@db.example:5432/drift");

    QString writeError = QStringLiteral("pending");
    store.write(key, secret, this, [&](QString error) { writeError = error; });
    QTRY_VERIFY_WITH_TIMEOUT(writeError != QLatin1String("pending"), 30000);
    QCOMPARE(writeError, QString());

    std::optional<QString> read;
    bool done = false;
    store.read(key, this, [&](std::optional<QString> password, QString error) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        read = password;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(read.value_or(QString()), secret);

    QString removeError = QStringLiteral("pending");
    store.remove(key, this, [&](QString error) { removeError = error; });
    QTRY_VERIFY_WITH_TIMEOUT(removeError != QLatin1String("pending"), 30000);
    QCOMPARE(removeError, QString());
    done = false;
    store.read(key, this, [&](std::optional<QString> password, QString) {
        read = password;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QVERIFY(!read.has_value());
}

void TestConnection::dialogBuildsAConnectionWithoutThePassword()
{
    ConnectionDialog dialog;
    dialog.show();
    const auto server
        = ConnectionSettings::fromUrl(QStringLiteral("postgresql://bob@db.example:6432/drift"));
    fillServer(dialog, server, secret);
    dialog.sslModeBox()->setCurrentIndex(
        dialog.sslModeBox()->findData(QStringLiteral("verify-full")));
    clickConnect(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const ConnectionChoice choice = dialog.choice();
    QCOMPARE(choice.kind, ConnectionChoice::Kind::Server);
    QCOMPARE(choice.url(),
             QStringLiteral("postgresql://bob@db.example:6432/drift?sslmode=verify-full"));
    QCOMPARE(dialog.password(), secret);
    QVERIFY(dialog.rememberPassword());
    QVERIFY(!choice.url().contains(secret));

    // The URL reads back into the same connection.
    const auto settings = ConnectionSettings::fromUrl(choice.url());
    QCOMPARE(settings.postgresParameter(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
    QCOMPARE(settings.postgresParameter(QStringLiteral("port")), QStringLiteral("6432"));
}

void TestConnection::dialogRefusesAnIncompleteServer()
{
    ConnectionDialog dialog;
    dialog.show();
    QTest::mouseClick(dialog.serverButton(), Qt::LeftButton);
    dialog.serverButton()->setChecked(true);
    clickConnect(dialog);
    QVERIFY(dialog.result() != QDialog::Accepted);
    const auto labels = dialog.findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel* label) {
        return !label->isHidden() && label->text().contains(QLatin1String("database name"));
    }));
}

void TestConnection::rememberedServerConnectionUsesTheKeychain()
{
    QString skip;
    const auto scratch = testsupport::ScratchDatabase::create(Backend::PostgreSql, true, &skip);
    if (!scratch)
        QSKIP(qPrintable(skip));

    // First start: nothing remembered yet, so the application asks; the user gives the server
    // and a password to remember.
    {
        AppSettings settings;
        testsupport::ScriptedPrompts prompts;
        PasswordStore passwords;
        DesktopApp app(settings, prompts, passwords);
        app.connectionDialogHook = [&](ConnectionDialog& dialog) {
            fillServer(dialog, scratch->settings(), secret);
            clickConnect(dialog);
        };
        settings.setConnection({}); // a local file that cannot be opened: make it ask
        app.start(QStringLiteral("postgresql://nobody@/missing?host=/nonexistent&port=1"));
        QTRY_VERIFY_WITH_TIMEOUT(app.window() != nullptr, 30000);
        QCOMPARE(app.session()->settings().backend(), Backend::PostgreSql);
        QVERIFY(app.window()->isVisible());
    }

    // Remembering the password is asynchronous: wait until the keychain has it.
    const QString key = AppSettings().connection().keychainKey();
    std::optional<QString> stored;
    for (int attempt = 0; attempt < 100 && !stored; ++attempt) {
        stored = readNow(key);
        if (!stored)
            QTest::qWait(100);
    }
    QCOMPARE(stored.value_or(QString()), secret);

    // The settings name the server but hold no secret; nor does any file in HOME (the keyring
    // file itself is encrypted).
    {
        AppSettings settings;
        QCOMPARE(settings.connection().kind, ConnectionChoice::Kind::Server);
        QCOMPARE(settings.connection().database,
                 scratch->settings().postgresParameter(QStringLiteral("dbname")));
    }
    QCOMPARE(filesContaining(QDir::homePath(), secret), QStringList());

    // Second start: the remembered connection opens with the keychain's password, no dialog.
    AppSettings settings;
    testsupport::ScriptedPrompts prompts;
    PasswordStore passwords;
    DesktopApp app(settings, prompts, passwords);
    app.connectionDialogHook = [](ConnectionDialog&) { QFAIL("asked for a connection"); };
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.window() != nullptr, 30000);
    QCOMPARE(app.session()->settings().password(), secret);

    // A file that does not exist is created only after asking: declined, nothing is created
    // and the current connection stays.
    QTemporaryDir folder;
    const MainWindow* before = app.window();
    int asked = 0;
    app.connectionDialogHook = [&](ConnectionDialog& dialog) {
        if (++asked == 2) {
            QCOMPARE(dialog.choice().filePath, folder.filePath(QStringLiteral("local.db")));
            dialog.reject();
            return;
        }
        // It starts from the current connection.
        QCOMPARE(dialog.choice().kind, ConnectionChoice::Kind::Server);
        dialog.fileButton()->setChecked(true);
        dialog.filePathEdit()->setText(folder.filePath(QStringLiteral("local.db")));
        clickConnect(dialog);
    };
    prompts.confirmations << false;
    Q_EMIT app.window()->connectRequested();
    QTRY_COMPARE(asked, 2);
    QCOMPARE(app.window(), before);
    QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("local.db"))));

    // Accepted, the new file replaces the window without a restart; a missing workspace is
    // created after asking too.
    app.connectionDialogHook = [&](ConnectionDialog& dialog) {
        dialog.fileButton()->setChecked(true);
        dialog.filePathEdit()->setText(folder.filePath(QStringLiteral("local.db")));
        dialog.workspaceEdit()->setText(QStringLiteral("Contoso MSP"));
        clickConnect(dialog);
    };
    prompts.confirmations << true << true;
    Q_EMIT app.window()->connectRequested();
    QTRY_VERIFY_WITH_TIMEOUT(app.window() != before, 30000);
    QCOMPARE(app.session()->settings().backend(), Backend::Sqlite);
    QCOMPARE(app.session()->workspaceName(), QStringLiteral("Contoso MSP"));
    QVERIFY(QFileInfo::exists(folder.filePath(QStringLiteral("local.db"))));
    QVERIFY(prompts.confirmations.isEmpty());
    QCOMPARE(AppSettings().connection().kind, ConnectionChoice::Kind::LocalFile);
}

void TestConnection::windowLayoutIsRemembered()
{
    QTemporaryDir folder;
    const auto session = Session::open(
        ConnectionSettings::fromUrl(QStringLiteral("sqlite:") + folder.filePath("w.db")),
        QStringLiteral("default"));
    // Column widths are kept from tables that show rows.
    TenantStore(session->database(), session->workspaceId()).add(QStringLiteral("Contoso"));
    testsupport::ScriptedPrompts prompts;
    AppSettings settings;

    QList<int> splitterSizes;
    int columnWidth = 0;
    {
        MainWindow window(*session, prompts, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1100, 700);
        auto* splitter = window.findChild<QSplitter*>(QStringLiteral("findingsSplitter"));
        splitter->setSizes({200, 400});
        splitterSizes = splitter->sizes();
        auto* table = window.tenantsPage()->table();
        table->horizontalHeader()->resizeSection(0, 177);
        columnWidth = table->horizontalHeader()->sectionSize(0);
        QVERIFY(window.close());
    }

    MainWindow window(*session, prompts, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1100, 700));
    QCOMPARE(window.findChild<QSplitter*>(QStringLiteral("findingsSplitter"))->sizes(),
             splitterSizes);
    QCOMPARE(window.tenantsPage()->table()->horizontalHeader()->sectionSize(0), columnWidth);
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    applyApplicationIdentity();
    TestConnection test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_connection.moc"
