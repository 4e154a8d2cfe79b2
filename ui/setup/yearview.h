#pragma once

#include "calendar/schoolcalendar.h"

#include <QWidget>

namespace waymark {

// A small picture of one academic year, September to August: twelve month grids in which school
// days are filled, holidays left plain and closures lettered (I for INSET, B for a bank holiday, C
// for another closure), so the year reads at a glance in any colours and without colour at all.
class YearView final : public QWidget
{
    Q_OBJECT

public:
    explicit YearView(QWidget* parent = nullptr);

    // Shows `academicYear` with these dates (a calendar built from them, not the stored one, so
    // that dates being edited are seen before they are saved).
    void setYear(int academicYear, const std::vector<HalfTerm>& halfTerms, const std::vector<Closure>& closures);
    int schoolDays() const { return schoolDays_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int cell() const;

    int academicYear_ = 0;
    SchoolCalendar calendar_;
    std::vector<Closure> closures_;
    bool valid_ = false;
    int schoolDays_ = 0;
};

} // namespace waymark
