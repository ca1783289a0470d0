// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidenceview.h"

#include "jsonconvert.h"
#include "vocabulary.h"

namespace driftdesk::views {

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString changeLabel(const QString& changeType)
{
    if (changeType == ChangeType::missingPolicy)
        return EvidenceView::tr("Missing policy: in the baseline, absent from the tenant");
    if (changeType == ChangeType::differentVersion)
        return EvidenceView::tr("Changed policy: configured differently from the baseline");
    if (changeType == ChangeType::unexpectedPolicy)
        return EvidenceView::tr("Unexpected policy: in the tenant, not in the baseline");
    if (changeType == ChangeType::ambiguousMatch)
        return EvidenceView::tr("Ambiguous match: more than one policy has this name and type");
    return changeType;
}

/// The catalog, completed with the names the compare stored on the differences: evidence
/// stays readable when the definitions were imported into another workspace or removed.
SettingDefinitionCatalog withStoredNames(const SettingDefinitionCatalog& catalog,
                                         const nlohmann::json& differences)
{
    SettingDefinitionCatalog known = catalog;
    for (const auto& difference : differences) {
        const QString id = toQString(difference.value("setting_definition_id", nlohmann::json()));
        const QString name = toQString(difference.value("setting_name", nlohmann::json()));
        if (id.isEmpty() || name.isEmpty() || !catalog.displayName(id).isEmpty())
            continue;
        QHash<QString, QString> options;
        for (const char* side : {"baseline", "current"}) {
            const auto value = difference.find(side);
            const auto option = difference.find(std::string(side) + "_option");
            if (value != difference.end() && value->is_string() && option != difference.end())
                options.insert(toQString(*value), toQString(*option));
        }
        known.insert(id, name, options);
    }
    return known;
}

/// The baseline items and current objects an ambiguous match could not tell apart.
QString ambiguityTable(const nlohmann::json& evidence)
{
    QString out
        = QStringLiteral("<p>%1</p>")
              .arg(
                  EvidenceView::tr("Normalised name: <i>%1</i>. Rename all but one, or "
                                   "match this profile's tenants by id.")
                      .arg(
                          toQString(evidence.value("identity", nlohmann::json())).toHtmlEscaped()));
    out += QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
                          "<tr><th>%1</th><th>%2</th><th>%3</th></tr>")
               .arg(EvidenceView::tr("Side"), EvidenceView::tr("Name"), EvidenceView::tr("Id"));
    for (const auto& [member, side] : {std::pair{"baseline_items", EvidenceView::tr("Baseline")},
                                       std::pair{"current_objects", EvidenceView::tr("Tenant")}}) {
        for (const auto& entry : evidence.value(member, nlohmann::json::array())) {
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                       .arg(
                           side.toHtmlEscaped(),
                           toQString(entry.value("display_name", nlohmann::json())).toHtmlEscaped(),
                           toQString(entry.value("subject_external_id", nlohmann::json()))
                               .toHtmlEscaped());
        }
    }
    return out + QStringLiteral("</table>");
}

QString timestamp(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

} // namespace

EvidenceView::EvidenceView(QWidget* parent)
    : QTextBrowser(parent)
{
    setAccessibleName(tr("Evidence of the finding"));
    setOpenLinks(false);
}

void EvidenceView::showFinding(const Finding& finding, const QString& tenantName,
                               const QString& profileName, const SettingDefinitionCatalog& catalog)
{
    setHtml(html(finding, tenantName, profileName, catalog));
}

void EvidenceView::showNothing()
{
    setHtml(tr("<p>Select a finding to see its evidence.</p>"));
}

QString EvidenceView::displayValue(const QString& path, const nlohmann::json& value,
                                   const SettingDefinitionCatalog& catalog, int limit)
{
    QString text = value.is_string() ? toQString(value) : QString::fromStdString(value.dump());

    // A choice setting's value is an option item id: name it when the catalog can.
    if (value.is_string() && path.endsWith(QLatin1String(".choiceSettingValue.value"))) {
        const QStringList ids = definitionIdsInPath(path);
        const QString option = ids.isEmpty() ? QString() : catalog.optionName(ids.last(), text);
        if (!option.isEmpty())
            text = option + QStringLiteral(" (") + text + QLatin1Char(')');
    }
    if (text.size() > limit)
        text = text.left(limit - 1) + QChar(0x2026);
    return text;
}

QString EvidenceView::html(const Finding& finding, const QString& tenantName,
                           const QString& profileName, const SettingDefinitionCatalog& catalog)
{
    const nlohmann::json& evidence = finding.evidence;
    QString out;
    out += QStringLiteral("<h3>%1</h3>").arg(escaped(finding.displayName));
    out += QStringLiteral("<p><b>%1</b></p>").arg(escaped(changeLabel(finding.changeType)));

    // Two compact lines: what and where, then the lifecycle.
    const QString where = tr("%1 · %2 · %3 · %4 %5")
                              .arg(tenantName, profileName, finding.policyType, finding.subjectType,
                                   finding.subjectExternalId);
    const QString seen
        = finding.timesSeen == 1 ? tr("seen once") : tr("seen %1 times").arg(finding.timesSeen);
    QString lifecycle
        = tr("Severity %1 · %2 · first seen %3 · last seen %4 · %5")
              .arg(models::displayWord(finding.severity), models::displayWord(finding.status),
                   timestamp(finding.firstSeenAt), timestamp(finding.lastSeenAt), seen);
    if (finding.resolvedAt.isValid())
        lifecycle
            += tr(" · resolved %1 (%2)")
                   .arg(timestamp(finding.resolvedAt), models::displayWord(finding.resolvedReason));
    out += QStringLiteral("<p>%1<br>%2</p>").arg(escaped(where), escaped(lifecycle));
    if (finding.acknowledgedAt.isValid()) {
        out += QStringLiteral("<p>%1</p>")
                   .arg(escaped(tr("Acknowledged %1 by %2: %3")
                                    .arg(timestamp(finding.acknowledgedAt), finding.acknowledgedBy,
                                         finding.acknowledgementNote))
                            .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }

    // A rename is not drift, but it is worth showing beside the finding.
    const QString baselineName
        = toQString(evidence.value("baseline_display_name", nlohmann::json()));
    const QString currentName = toQString(evidence.value("current_display_name", nlohmann::json()));
    if (!baselineName.isEmpty() && !currentName.isEmpty() && baselineName != currentName) {
        out += tr("<p>Renamed from <i>%1</i> to <i>%2</i>.</p>")
                   .arg(escaped(baselineName), escaped(currentName));
    }

    const QString matchedFrom
        = toQString(evidence.value("baseline_subject_external_id", nlohmann::json()));
    if (!matchedFrom.isEmpty()) {
        out += tr("<p>Matched by name and type to baseline policy %1.</p>")
                   .arg(escaped(matchedFrom));
    }
    if (finding.changeType == ChangeType::ambiguousMatch)
        out += ambiguityTable(evidence);

    const auto differences = evidence.value("differences", nlohmann::json::array());
    const SettingDefinitionCatalog known = withStoredNames(catalog, differences);
    if (!differences.empty()) {
        out += QStringLiteral("<p><b>%1</b></p>")
                   .arg(differences.size() == 1
                            ? tr("1 changed property")
                            : tr("%1 changed properties").arg(differences.size()));
        out += QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
                              "<tr><th>%1</th><th>%2</th><th>%3</th></tr>")
                   .arg(tr("Property"), tr("Baseline"), tr("Current"));
        for (const auto& difference : differences) {
            const QString path = toQString(difference.value("path", nlohmann::json()));
            const QString baseline = difference.contains("baseline")
                ? displayValue(path, difference["baseline"], known)
                : tr("(absent)");
            const QString current = difference.contains("current")
                ? displayValue(path, difference["current"], known)
                : tr("(absent)");
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                       .arg(escaped(readablePath(path, known)), escaped(baseline),
                            escaped(current));
        }
        out += QStringLiteral("</table>");
    }

    QStringList hashes;
    for (const auto& [key, label] : {std::pair{"baseline_hash", tr("baseline hash %1")},
                                     std::pair{"current_hash", tr("current hash %1")}}) {
        const QString hash = toQString(evidence.value(key, nlohmann::json()));
        if (!hash.isEmpty())
            hashes.append(label.arg(hash));
    }
    hashes.append(tr("meta contract version %1").arg(evidence.value("meta_contract_version", 0)));
    out += QStringLiteral("<p style='color:gray'>%1</p>")
               .arg(escaped(hashes.join(QStringLiteral(", "))));
    return out;
}

} // namespace driftdesk::views
