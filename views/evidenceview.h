// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "records.h"
#include "settingdefinitions.h"

#include <QTextBrowser>

namespace driftdesk::views {

/// A finding's evidence for people: what it is, its lifecycle, and for a changed policy each
/// changed property with its baseline and current value side by side. Settings-catalog
/// settings show their display names and chosen options where the catalog knows them, else
/// their definition ids. Long values are shortened here only; the stored evidence keeps them.
class EvidenceView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit EvidenceView(QWidget* parent = nullptr);

    void showFinding(const Finding& finding, const QString& tenantName, const QString& profileName,
                     const SettingDefinitionCatalog& catalog);
    void showNothing();

    /// The HTML for a finding, as shown (public for tests and screenshots).
    static QString html(const Finding& finding, const QString& tenantName,
                        const QString& profileName, const SettingDefinitionCatalog& catalog);

    /// A value as shown: text as it is, other JSON compact, the option's name for a choice
    /// setting's value when the catalog knows it, at most `limit` characters.
    static QString displayValue(const QString& path, const nlohmann::json& value,
                                const SettingDefinitionCatalog& catalog, int limit = 400);
};

} // namespace driftdesk::views
