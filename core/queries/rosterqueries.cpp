#include "queries/rosterqueries.h"

#include "calendar/schoolcalendar.h"
#include "domain/fieldlimits.h"
#include "repo/columns.h"
#include "storage/database.h"

namespace waymark {

namespace {

// The name a pupil goes by: preferred where given, legal otherwise. Shared by every pupil query.
constexpr const char* kPupilColumns =
    "p.id, p.upn, "
    "CASE WHEN p.preferred_given_name <> '' THEN p.preferred_given_name ELSE p.legal_given_name END, "
    "CASE WHEN p.preferred_family_name <> '' THEN p.preferred_family_name ELSE p.legal_family_name END, "
    "p.legal_given_name, p.legal_family_name, p.year_group, p.left_on";
constexpr const char* kPupilOrder = " ORDER BY 4 COLLATE NOCASE, 3 COLLATE NOCASE, p.id";

PupilSummary readPupil(const Statement& s)
{
    PupilSummary p;
    p.id = s.int64(0);
    p.upn = limits::shortened(s.text(1));
    p.givenName = limits::shortened(s.text(2));
    p.familyName = limits::shortened(s.text(3));
    p.legalGivenName = limits::shortened(s.text(4));
    p.legalFamilyName = limits::shortened(s.text(5));
    if (!s.isNull(6))
        p.yearGroup = s.integer(6);
    p.leftOn = s.date(7);
    return p;
}

constexpr const char* kMemberCount = "(SELECT count(*) FROM group_member m JOIN pupil p ON p.id = m.pupil_id "
                                    " WHERE m.group_id = g.id AND m.deleted = 0 AND p.deleted = 0)";

std::string groupSelect(MemberCounts counts)
{
    return std::string("SELECT g.id, g.name, g.kind, g.year_group, g.academic_year, coalesce(sub.name, ''), "
                       "coalesce(st.display_name, ''), ") +
           (counts == MemberCounts::Count ? kMemberCount : "0") +
           " FROM pupil_group g "
           "LEFT JOIN subject sub ON sub.id = g.subject_id AND sub.deleted = 0 "
           "LEFT JOIN staff st ON st.id = g.teacher_id AND st.deleted = 0 ";
}

GroupSummary readGroup(const Statement& s)
{
    GroupSummary g;
    g.id = s.int64(0);
    g.name = limits::shortened(s.text(1));
    columns::read(s, 2, g.kind);
    if (!s.isNull(3))
        g.yearGroup = s.integer(3);
    g.academicYear = s.integer(4);
    g.subjectName = limits::shortened(s.text(5));
    g.teacherName = limits::shortened(s.text(6));
    g.memberCount = s.integer(7);
    return g;
}

} // namespace

std::vector<PupilSummary> pupilsOnRoll(Database& db, QDate today)
{
    auto s = db.prepare(std::string("SELECT ") + kPupilColumns +
                        " FROM pupil p WHERE p.deleted = 0 AND (p.left_on IS NULL OR p.left_on > ?1)" + kPupilOrder);
    s.bind(1, today.toString(Qt::ISODate));
    std::vector<PupilSummary> out;
    while (s.step())
        out.push_back(readPupil(s));
    return out;
}

std::vector<GroupSummary> groupsOfYear(Database& db, int academicYear, MemberCounts counts)
{
    // Tutor groups first: they are the pastoral home a learning guide looks for.
    auto s = db.prepare(groupSelect(counts) +
                        "WHERE g.deleted = 0 AND g.academic_year = ?1 "
                        "ORDER BY CASE g.kind WHEN 'tutor' THEN 0 WHEN 'class' THEN 1 ELSE 2 END, "
                        "g.name COLLATE NOCASE, g.id");
    s.bind(1, academicYear);
    std::vector<GroupSummary> out;
    while (s.step())
        out.push_back(readGroup(s));
    return out;
}

std::optional<GroupSummary> findGroup(Database& db, const QString& name, int academicYear)
{
    auto s = db.prepare(groupSelect(MemberCounts::Count) +
                        "WHERE g.deleted = 0 AND g.academic_year = ?1 AND g.name = ?2 COLLATE NOCASE "
                        "ORDER BY g.id LIMIT 1");
    s.bind(1, academicYear);
    s.bind(2, name.trimmed());
    if (!s.step())
        return std::nullopt;
    return readGroup(s);
}

std::vector<Membership> membershipsOfYear(Database& db, int academicYear)
{
    auto s = db.prepare("SELECT m.group_id, m.pupil_id FROM pupil_group g "
                        "JOIN group_member m ON m.group_id = g.id AND m.deleted = 0 "
                        "WHERE g.deleted = 0 AND g.academic_year = ?1");
    s.bind(1, academicYear);
    std::vector<Membership> out;
    while (s.step())
        out.push_back({s.int64(0), s.int64(1)});
    return out;
}

std::vector<PupilSummary> pupilsOfGroup(Database& db, RowId groupId, QDate today)
{
    auto s = db.prepare(std::string("SELECT ") + kPupilColumns +
                        " FROM group_member m JOIN pupil p ON p.id = m.pupil_id "
                        "WHERE m.group_id = ?1 AND m.deleted = 0 AND p.deleted = 0 "
                        "AND (p.left_on IS NULL OR p.left_on > ?2)" +
                        kPupilOrder);
    s.bind(1, groupId);
    s.bind(2, today.toString(Qt::ISODate));
    std::vector<PupilSummary> out;
    while (s.step())
        out.push_back(readPupil(s));
    return out;
}

int rosterYear(Database& db, QDate today)
{
    const int current = SchoolCalendar::academicYearOf(today);
    auto s = db.prepare("SELECT max(academic_year) FROM pupil_group WHERE deleted = 0 AND academic_year <= ?1");
    s.bind(1, current);
    if (s.step() && !s.isNull(0))
        return s.integer(0);
    return current;
}

std::optional<RowId> findPupilByUpn(Database& db, const QString& upn)
{
    if (upn.isEmpty())
        return std::nullopt;
    // "upn <> ''" lets SQLite use the partial index pupil_upn (it cannot know that ?1 is not empty);
    // without it every look-up reads the whole pupil table.
    auto s = db.prepare("SELECT id FROM pupil WHERE upn = ?1 AND upn <> '' AND deleted = 0 ORDER BY id LIMIT 1");
    s.bind(1, upn);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

std::vector<PupilSummary> pupilsWhoLeft(Database& db, QDate today)
{
    std::vector<PupilSummary> left;
    auto s = db.prepare("SELECT id, upn, legal_given_name, legal_family_name, preferred_given_name, "
                        "preferred_family_name, year_group, left_on FROM pupil "
                        "WHERE deleted = 0 AND left_on IS NOT NULL AND left_on <= ?1 "
                        "ORDER BY legal_family_name COLLATE NOCASE, legal_given_name COLLATE NOCASE, id");
    s.bind(1, today.toString(Qt::ISODate));
    while (s.step()) {
        PupilSummary p;
        p.id = s.int64(0);
        p.upn = s.text(1);
        p.legalGivenName = s.text(2);
        p.legalFamilyName = s.text(3);
        p.givenName = s.text(4).isEmpty() ? p.legalGivenName : s.text(4);
        p.familyName = s.text(5).isEmpty() ? p.legalFamilyName : s.text(5);
        if (!s.isNull(6))
            p.yearGroup = int(s.int64(6));
        p.leftOn = QDate::fromString(s.text(7), Qt::ISODate);
        left.push_back(std::move(p));
    }
    return left;
}

} // namespace waymark
