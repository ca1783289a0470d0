// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace file that cannot grow (a full disk, simulated with SQLite's max_page_count) or
// cannot be written at all: a clear error, nothing half written, and the file passes SQLite's
// integrity check afterwards.

#include "database.h"
#include "driftctlprocess.h"
#include "engineerror.h"
#include "inventoryimport.h"
#include "operation.h"
#include "records.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using driftdesk::ConnectionSettings;
using driftdesk::Database;
using testsupport::Driftctl;

class TestStorageFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fullDiskFailsTheRunAndKeepsTheFileWhole();
    void readOnlyFileIsRefusedByName();
    void readOnlyFolderIsRefusedByName();

private:
    QString url() const { return QStringLiteral("sqlite:") + m_file; }

    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_file;
};

namespace {

qint64 count(Database& database, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery query = database.run(sql, values);
    return query.next() ? query.value(0).toLongLong() : -1;
}

QString integrityOf(const QString& file)
{
    const auto database
        = Database::open(ConnectionSettings::fromUrl(QStringLiteral("sqlite:") + file));
    QSqlQuery query = database->run(QStringLiteral("PRAGMA integrity_check"));
    return query.next() ? query.value(0).toString() : QStringLiteral("no answer");
}

QByteArray hashOf(const QString& file)
{
    QFile data(file);
    if (!data.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(data.readAll(), QCryptographicHash::Sha256).toHex();
}

/// Runs driftctl as a user the file's permissions apply to: "nobody" when the test runs as root
/// (root writes read-only files), else the test's own user.
testsupport::DriftctlOutput runAsUnprivileged(const QStringList& args)
{
    QProcess process;
    QStringList command{QStringLiteral(DRIFTCTL_PATH)};
    command += args;
    if (::geteuid() == 0)
        process.start(
            QStringLiteral("runuser"),
            QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--")}
                + command);
    else
        process.start(command.takeFirst(), command);
    return Driftctl::finish(process);
}

void handToUnprivileged(const QString& path)
{
    if (::geteuid() != 0)
        return;
    const passwd* nobody = ::getpwnam("nobody");
    QVERIFY(nobody);
    QCOMPARE(::chown(QFile::encodeName(path).constData(), nobody->pw_uid, nobody->pw_gid), 0);
}

} // namespace

void TestStorageFaults::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    // The unprivileged user must reach the file.
    QFile::setPermissions(m_folder->path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                              | QFile::ExeOther);
    m_file = m_folder->filePath(QStringLiteral("workspace.db"));

    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), url());
    QCOMPARE(driftctl.expect(0, {"migrate"}).exitCode, 0);
    QCOMPARE(driftctl.expect(0, {"tenant", "add", "--name", "Reference"}).exitCode, 0);
    QCOMPARE(driftctl.expect(0, {"tenant", "add", "--name", "Fabrikam"}).exitCode, 0);
    QCOMPARE(driftctl
                 .expect(0,
                         {"inventory", "import", "--tenant", "Reference", "--from",
                          testsupport::oibWindowsRelease("v3.6")})
                 .exitCode,
             0);
}

void TestStorageFaults::fullDiskFailsTheRunAndKeepsTheFileWhole()
{
    const auto database = Database::open(ConnectionSettings::fromUrl(url()));
    const qint64 workspace = count(*database, QStringLiteral("SELECT id FROM workspaces"));
    const qint64 fabrikam
        = count(*database, QStringLiteral("SELECT id FROM tenants WHERE name = 'Fabrikam'"));
    const qint64 itemsBefore
        = count(*database, QStringLiteral("SELECT COUNT(*) FROM inventory_items"));
    QVERIFY(itemsBefore > 50);

    // Room for a few pages more than the file has: the run's row, not the export's items.
    const qint64 pages = count(*database, QStringLiteral("PRAGMA page_count"));
    database->run(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 4));

    driftdesk::OperationControl control;
    QString message;
    try {
        const auto result = driftdesk::InventoryImport(*database, workspace)
                                .run({fabrikam, testsupport::oibWindowsRelease("v3.6")}, control);
        QCOMPARE(result.outcome, driftdesk::RunOutcome::failed);
        message = result.message;
    } catch (const driftdesk::EngineError& error) {
        // Not even the run's row fitted.
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("full")), qPrintable(message));
    qInfo().noquote() << "the import said:" << message;

    QCOMPARE(count(*database, QStringLiteral("SELECT COUNT(*) FROM inventory_items")), itemsBefore);
    QCOMPARE(count(*database,
                   QStringLiteral("SELECT COUNT(*) FROM inventory_items "
                                  "WHERE tenant_id = ?"),
                   {fabrikam}),
             0);
    QCOMPARE(integrityOf(m_file), QStringLiteral("ok"));

    // With room again, the same import succeeds.
    database->run(QStringLiteral("PRAGMA max_page_count = 1073741823"));
    const auto again = driftdesk::InventoryImport(*database, workspace)
                           .run({fabrikam, testsupport::oibWindowsRelease("v3.6")}, control);
    QCOMPARE(again.outcome, driftdesk::RunOutcome::succeeded);
    QCOMPARE(count(*database, QStringLiteral("SELECT COUNT(*) FROM inventory_items")),
             2 * itemsBefore);
}

void TestStorageFaults::readOnlyFileIsRefusedByName()
{
    handToUnprivileged(m_file);
    QVERIFY(QFile::setPermissions(m_file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = hashOf(m_file);

    const auto output
        = runAsUnprivileged({"--db", url(), "inventory", "import", "--tenant", "Fabrikam", "--from",
                             testsupport::oibWindowsRelease("v3.7")});
    QCOMPARE(output.exitCode, 1);
    const QString error = QString::fromUtf8(output.err);
    QVERIFY2(error.contains(m_file) && error.contains(QLatin1String("is read-only")),
             qPrintable(error));

    QCOMPARE(hashOf(m_file), before);
    QFile::setPermissions(m_file, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(integrityOf(m_file), QStringLiteral("ok"));
}

void TestStorageFaults::readOnlyFolderIsRefusedByName()
{
    // SQLite needs to create its journal files beside the workspace file.
    handToUnprivileged(m_file);
    QFile::setPermissions(m_folder->path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                              | QFile::ExeOther);
    if (::geteuid() != 0)
        QFile::setPermissions(m_folder->path(),
                              QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther
                                  | QFile::ExeOther);
    const QByteArray before = hashOf(m_file);

    const auto output = runAsUnprivileged({"--db", url(), "tenant", "list"});
    QCOMPARE(output.exitCode, 1);
    const QString error = QString::fromUtf8(output.err);
    QVERIFY2(error.contains(QLatin1String("the folder ") + m_folder->path()
                            + QLatin1String(" is read-only")),
             qPrintable(error));

    QFile::setPermissions(m_folder->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(hashOf(m_file), before);
    QCOMPARE(integrityOf(m_file), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "tst_storagefaults.moc"
