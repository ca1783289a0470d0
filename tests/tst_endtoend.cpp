// SPDX-License-Identifier: GPL-3.0-or-later
// End to end through the driftctl program, on the real OpenIntuneBaseline exports, on both
// backends. Expected findings come from the upstream change log (WINDOWS-CHANGELOG.md).

#include "driftctlprocess.h"
#include "scratchdatabase.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <map>

class TestEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v36CapturedV37Compared_data() { testsupport::addBackendRows(); }
    void v36CapturedV37Compared();
    void v33CapturedV36Compared_data() { testsupport::addBackendRows(); }
    void v33CapturedV36Compared();
    void recurrenceAndResolution_data() { testsupport::addBackendRows(); }
    void recurrenceAndResolution();
    void jsonShapesAndExitCodes_data() { testsupport::addBackendRows(); }
    void jsonShapesAndExitCodes();
    void commandLineGuards_data() { testsupport::addBackendRows(); }
    void commandLineGuards();
    void readCommandsCreateNoFile();
};

namespace {

using testsupport::Driftctl;
using Output = testsupport::DriftctlOutput;

QString oib(const char* release)
{
    return testsupport::testDataPath(QStringLiteral("oib/") + QLatin1String(release));
}

/// Sets up tenants A and B, a profile over every policy type assigned to B, imports `baseline`
/// into A and `current` into B, captures from A and compares B. Returns the compare's runs.
nlohmann::json captureAndCompare(const Driftctl& driftctl, const char* baseline,
                                 const char* current)
{
    driftctl.expect(0, {"migrate"});
    driftctl.expect(0, {"tenant", "add", "--name", "A"});
    driftctl.expect(
        0,
        {"tenant", "add", "--name", "B", "--external-id", "00000000-0000-4000-8000-00000000000b"});
    driftctl.expect(0, {"profile", "create", "--name", "OIB", "--version-label", baseline});
    driftctl.expect(0, {"profile", "assign", "--profile", "OIB", "--tenant", "B"});
    driftctl.expect(0, {"inventory", "import", "--tenant", "A", "--from", oib(baseline)});
    driftctl.expect(0, {"inventory", "import", "--tenant", "B", "--from", oib(current)});
    driftctl.expect(0, {"capture", "--profile", "OIB", "--from-tenant", "A"});
    return driftctl.expect(0, {"compare", "--tenant", "B", "--format", "json"}).json();
}

std::map<QString, QSet<QString>> subjectsByChange(const nlohmann::json& findings,
                                                  const QString& status = QStringLiteral("open"))
{
    std::map<QString, QSet<QString>> result;
    for (const auto& finding : findings) {
        if (QString::fromStdString(finding["status"]) == status)
            result[QString::fromStdString(finding["change_type"])].insert(
                QString::fromStdString(finding["subject_external_id"]));
    }
    return result;
}

} // namespace

void TestEndToEnd::v36CapturedV37Compared()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), scratch->url());
    const nlohmann::json runs = captureAndCompare(driftctl, "windows-v3.6", "windows-v3.7");
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(testsupport::js(runs[0]["outcome"]), QString("succeeded"));

    const auto findings
        = driftctl.expect(0, {"findings", "list", "--tenant", "B", "--format", "json"}).json();
    const auto subjects = subjectsByChange(findings);
    // Removed in v3.7: the three Google Chrome "(Deprecated)" policies and Restart Warnings.
    QCOMPARE(subjects.at("missing_policy"),
             (QSet<QString>{"dd168bb8-53f9-4fa7-a6a5-de6eda3031e6", // Chrome - D - Security
                            "901ff2b8-8deb-4315-becc-da486661b261", // Chrome - U - Experience
                            "d0cb201d-9bc3-4820-a4e2-830cf1ebb268", // Chrome - U - Profiles
                            "06f1e3a4-3a3d-4da3-92d2-33e7f102a587"})); // Restart Warnings
    // Changed in v3.7, as the change log lists them.
    QCOMPARE(subjects.at("different_version"),
             (QSet<QString>{"7dfa8454-8c39-41e0-86ca-e6456c027be2", // ASR Rules (L2)
                            "16c73d84-c3bd-4145-b0b5-a57bd3273ca1", // BitLocker (OS Disk)
                            "24eba4ff-3d7e-40b4-9241-9ec567d8a959", // Audit and Event Logging
                            "99ff7a9a-e27e-4217-8325-dfebd2e9cfe0", // Security Hardening
                            "ca2597a9-bb08-4aee-8e2d-55955fc70972", // User Rights
                            "2123cf7c-0fb1-412c-a6da-f25e46fcbeb2", // Device Guard ... HVCI
                            "c7afef6d-3dac-42e7-9c04-899ead79b3f6", // Edge - D - Security
                            "09f8fe6a-6650-4386-ba29-725e3c98f96b"})); // Edge - U - User Experience
    // Added in v3.7, plus LAPS Configuration v3.1, re-created upstream with a new id.
    QCOMPARE(subjects.at("unexpected_policy"),
             (QSet<QString>{"f8dd13fa-9652-4849-a3f7-7bc1d41e7af2", // Administrator Protection
                            "d3f8b5d1-cd18-4d6a-8fe3-d861def32fc8", // Printing
                            "c8c2c7c9-7cd8-4fff-8226-bf25d93df982", // In-Box App Removal
                            "45707a04-d1c9-4a61-bf8e-aafe20c92f1f", // Settings Sync
                            "04c6fe4f-c1eb-48ca-8b75-ed6bb6d6c4f4", // Local Group Membership
                            "b0fa4e4d-a312-4533-ab54-e340cb0656d5"})); // LAPS Configuration v3.1
    QCOMPARE(findings.size(), std::size_t(18));

    // The duplicated LAPS id of v3.6 is reported by the import and excluded on both sides.
    const QString laps = QStringLiteral("ccde33f8-d5c4-411c-9bbe-371e9894d1f9");
    for (const auto& finding : findings)
        QVERIFY(QString::fromStdString(finding["subject_external_id"]) != laps);
    const auto syncs
        = driftctl.expect(0, {"runs", "list", "--type", "inventory_sync", "--format", "json"})
              .json();
    const auto& importOfA = syncs.back(); // newest first
    QCOMPARE(testsupport::js(importOfA["context"]["ambiguous_subjects"][0]["subject_external_id"]),
             testsupport::js(laps.toStdString()));
    QCOMPARE(importOfA["context"]["ambiguous_subjects"][0]["files"].size(), std::size_t(2));
    const auto capture
        = driftctl.expect(0, {"runs", "list", "--type", "baseline_capture", "--format", "json"})
              .json();
    QCOMPARE(testsupport::js(capture[0]["context"]["excluded_subjects"][0]["subject_external_id"]),
             testsupport::js(laps.toStdString()));
    QCOMPARE(testsupport::js(runs[0]["context"]["excluded_subjects"][0]["subject_external_id"]),
             testsupport::js(laps.toStdString()));

    // The evidence of a changed policy names the changed settings with both values.
    for (const auto& finding : findings) {
        if (finding["subject_external_id"] != "7dfa8454-8c39-41e0-86ca-e6456c027be2")
            continue;
        const auto& evidence = finding["evidence"];
        QCOMPARE(evidence["differences"].size(), std::size_t(3));
        QVERIFY(QString::fromStdString(evidence["differences"][0]["baseline"]).endsWith("_audit"));
        QVERIFY(QString::fromStdString(evidence["differences"][0]["current"]).endsWith("_block"));
        QCOMPARE(testsupport::js(evidence["current_display_name"]),
                 QString("Win - OIB - ES - Attack Surface Reduction - D - ASR Rules (L2) - v3.7"));
        QCOMPARE(testsupport::js(evidence["current_hash"]),
                 QString("9fa7faa6580138ccf4dac8fdc4f3300b70192963db2be25a979c68983a993247"));
    }
}

void TestEndToEnd::v33CapturedV36Compared()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), scratch->url());
    const nlohmann::json runs = captureAndCompare(driftctl, "windows-v3.3", "windows-v3.6");
    QCOMPARE(testsupport::js(runs[0]["summary_counts"]["missing_policy"]), QStringLiteral("29"));
    QCOMPARE(testsupport::js(runs[0]["summary_counts"]["different_version"]), QStringLiteral("7"));
    QCOMPARE(testsupport::js(runs[0]["summary_counts"]["unexpected_policy"]), QStringLiteral("32"));

    const auto findings = driftctl.expect(0, {"findings", "list", "--format", "json"}).json();
    const auto subjects = subjectsByChange(findings);
    QCOMPARE(subjects.at("missing_policy").size(), 29);
    QCOMPARE(subjects.at("different_version").size(), 7);
    QCOMPARE(subjects.at("unexpected_policy").size(), 32);
}

void TestEndToEnd::recurrenceAndResolution()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), scratch->url());
    captureAndCompare(driftctl, "windows-v3.6", "windows-v3.7");
    const auto first = driftctl.expect(0, {"findings", "list", "--format", "json"}).json();

    // Unchanged data imported again: same identities, seen twice; nothing new, so exit 0.
    driftctl.expect(0, {"inventory", "import", "--tenant", "B", "--from", oib("windows-v3.7")});
    driftctl.expect(0, {"compare", "--all"});
    const auto second = driftctl.expect(0, {"findings", "list", "--format", "json"}).json();
    QCOMPARE(second.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        QCOMPARE(testsupport::js(second[i]["id"]), testsupport::js(first[i]["id"]));
        QCOMPARE(testsupport::js(second[i]["fingerprint"]),
                 testsupport::js(first[i]["fingerprint"]));
        QCOMPARE(testsupport::js(second[i]["first_seen_at"]),
                 testsupport::js(first[i]["first_seen_at"]));
        QCOMPARE(testsupport::js(second[i]["times_seen"]), QStringLiteral("2"));
        QCOMPARE(testsupport::js(second[i]["status"]), QString("open"));
    }

    // B back at v3.6: every finding resolved as no longer detected.
    driftctl.expect(0, {"inventory", "import", "--tenant", "B", "--from", oib("windows-v3.6")});
    driftctl.expect(0, {"compare", "--tenant", "B"});
    const auto third = driftctl.expect(0, {"findings", "list", "--format", "json"}).json();
    QCOMPARE(third.size(), first.size());
    for (const auto& finding : third) {
        QCOMPARE(testsupport::js(finding["status"]), QString("resolved"));
        QCOMPARE(testsupport::js(finding["resolved_reason"]), QString("not_detected"));
    }
    QCOMPARE(driftctl.expect(0, {"findings", "list", "--status", "open", "--format", "json"})
                 .json()
                 .size(),
             std::size_t(0));

    // Drift again: compare --all reports it through its exit code.
    driftctl.expect(0, {"inventory", "import", "--tenant", "B", "--from", oib("windows-v3.7")});
    QCOMPARE(driftctl.expect(4, {"compare", "--all"}).exitCode, 4);
}

void TestEndToEnd::jsonShapesAndExitCodes()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), scratch->url());
    driftctl.expect(0, {"migrate"});
    driftctl.expect(0, {"tenant", "add", "--name", "A"});
    driftctl.expect(0,
                    {"profile", "create", "--name", "P", "--policy-types",
                     "compliancePolicies,windowsUpdateRings"});
    driftctl.expect(0, {"profile", "assign", "--profile", "P", "--tenant", "A"});

    // Blocked: no snapshot yet.
    const Output blocked = driftctl.expect(3, {"compare", "--tenant", "A"});
    QCOMPARE(blocked.exitCode, 3);
    QVERIFY(blocked.out.contains("blocked"));

    // Errors go to stderr with exit code 1.
    const Output unknown = driftctl.expect(1, {"compare", "--tenant", "Nobody"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.out.isEmpty());
    QVERIFY(unknown.err.contains("there is no tenant \"Nobody\""));
    QCOMPARE(
        driftctl.expect(1, {"profile", "create", "--name", "Q", "--policy-types", "wifiProfiles"})
            .exitCode,
        1);

    driftctl.expect(0, {"inventory", "import", "--tenant", "A", "--from", oib("windows-v3.7")});
    const auto runs = driftctl.expect(0, {"runs", "list", "--format", "json"}).json();
    QVERIFY(runs.is_array());
    const QRegularExpression rfc3339(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$"));
    for (const char* key : {"id", "type", "status", "outcome", "summary_counts", "context",
                            "started_at", "completed_at"})
        QVERIFY2(runs[0].contains(key), key);
    QVERIFY(rfc3339.match(QString::fromStdString(runs[0]["completed_at"])).hasMatch());
    QCOMPARE(testsupport::js(runs[0]["type"]), QString("inventory_sync"));
    QCOMPARE(testsupport::js(runs[0]["status"]), QString("completed"));

    const auto shown = driftctl
                           .expect(0,
                                   {"runs", "show", QString::number(runs[0]["id"].get<qint64>()),
                                    "--format", "json"})
                           .json();
    QVERIFY(shown.is_object());
    QCOMPARE(testsupport::js(shown["id"]), testsupport::js(runs[0]["id"]));
    QVERIFY(shown["summary_counts"]["items_read"].is_number());

    driftctl.expect(0, {"capture", "--profile", "P", "--from-tenant", "A"});
    QCOMPARE(driftctl.expect(0, {"compare", "--tenant", "A"}).exitCode, 0);
    const auto findings = driftctl.expect(0, {"findings", "list", "--format", "json"}).json();
    QVERIFY(findings.is_array());
    QCOMPARE(findings.size(), std::size_t(0));

    // CSV has a header with the finding columns.
    const Output csv = driftctl.expect(0, {"findings", "list", "--format", "csv"});
    QVERIFY(csv.out.startsWith("id,tenant_id,baseline_profile_id,baseline_snapshot_id,"));

    // tenant delete removes the tenant's runs; the profile's snapshot stays.
    driftctl.expect(0, {"tenant", "delete", "A"});
    QCOMPARE(driftctl.expect(0, {"runs", "list", "--format", "json"}).json().size(),
             std::size_t(0));
    const auto profiles = driftctl.expect(0, {"profile", "list", "--format", "json"}).json();
    QVERIFY(profiles[0]["active_snapshot_id"].is_number());
}

void TestEndToEnd::commandLineGuards()
{
    DRIFTDESK_SCRATCH_DATABASE(scratch, false);
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), scratch->url());
    driftctl.expect(0, {"migrate"});
    driftctl.expect(0, {"tenant", "add", "--name", "A"});
    driftctl.expect(0, {"tenant", "add", "--name", "B"});
    driftctl.expect(0, {"profile", "create", "--name", "P"});

    // Help for a command group lists its subcommands.
    const Output help = driftctl.expect(0, {"tenant", "--help"});
    QVERIFY(help.out.contains("add, list, delete"));

    // Mistakes are refused with exit 1 and a message on stderr, changing nothing.
    const QList<QStringList> refused{
        {"tenant", "list", "extra"},
        {"tenant", "delete", "A", "--tenant", "B"},
        {"tenant", "add", "--name", "42"},
        {"tenant", "add", "--name", "two\nlines"},
        {"profile", "create", "--name", "Q", "--policy-types", ""},
        {"profile", "create", "--name", "Q", "--policy-types", ","},
        {"profile", "unassign", "--profile", "P", "--tenant", "A"},
        {"inventory", "import", "--tenant", "A", "--from", ""},
        {"inventory", "import", "--tenant", "A", "--from", oib("windows-v3.7"), "--types", ""},
        {"findings", "list", "--change-type", "bogus"},
        {"findings", "list", "--policy-type", "bogus"},
        {"runs", "list", "--type", "bogus"},
        {"profile", "create", "--name", "Q", "--matching", "by-name"},
        {"profile", "update", "P", "--version-suffix", "v(\\d"},
        {"profile", "update", "P", "Q"},
        {"profile", "update", "nobody", "--matching", "by-identity"},
    };
    for (const QStringList& args : refused) {
        const Output output = driftctl.expect(1, args);
        QVERIFY2(output.exitCode == 1, qPrintable(args.join(u' ')));
        QVERIFY2(!output.err.isEmpty(), qPrintable(args.join(u' ')));
    }
    QCOMPARE(driftctl.expect(0, {"tenant", "list", "--format", "json"}).json().size(),
             std::size_t(2));
    QCOMPARE(driftctl.expect(0, {"profile", "list", "--format", "json"}).json().size(),
             std::size_t(1));
    QCOMPARE(driftctl.expect(0, {"runs", "list", "--format", "json"}).json().size(),
             std::size_t(0));

    // An update changes only what it is given.
    const Output updated = driftctl.expect(
        0, {"profile", "update", "P", "--matching", "by-identity", "--version-label", "v3.7"});
    QVERIFY2(updated.out.contains("matched by identity"), updated.out.constData());
    auto profile = driftctl.expect(0, {"profile", "list", "--format", "json"}).json()[0];
    QCOMPARE(profile["matching_mode"].get<std::string>(), "by_identity");
    QCOMPARE(profile["version_suffix_pattern"].get<std::string>(), R"(\s*-\s*v\d+(\.\d+)*$)");
    QCOMPARE(profile["version_label"].get<std::string>(), "v3.7");
    QCOMPARE(profile["status"].get<std::string>(), "active");
    driftctl.expect(0, {"profile", "update", "P", "--matching", "by_id"});
    profile = driftctl.expect(0, {"profile", "list", "--format", "json"}).json()[0];
    QCOMPARE(profile["matching_mode"].get<std::string>(), "by_id");
    QCOMPARE(profile["version_label"].get<std::string>(), "v3.7");

    // A failed import becomes the latest sync; a compare then says why it is blocked.
    driftctl.expect(0, {"profile", "assign", "--profile", "P", "--tenant", "B"});
    driftctl.expect(0, {"inventory", "import", "--tenant", "A", "--from", oib("windows-v3.6")});
    driftctl.expect(0, {"capture", "--profile", "P", "--from-tenant", "A"});
    const Output failedImport
        = driftctl.expect(1, {"inventory", "import", "--tenant", "B", "--from", "/nonexistent"});
    QVERIFY(failedImport.out.isEmpty());
    QVERIFY(failedImport.err.contains("failed: /nonexistent does not exist"));
    const Output blocked = driftctl.expect(3, {"compare", "--tenant", "B"});
    QVERIFY2(blocked.out.contains("blocked: the latest inventory sync of \"B\" (run "),
             blocked.out.constData());
    QVERIFY(blocked.out.contains(") failed: /nonexistent does not exist"));
}

void TestEndToEnd::readCommandsCreateNoFile()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("missing/w.db"));
    const Driftctl driftctl(QStringLiteral(DRIFTCTL_PATH), QStringLiteral("sqlite:") + path);
    const Output output = driftctl.expect(1, {"tenant", "list"});
    QVERIFY(output.err.contains("there is no DriftDesk workspace file"));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("missing"))));

    driftctl.expect(0, {"migrate"});
    QVERIFY(QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
