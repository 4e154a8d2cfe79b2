#pragma once

#include "services/calendarsetup.h"

#include <QDate>
#include <QUndoCommand>
#include <QWidget>

#include <array>
#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QUndoStack;

namespace waymark {

class Database;
class DateField;
class YearView;

// Stores a year's dates through the calendar service as one undo step; undo puts back the dates
// as they were (refused, and said, if they were changed elsewhere since).
class SetYearCalendarCommand final : public QUndoCommand
{
public:
    SetYearCalendarCommand(Database& db, setup::YearCalendar before, setup::YearCalendar after,
                           std::function<void(const QString&)> problem);
    void redo() override;
    void undo() override;

private:
    bool write(const setup::YearCalendar& to, const setup::YearCalendar& from);

    Database& db_;
    setup::YearCalendar before_;
    setup::YearCalendar after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// School Set-up ▸ Calendar: an academic year's six half-terms and its closures (INSET days, bank
// holidays, other closures), English defaults until the school sets its own, with the year at a
// glance. Edits are checked as typed and saved together as one undo step.
class CalendarPage final : public QWidget
{
    Q_OBJECT

public:
    CalendarPage(Database& db, QUndoStack& undo, QDate today, std::function<void(const QString&)> problem,
                 QWidget* parent = nullptr);

    // Reads the chosen year again (after a change, here or elsewhere), unless edits are waiting.
    void reload();
    int academicYear() const { return year_; }
    void setAcademicYear(int year);

    DateField* startField(int halfTerm) const { return starts_.at(std::size_t(halfTerm)); }
    DateField* endField(int halfTerm) const { return ends_.at(std::size_t(halfTerm)); }
    QTableWidget* closuresTable() const { return closures_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* defaultsButton() const { return defaults_; }
    QString problemText() const;
    YearView* yearView() const { return view_; }

    // What is on the page now, as the dates it would save.
    setup::YearCalendar edited() const;

private:
    void fill(const setup::YearCalendar& calendar);
    void edit();
    void addClosure();
    void removeClosure();
    void save();
    void useDefaults();

    Database& db_;
    QUndoStack& undo_;
    QDate today_;
    std::function<void(const QString&)> problem_;
    int year_ = 0;
    setup::YearCalendar stored_;
    bool filling_ = false;
    QComboBox* years_;
    std::array<DateField*, 6> starts_{};
    std::array<DateField*, 6> ends_{};
    std::array<QLabel*, 6> days_{};
    QTableWidget* closures_;
    QPushButton* addClosure_;
    QPushButton* removeClosure_;
    QLabel* status_;
    QLabel* problemLabel_;
    QPushButton* save_;
    QPushButton* defaults_;
    YearView* view_;
};

} // namespace waymark
