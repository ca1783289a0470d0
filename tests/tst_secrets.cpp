// SPDX-License-Identifier: GPL-3.0-or-later
// TLS to PostgreSQL with sslmode=verify-full, and no password in any output, log, run context,
// error message or file. Against a server of the test's own (initdb in a temporary folder) that
// accepts TCP connections only over TLS with a SCRAM password, its certificate signed by a
// certificate authority made here with openssl.

#include "database.h"
#include "engineerror.h"
#include "privatepostgres.h"
#include "scratchdatabase.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace driftdesk;

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void verifyFullConnectsOverTls();
    void wrongAuthorityHostOrPlainTextIsRefused();
    void passwordGivenToTheEngineStaysOutOfLogsAndErrors();
    void noDriftctlCommandRevealsThePassword();
};

namespace {

// Recognisable anywhere it might turn up.
const QString secret = QStringLiteral("DriftDesk-Secret-7f3c9d2e");
const QString superuser = QStringLiteral("driftdesk_admin");
const QString databaseName = QStringLiteral("drift");

std::unique_ptr<testsupport::PrivatePostgres> server;

QStringList logMessages;
QtMessageHandler previousHandler = nullptr;

void collectMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    logMessages.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

ConnectionSettings tlsSettings(const QString& host, const QString& rootCertificate)
{
    ConnectionSettings settings
        = ConnectionSettings::fromUrl(server->tlsUrl(host, databaseName, rootCertificate));
    settings.setPassword(secret);
    return settings;
}

QString connectionError(const ConnectionSettings& settings)
{
    try {
        Database::open(settings);
    } catch (const EngineError& error) {
        return error.message();
    }
    return {};
}

/// Files under `root` whose content holds `text`; `searched` counts the files read.
QStringList filesContaining(const QString& root, const QString& text, int* searched)
{
    QStringList found;
    QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++*searched;
        const QByteArray content = file.readAll();
        if (content.contains(text.toUtf8())
            || content.contains(
                QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2)))
            found.append(path);
    }
    return found;
}

} // namespace

void TestSecrets::initTestCase()
{
    QString error;
    server = testsupport::PrivatePostgres::start(superuser, secret, &error);
    QVERIFY2(server, qPrintable(error));
    const auto admin = Database::open(server->socketSettings(QStringLiteral("postgres")));
    admin->run(QStringLiteral("CREATE DATABASE %1").arg(databaseName));
    admin->run(QStringLiteral("CREATE ROLE driftdesk_readers NOLOGIN"));

    previousHandler = qInstallMessageHandler(collectMessage);
}

void TestSecrets::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
    server.reset();
}

void TestSecrets::verifyFullConnectsOverTls()
{
    const auto database
        = Database::open(tlsSettings(QStringLiteral("localhost"), server->caCertificate()));
    QSqlQuery tls = database->run(
        QStringLiteral("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    QVERIFY(tls.next());
    QVERIFY(tls.value(0).toBool());
    QVERIFY2(tls.value(1).toString().startsWith(QLatin1String("TLS")),
             qPrintable(tls.value(1).toString()));
    QSqlQuery auth = database->run(QStringLiteral("SELECT current_user"));
    QVERIFY(auth.next());
    QCOMPARE(auth.value(0).toString(), superuser);
}

void TestSecrets::wrongAuthorityHostOrPlainTextIsRefused()
{
    // A certificate no trusted authority signed.
    const QString wrongAuthority
        = connectionError(tlsSettings(QStringLiteral("localhost"), server->otherCaCertificate()));
    QVERIFY2(wrongAuthority.contains(QLatin1String("certificate verify failed")),
             qPrintable(wrongAuthority));

    // The right authority, but the certificate names "localhost", not the address used.
    const QString wrongHost
        = connectionError(tlsSettings(QStringLiteral("127.0.0.1"), server->caCertificate()));
    QVERIFY2(wrongHost.contains(QLatin1String("does not match host name \"127.0.0.1\"")),
             qPrintable(wrongHost));

    // Without TLS the server does not let anyone in.
    ConnectionSettings plain = ConnectionSettings::fromUrl(
        QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=disable")
            .arg(superuser)
            .arg(server->port())
            .arg(databaseName));
    plain.setPassword(secret);
    const QString plainText = connectionError(plain);
    QVERIFY2(plainText.contains(QLatin1String("no encryption")), qPrintable(plainText));

    // Each message says where it tried to connect, and none holds the password.
    for (const QString& message : {wrongAuthority, wrongHost, plainText}) {
        QVERIFY2(message.startsWith(QLatin1String("cannot connect to postgresql://")),
                 qPrintable(message));
        QVERIFY2(!message.contains(secret), qPrintable(message));
    }
}

void TestSecrets::passwordGivenToTheEngineStaysOutOfLogsAndErrors()
{
    // The desktop application hands the engine a password from the keychain; with every engine
    // log category on, neither the log nor an error repeats it.
    QLoggingCategory::setFilterRules(QStringLiteral("driftdesk.*=true"));
    logMessages.clear();
    {
        const auto database
            = Database::open(tlsSettings(QStringLiteral("localhost"), server->caCertificate()));
        QVERIFY_THROWS_EXCEPTION(EngineError,
                                 database->run(QStringLiteral("SELECT * FROM missing_table")));
    }
    const QString refused
        = connectionError(tlsSettings(QStringLiteral("127.0.0.1"), server->caCertificate()));
    QLoggingCategory::setFilterRules(QString());

    QVERIFY2(logMessages.join(u'\n').contains(QLatin1String("connected to postgresql://")),
             qPrintable(logMessages.join(u'\n')));
    for (const QString& message : std::as_const(logMessages) + QStringList{refused})
        QVERIFY2(!message.contains(secret), qPrintable(message));
}

void TestSecrets::noDriftctlCommandRevealsThePassword()
{
    // A home of the command's own, so every file it might write is searched.
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_LOGGING_RULES")); // --verbose must show everything
    environment.remove(QStringLiteral("DRIFTDESK_DB"));
    environment.remove(QStringLiteral("PGPASSFILE"));
    environment.insert(QStringLiteral("HOME"), home.path());
    for (const char* variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                                 "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "TMPDIR"}) {
        const QString folder = home.filePath(QLatin1String(variable).toString().toLower());
        QDir().mkpath(folder);
        environment.insert(QLatin1String(variable), folder);
    }
    environment.insert(QStringLiteral("PGPASSWORD"), secret);

    const QString url
        = server->tlsUrl(QStringLiteral("localhost"), databaseName, server->caCertificate());
    QByteArray allOutput;
    QStringList unexpected;
    const auto driftctl
        = [&](int expectedExit, const QStringList& args, const QString& db = QString()) {
              QProcess process;
              process.setProcessEnvironment(environment);
              process.start(QStringLiteral(DRIFTCTL_PATH),
                            QStringList{QStringLiteral("--verbose"), QStringLiteral("--db"),
                                        db.isEmpty() ? url : db}
                                + args);
              if (!process.waitForFinished(120000))
                  qFatal("driftctl did not finish");
              const QByteArray out = process.readAllStandardOutput();
              const QByteArray err = process.readAllStandardError();
              allOutput += out + err;
              if (process.exitCode() != expectedExit)
                  unexpected.append(QStringLiteral("%1 exited %2: %3")
                                        .arg(args.join(u' '))
                                        .arg(process.exitCode())
                                        .arg(QString::fromUtf8(err.right(400))));
              return out;
          };
    const QString corpus = testsupport::testDataPath(QStringLiteral("corpus/11-boolean-change"));

    driftctl(0, {"migrate"});
    driftctl(0, {"workspace", "add", "Contoso MSP"});
    driftctl(0, {"workspace", "list"});
    driftctl(0, {"workspace", "grant", "driftdesk_readers"});
    driftctl(0, {"workspace", "members"});
    driftctl(0, {"workspace", "revoke", "driftdesk_readers"});
    driftctl(0, {"tenant", "add", "--name", "Reference"});
    driftctl(0,
             {"tenant", "add", "--name", "Customer", "--external-id",
              "00000000-0000-4000-8000-00000000000c"});
    driftctl(0, {"tenant", "list", "--format", "json"});
    driftctl(0,
             {"profile", "create", "--name", "Baseline", "--policy-types", "compliancePolicies"});
    driftctl(0, {"profile", "update", "Baseline", "--description", "Nightly"});
    driftctl(0, {"profile", "assign", "--profile", "Baseline", "--tenant", "Customer"});
    driftctl(0, {"profile", "list"});
    driftctl(0, {"inventory", "import", "--tenant", "Reference", "--from", corpus + "/baseline"});
    driftctl(0,
             {"inventory", "import", "--tenant", "Customer", "--from", corpus + "/current",
              "--format", "json"});
    driftctl(0, {"capture", "--profile", "Baseline", "--from-tenant", "Reference"});
    driftctl(0, {"compare", "--tenant", "Customer"});
    driftctl(0, {"compare", "--all"});
    // A failed import after the compares: a compare after it would be blocked.
    driftctl(1, {"inventory", "import", "--tenant", "Customer", "--from", corpus + "/missing"});
    const nlohmann::json findings = nlohmann::json::parse(
        driftctl(0, {"findings", "list", "--format", "json"}).toStdString());
    QVERIFY2(findings.size() == 1, qPrintable(unexpected.join(u'\n')));
    const QString finding = QString::number(findings[0]["id"].get<qint64>());
    driftctl(0, {"findings", "list", "--format", "csv"});
    driftctl(0, {"findings", "show", finding});
    driftctl(0, {"findings", "acknowledge", finding, "--note", "Known"});
    driftctl(0, {"findings", "reopen", finding});
    driftctl(0,
             {"definitions", "import", "--from",
              testsupport::testDataPath(QStringLiteral("settings-definitions"))});
    const nlohmann::json runs
        = nlohmann::json::parse(driftctl(0, {"runs", "list", "--format", "json"}).toStdString());
    QVERIFY(runs.size() >= 5);
    driftctl(0, {"runs", "show", QString::number(runs[0]["id"].get<qint64>())});
    // Deleting goes to a spare tenant and profile, so that the runs searched below stay.
    driftctl(0, {"tenant", "add", "--name", "Spare"});
    driftctl(0, {"profile", "create", "--name", "Spare"});
    driftctl(0, {"profile", "assign", "--profile", "Spare", "--tenant", "Spare"});
    driftctl(0, {"profile", "unassign", "--profile", "Spare", "--tenant", "Spare"});
    driftctl(0, {"profile", "delete", "Spare"});
    driftctl(0, {"tenant", "delete", "Spare"});
    driftctl(0, {"--help"});

    // Failures: each message is shown, and none may carry the password.
    driftctl(1, {"--workspace", "Nowhere", "tenant", "list"});
    driftctl(
        1, {"tenant", "list"},
        server->tlsUrl(QStringLiteral("localhost"), databaseName, server->otherCaCertificate()));
    driftctl(1, {"tenant", "list"},
             QStringLiteral("postgresql://%1:%2@localhost:%3/%4?sslmode=verify-full")
                 .arg(superuser, secret)
                 .arg(server->port())
                 .arg(databaseName));
    driftctl(1, {"tenant", "list"}, url + QStringLiteral("&password=") + secret);
    driftctl(
        1, {"tenant", "list"},
        QStringLiteral("postgresql://%1:%2@[localhost/%3").arg(superuser, secret, databaseName));
    QCOMPARE(unexpected, QStringList());

    // The password mattered: without it the same command is refused.
    environment.remove(QStringLiteral("PGPASSWORD"));
    driftctl(1, {"tenant", "list"});
    QCOMPARE(unexpected, QStringList());
    QVERIFY2(allOutput.contains("no password supplied"), allOutput.right(2000).constData());

    // A password file works as well (kept outside the searched home: it holds the password).
    QTemporaryDir passwordFolder;
    const QString passwordFile = passwordFolder.filePath(QStringLiteral("pgpass"));
    {
        QFile file(passwordFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("localhost:%1:%2:%3:%4\n")
                       .arg(server->port())
                       .arg(databaseName, superuser, secret)
                       .toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    environment.insert(QStringLiteral("PGPASSFILE"), passwordFile);
    driftctl(0, {"tenant", "list", "--format", "json"});
    QCOMPARE(unexpected, QStringList());

    // The output is verbose and names the server, redacted.
    const QString output = QString::fromUtf8(allOutput);
    QVERIFY2(output.contains(QStringLiteral("connected to postgresql://%1@localhost:%2/%3")
                                 .arg(superuser)
                                 .arg(server->port())
                                 .arg(databaseName)),
             qPrintable(output.left(3000)));
    QVERIFY2(!output.contains(secret), qPrintable(output));

    // Nothing stored holds it: not a run's context, nor any other row of any table.
    const auto database = Database::open(server->socketSettings(databaseName));
    QSqlQuery contexts
        = database->run(QStringLiteral("SELECT COUNT(*), "
                                       "COUNT(*) FILTER (WHERE context::text LIKE ?) "
                                       "FROM operation_runs"),
                        {QLatin1Char('%') + secret + QLatin1Char('%')});
    QVERIFY(contexts.next());
    QVERIFY(contexts.value(0).toInt() >= 5);
    QCOMPARE(contexts.value(1).toInt(), 0);
    for (const QString& table : database->connection().tables()) {
        QSqlQuery rows = database->run(
            QStringLiteral("SELECT COUNT(*) FROM %1 t WHERE t::text LIKE ?").arg(table),
            {QLatin1Char('%') + secret + QLatin1Char('%')});
        QVERIFY(rows.next());
        QVERIFY2(rows.value(0).toInt() == 0, qPrintable(table));
    }

    // Nor any file the commands or the server wrote.
    int searched = 0;
    QCOMPARE(filesContaining(home.path(), secret, &searched), QStringList());
    QCOMPARE(filesContaining(server->folder(), secret, &searched), QStringList());
    QVERIFY(searched > 0);
    qInfo("searched %d files", searched);
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
