#include "services/calendarsetup.h"

#include "domain/entities.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

#include <map>

namespace waymark::setup {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CalendarSetup", text);
}

// Closures belong to the academic year they begin in.
QDate yearStart(int academicYear)
{
    return QDate(academicYear, 9, 1);
}

std::vector<HalfTerm> storedHalfTerms(Database& db, int academicYear)
{
    std::vector<HalfTerm> out;
    for (const CalendarHalfTerm& h :
         Repository<CalendarHalfTerm>(db).where("academic_year = ?1 ORDER BY number", academicYear))
        out.push_back(HalfTerm{h.academicYear, h.number, h.startOn, h.endOn});
    return out;
}

std::vector<Closure> storedClosures(Database& db, int academicYear)
{
    std::vector<Closure> out;
    // In the order stored (setYearCalendar() writes them in the order given), so that a year reads
    // back equal to what was stored: an undo's `expected` must match.
    for (const CalendarClosure& c : Repository<CalendarClosure>(db).where(
             "from_on >= ?1 AND from_on < ?2 ORDER BY id", yearStart(academicYear), yearStart(academicYear + 1)))
        out.push_back(Closure{c.fromOn, c.toOn, c.kind, c.label});
    return out;
}
} // namespace

SchoolCalendar loadCalendar(Database& db)
{
    SchoolCalendar calendar;
    std::map<int, std::vector<HalfTerm>> halfTerms;
    for (const CalendarHalfTerm& h : Repository<CalendarHalfTerm>(db).where("1 ORDER BY academic_year, number"))
        halfTerms[h.academicYear].push_back(HalfTerm{h.academicYear, h.number, h.startOn, h.endOn});
    for (auto& [year, terms] : halfTerms) {
        // A year stored incompletely (say, by an older import) keeps the defaults rather than failing.
        if (SchoolCalendar::checkHalfTerms(year, terms).isEmpty()) {
            calendar.setHalfTerms(year, std::move(terms));
            calendar.setClosures(year, {}); // a year the school set has the closures it stored, if any
        }
    }
    std::map<int, std::vector<Closure>> closures;
    for (const CalendarClosure& c : Repository<CalendarClosure>(db).where("1 ORDER BY id"))
        closures[SchoolCalendar::academicYearOf(c.fromOn)].push_back(Closure{c.fromOn, c.toOn, c.kind, c.label});
    for (auto& [year, list] : closures) {
        if (SchoolCalendar::checkClosures(year, list).isEmpty())
            calendar.setClosures(year, std::move(list));
    }
    return calendar;
}

YearCalendar yearCalendar(Database& db, int academicYear)
{
    YearCalendar out;
    out.academicYear = academicYear;
    out.halfTerms = storedHalfTerms(db, academicYear);
    out.closures = storedClosures(db, academicYear);
    out.configured = !out.halfTerms.empty() || !out.closures.empty();
    const SchoolCalendar calendar = loadCalendar(db);
    if (out.halfTerms.empty() || !SchoolCalendar::checkHalfTerms(academicYear, out.halfTerms).isEmpty())
        out.halfTerms = calendar.halfTerms(academicYear);
    if (out.closures.empty())
        out.closures = calendar.closures(academicYear);
    return out;
}

std::vector<int> configuredYears(Database& db)
{
    std::vector<int> years;
    auto s = db.prepare("SELECT DISTINCT academic_year FROM calendar_half_term WHERE deleted = 0 "
                        "ORDER BY academic_year");
    while (s.step())
        years.push_back(int(s.int64(0)));
    return years;
}

QString problemsWithCalendar(const YearCalendar& calendar)
{
    if (!calendar.configured)
        return {};
    if (QString why = SchoolCalendar::checkHalfTerms(calendar.academicYear, calendar.halfTerms); !why.isEmpty())
        return why;
    if (QString why = SchoolCalendar::checkClosures(calendar.academicYear, calendar.closures); !why.isEmpty())
        return why;
    for (const Closure& c : calendar.closures)
        if (c.label.size() > 100)
            return tr("A closure's name can have at most 100 characters.");
    return {};
}

void setYearCalendar(Database& db, const YearCalendar& wanted, const YearCalendar* expected)
{
    if (const QString why = problemsWithCalendar(wanted); !why.isEmpty())
        throw StorageError(StorageError::Kind::Invalid, why);
    Transaction transaction(db);
    if (expected && yearCalendar(db, wanted.academicYear) != *expected)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("The dates for %1 were changed elsewhere (perhaps in another window) since you began, "
                              "so yours were not saved. Look at them again and make your change once more.")
                               .arg(SchoolCalendar::academicYearLabel(wanted.academicYear)));
    Repository<CalendarHalfTerm> halfTerms(db);
    Repository<CalendarClosure> closures(db);
    // Rows for the year are updated in place where they can be, so that history keeps each one's
    // earlier dates; the rest are tombstoned or added.
    std::vector<CalendarHalfTerm> oldTerms =
        halfTerms.where("academic_year = ?1 ORDER BY number", wanted.academicYear);
    for (CalendarHalfTerm& old : oldTerms) {
        const auto match = wanted.configured && old.number >= 1 && old.number <= int(wanted.halfTerms.size())
            ? &wanted.halfTerms[std::size_t(old.number - 1)]
            : nullptr;
        if (!match) {
            halfTerms.setDeleted(old.id, true);
        } else if (old.startOn != match->start || old.endOn != match->end) {
            old.startOn = match->start;
            old.endOn = match->end;
            halfTerms.update(old);
        }
    }
    if (wanted.configured) {
        for (std::size_t i = 0; i < wanted.halfTerms.size(); ++i) {
            const int number = int(i) + 1;
            const bool stored = std::any_of(oldTerms.begin(), oldTerms.end(),
                                            [&](const CalendarHalfTerm& h) { return h.number == number; });
            if (stored)
                continue;
            CalendarHalfTerm h;
            h.academicYear = wanted.academicYear;
            h.number = number;
            h.startOn = wanted.halfTerms[i].start;
            h.endOn = wanted.halfTerms[i].end;
            halfTerms.insert(h);
        }
    }
    for (const CalendarClosure& old :
         closures.where("from_on >= ?1 AND from_on < ?2", yearStart(wanted.academicYear),
                        yearStart(wanted.academicYear + 1)))
        closures.setDeleted(old.id, true);
    if (wanted.configured) {
        for (const Closure& c : wanted.closures) {
            CalendarClosure row;
            row.fromOn = c.from;
            row.toOn = c.to.isValid() ? c.to : c.from;
            row.kind = c.kind;
            row.label = c.label.simplified();
            closures.insert(row);
        }
    }
    transaction.commit();
}

} // namespace waymark::setup
