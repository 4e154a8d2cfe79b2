#include "demo/demobuilder.h"

#include "attachments/attachmentstore.h"
#include "demo/democurriculum.h"

#include <sqlite3.h>

#include <algorithm>

namespace waymark::demo {

namespace {
constexpr qint64 kUnixEpochJulianDay = 2440588;
constexpr qint64 kMsPerDay = 86'400'000;
constexpr qint64 kEightAm = 8 * 3'600'000;
// Random streams of one seed, kept apart so that adding a field to one kind of record does not
// reshuffle every other.
constexpr quint64 kIdStream = 1;
constexpr quint64 kDeviceStream = 2;
constexpr quint64 kSchoolStream = 3;
constexpr quint64 kGroupStreamBase = 1'000'000;
} // namespace

SchoolDays::SchoolDays(const SchoolCalendar& calendar, QDate from, QDate to)
    : from_(from)
{
    const int span = int(from.daysTo(to)) + 1;
    for (QDate d = from; d <= to; d = d.addDays(1)) {
        if (calendar.isSchoolDay(d))
            days_.push_back(d);
    }
    // Each day points at the first school day on or after it.
    onOrAfter_.resize(std::size_t(std::max(span, 0)));
    std::size_t next = 0;
    for (int i = 0; i < span; ++i) {
        const QDate d = from.addDays(i);
        while (next < days_.size() && days_[next] < d)
            ++next;
        onOrAfter_[std::size_t(i)] = int(next);
    }
}

int SchoolDays::indexOnOrAfter(QDate d) const
{
    const qint64 offset = from_.daysTo(d);
    if (offset < 0)
        return 0;
    if (offset >= qint64(onOrAfter_.size()))
        return size();
    return onOrAfter_[std::size_t(offset)];
}

int SchoolDays::indexOnOrBefore(QDate d) const
{
    const int i = indexOnOrAfter(d);
    return i < size() && days_[std::size_t(i)] == d ? i : i - 1;
}

bool SimPupil::onRollIn(int academicYear) const
{
    const int g = yearGroupIn(academicYear);
    return g >= 7 && g <= 11 && startedOn <= QDate(academicYear + 1, 8, 31)
           && (!leftOn.isValid() || leftOn >= QDate(academicYear, 9, 1));
}

bool SimPupil::takes(int subject, int academicYear) const
{
    if (yearGroupIn(academicYear) <= 9)
        return true;
    if (subject == kEnglish || subject == kMaths || subject == kScience || subject == kPe)
        return true;
    return std::find(options.begin(), options.end(), subject) != options.end();
}

Writer::Writer(Database& db, quint64 seed, QDate today)
    : db_(db)
    , ids_(seed, kIdStream)
    , idBase_(quint32(ids_.next() >> 33)) // below 2^31, so the count never wraps
    , origin_(Random(seed, kDeviceStream).uuid().toString(QUuid::WithoutBraces))
    , today_(today)
{
}

Statement prepareUncached(Database& db, const std::string& sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        db.throwLastError(rc);
    }
    return Statement(db, stmt, false);
}

Writer::~Writer()
{
    // Inserters go first, then checks come back on for everyone else.
    std::apply([](auto&... inserter) { (inserter.reset(), ...); }, inserters_);
    if (bulk_)
        sqlite3_exec(db_.handle(), "PRAGMA ignore_check_constraints = OFF", nullptr, nullptr, nullptr);
}

void Writer::flush()
{
    std::apply([](auto&... inserter) { ((inserter ? inserter->flush() : void()), ...); }, inserters_);
    buffered_ = 0;
}

void Writer::beginBulk()
{
    db_.exec("PRAGMA ignore_check_constraints = ON");
    bulk_ = true;
}

void Writer::stamp(Entity& e, QDate on)
{
    const QDate day = (!on.isValid() || on > today_) ? today_ : on;
    // Milliseconds step once per 65,536 rows of a day, so every stamp is distinct and in order.
    const qint64 ms = (day.toJulianDay() - kUnixEpochJulianDay) * kMsPerDay + kEightAm + (sequence_ >> 16);
    e.stamp = HybridClock::make(ms, int(sequence_ & 0xffff));
    ++sequence_;
    const QUuid random = ids_.uuid();
    e.uuid = QUuid(idBase_ + quint32(sequence_ - 1), random.data2, random.data3, random.data4[0], random.data4[1],
                   random.data4[2], random.data4[3], random.data4[4], random.data4[5], random.data4[6],
                   random.data4[7]);
    e.origin = origin_;
    last_ = std::max(last_, e.stamp);
}

Builder::Builder(Database& db, const DemoOptions& options)
    : db_(db)
    , options_(options)
    , writer_(db, options.seed, options.today)
    , rng_(options.seed, kSchoolStream)
    , today_(options.today)
    , firstYear_(SchoolCalendar::academicYearOf(options.today) - options.years + 1)
    , lastYear_(SchoolCalendar::academicYearOf(options.today))
    , days_(calendar_, QDate(firstYear_, 9, 1), QDate(lastYear_ + 1, 8, 31))
    , attachments_(std::make_unique<AttachmentStore>(db))
{
}

Builder::~Builder() = default;

void Builder::advance(qint64 units)
{
    done_ = std::min(total_, done_ + units);
    const int percent = int(done_ * 100 / total_);
    if (percent == reportedPercent_)
        return;
    reportedPercent_ = percent;
    if (options_.progress && !options_.progress(done_, total_))
        throw DemoCancelled{};
}

void Builder::run()
{
    addSchool();
    addStaff();
    addSubjects();
    addCalendar();
    addLadders();
    addCommentBank();
    writer_.beginBulk();
    planRoster();

    // Plan every year's groups first, so progress can count the work before doing it.
    std::vector<std::vector<SimGroup>> groups;
    qint64 work = qint64(pupils_.size());
    for (int year = firstYear_; year <= lastYear_; ++year) {
        groups.push_back(planGroups(year));
        for (const SimPupil& p : pupils_)
            work += p.onRollIn(year) ? 1 : 0;
        for (const SimGroup& g : groups.back())
            work += g.kind == GroupKind::Tutor ? 0 : qint64(g.pupils.size());
    }
    total_ = std::max<qint64>(work, 1);
    advance(0);

    addPupils();
    quint64 stream = kGroupStreamBase;
    for (int year = firstYear_; year <= lastYear_; ++year) {
        std::vector<SimGroup>& yearGroups = groups[std::size_t(year - firstYear_)];
        addGroups(year, yearGroups);
        for (SimPupil& p : pupils_) {
            if (!p.onRollIn(year))
                continue;
            addTargetsAndReviews(year, p);
            advance(1);
        }
        for (const SimGroup& g : yearGroups) {
            ++stream;
            if (g.kind == GroupKind::Tutor)
                continue;
            addTasks(year, g, stream);
            advance(qint64(g.pupils.size()));
        }
    }
    writer_.flush();
    // Edits made after generation must be newer than every generated row.
    db_.clock().observe(writer_.lastStamp());
    advance(total_);
}

} // namespace waymark::demo
