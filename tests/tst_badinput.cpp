// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input, through the real import path: each case of tests/data/bad-input/cases.json puts a
// bad file among good real exports, and `driftctl inventory import` reads the folder in a child
// process on both backends. Checked: the error names the file and what is wrong, the coverage
// rules (a bad file makes its folder's types partial, an unreadable folder its types failed,
// duplicate ids leave the type succeeded with the subject excluded), the stored items are
// exactly those of the good files, and the child neither crashes nor hangs (60 s) nor grows
// beyond a memory bound (an address-space limit, and its peak resident set measured).

#include "exportreader.h"
#include "inventoryimport.h"
#include "inventorystore.h"
#include "scratchdatabase.h"
#include "tenantstore.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

#if defined(__SANITIZE_ADDRESS__)
#define DRIFTDESK_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DRIFTDESK_UNDER_ASAN 1
#endif
#endif

using namespace driftdesk;

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importAroundEachBadFile_data();
    void importAroundEachBadFile();
    void cleanupTestCase();

private:
    nlohmann::json m_manifest;
    double m_slowestSeconds = 0;
    QString m_slowestCase;
    long m_largestRssKiB = 0;
    QString m_largestCase;
};

namespace {

constexpr int importTimeoutSeconds = 60;

#ifdef DRIFTDESK_UNDER_ASAN
// AddressSanitizer reserves terabytes of address space for its shadow memory, so no address
// space limit can be set, and its own bookkeeping raises the resident set.
constexpr long residentBoundKiB = 1536 * 1024;
#else
constexpr rlim_t addressSpaceLimit = 4ull * 1024 * 1024 * 1024;
constexpr long residentBoundKiB = 512 * 1024;
#endif

/// A finished driftctl process.
struct ChildRun
{
    int exitCode = -1;
    int signal = 0;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    double seconds = 0;
    long peakRssKiB = 0; ///< the child's own peak resident set, from wait4()
};

/// Runs driftctl with `args`, its output in files in `workDir`. QProcess cannot report the
/// child's peak memory or limit it, so this forks: the child limits its address space and, as
/// root, runs driftctl through `runuser` as `asUser` (an unreadable file is readable to root);
/// wait4() returns the peak resident set of the child and of what it waited for.
ChildRun runDriftctl(const QStringList& args, const QString& workDir, const passwd* asUser)
{
    const QByteArray driftctl = QByteArrayLiteral(DRIFTCTL_PATH);
    const QByteArray program = asUser ? QByteArrayLiteral("/usr/sbin/runuser") : driftctl;
    std::vector<QByteArray> argStorage{program};
    if (asUser) {
        // -p keeps the environment, so the test's settings reach driftctl.
        argStorage.insert(argStorage.end(), {"-p", "-u", asUser->pw_name, "--", driftctl});
    }
    for (const QString& arg : args)
        argStorage.push_back(arg.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& arg : argStorage)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (asUser)
        environment.insert(QStringLiteral("HOME"), workDir);
    std::vector<QByteArray> envStorage;
    for (const QString& entry : environment.toStringList())
        envStorage.push_back(entry.toLocal8Bit());
    std::vector<char*> envp;
    for (QByteArray& entry : envStorage)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    const QByteArray outPath = QFile::encodeName(workDir + QStringLiteral("/stdout"));
    const QByteArray errPath = QFile::encodeName(workDir + QStringLiteral("/stderr"));
    const int outFd = ::open(outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int errFd = ::open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (outFd < 0 || errFd < 0)
        qFatal("cannot create output files in %s", qPrintable(workDir));

    QElapsedTimer timer;
    timer.start();
    const pid_t pid = ::fork();
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec. Its own process group lets a
        // timeout kill driftctl too when runuser started it.
        ::setpgid(0, 0);
        ::dup2(outFd, STDOUT_FILENO);
        ::dup2(errFd, STDERR_FILENO);
#ifndef DRIFTDESK_UNDER_ASAN
        const rlimit limit{addressSpaceLimit, addressSpaceLimit};
        ::setrlimit(RLIMIT_AS, &limit);
#endif
        ::execve(program.constData(), argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(outFd);
    ::close(errFd);
    if (pid < 0)
        qFatal("cannot fork");

    ChildRun run;
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
        if (timer.elapsed() > importTimeoutSeconds * 1000) {
            run.timedOut = true;
            ::kill(-pid, SIGKILL);
            ::wait4(pid, &status, 0, &usage);
            break;
        }
        QThread::msleep(10);
    }
    run.seconds = timer.elapsed() / 1000.0;
    run.peakRssKiB = usage.ru_maxrss;
    if (WIFEXITED(status))
        run.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        run.signal = WTERMSIG(status);

    QFile out(QString::fromLocal8Bit(outPath));
    QFile err(QString::fromLocal8Bit(errPath));
    if (out.open(QIODevice::ReadOnly))
        run.out = out.readAll();
    if (err.open(QIODevice::ReadOnly))
        run.err = err.readAll();
    return run;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QString str(const nlohmann::json& value)
{
    return QString::fromStdString(value.get<std::string>());
}

/// The good export, with the case's bad file; returns whether driftctl must run unprivileged.
bool placeBadInput(const nlohmann::json& badCase, const QString& exportRoot,
                   const QString& goodExport)
{
    const QDir root(exportRoot);
    const QString place = root.filePath(str(badCase["place"]));
    if (badCase.contains("replaces"))
        QFile::remove(root.filePath(str(badCase["replaces"])));

    if (badCase.contains("bytes")) {
        writeFile(place,
                  readFile(testsupport::testDataPath(QStringLiteral("bad-input/"))
                           + str(badCase["bytes"])));
        return false;
    }

    const QString generate = str(badCase["generate"]);
    const QString argument = generate.section(QLatin1Char(':'), 1);
    if (generate == QLatin1String("nesting-100000")) {
        const int levels = 100000;
        writeFile(place,
                  R"({"@odata.type": "#microsoft.graph.windows10CompliancePolicy", "id": "deep", )"
                  R"("x": )"
                      + QByteArray(levels, '[') + QByteArray(levels, ']') + "}");
    } else if (generate == QLatin1String("above-limit")) {
        // Sparse: no disk space is used, and reading it would show in the resident set.
        QFile file(place);
        if (!file.open(QIODevice::WriteOnly) || !file.resize(ExportReader::maxFileBytes + 1))
            qFatal("cannot create %s", qPrintable(place));
    } else if (generate == QLatin1String("padded-below-limit")) {
        // The good file it replaces, in UTF-16LE with a BOM as exported, padded with spaces
        // after its first brace to 1 KiB below the limit: the same object, nearly 64 MiB.
        const QString text
            = QStringDecoder(QStringConverter::Utf16)
                  .decode(readFile(QDir(goodExport).filePath(str(badCase["replaces"]))));
        const qsizetype brace = text.indexOf(QLatin1Char('{'));
        const qsizetype padding = (ExportReader::maxFileBytes - 1024) / 2 - text.size() - 1;
        const QString padded
            = text.left(brace + 1) + QString(padding, QLatin1Char(' ')) + text.mid(brace + 1);
        writeFile(place,
                  QStringEncoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom)
                      .encode(padded));
    } else if (generate.startsWith(QLatin1String("copy-of:"))) {
        writeFile(place, readFile(QDir(goodExport).filePath(argument)));
    } else if (generate.startsWith(QLatin1String("file-link-loop:"))) {
        const QString other = root.filePath(argument);
        if (!QFile::link(QFileInfo(other).fileName(), place)
            || !QFile::link(QFileInfo(place).fileName(), other))
            qFatal("cannot link %s", qPrintable(place));
    } else if (generate == QLatin1String("folder-link-loop")) {
        if (!QFile::link(QStringLiteral("."), place))
            qFatal("cannot link %s", qPrintable(place));
    } else if (generate == QLatin1String("fifo")) {
        if (::mkfifo(QFile::encodeName(place).constData(), 0644) != 0)
            qFatal("cannot create the pipe %s", qPrintable(place));
    } else if (generate.startsWith(QLatin1String("unreadable-copy-of:"))) {
        writeFile(place, readFile(QDir(goodExport).filePath(argument)));
        QFile::setPermissions(place, QFileDevice::Permissions());
        return true;
    } else if (generate == QLatin1String("unreadable-folder")) {
        QFile::setPermissions(place, QFileDevice::Permissions());
        return true;
    } else {
        qFatal("cases.json: unknown generator \"%s\"", qPrintable(generate));
    }
    return false;
}

/// The folder of an SQLite database and everything in it.
QStringList sqliteFiles(const QString& database)
{
    const QString folder = QFileInfo(database).absolutePath();
    QStringList paths{folder};
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    return paths;
}

/// Lets `user` reach what driftctl needs: the export, the SQLite file or the PostgreSQL socket.
void shareWith(const passwd* user, const QString& exportRoot,
               const testsupport::ScratchDatabase& scratch)
{
    const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::ExeOther;
    for (QString dir = exportRoot; dir != QDir::rootPath(); dir = QFileInfo(dir).path()) {
        if (QFileInfo(dir).ownerId() == ::getuid() && dir.startsWith(QDir::tempPath() + u'/'))
            QFile::setPermissions(dir, QFile::permissions(dir) | QFileDevice::ExeOther);
    }
    QDirIterator it(exportRoot, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString dir = it.next();
        // Qt adds what the current user (root) may do; only the mode bits tell an unreadable
        // folder.
        const auto modeBits = QFileDevice::Permissions(0x7077);
        if ((QFile::permissions(dir) & modeBits) != QFileDevice::Permissions())
            QFile::setPermissions(dir, open);
    }

    if (scratch.settings().backend() == Backend::Sqlite) {
        // The database, its journal and the run locks beside it.
        for (const QString& path : sqliteFiles(scratch.settings().sqlitePath())) {
            if (::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) != 0)
                qFatal("cannot hand %s to %s", qPrintable(path), user->pw_name);
        }
    } else {
        // The throwaway server's socket folder admits only its owner; let the user pass.
        const QString socketFolder = scratch.settings().postgresParameter(QStringLiteral("host"));
        QFile::setPermissions(socketFolder,
                              QFile::permissions(socketFolder) | QFileDevice::ExeOther);
    }
}

std::set<QString> stringSet(const nlohmann::json& list)
{
    std::set<QString> strings;
    for (const auto& entry : list)
        strings.insert(str(entry));
    return strings;
}

struct StoredItem
{
    QString hash;
    bool ambiguous = false;
};

/// (type, id) -> items: two when the id is duplicated.
std::multimap<std::pair<QString, QString>, StoredItem> storedItems(InventoryStore& store,
                                                                   qint64 tenantId)
{
    std::multimap<std::pair<QString, QString>, StoredItem> items;
    for (const InventoryRow& row : store.rows(tenantId))
        items.insert({{row.policyType, row.subjectExternalId}, {row.metaHash, row.ambiguous}});
    return items;
}

} // namespace

void TestBadInput::initTestCase()
{
    m_manifest = nlohmann::json::parse(
        readFile(testsupport::testDataPath(QStringLiteral("bad-input/cases.json"))).toStdString());
    QVERIFY(m_manifest["cases"].size() >= 25);
}

void TestBadInput::importAroundEachBadFile_data()
{
    QTest::addColumn<int>("backend");
    QTest::addColumn<int>("caseIndex");
    for (const auto& [backend, name] :
         {std::pair{Backend::Sqlite, "sqlite"}, std::pair{Backend::PostgreSql, "postgresql"}}) {
        for (std::size_t i = 0; i < m_manifest["cases"].size(); ++i) {
            const QString label = QStringLiteral("%1: %2").arg(QLatin1String(name),
                                                               str(m_manifest["cases"][i]["name"]));
            QTest::newRow(qPrintable(label)) << static_cast<int>(backend) << static_cast<int>(i);
        }
    }
}

void TestBadInput::importAroundEachBadFile()
{
    QFETCH(int, caseIndex);
    const nlohmann::json& badCase = m_manifest["cases"][static_cast<std::size_t>(caseIndex)];
    DRIFTDESK_SCRATCH_DATABASE(scratch, true);
    const qint64 workspace = scratch->workspaceId();
    const qint64 tenant
        = TenantStore(scratch->database(), workspace).add(QStringLiteral("Bad input")).id;

    // The good files alone first: every type succeeds.
    QTemporaryDir work;
    const QString exportRoot = work.filePath(QStringLiteral("export"));
    const QString goodExport = testsupport::testDataPath(str(m_manifest["good_export"]));
    for (const auto& good : m_manifest["good_files"]) {
        const QString target = QDir(exportRoot).filePath(str(good));
        QVERIFY(QDir().mkpath(QFileInfo(target).path()));
        QVERIFY(QFile::copy(QDir(goodExport).filePath(str(good)), target));
    }
    OperationControl control;
    const RunResult clean
        = InventoryImport(scratch->database(), workspace).run({tenant, exportRoot, {}}, control);
    QCOMPARE(clean.outcome, RunOutcome::succeeded);
    const std::size_t goodCount = m_manifest["good_files"].size();
    QCOMPARE(clean.summaryCounts["items_stored"].get<std::size_t>(), goodCount);
    InventoryStore store(scratch->database(), workspace);
    const auto cleanItems = storedItems(store, tenant);

    // Then with the bad file, through driftctl.
    const bool unprivileged = placeBadInput(badCase, exportRoot, goodExport);
    const passwd* user = nullptr;
    if (unprivileged && ::geteuid() == 0) {
        user = ::getpwnam("nobody");
        QVERIFY2(user, "running as root needs the user \"nobody\" to read as");
        shareWith(user, exportRoot, *scratch);
    }
    const ChildRun run = runDriftctl(
        {QStringLiteral("--db"), scratch->url(), QStringLiteral("inventory"),
         QStringLiteral("import"), QStringLiteral("--tenant"), QString::number(tenant),
         QStringLiteral("--from"), exportRoot, QStringLiteral("--format"), QStringLiteral("json")},
        work.path(), user);
    const std::string generator = badCase.value("generate", "");
    if (generator == "unreadable-folder")
        QFile::setPermissions(QDir(exportRoot).filePath(str(badCase["place"])),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner);
    if (user && scratch->settings().backend() == Backend::Sqlite) {
        for (const QString& path : sqliteFiles(scratch->settings().sqlitePath()))
            QCOMPARE(::chown(QFile::encodeName(path).constData(), 0, 0), 0);
    }

    // No crash, no hang, bounded memory.
    QVERIFY2(!run.timedOut, "driftctl did not finish within the time limit");
    QVERIFY2(run.signal == 0,
             qPrintable(QStringLiteral("driftctl died of signal %1\n%2")
                            .arg(run.signal)
                            .arg(QString::fromUtf8(run.err))));
    qInfo("%s: %.2f s, peak resident %ld KiB", QTest::currentDataTag(), run.seconds,
          run.peakRssKiB);
    if (run.seconds > m_slowestSeconds) {
        m_slowestSeconds = run.seconds;
        m_slowestCase = QString::fromUtf8(QTest::currentDataTag());
    }
    if (run.peakRssKiB > m_largestRssKiB) {
        m_largestRssKiB = run.peakRssKiB;
        m_largestCase = QString::fromUtf8(QTest::currentDataTag());
    }
    QVERIFY2(run.peakRssKiB < residentBoundKiB,
             qPrintable(QStringLiteral("peak resident set %1 KiB").arg(run.peakRssKiB)));

    const std::set<QString> partial = stringSet(badCase.value("partial", nlohmann::json::array()));
    const std::set<QString> failed = stringSet(badCase.value("failed", nlohmann::json::array()));
    const auto errors = badCase.value("errors", nlohmann::json::array());
    const auto folderErrors = badCase.value("folder_errors", nlohmann::json::array());
    const bool degraded = !partial.empty() || !failed.empty() || !errors.empty();
    QVERIFY2(run.exitCode == (degraded ? 2 : 0),
             qPrintable(QStringLiteral("driftctl exited %1\nstderr: %2")
                            .arg(run.exitCode)
                            .arg(QString::fromUtf8(run.err))));
    const nlohmann::json stored = nlohmann::json::parse(run.out.toStdString());
    const nlohmann::json& context = stored["context"];
    QCOMPARE(str(stored["outcome"]),
             degraded ? RunOutcome::partiallySucceeded : RunOutcome::succeeded);

    // Each error names its file and what is wrong, in the run and on stderr.
    std::map<QString, QString> reported;
    for (const auto& error : context["file_errors"])
        reported[str(error["file"])] = str(error["error"]);
    QCOMPARE(reported.size(), errors.size());
    const QString stderrText = QString::fromUtf8(run.err);
    for (const auto& expected : errors) {
        const QString file = str(expected["file"]);
        const QString fragment = str(expected["contains"]);
        QVERIFY2(reported.count(file), qPrintable(file + QStringLiteral(" was not reported")));
        QVERIFY2(reported[file].contains(fragment),
                 qPrintable(file + QStringLiteral(": ") + reported[file]));
        QVERIFY2(stderrText.contains(QStringLiteral("error: %1: ").arg(file))
                     && stderrText.contains(fragment),
                 qPrintable(stderrText));
    }
    QCOMPARE(stored["summary_counts"]["files_failed"].get<std::size_t>(), errors.size());
    if (generator == "above-limit") {
        QVERIFY(stored["summary_counts"]["bytes_read"].get<qint64>()
                < clean.summaryCounts["bytes_read"].get<qint64>() + 1024 * 1024);
#ifndef DRIFTDESK_UNDER_ASAN
        QVERIFY2(run.peakRssKiB < ExportReader::maxFileBytes / 1024,
                 "the file above the limit was read into memory");
#endif
    }

    // Coverage: the types of the bad file's folder partial, of an unreadable folder failed,
    // the others succeeded.
    const auto& policyTypes = context["inventory"]["coverage"]["policy_types"];
    const auto& foundationTypes = context["inventory"]["coverage"]["foundation_types"];
    std::map<QString, nlohmann::json> coverage;
    for (const auto* kind : {&policyTypes, &foundationTypes}) {
        for (auto it = kind->begin(); it != kind->end(); ++it)
            coverage[QString::fromStdString(it.key())] = it.value();
    }
    QCOMPARE(coverage.size(), std::size_t(7));
    for (const auto& [type, entry] : coverage) {
        const QString expected = failed.count(type) ? QStringLiteral("failed")
            : partial.count(type)                   ? QStringLiteral("partial")
                                                    : QStringLiteral("succeeded");
        QVERIFY2(str(entry["status"]) == expected,
                 qPrintable(type + QStringLiteral(" is ") + str(entry["status"])));
        QCOMPARE(entry["errors"].empty(), expected == QLatin1String("succeeded"));
    }
    for (const auto& expected : folderErrors) {
        const QString folder = str(expected["folder"]);
        bool found = false;
        for (const QString& type : failed) {
            for (const auto& error : coverage[type]["errors"])
                found = found
                    || (str(error).startsWith(folder + QStringLiteral(": "))
                        && str(error).contains(str(expected["contains"])));
        }
        QVERIFY2(found, qPrintable(folder));
    }

    // Duplicate ids: reported with both files, stored but excluded, the type succeeded.
    const auto ambiguous = badCase.value("ambiguous", nlohmann::json::array());
    QCOMPARE(context["ambiguous_subjects"].size(), ambiguous.size());
    for (std::size_t i = 0; i < ambiguous.size(); ++i) {
        QCOMPARE(testsupport::js(context["ambiguous_subjects"][i]["subject_external_id"]),
                 str(ambiguous[i]["subject_external_id"]));
        QCOMPARE(testsupport::js(context["ambiguous_subjects"][i]["files"]),
                 testsupport::js(ambiguous[i]["files"]));
    }

    // The stored items are those of the good files, with the same hashes: a partial or failed
    // type keeps the items of the clean import, and nothing of a bad file is stored.
    const auto items = storedItems(store, tenant);
    std::multiset<std::pair<QString, QString>> keys;
    for (const auto& [key, item] : items)
        keys.insert(key);
    std::multiset<std::pair<QString, QString>> expectedKeys;
    for (const auto& [key, item] : cleanItems)
        expectedKeys.insert(key);
    for (const auto& subject : ambiguous)
        expectedKeys.insert({str(subject["policy_type"]), str(subject["subject_external_id"])});
    QCOMPARE(keys, expectedKeys);
    const bool changesItems = badCase.value("changes_items", false);
    for (const auto& [key, item] : items) {
        const bool isAmbiguous = std::any_of(ambiguous.begin(), ambiguous.end(), [&](auto& a) {
            return str(a["subject_external_id"]) == key.second;
        });
        QCOMPARE(item.ambiguous, isAmbiguous);
        if (!changesItems)
            QCOMPARE(item.hash, cleanItems.find(key)->second.hash);
    }
}

void TestBadInput::cleanupTestCase()
{
    qInfo("slowest import %.2f s (%s); largest peak resident set %ld KiB (%s)", m_slowestSeconds,
          qPrintable(m_slowestCase), m_largestRssKiB, qPrintable(m_largestCase));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
