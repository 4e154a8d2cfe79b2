// FieldBinding with texts longer than its editor takes: a file may hold them, Waymark never writes
// them, and saving one again must never cut it short without a word.
#include "domain/fieldlimits.h"
#include "pupil/fieldbinding.h"

#include <QAction>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("A stored text longer than its editor takes is shown cut short and cannot be edited")
{
    QLineEdit line;
    line.setMaxLength(limits::kName);
    int commits = 0;
    FieldBinding binding(&line, [&](const QVariant&, const QVariant&, quint64) {
        ++commits;
        return true;
    });

    const QString huge(1000000, QLatin1Char('W'));
    binding.showStored(huge);
    CHECK(line.text().size() == limits::kName);
    CHECK(line.text().endsWith(QChar(0x2026)));
    CHECK(line.isReadOnly());
    CHECK(line.toolTip().contains(QStringLiteral("1000000")));
    // The teacher cannot type into it, so nothing is written back, cut or otherwise.
    line.setFocus();
    QTest::keyClicks(&line, QStringLiteral("x"));
    QTest::keyClick(&line, Qt::Key_Backspace);
    binding.commitPending();
    CHECK(commits == 0);
    CHECK(line.text().size() == limits::kName);

    binding.showStored(QStringLiteral("Okafor"));
    CHECK(line.text() == QStringLiteral("Okafor"));
    CHECK_FALSE(line.isReadOnly());
    CHECK(line.toolTip().isEmpty());

    // A read-only school keeps its editors read-only whatever is shown.
    binding.setReadOnly(true);
    binding.showStored(huge);
    binding.showStored(QStringLiteral("Okafor"));
    CHECK(line.isReadOnly());
}

TEST_CASE("A plan section longer than Waymark keeps opens at once, cut short and read-only")
{
    QPlainTextEdit text;
    FieldBinding binding(&text, [](const QVariant&, const QVariant&, quint64) { return true; });
    binding.showStored(QString(1000000, QLatin1Char('s')));
    CHECK(text.toPlainText().size() == limits::kText);
    CHECK(text.isReadOnly());
    binding.showStored(QStringLiteral("Loves drawing."));
    CHECK_FALSE(text.isReadOnly());
}

TEST_CASE("Ctrl+Z in a text box commits its typing and then runs the app's undo, never the box's own")
{
    QWidget window;
    auto* line = new QLineEdit(&window);
    auto* other = new QLineEdit(&window);
    other->move(0, 40);
    QStringList written;
    FieldBinding binding(line, [&](const QVariant& value, const QVariant&, quint64) {
        written << value.toString();
        return true;
    });
    binding.showStored(QStringLiteral("she/her"));
    int undone = 0;
    int redone = 0;
    QAction undo(&window);
    undo.setShortcut(QKeySequence::Undo);
    QObject::connect(&undo, &QAction::triggered, [&] { ++undone; });
    QAction redo(&window);
    redo.setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    QObject::connect(&redo, &QAction::triggered, [&] { ++redone; });
    window.addAction(&undo);
    window.addAction(&redo);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("they/them"));
    QTest::keyClick(line, Qt::Key_Z, Qt::ControlModifier);
    CHECK(written == QStringList{QStringLiteral("they/them")}); // the typing became a step first
    CHECK(undone == 1);                                         // and the app's undo took it
    CHECK(line->text() == QStringLiteral("they/them"));         // the box did not undo by itself
    QTest::keyClick(line, Qt::Key_Y, Qt::ControlModifier);
    QTest::keyClick(line, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(redone == 2);

    // With the app's Undo disabled (nothing to undo), the box still does not undo on its own.
    undo.setEnabled(false);
    QTest::keyClicks(line, QStringLiteral("!"));
    QTest::keyClick(line, Qt::Key_Z, Qt::ControlModifier);
    CHECK(line->text() == QStringLiteral("they/them!"));
    CHECK(written.last() == QStringLiteral("they/them!"));
}
