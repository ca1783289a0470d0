// SPDX-License-Identifier: GPL-3.0-or-later
#include "vocabulary.h"

#include <QCoreApplication>
#include <QHash>

namespace driftdesk::models {

namespace {

struct Word
{
    const char* source;
    const char* comment;
};

// lupdate collects these; the comment tells the translator what a bare identifier means.
// Every stored word has one meaning in every place it appears, so one context serves them all.
constexpr Word words[] = {
    QT_TRANSLATE_NOOP3("Vocabulary", "open", "finding status: needs attention"),
    QT_TRANSLATE_NOOP3("Vocabulary", "acknowledged", "finding status: accepted by a person"),
    QT_TRANSLATE_NOOP3("Vocabulary", "resolved", "finding status: no longer detected"),
    QT_TRANSLATE_NOOP3("Vocabulary", "high", "finding severity"),
    QT_TRANSLATE_NOOP3("Vocabulary", "medium", "finding severity"),
    QT_TRANSLATE_NOOP3("Vocabulary", "low", "finding severity"),
    QT_TRANSLATE_NOOP3("Vocabulary", "missing_policy",
                       "change type: in the baseline, absent from the tenant"),
    QT_TRANSLATE_NOOP3("Vocabulary", "different_version",
                       "change type: configured differently from the baseline"),
    QT_TRANSLATE_NOOP3("Vocabulary", "unexpected_policy",
                       "change type: in the tenant, not in the baseline"),
    QT_TRANSLATE_NOOP3("Vocabulary", "ambiguous_match",
                       "change type: several policies have the same name and type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "not_detected", "why a finding was resolved"),
    QT_TRANSLATE_NOOP3("Vocabulary", "baseline_replaced",
                       "why a finding was resolved: a newer baseline snapshot is active"),
    QT_TRANSLATE_NOOP3("Vocabulary", "active", "baseline profile status"),
    QT_TRANSLATE_NOOP3("Vocabulary", "draft", "baseline profile status"),
    QT_TRANSLATE_NOOP3("Vocabulary", "archived", "baseline profile status"),
    QT_TRANSLATE_NOOP3("Vocabulary", "queued", "run status"),
    QT_TRANSLATE_NOOP3("Vocabulary", "running", "run status"),
    QT_TRANSLATE_NOOP3("Vocabulary", "completed", "run status"),
    QT_TRANSLATE_NOOP3("Vocabulary", "succeeded", "run outcome or coverage of a type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "partially_succeeded", "run outcome"),
    QT_TRANSLATE_NOOP3("Vocabulary", "partial", "coverage of a type: some files unreadable"),
    QT_TRANSLATE_NOOP3("Vocabulary", "failed", "run outcome or coverage of a type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "blocked", "run outcome: could not start"),
    QT_TRANSLATE_NOOP3("Vocabulary", "cancelled", "run outcome"),
    QT_TRANSLATE_NOOP3("Vocabulary", "files_read", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "files_failed", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "bytes_read", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "items_read", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "items_stored", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "types_covered", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "types_succeeded", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "types_partial", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "types_failed", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "ambiguous_subjects", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "items_captured", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "types_captured", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "types_skipped", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "subjects_excluded", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "snapshot_reused", "run counter: 0 or 1"),
    QT_TRANSLATE_NOOP3("Vocabulary", "baseline_items", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "current_items", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "types_compared", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "findings_opened", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "findings_reopened", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "findings_seen_again", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "findings_resolved", "run counter"),
    QT_TRANSLATE_NOOP3("Vocabulary", "findings_baseline_replaced", "run counter"),

    // The labels of resources/policy-types.json, which lupdate cannot read: Intune's names.
    QT_TRANSLATE_NOOP3("Vocabulary", "Device configuration profiles", "policy type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "Compliance policies", "policy type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "Settings catalog policies", "policy type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "Endpoint security policies", "policy type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "Windows Update rings", "policy type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "Windows driver update profiles", "policy type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "Windows feature update profiles", "policy type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "App protection policies", "policy type"),
    QT_TRANSLATE_NOOP3("Vocabulary", "Security baselines", "foundation type"),
};

} // namespace

QString displayWord(const QString& stored)
{
    static const QHash<QString, const Word*> byText = [] {
        QHash<QString, const Word*> table;
        for (const Word& word : words)
            table.insert(QString::fromLatin1(word.source), &word);
        return table;
    }();
    const Word* word = byText.value(stored);
    return word ? QCoreApplication::translate("Vocabulary", word->source, word->comment) : stored;
}

QString policyTypeLabel(const PolicyTypeInfo& type)
{
    return displayWord(type.label);
}

} // namespace driftdesk::models
