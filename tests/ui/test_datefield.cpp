// DateField: dates typed as teachers type them, in the target table and the Details tab.
#include "calendar/typeddate.h"
#include "widgets/datefield.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QSignalSpy>
#include <QTest>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("A date field reads typed dates the UK way, keeps unreadable text and says why, and opens a calendar")
{
    DateField field;
    field.setToday(QDate(2026, 11, 23));
    field.show();
    field.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&field));
    QSignalSpy edited(&field, &DateField::dateEdited);
    QSignalSpy refused(&field, &DateField::unreadable);

    const auto type = [&](const QString& text) {
        field.setFocus();
        field.selectAll();
        QTest::keyClick(&field, Qt::Key_Backspace);
        QTest::keyClicks(&field, text);
        QTest::keyClick(&field, Qt::Key_Return);
    };
    type(QStringLiteral("15 Jan 2027"));
    CHECK(field.date() == QDate(2027, 1, 15)); // not 15 December, as QDateEdit made it
    CHECK(field.text() == QStringLiteral("15 Jan 2027"));
    type(QStringLiteral("15/01/2027"));
    CHECK(field.date() == QDate(2027, 1, 15));
    type(QStringLiteral("3/2/27"));
    CHECK(field.date() == QDate(2027, 2, 3));
    CHECK(edited.count() == 2); // the same date again is not an edit

    // Not a date: the date stays, the text stays for mending, and the field says why.
    type(QStringLiteral("next Tuesday"));
    CHECK(field.date() == QDate(2027, 2, 3));
    CHECK(field.text() == QStringLiteral("next Tuesday"));
    CHECK(field.hasUnreadableText());
    REQUIRE(refused.count() == 1);
    CHECK(refused.at(0).at(0).toString().contains(QStringLiteral("is not a date Waymark can read")));
    CHECK(edited.count() == 2);

    // Emptied: not set.
    type(QString());
    CHECK_FALSE(field.date().isValid());
    CHECK_FALSE(field.hasUnreadableText());

    // Wide enough for the year at any font.
    CHECK(field.minimumSizeHint().width() > field.fontMetrics().horizontalAdvance(QStringLiteral("30 Sep 2027")));

    // Alt+Down opens the calendar from the keyboard; Enter there takes the day.
    field.setDate(QDate(2027, 3, 10));
    field.setFocus();
    QTest::keyClick(&field, Qt::Key_Down, Qt::AltModifier);
    auto* calendar = qobject_cast<QCalendarWidget*>(QApplication::focusWidget());
    if (!calendar) {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* c = w->findChild<QCalendarWidget*>(QStringLiteral("dateFieldCalendar")); c && w->isVisible())
                calendar = c;
    }
    REQUIRE(calendar);
    CHECK(calendar->selectedDate() == QDate(2027, 3, 10));
    calendar->setSelectedDate(QDate(2027, 3, 12));
    Q_EMIT calendar->activated(calendar->selectedDate());
    CHECK(field.date() == QDate(2027, 3, 12));
    CHECK(field.text() == QStringLiteral("12 Mar 2027"));

    // F4 too.
    QTest::keyClick(&field, Qt::Key_F4);
    bool open = false;
    for (QWidget* w : QApplication::topLevelWidgets())
        open = open || (w->isVisible() && w->findChild<QCalendarWidget*>(QStringLiteral("dateFieldCalendar")));
    CHECK(open);
}
