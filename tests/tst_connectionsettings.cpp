// SPDX-License-Identifier: GPL-3.0-or-later
#include "appidentity.h"
#include "connectionsettings.h"
#include "engineerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>

using namespace driftdesk;

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteUrls_data();
    void sqliteUrls();
    void postgresUriWithSocketFolder();
    void passwordInUrlIsRefusedWithoutEchoingIt();
    void unsupportedScheme();
    void urlRoundTrips();
    void embeddedDefaultLivesInAppData();
};

void TestConnectionSettings::sqliteUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path");
    QTest::newRow("absolute") << "sqlite:/var/tmp/w.db"
                              << "/var/tmp/w.db";
    QTest::newRow("three slashes") << "sqlite:///var/tmp/w.db"
                                   << "/var/tmp/w.db";
    QTest::newRow("relative") << "sqlite:w.db" << QDir::current().absoluteFilePath("w.db");
}

void TestConnectionSettings::sqliteUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, path);
    const auto settings = ConnectionSettings::fromUrl(url);
    QCOMPARE(settings.backend(), Backend::Sqlite);
    QCOMPARE(settings.sqlitePath(), path);
}

void TestConnectionSettings::postgresUriWithSocketFolder()
{
    const auto settings = ConnectionSettings::fromUrl(
        QStringLiteral("postgresql://alice@/drift?host=/run/pg&port=5433&sslmode=verify-full"));
    QCOMPARE(settings.backend(), Backend::PostgreSql);
    QCOMPARE(settings.postgresParameter(QStringLiteral("user")), QStringLiteral("alice"));
    QCOMPARE(settings.postgresParameter(QStringLiteral("dbname")), QStringLiteral("drift"));
    QCOMPARE(settings.postgresParameter(QStringLiteral("host")), QStringLiteral("/run/pg"));
    QCOMPARE(settings.postgresParameter(QStringLiteral("port")), QStringLiteral("5433"));
    QCOMPARE(settings.postgresParameter(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
    QCOMPARE(settings.displayString(),
             QStringLiteral("postgresql://alice@:5433/drift?host=/run/pg"));
}

void TestConnectionSettings::passwordInUrlIsRefusedWithoutEchoingIt()
{
    // Well-formed and malformed URIs: libpq quotes a malformed one in its own message.
    for (const QString& url : {QStringLiteral("postgresql://alice:S3cr3t-pw@db/drift"),
                               QStringLiteral("postgresql://db/drift?password=S3cr3t-pw"),
                               QStringLiteral("postgresql://alice:S3cr3t-pw@[bad/drift"),
                               QStringLiteral("postgresql://[bad/drift?password=S3cr3t-pw"),
                               QStringLiteral("postgresql://db/drift?sslpassword=S3cr3t-pw"),
                               QStringLiteral("postgresql://[bad/drift?sslpassword=S3cr3t-pw")}) {
        try {
            ConnectionSettings::fromUrl(url);
            QFAIL("a URL with a password was accepted");
        } catch (const EngineError& error) {
            QVERIFY2(!error.message().contains(QLatin1String("S3cr3t")),
                     qPrintable(error.message()));
        }
    }
}

void TestConnectionSettings::unsupportedScheme()
{
    QVERIFY_THROWS_EXCEPTION(EngineError, ConnectionSettings::fromUrl(QStringLiteral("mysql://x")));
    QVERIFY_THROWS_EXCEPTION(EngineError, ConnectionSettings::fromUrl(QStringLiteral("sqlite:")));
    QVERIFY_THROWS_EXCEPTION(EngineError,
                             ConnectionSettings::fromUrl(QStringLiteral("postgresql://[bad")));
}

void TestConnectionSettings::urlRoundTrips()
{
    const auto settings = ConnectionSettings::fromUrl(
        QStringLiteral("postgresql://bob@db.example:6432/drift?sslmode=require"));
    const auto again = ConnectionSettings::fromUrl(settings.toUrl());
    QCOMPARE(again.postgresParameters(), settings.postgresParameters());

    const auto other
        = settings.withPostgresParameter(QStringLiteral("dbname"), QStringLiteral("other"));
    QCOMPARE(other.postgresParameter(QStringLiteral("dbname")), QStringLiteral("other"));
    QCOMPARE(other.postgresParameter(QStringLiteral("host")), QStringLiteral("db.example"));
}

void TestConnectionSettings::embeddedDefaultLivesInAppData()
{
    const auto settings = ConnectionSettings::embeddedDefault();
    QCOMPARE(settings.backend(), Backend::Sqlite);
    QVERIFY2(settings.sqlitePath().endsWith(QLatin1String("/DriftDesk/DriftDesk/workspace.db")),
             qPrintable(settings.sqlitePath()));
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    applyApplicationIdentity();
    TestConnectionSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_connectionsettings.moc"
