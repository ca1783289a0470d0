// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace driftdesk::views {

/// Installs the desktop application's translation for `locale` (compiled into the program, so
/// it needs no path and works from the build folder) and Qt's own for its standard dialogs and
/// buttons (from Qt's translations folder, where the system has them). Returns the files
/// loaded, such as ":/i18n/driftdesk_de.qm"; English loads none.
QStringList installTranslations(QCoreApplication& app, const QLocale& locale = QLocale::system());

} // namespace driftdesk::views
