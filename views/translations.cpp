// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace driftdesk::views {

QStringList installTranslations(QCoreApplication& app, const QLocale& locale)
{
    QStringList loaded;
    const auto install = [&](const QString& name, const QString& folder) {
        // Owned by the application, which outlives every window that uses it.
        auto* translator = new QTranslator(&app);
        // load() tries each of the user's languages in turn ("de_AT", then "de").
        if (translator->load(locale, name, QStringLiteral("_"), folder)
            && QCoreApplication::installTranslator(translator)) {
            loaded.append(translator->filePath());
        } else {
            delete translator;
        }
    };
    install(QStringLiteral("driftdesk"), QStringLiteral(":/i18n"));
    install(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return loaded;
}

} // namespace driftdesk::views
