// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard access, accessible names and a layout that holds at 1280×800 logical pixels. The
// same test runs a second time at 200% scaling (see CMakeLists.txt).

#include "findingspage.h"
#include "mainwindow.h"
#include "profiledialog.h"
#include "scratchdatabase.h"
#include "scriptedprompts.h"
#include "session.h"
#include "userprompts.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QTest>

using namespace driftdesk;
using namespace driftdesk::views;

class TestDesktopLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyControlHasAName();
    void everyActionHasAKey();
    void mnemonicsAreUniquePerPage();
    void saveNamesTakeTheChosenSuffix();
    void pagesFitIn1280x800();
    void profileDialogFits();

private:
    std::unique_ptr<testsupport::ScratchDatabase> m_scratch;
    std::unique_ptr<Session> m_session;
    testsupport::ScriptedPrompts m_prompts;
    std::unique_ptr<MainWindow> m_window;
};

namespace {

/// A control is named for assistive technology by its accessible name, its own text, or a
/// label that is its buddy.
bool isNamed(QWidget* widget, const QList<QLabel*>& labels)
{
    if (!widget->accessibleName().isEmpty())
        return true;
    if (auto* button = qobject_cast<QAbstractButton*>(widget); button && !button->text().isEmpty())
        return true;
    return std::any_of(labels.begin(), labels.end(),
                       [widget](QLabel* label) { return label->buddy() == widget; });
}

void checkNamed(QWidget* root)
{
    const QList<QLabel*> labels = root->findChildren<QLabel*>();
    QList<QWidget*> controls;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractButton*>(widget)
            || qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget)
            || qobject_cast<QPlainTextEdit*>(widget) || qobject_cast<QAbstractItemView*>(widget);
        // Parts that Qt builds inside other controls (a combo box's popup list, a line edit's
        // clear button) are named through their owner.
        bool internal = widget->objectName().startsWith(QLatin1String("qt_"));
        for (QWidget* owner = widget->parentWidget(); owner && !internal;
             owner = owner->parentWidget()) {
            internal = qobject_cast<QComboBox*>(owner) || qobject_cast<QLineEdit*>(owner)
                || owner->inherits("QComboBoxPrivateContainer");
        }
        if (control && !internal && widget->focusPolicy() != Qt::NoFocus)
            controls.append(widget);
    }
    QVERIFY(!controls.isEmpty());
    for (QWidget* control : controls) {
        QVERIFY2(isNamed(control, labels),
                 qPrintable(QStringLiteral("%1 %2 has no accessible name")
                                .arg(QString::fromLatin1(control->metaObject()->className()),
                                     control->objectName())));
    }
}

} // namespace

void TestDesktopLayout::initTestCase()
{
    QString skip;
    m_scratch = testsupport::ScratchDatabase::create(Backend::Sqlite, true, &skip);
    m_session = Session::open(m_scratch->settings(), QStringLiteral("default"));
    m_window = std::make_unique<MainWindow>(*m_session, m_prompts);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    qInfo("device pixel ratio %.1f", m_window->devicePixelRatioF());
}

void TestDesktopLayout::everyControlHasAName()
{
    checkNamed(m_window.get());
}

void TestDesktopLayout::everyActionHasAKey()
{
    // Every button has a mnemonic, every page a shortcut, every menu entry an access key.
    for (QPushButton* button : m_window->findChildren<QPushButton*>()) {
        QVERIFY2(button->text().contains(QLatin1Char('&')), qPrintable(button->text()));
    }
    const QList<QAction*> menus = m_window->menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    for (QAction* menu : menus) {
        QVERIFY2(menu->text().contains(QLatin1Char('&')), qPrintable(menu->text()));
        for (QAction* action : menu->menu()->actions()) {
            if (!action->isSeparator())
                QVERIFY2(action->text().contains(QLatin1Char('&')), qPrintable(action->text()));
        }
    }
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        QTest::keyClick(m_window.get(), static_cast<Qt::Key>(Qt::Key_1 + page),
                        Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), static_cast<MainWindow::Page>(page));
    }
}

void TestDesktopLayout::mnemonicsAreUniquePerPage()
{
    const auto mnemonic = [](const QString& text) {
        const qsizetype at = text.indexOf(QLatin1Char('&'));
        return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
    };
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        m_window->showPage(static_cast<MainWindow::Page>(page));
        QApplication::processEvents();
        QMap<QChar, QString> taken;
        const auto claim = [&](const QString& text) {
            const QChar key = mnemonic(text);
            if (key.isNull())
                return;
            QVERIFY2(!taken.contains(key),
                     qPrintable(QStringLiteral("page %1: \"%2\" and \"%3\"")
                                    .arg(page)
                                    .arg(taken.value(key), text)));
            taken.insert(key, text);
        };
        for (QAction* menu : m_window->menuBar()->actions())
            claim(menu->text());
        for (QAbstractButton* button : m_window->findChildren<QAbstractButton*>()) {
            if (button->isVisible())
                claim(button->text());
        }
        for (QLabel* label : m_window->findChildren<QLabel*>()) {
            if (label->isVisible() && label->buddy())
                claim(label->text());
        }
    }
}

void TestDesktopLayout::saveNamesTakeTheChosenSuffix()
{
    QCOMPARE(withFilterSuffix(QStringLiteral("/tmp/findings"), QStringLiteral("JSON (*.json)")),
             QStringLiteral("/tmp/findings.json"));
    QCOMPARE(withFilterSuffix(QStringLiteral("/tmp/findings"), QStringLiteral("CSV (*.csv)")),
             QStringLiteral("/tmp/findings.csv"));
    QCOMPARE(withFilterSuffix(QStringLiteral("/tmp/f.csv"), QStringLiteral("JSON (*.json)")),
             QStringLiteral("/tmp/f.csv"));
}

void TestDesktopLayout::pagesFitIn1280x800()
{
    const QSize available(1280, 800);
    QVERIFY2(m_window->minimumSizeHint().width() <= available.width()
                 && m_window->minimumSizeHint().height() <= available.height(),
             qPrintable(QStringLiteral("minimum size %1x%2")
                            .arg(m_window->minimumSizeHint().width())
                            .arg(m_window->minimumSizeHint().height())));
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        m_window->showPage(static_cast<MainWindow::Page>(page));
        QApplication::processEvents();
        QCOMPARE(m_window->size(), available);
        // Nothing of the page is cut off: its minimum fits the space the window gives it.
        QWidget* current = m_window->centralWidget();
        QVERIFY(current->minimumSizeHint().width() <= current->width());
        QVERIFY(current->minimumSizeHint().height() <= current->height());
        const QImage image = m_window->grab().toImage();
        QCOMPARE(image.size(), available * m_window->devicePixelRatioF());
    }
}

void TestDesktopLayout::profileDialogFits()
{
    ProfileDialog dialog(m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.sizeHint().width() <= 1280 && dialog.sizeHint().height() <= 800);
    checkNamed(&dialog);
}

QTEST_MAIN(TestDesktopLayout)
#include "tst_desktoplayout.moc"
