#include "setup/yearview.h"

#include <QLocale>
#include <QPainter>

namespace waymark {

namespace {
constexpr int kColumns = 4; // months a row: three rows of four fit a laptop's page
}

YearView::YearView(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("The year at a glance"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

int YearView::cell() const
{
    return std::max(12, fontMetrics().height() + 2);
}

QSize YearView::sizeHint() const
{
    const int c = cell();
    // A month: 7 columns of days and a gap; a title row, a weekday row and up to 6 weeks.
    return {kColumns * (8 * c), 3 * (9 * c)};
}

QSize YearView::minimumSizeHint() const
{
    return sizeHint();
}

void YearView::setYear(int academicYear, const std::vector<HalfTerm>& halfTerms, const std::vector<Closure>& closures)
{
    academicYear_ = academicYear;
    calendar_ = SchoolCalendar();
    valid_ = SchoolCalendar::checkHalfTerms(academicYear, halfTerms).isEmpty() &&
             SchoolCalendar::checkClosures(academicYear, closures).isEmpty();
    if (valid_) {
        calendar_.setHalfTerms(academicYear, halfTerms);
        calendar_.setClosures(academicYear, closures);
    }
    closures_ = closures;
    schoolDays_ = valid_ ? calendar_.schoolDaysBetween(QDate(academicYear, 9, 1), QDate(academicYear + 1, 9, 1)) : 0;
    setToolTip(valid_ ? tr("%1: %2 school days").arg(SchoolCalendar::academicYearLabel(academicYear)).arg(schoolDays_)
                      : QString());
    update();
}

void YearView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    const int c = cell();
    const QLocale locale;
    if (academicYear_ == 0)
        return;
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.8));
    for (int m = 0; m < 12; ++m) {
        const QDate first(academicYear_ + (m < 4 ? 0 : 1), (m + 8) % 12 + 1, 1);
        const int x0 = (m % kColumns) * 8 * c;
        const int y0 = (m / kColumns) * 9 * c;
        p.setPen(pal.color(QPalette::WindowText));
        p.setFont(font());
        p.drawText(QRect(x0, y0, 7 * c, c), Qt::AlignLeft | Qt::AlignVCenter,
                   locale.toString(first, QStringLiteral("MMMM yyyy")));
        p.setFont(small);
        // Monday first, as English school calendars are.
        static const char* const days[] = {QT_TR_NOOP("M"), QT_TR_NOOP("T"), QT_TR_NOOP("W"), QT_TR_NOOP("T"),
                                           QT_TR_NOOP("F"), QT_TR_NOOP("S"), QT_TR_NOOP("S")};
        for (int d = 0; d < 7; ++d)
            p.drawText(QRect(x0 + d * c, y0 + c, c, c), Qt::AlignCenter, tr(days[d]));
        const int offset = first.dayOfWeek() - 1; // Monday first
        for (QDate day = first; day.month() == first.month(); day = day.addDays(1)) {
            const int index = offset + day.day() - 1;
            const QRect r(x0 + (index % 7) * c, y0 + (2 + index / 7) * c, c - 1, c - 1);
            const auto closure = std::find_if(closures_.begin(), closures_.end(),
                                              [&](const Closure& cl) { return cl.contains(day); });
            const bool weekday = day.dayOfWeek() <= 5;
            const bool inTerm = valid_ && calendar_.halfTermOf(day).has_value();
            QString mark = QString::number(day.day());
            if (valid_ && closure != closures_.end() && weekday && inTerm) {
                // A closure in term: lettered and outlined, never told by colour alone.
                mark = closure->kind == ClosureKind::Inset         ? tr("I", "INSET day")
                    : closure->kind == ClosureKind::BankHoliday     ? tr("B", "bank holiday")
                                                                    : tr("C", "closure");
                p.setPen(QPen(pal.color(QPalette::Highlight), 1));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r);
                p.setPen(pal.color(QPalette::WindowText));
            } else if (valid_ && calendar_.isSchoolDay(day)) {
                p.fillRect(r, pal.color(QPalette::Highlight));
                p.setPen(pal.color(QPalette::HighlightedText));
            } else {
                p.setPen(pal.color(weekday ? QPalette::WindowText : QPalette::PlaceholderText));
            }
            p.drawText(r, Qt::AlignCenter, mark);
        }
    }
}

} // namespace waymark
