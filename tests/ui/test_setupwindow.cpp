// File ▸ School Set-up's calendar, File ▸ Start New Academic Year and File ▸ Mark Pupil as Left, each
// from the keyboard, each one undo step, each checked in the school file.
#include "app/appcontroller.h"
#include "exchange/ctfreader.h"
#include "queries/rosterqueries.h"
#include "services/rosterimport.h"
#include "app/schooldocument.h"
#include "pupil/pupilpage.h"
#include "services/calendarsetup.h"
#include "services/pupilsetup.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "setup/calendarpage.h"
#include "setup/leavedialog.h"
#include "setup/newyeardialog.h"
#include "setup/schoolsetupdialog.h"
#include "setup/yearview.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "widgets/datefield.h"

#include <QApplication>
#include <QLabel>
#include <QPointer>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
setup::YearCalendar storedYear(const QString& path, int year)
{
    auto db = Database::open(path);
    return setup::yearCalendar(*db, year);
}

std::optional<int> yearGroupOf(const QString& path, RowId pupil)
{
    auto db = Database::open(path);
    auto s = db->prepare("SELECT year_group FROM pupil WHERE id = ?1");
    s.bindAll(pupil);
    REQUIRE(s.step());
    return s.isNull(0) ? std::nullopt : std::optional<int>(int(s.int64(0)));
}

QDate leftOnOf(const QString& path, RowId pupil)
{
    auto db = Database::open(path);
    const std::optional<setup::PupilStanding> s = setup::pupilStanding(*db, pupil);
    REQUIRE(s);
    return s->leftOn;
}
} // namespace

TEST_CASE("The calendar's dates are typed, checked as typed, saved as one step and undone back to the defaults")
{
    test::ShellWindowFixture f(true);
    MainWindow& w = f.window();
    const int year = f.school.academicYear;
    REQUIRE_FALSE(storedYear(f.school.path, year).configured);
    REQUIRE(w.actions().schoolSetup->isEnabled());
    f.app.openSchoolSetup(AppController::CalendarSetup);
    SchoolSetupDialog* dialog = f.app.schoolSetupDialog();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    // Offscreen, a second window is not kept active by activateWindow() (and qWaitForWindowActive
    // answers for its parent): made so, as a window manager would, before each run of keys.
    const auto activate = [dialog] {
        QApplication::setActiveWindow(dialog);
        REQUIRE(test::waitFor([dialog] { return QApplication::activeWindow() == dialog; }));
    };
    activate();
    auto* page = qobject_cast<CalendarPage*>(dialog->tabs()->currentWidget());
    REQUIRE(page);
    CHECK(page->academicYear() == year);
    CHECK_FALSE(page->saveButton()->isEnabled()); // nothing changed yet
    CHECK(page->yearView()->schoolDays() >= 187);
    const int before = page->yearView()->schoolDays();

    // Autumn 2 typed to start before Autumn 1 ends: said as typed, and Save is off.
    DateField* autumnEnd = page->endField(0);
    const QDate defaultEnd = autumnEnd->date();
    DateField* autumn2Start = page->startField(1);
    const QDate defaultStart2 = autumn2Start->date();
    activate();
    autumn2Start->setFocus();
    autumn2Start->selectAll();
    QTest::keyClicks(autumn2Start, defaultEnd.addDays(-1).toString(QStringLiteral("d/M/yyyy")));
    QTest::keyClick(autumn2Start, Qt::Key_Return);
    INFO(page->problemText().toStdString() << " | typed " << autumn2Start->text().toStdString());
    CHECK_FALSE(page->problemText().isEmpty());
    CHECK_FALSE(page->saveButton()->isEnabled());
    autumn2Start->setFocus();
    autumn2Start->selectAll();
    QTest::keyClicks(autumn2Start, defaultStart2.toString(QStringLiteral("d/M/yyyy")));
    QTest::keyClick(autumn2Start, Qt::Key_Return);
    CHECK(page->problemText().isEmpty());
    // A Welsh LA's Autumn 1 a week longer (no half-term week): typed over the default.
    autumnEnd->setFocus();
    autumnEnd->selectAll();
    QTest::keyClicks(autumnEnd, defaultEnd.addDays(7).toString(QStringLiteral("d/M/yyyy")));
    QTest::keyClick(autumnEnd, Qt::Key_Return);
    CHECK(page->problemText().isEmpty());
    REQUIRE(page->saveButton()->isEnabled());
    CHECK(dialog->isVisible()); // Enter finished the date; it did not close the window
    activate();
    QTest::keyClick(page, Qt::Key_S, Qt::AltModifier); // &Save Dates: the button is pressed a moment later
    REQUIRE(test::waitFor([&] { return storedYear(f.school.path, year).configured; }));
    const setup::YearCalendar saved = storedYear(f.school.path, year);
    CHECK(saved.configured);
    CHECK(saved.halfTerms[0].end == defaultEnd.addDays(7));
    CHECK(saved.halfTerms[1].start == defaultStart2);
    CHECK(page->yearView()->schoolDays() == before + 5); // the half-term week is taught
    QUndoStack& stack = f.app.document().undoStack();
    CHECK(stack.undoText().startsWith(QStringLiteral("Change the dates of")));

    stack.undo();
    CHECK_FALSE(storedYear(f.school.path, year).configured);
    CHECK(test::waitFor([&] { return page->endField(0)->date() == defaultEnd; }));
    stack.redo();
    CHECK(storedYear(f.school.path, year).halfTerms[0].end == defaultEnd.addDays(7));

    // Back to the usual dates, and undo brings the school's own dates back.
    REQUIRE(test::waitFor([&] { return page->defaultsButton()->isEnabled(); }));
    activate();
    QTest::keyClick(page, Qt::Key_U, Qt::AltModifier); // Use the &Usual Dates
    REQUIRE(test::waitFor([&] { return !storedYear(f.school.path, year).configured; }));
    stack.undo();
    CHECK(storedYear(f.school.path, year).configured);
    CHECK(storedYear(f.school.path, year).halfTerms[0].end == defaultEnd.addDays(7));
}

TEST_CASE("A new academic year moves pupils up and marks the confirmed leavers, and undo takes it all back")
{
    test::ShellWindowFixture f(true);
    MainWindow& w = f.window();
    RowId year11 = 0;
    {
        setup::NewPupil p;
        p.legalGivenName = QStringLiteral("Gemma");
        p.legalFamilyName = QStringLiteral("Hart");
        p.dateOfBirth = QDate(2010, 1, 5);
        p.yearGroup = 11;
        year11 = setup::addPupil(f.app.document().session()->db(), p, f.school.today);
    }
    bool answered = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<NewYearDialog*>(modal);
        REQUIRE(dialog);
        answered = true;
        // Year 11 with no sixth form: Gemma is ticked as leaving.
        REQUIRE(dialog->candidatesList()->count() == 1);
        CHECK(dialog->candidatesList()->item(0)->checkState() == Qt::Checked);
        CHECK(dialog->summaryText().contains(QStringLiteral("move 6 pupils up")));
        CHECK(dialog->summaryText().contains(QStringLiteral("mark 1 pupil as left")));
        QTest::keyClick(dialog->candidatesList(), Qt::Key_Space); // unticked: staying on
        CHECK(dialog->summaryText().contains(QStringLiteral("move 7 pupils up")));
        QTest::keyClick(dialog->candidatesList(), Qt::Key_Space); // ticked again
        QTest::keyClick(dialog->startButton(), Qt::Key_Return);
    });
    w.actions().newYear->trigger();
    REQUIRE(answered);
    CHECK(yearGroupOf(f.school.path, f.school.amara) == 10);
    CHECK(leftOnOf(f.school.path, year11).isValid());
    CHECK(storedYear(f.school.path, f.school.academicYear + 1).configured);
    QUndoStack& stack = f.app.document().undoStack();
    CHECK(stack.undoText() == QStringLiteral("Start 2026/27"));
    stack.undo();
    CHECK(yearGroupOf(f.school.path, f.school.amara) == 9);
    CHECK_FALSE(leftOnOf(f.school.path, year11).isValid());
    CHECK_FALSE(storedYear(f.school.path, f.school.academicYear + 1).configured);
    stack.redo();
    CHECK(yearGroupOf(f.school.path, f.school.amara) == 10);
}

TEST_CASE("The pupil on show is marked as left on a typed day, re-admitted, and each is undone")
{
    test::ShellWindowFixture f(true);
    MainWindow& w = f.window();
    REQUIRE(w.showPupil(f.school.ben));
    f.app.updatePupilActions();
    REQUIRE(w.actions().markLeft->isEnabled());
    CHECK(w.actions().markLeft->text() == QStringLiteral("Mark Pupil as &Left…"));
    const QDate leftOn = f.school.today.addDays(-3);
    bool answered = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<LeaveDialog*>(modal);
        REQUIRE(dialog);
        answered = true;
        REQUIRE(QApplication::focusWidget() == dialog->dateField());
        QTest::keyClicks(dialog->dateField(), leftOn.toString(QStringLiteral("d/M/yyyy")));
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
    });
    w.actions().markLeft->trigger();
    REQUIRE(answered);
    CHECK(leftOnOf(f.school.path, f.school.ben) == leftOn);
    f.app.updatePupilActions();
    CHECK(w.actions().markLeft->text() == QStringLiteral("Re-&admit Pupil"));

    w.actions().markLeft->trigger(); // re-admit: no question to ask
    CHECK_FALSE(leftOnOf(f.school.path, f.school.ben).isValid());
    QUndoStack& stack = f.app.document().undoStack();
    stack.undo();
    CHECK(leftOnOf(f.school.path, f.school.ben) == leftOn);
    stack.undo();
    CHECK_FALSE(leftOnOf(f.school.path, f.school.ben).isValid());
}

TEST_CASE("School Set-up goes with its school: opening another closes it, and nothing reaches its pages after")
{
    test::ShellWindowFixture f(true);
    f.app.openSchoolSetup(AppController::GroupsSetup);
    QPointer<SchoolSetupDialog> dialog = f.app.schoolSetupDialog();
    REQUIRE(dialog);
    // A change on the stack, so that replacing the school clears it (which the pages listen to).
    f.app.openSchoolSetup(AppController::CalendarSetup);
    const QString other = f.dir.path(QStringLiteral("other.waymark"));
    test::buildShellSchool(other, f.school.today);
    f.app.openSchoolOrThrow(other);
    CHECK(f.app.schoolSetupDialog() == nullptr);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // as the event loop does
    CHECK(dialog.isNull());
    f.app.openSchoolSetup(AppController::StaffSetup);
    REQUIRE(f.app.schoolSetupDialog());
    CHECK(f.app.schoolSetupDialog()->isVisible());
}

TEST_CASE("A pupil's SEN and free school meals history from a Common Transfer File shows on Characteristics")
{
    test::ShellWindowFixture f(true);
    Database& db = f.app.document().session()->db();
    const exchange::Roster ctf = exchange::readCtf(
        test::readAll(QStringLiteral(WAYMARK_TESTS_DIR "/exchange/ctf/ctf25-all-through/input.xml")), f.school.today);
    importing::applyImport(db, importing::planImport(db, ctf, f.school.today, QStringLiteral("ctf")), f.school.today,
                           importing::Leavers::Ignore);
    const std::optional<RowId> thomas = findPupilByUpn(db, QStringLiteral("A820200114002"));
    REQUIRE(thomas);
    REQUIRE(f.window().showPupil(*thomas));
    QTest::keyClick(&f.window(), Qt::Key_C, Qt::AltModifier); // Chara&cteristics
    QLabel* history = nullptr;
    REQUIRE(test::waitFor([&] {
        for (QLabel* label : f.window().findChildren<QLabel*>())
            if (label->accessibleName() == QStringLiteral("SEN and free school meals history") && label->isVisible())
                history = label;
        return history != nullptr;
    }));
    INFO(history->text().toStdString());
    CHECK(history->text().contains(QStringLiteral("SEN support 3 Sep 2020 to 31 Jan 2024")));
    CHECK(history->text().contains(QStringLiteral("EHC plan since 1 Feb 2024")));
    CHECK(history->text().contains(QStringLiteral("Free school meals 6 Jan 2020 to 31 Mar 2023")));
}

TEST_CASE("Dates being typed on the calendar survive a change made elsewhere meanwhile")
{
    test::ShellWindowFixture f(true);
    f.app.openSchoolSetup(AppController::CalendarSetup);
    SchoolSetupDialog* dialog = f.app.schoolSetupDialog();
    REQUIRE(dialog);
    auto* page = qobject_cast<CalendarPage*>(dialog->tabs()->currentWidget());
    REQUIRE(page);
    page->endField(2)->setText(QStringLiteral("13/2/20")); // being typed: not yet read
    dialog->reload();                                      // as after a change in another window
    CHECK(page->endField(2)->text() == QStringLiteral("13/2/20"));
    const QDate spring2 = page->startField(3)->date();
    page->startField(3)->setDate(spring2.addDays(7));     // and a date changed, not yet saved
    dialog->reload();                                      // as after a change in another window
    CHECK(page->endField(2)->text() == QStringLiteral("13/2/20"));
    CHECK(page->startField(3)->date() == spring2.addDays(7));
}
