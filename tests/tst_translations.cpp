// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation: every message of the desktop application is translated, keeps its
// placeholders and access key, and a German system locale makes the main window speak German
// with access keys that still do not clash. CMake runs this with LC_ALL=de_DE.UTF-8, and
// once more on a copy of the .ts file that lupdate brought up to date with the sources
// (translations_current), so a new or removed message fails until the .ts follows.

#include "findingspage.h"
#include "mainwindow.h"
#include "scratchdatabase.h"
#include "scriptedprompts.h"
#include "session.h"
#include "translations.h"
#include "vocabulary.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableView>
#include <QTest>
#include <QXmlStreamReader>

using namespace driftdesk;
using namespace driftdesk::views;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tsFileIsComplete();
    void systemLocaleChoosesGerman();
    void mainWindowSpeaksGerman();
    void everyPolicyTypeHasAGermanLabel();
    void accessKeysStayUniquePerPage();
    void pagesStillFitIn1280x800();

private:
    QStringList m_loaded;
};

namespace {

struct Message
{
    QString context;
    QString source;
    QString type; ///< the translation's type attribute: empty when finished
    QStringList translations; ///< one, or one per plural form
};

QList<Message> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            messages.append({context, {}, {}, {}});
        } else if (xml.name() == QLatin1String("source") && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !messages.isEmpty()) {
            messages.last().type = xml.attributes().value(QLatin1String("type")).toString();
            // A plural translation holds <numerusform> elements; a plain one, text.
            QString text;
            while (xml.readNext() != QXmlStreamReader::EndElement
                   || xml.name() != QLatin1String("translation")) {
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    messages.last().translations.append(xml.readElementText());
            }
            if (messages.last().translations.isEmpty())
                messages.last().translations.append(text);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

/// The placeholders of a text, sorted: %1…%99 and %n.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

/// The access key of a label ("&File" → 'f'), or null.
QChar accessKey(const QString& text)
{
    for (qsizetype at = text.indexOf(QLatin1Char('&')); at >= 0 && at + 1 < text.size();
         at = text.indexOf(QLatin1Char('&'), at + 2)) {
        if (text.at(at + 1) != QLatin1Char('&'))
            return text.at(at + 1).toLower();
    }
    return {};
}

} // namespace

void TestTranslations::initTestCase()
{
    // The same call as the application makes at startup, from the locale CMake sets.
    m_loaded = installTranslations(*QCoreApplication::instance());
}

void TestTranslations::tsFileIsComplete()
{
    const QString path
        = qEnvironmentVariable("DRIFTDESK_TS_FILE", QStringLiteral(DRIFTDESK_SOURCE_TS_FILE));
    QString error;
    const QList<Message> messages = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
    // An empty or truncated file would pass every check below.
    QVERIFY2(messages.size() > 300, qPrintable(QString::number(messages.size())));

    QStringList problems;
    for (const Message& message : messages) {
        const QString where
            = message.context + QStringLiteral(": \"") + message.source + QLatin1Char('"');
        if (!message.type.isEmpty()) {
            problems.append(where + QStringLiteral(" is ") + message.type);
            continue;
        }
        for (const QString& translation : message.translations) {
            if (translation.isEmpty()) {
                problems.append(where + QStringLiteral(" has an empty translation"));
            } else if (placeholders(translation) != placeholders(message.source)) {
                problems.append(where + QStringLiteral(" changes the placeholders: ")
                                + translation);
            } else if (accessKey(message.source).isNull() != accessKey(translation).isNull()) {
                problems.append(where + QStringLiteral(" gains or loses its access key: ")
                                + translation);
            }
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problems in %2 (after changing the text of the "
                                       "desktop application, build the lupdate target and "
                                       "translate what it marks unfinished):\n%3")
                            .arg(problems.size())
                            .arg(path, problems.join(QLatin1Char('\n')))));
}

void TestTranslations::systemLocaleChoosesGerman()
{
    QCOMPARE(QLocale::system().language(), QLocale::German);
    QVERIFY2(m_loaded.contains(QStringLiteral(":/i18n/driftdesk_de.qm")),
             qPrintable(m_loaded.join(QLatin1Char(' '))));
    // Qt's own translation is optional (Debian's qt6-translations-l10n); when there, it loads.
    const QString qtbase
        = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    QCOMPARE(m_loaded.contains(qtbase), QFile::exists(qtbase));
}

void TestTranslations::mainWindowSpeaksGerman()
{
    QString skip;
    const auto scratch = testsupport::ScratchDatabase::create(Backend::Sqlite, true, &skip);
    const auto session = Session::open(scratch->settings(), QStringLiteral("default"));
    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);

    QStringList menus;
    for (QAction* menu : window.menuBar()->actions())
        menus.append(menu->text());
    QCOMPARE(menus, (QStringList{"&Datei", "&Ansicht", "&Operationen", "&Hilfe"}));

    auto* navigation = window.findChild<QListWidget*>();
    QVERIFY(navigation);
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("Mandanten"));
    QCOMPARE(navigation->item(2)->text(), QStringLiteral("Befunde"));

    // A page's buttons, a model's column headers and a stored word shown through the vocabulary.
    FindingsPage* findings = window.findingsPage();
    QStringList buttons;
    for (QAbstractButton* button : findings->findChildren<QAbstractButton*>())
        buttons.append(button->text());
    QVERIFY2(buttons.contains(QStringLiteral("Ak&zeptieren…")), qPrintable(buttons.join(' ')));
    auto* table = findings->findChild<QTableView*>();
    QVERIFY(table);
    QCOMPARE(table->model()->headerData(6, Qt::Horizontal).toString(),
             QStringLiteral("Schweregrad"));
    bool statusOffered = false;
    for (QComboBox* box : findings->findChildren<QComboBox*>())
        statusOffered = statusOffered || box->findText(QStringLiteral("offen")) >= 0;
    QVERIFY(statusOffered);

    QVERIFY2(window.aboutText().contains(QStringLiteral("Datenbank: SQLite")),
             qPrintable(window.aboutText()));
}

void TestTranslations::everyPolicyTypeHasAGermanLabel()
{
    // The labels come from resources/policy-types.json, which lupdate does not read: a type
    // added there needs its label in the vocabulary too.
    QStringList untranslated;
    for (const PolicyTypeInfo& type : PolicyTypeRegistry::builtIn().types()) {
        if (models::policyTypeLabel(type) == type.label)
            untranslated.append(type.key + QStringLiteral(" (") + type.label + QLatin1Char(')'));
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(", "))));
    QVERIFY(!PolicyTypeRegistry::builtIn().types().empty());

    // Where the labels are offered: the findings filter.
    QString skip;
    const auto scratch = testsupport::ScratchDatabase::create(Backend::Sqlite, true, &skip);
    const auto session = Session::open(scratch->settings(), QStringLiteral("default"));
    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);
    bool offered = false;
    for (QComboBox* box : window.findingsPage()->findChildren<QComboBox*>())
        offered
            = offered || box->findText(QStringLiteral("Richtlinien des Einstellungskatalogs")) >= 0;
    QVERIFY(offered);
}

void TestTranslations::accessKeysStayUniquePerPage()
{
    // German labels are new words with new access keys: no two on one page may share one.
    QString skip;
    const auto scratch = testsupport::ScratchDatabase::create(Backend::Sqlite, true, &skip);
    const auto session = Session::open(scratch->settings(), QStringLiteral("default"));
    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showPage(static_cast<MainWindow::Page>(page));
        QApplication::processEvents();
        QStringList labels;
        for (QAction* menu : window.menuBar()->actions())
            labels.append(menu->text());
        for (QAbstractButton* button : window.findChildren<QAbstractButton*>()) {
            if (button->isVisible())
                labels.append(button->text());
        }
        for (QLabel* label : window.findChildren<QLabel*>()) {
            if (label->isVisible() && label->buddy())
                labels.append(label->text());
        }
        QHash<QChar, QString> taken;
        for (const QString& label : labels) {
            const QChar key = accessKey(label);
            if (key.isNull())
                continue;
            QVERIFY2(
                !taken.contains(key),
                qPrintable(
                    QStringLiteral("page %1: %2 and %3").arg(page).arg(taken.value(key), label)));
            taken.insert(key, label);
        }
    }
}

void TestTranslations::pagesStillFitIn1280x800()
{
    // German words are longer than English ones; the window's minimum must not grow past the
    // screen the layout test holds the English window to.
    QString skip;
    const auto scratch = testsupport::ScratchDatabase::create(Backend::Sqlite, true, &skip);
    const auto session = Session::open(scratch->settings(), QStringLiteral("default"));
    testsupport::ScriptedPrompts prompts;
    MainWindow window(*session, prompts);
    const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
    QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 800,
             qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
