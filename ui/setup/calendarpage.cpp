#include "setup/calendarpage.h"

#include "calendar/typeddate.h"
#include "setup/yearview.h"
#include "storage/storageerror.h"
#include "widgets/datefield.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace waymark {

// ---- The undo step -------------------------------------------------------------------------------

SetYearCalendarCommand::SetYearCalendarCommand(Database& db, setup::YearCalendar before, setup::YearCalendar after,
                                               std::function<void(const QString&)> problem)
    : QUndoCommand(after.configured
                       ? QCoreApplication::translate("waymark::SetYearCalendarCommand", "Change the dates of %1")
                             .arg(SchoolCalendar::academicYearLabel(after.academicYear))
                       : QCoreApplication::translate("waymark::SetYearCalendarCommand",
                                                     "Use the usual dates for %1")
                             .arg(SchoolCalendar::academicYearLabel(after.academicYear))),
      db_(db), before_(std::move(before)), after_(std::move(after)), problem_(std::move(problem))
{}

bool SetYearCalendarCommand::write(const setup::YearCalendar& to, const setup::YearCalendar& from)
{
    try {
        setup::setYearCalendar(db_, to, &from);
        return true;
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return false;
    }
}

void SetYearCalendarCommand::redo()
{
    if (!write(after_, before_) && !done_)
        setObsolete(true);
    done_ = true;
}

void SetYearCalendarCommand::undo()
{
    write(before_, after_);
}

// ---- The page ------------------------------------------------------------------------------------

namespace {
enum ClosureColumn { From, To, KindColumn, Label };

QString kindName(ClosureKind kind)
{
    switch (kind) {
    case ClosureKind::Inset:
        return CalendarPage::tr("INSET day");
    case ClosureKind::BankHoliday:
        return CalendarPage::tr("Bank holiday");
    case ClosureKind::Closure:
        break;
    }
    return CalendarPage::tr("Closure");
}
} // namespace

CalendarPage::CalendarPage(Database& db, QUndoStack& undo, QDate today, std::function<void(const QString&)> problem,
                           QWidget* parent)
    : QWidget(parent), db_(db), undo_(undo), today_(today), problem_(std::move(problem)), years_(new QComboBox(this)),
      closures_(new QTableWidget(this)), addClosure_(new QPushButton(tr("Add &Closure"), this)),
      removeClosure_(new QPushButton(tr("Remo&ve Closure"), this)), status_(new QLabel(this)),
      problemLabel_(new QLabel(this)), save_(new QPushButton(tr("&Save Dates"), this)),
      defaults_(new QPushButton(tr("Use the &Usual Dates"), this)), view_(new YearView(this))
{
    const int thisYear = SchoolCalendar::academicYearOf(today);
    for (int y = thisYear - 1; y <= thisYear + 1; ++y)
        years_->addItem(SchoolCalendar::academicYearLabel(y), y);
    years_->setAccessibleName(tr("Academic year"));
    auto* yearLabel = new QLabel(tr("Academic &year:"), this);
    yearLabel->setBuddy(years_);

    auto* terms = new QGroupBox(tr("Half-terms"), this);
    auto* grid = new QGridLayout(terms);
    grid->addWidget(new QLabel(tr("Starts"), terms), 0, 1);
    grid->addWidget(new QLabel(tr("Ends"), terms), 0, 2);
    grid->addWidget(new QLabel(tr("School days"), terms), 0, 3);
    for (int i = 0; i < 6; ++i) {
        const QString name = HalfTerm{0, i + 1, {}, {}}.name();
        auto* label = new QLabel(name + QLatin1Char(':'), terms);
        starts_[std::size_t(i)] = new DateField(terms);
        ends_[std::size_t(i)] = new DateField(terms);
        days_[std::size_t(i)] = new QLabel(terms);
        starts_[std::size_t(i)]->setAccessibleName(tr("%1 starts").arg(name));
        ends_[std::size_t(i)]->setAccessibleName(tr("%1 ends").arg(name));
        label->setBuddy(starts_[std::size_t(i)]);
        grid->addWidget(label, i + 1, 0);
        grid->addWidget(starts_[std::size_t(i)], i + 1, 1);
        grid->addWidget(ends_[std::size_t(i)], i + 1, 2);
        grid->addWidget(days_[std::size_t(i)], i + 1, 3);
        for (DateField* f : {starts_[std::size_t(i)], ends_[std::size_t(i)]}) {
            f->setToday(today);
            connect(f, &DateField::dateEdited, this, &CalendarPage::edit);
        }
    }

    auto* closureBox = new QGroupBox(tr("Closures (INSET days, bank holidays, other closures)"), this);
    closures_->setColumnCount(4);
    closures_->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Kind"), tr("What")});
    closures_->horizontalHeader()->setSectionResizeMode(Label, QHeaderView::Stretch);
    closures_->verticalHeader()->hide();
    closures_->setAccessibleName(tr("Closures"));
    closures_->setSelectionBehavior(QAbstractItemView::SelectRows);
    closures_->setTabKeyNavigation(false);
    auto* closureButtons = new QHBoxLayout;
    closureButtons->addWidget(addClosure_);
    closureButtons->addWidget(removeClosure_);
    closureButtons->addStretch();
    auto* closureLayout = new QVBoxLayout(closureBox);
    closureLayout->addWidget(closures_);
    closureLayout->addLayout(closureButtons);

    problemLabel_->setWordWrap(true);
    problemLabel_->setAccessibleName(tr("Problem"));
    status_->setWordWrap(true);
    status_->setAccessibleName(tr("These dates"));

    auto* top = new QHBoxLayout;
    top->addWidget(yearLabel);
    top->addWidget(years_);
    top->addWidget(status_, 1);
    auto* left = new QVBoxLayout;
    left->addWidget(terms);
    left->addWidget(closureBox, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(save_);
    buttons->addWidget(defaults_);
    buttons->addStretch();
    left->addWidget(problemLabel_);
    left->addLayout(buttons);
    auto* viewScroll = new QScrollArea(this);
    viewScroll->setWidget(view_);
    viewScroll->setWidgetResizable(false);
    viewScroll->setFocusPolicy(Qt::NoFocus);
    viewScroll->setFrameShape(QFrame::NoFrame);
    auto* legend = new QLabel(tr("Filled: a school day.  I: an INSET day.  B: a bank holiday.  C: another closure."),
                              this);
    legend->setWordWrap(true);
    auto* right = new QVBoxLayout;
    right->addWidget(viewScroll, 1);
    right->addWidget(legend);
    auto* body = new QHBoxLayout;
    body->addLayout(left, 1);
    body->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(body, 1);

    connect(years_, &QComboBox::currentIndexChanged, this, [this] { setAcademicYear(years_->currentData().toInt()); });
    connect(addClosure_, &QPushButton::clicked, this, &CalendarPage::addClosure);
    connect(removeClosure_, &QPushButton::clicked, this, &CalendarPage::removeClosure);
    connect(save_, &QPushButton::clicked, this, &CalendarPage::save);
    connect(defaults_, &QPushButton::clicked, this, &CalendarPage::useDefaults);
    years_->setCurrentIndex(1);
    setAcademicYear(thisYear);
}

void CalendarPage::setAcademicYear(int year)
{
    year_ = year;
    const int index = years_->findData(year);
    if (index < 0) {
        years_->addItem(SchoolCalendar::academicYearLabel(year), year);
        years_->setCurrentIndex(years_->count() - 1);
    } else if (years_->currentIndex() != index) {
        years_->setCurrentIndex(index);
    }
    stored_ = setup::yearCalendar(db_, year);
    fill(stored_);
}

void CalendarPage::reload()
{
    const setup::YearCalendar now = setup::yearCalendar(db_, year_);
    // Edits waiting to be saved (even ones not yet right, or half-typed) are kept; otherwise the
    // page shows what is stored now.
    const setup::YearCalendar shown = edited();
    bool typing = false;
    for (const std::array<DateField*, 6>* fields : {&starts_, &ends_})
        for (const DateField* field : *fields)
            typing = typing || field->text() != typedDateText(field->date());
    const bool waiting = typing || shown.halfTerms != stored_.halfTerms || shown.closures != stored_.closures;
    if (!waiting) {
        stored_ = now;
        fill(now);
    } else {
        stored_ = now;
        edit();
    }
}

void CalendarPage::fill(const setup::YearCalendar& calendar)
{
    filling_ = true;
    for (std::size_t i = 0; i < 6; ++i) {
        const bool has = i < calendar.halfTerms.size();
        starts_[i]->setDate(has ? calendar.halfTerms[i].start : QDate());
        ends_[i]->setDate(has ? calendar.halfTerms[i].end : QDate());
    }
    closures_->setRowCount(0);
    for (const Closure& c : calendar.closures) {
        addClosure();
        const int row = closures_->rowCount() - 1;
        static_cast<DateField*>(closures_->cellWidget(row, From))->setDate(c.from);
        static_cast<DateField*>(closures_->cellWidget(row, To))->setDate(c.to);
        auto* kind = static_cast<QComboBox*>(closures_->cellWidget(row, KindColumn));
        kind->setCurrentIndex(kind->findData(int(c.kind)));
        static_cast<QLineEdit*>(closures_->cellWidget(row, Label))->setText(c.label);
    }
    filling_ = false;
    edit();
}

setup::YearCalendar CalendarPage::edited() const
{
    setup::YearCalendar c;
    c.academicYear = year_;
    c.configured = true;
    for (std::size_t i = 0; i < 6; ++i)
        c.halfTerms.push_back(HalfTerm{year_, int(i) + 1, starts_[i]->date(), ends_[i]->date()});
    for (int row = 0; row < closures_->rowCount(); ++row) {
        Closure closure;
        closure.from = static_cast<DateField*>(closures_->cellWidget(row, From))->date();
        closure.to = static_cast<DateField*>(closures_->cellWidget(row, To))->date();
        if (!closure.to.isValid())
            closure.to = closure.from;
        closure.kind = ClosureKind(static_cast<QComboBox*>(closures_->cellWidget(row, KindColumn))->currentData().toInt());
        closure.label = static_cast<QLineEdit*>(closures_->cellWidget(row, Label))->text().simplified();
        c.closures.push_back(closure);
    }
    return c;
}

QString CalendarPage::problemText() const
{
    return problemLabel_->text();
}

void CalendarPage::edit()
{
    if (filling_)
        return;
    const setup::YearCalendar now = edited();
    QString problem = setup::problemsWithCalendar(now);
    for (int row = 0; problem.isEmpty() && row < closures_->rowCount(); ++row)
        if (!static_cast<DateField*>(closures_->cellWidget(row, From))->date().isValid())
            problem = tr("Closure %1 needs the day it starts.").arg(row + 1);
    problemLabel_->setText(problem);
    const bool changed = !stored_.configured ? !(now.halfTerms == stored_.halfTerms && now.closures == stored_.closures)
                                             : now != stored_;
    save_->setEnabled(problem.isEmpty() && changed);
    defaults_->setEnabled(stored_.configured);
    view_->setYear(year_, now.halfTerms, now.closures);
    SchoolCalendar calendar;
    const bool valid = problem.isEmpty();
    if (valid) {
        calendar.setHalfTerms(year_, now.halfTerms);
        calendar.setClosures(year_, now.closures);
    }
    for (std::size_t i = 0; i < 6; ++i)
        days_[i]->setText(valid ? QString::number(calendar.schoolDaysBetween(now.halfTerms[i].start,
                                                                              now.halfTerms[i].end.addDays(1)))
                                : QString());
    status_->setText(
        (stored_.configured ? tr("%1: the school's own dates.") : tr("%1: the usual dates for England, until you "
                                                                     "change them (Welsh and other local "
                                                                     "authorities' dates are typed in)."))
            .arg(SchoolCalendar::academicYearLabel(year_)) +
        (valid ? QLatin1Char(' ') + tr("%1 school days.").arg(view_->schoolDays()) : QString()));
}

void CalendarPage::addClosure()
{
    const int row = closures_->rowCount();
    closures_->insertRow(row);
    auto* from = new DateField(closures_);
    auto* to = new DateField(closures_);
    for (DateField* f : {from, to}) {
        f->setToday(QDate(year_, 9, 1));
        connect(f, &DateField::dateEdited, this, &CalendarPage::edit);
    }
    from->setAccessibleName(tr("Closure starts"));
    to->setAccessibleName(tr("Closure ends (empty: the same day)"));
    auto* kind = new QComboBox(closures_);
    for (const ClosureKind k : {ClosureKind::Inset, ClosureKind::BankHoliday, ClosureKind::Closure})
        kind->addItem(kindName(k), int(k));
    kind->setAccessibleName(tr("Kind of closure"));
    connect(kind, &QComboBox::currentIndexChanged, this, &CalendarPage::edit);
    auto* label = new QLineEdit(closures_);
    label->setMaxLength(100);
    label->setAccessibleName(tr("What the closure is"));
    connect(label, &QLineEdit::textChanged, this, &CalendarPage::edit);
    closures_->setCellWidget(row, From, from);
    closures_->setCellWidget(row, To, to);
    closures_->setCellWidget(row, KindColumn, kind);
    closures_->setCellWidget(row, Label, label);
    closures_->resizeColumnToContents(KindColumn);
    if (!filling_) {
        closures_->setCurrentCell(row, From);
        from->setFocus();
        edit();
    }
}

void CalendarPage::removeClosure()
{
    int row = closures_->currentRow();
    // The row whose box has the keyboard, if any.
    for (int r = 0; r < closures_->rowCount(); ++r)
        for (int c = 0; c < 4; ++c)
            if (closures_->cellWidget(r, c) && closures_->cellWidget(r, c)->hasFocus())
                row = r;
    if (row < 0)
        return;
    closures_->removeRow(row);
    edit();
}

void CalendarPage::save()
{
    for (DateField* f : starts_)
        f->commitText();
    for (DateField* f : ends_)
        f->commitText();
    const setup::YearCalendar after = edited();
    if (!setup::problemsWithCalendar(after).isEmpty())
        return;
    undo_.push(new SetYearCalendarCommand(db_, stored_, after, problem_));
    stored_ = setup::yearCalendar(db_, year_);
    fill(stored_);
}

void CalendarPage::useDefaults()
{
    // As the file will read once the year's own dates are gone: the usual ones (an undo's check).
    setup::YearCalendar after;
    after.academicYear = year_;
    after.configured = false;
    after.halfTerms = SchoolCalendar::defaultHalfTerms(year_);
    after.closures = SchoolCalendar::defaultClosures(year_);
    undo_.push(new SetYearCalendarCommand(db_, stored_, after, problem_));
    stored_ = setup::yearCalendar(db_, year_);
    fill(stored_);
}

} // namespace waymark
