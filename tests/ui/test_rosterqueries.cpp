#include "queries/rosterqueries.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace waymark;

namespace {
std::vector<RowId> idsOf(const std::vector<PupilSummary>& pupils)
{
    std::vector<RowId> out;
    for (const auto& p : pupils)
        out.push_back(p.id);
    return out;
}
} // namespace

TEST_CASE("pupilsOnRoll lists live pupils who have not left, by family name")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto db = Database::open(school.path);

    const auto pupils = pupilsOnRoll(*db, school.today);
    CHECK(idsOf(pupils) ==
          std::vector<RowId>{school.ben, school.chloe, school.ella, school.finn, school.amara, school.dev});
    const auto ami = std::find_if(pupils.begin(), pupils.end(), [&](const auto& p) { return p.id == school.amara; });
    REQUIRE(ami != pupils.end());
    CHECK(ami->givenName == QStringLiteral("Ami"));
    CHECK(ami->legalGivenName == QStringLiteral("Amara"));
    CHECK(ami->sortName() == QStringLiteral("Okafor, Ami"));
    CHECK(ami->upn == school.amaraUpn);

    // The day before the leaver left, they were still on roll.
    const auto earlier = pupilsOnRoll(*db, school.today.addDays(-31));
    CHECK(earlier.size() == 7);
}

TEST_CASE("groupsOfYear gives this year's groups, tutor groups first, with live member counts")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto db = Database::open(school.path);

    const auto groups = groupsOfYear(*db, school.academicYear);
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].name == QStringLiteral("9T1"));
    CHECK(groups[0].kind == GroupKind::Tutor);
    CHECK(groups[0].teacherName == QStringLiteral("Mr D Evans"));
    CHECK(groups[1].name == QStringLiteral("9T2"));
    CHECK(groups[2].name == QStringLiteral("9Ma1"));
    CHECK(groups[2].subjectName == QStringLiteral("Mathematics"));
    CHECK(groups[2].memberCount == 7); // includes the leaver: the count is of live rows
    CHECK(groups[3].name == QStringLiteral("9Sc/x"));
    CHECK(groups[3].kind == GroupKind::Set);

    const auto lastYear = groupsOfYear(*db, school.academicYear - 1);
    REQUIRE(lastYear.size() == 1);
    CHECK(lastYear[0].name == QStringLiteral("8T1"));
}

TEST_CASE("membershipsOfYear and pupilsOfGroup list the members of this year's groups")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto db = Database::open(school.path);

    const auto memberships = membershipsOfYear(*db, school.academicYear);
    // Not filtered by pupil: Hal's membership of 9T1 is a live row although Hal is deleted (the
    // sidebar keeps only pupils on roll).
    CHECK(memberships.size() == 4 + 3 + 7 + 2);
    const auto inSet = std::count_if(memberships.begin(), memberships.end(),
                                     [&](const Membership& m) { return m.groupId == school.scienceSet; });
    CHECK(inSet == 2);
    CHECK(std::none_of(memberships.begin(), memberships.end(),
                       [&](const Membership& m) { return m.groupId == school.lastYearGroup; }));

    CHECK(idsOf(pupilsOfGroup(*db, school.tutor1, school.today)) ==
          std::vector<RowId>{school.ben, school.chloe, school.amara});
    CHECK(pupilsOfGroup(*db, school.lastYearGroup, school.today).size() == 2);
    // The leaver is in the maths class only until the day they left.
    CHECK(pupilsOfGroup(*db, school.mathsClass, school.today).size() == 6);
    CHECK(pupilsOfGroup(*db, school.mathsClass, school.today.addDays(-31)).size() == 7);
}

TEST_CASE("findGroup matches names without regard to case; findPupilByUpn finds live pupils")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto db = Database::open(school.path);

    const auto group = findGroup(*db, QStringLiteral("9ma1"), school.academicYear);
    REQUIRE(group);
    CHECK(group->id == school.mathsClass);
    CHECK_FALSE(findGroup(*db, QStringLiteral("8T1"), school.academicYear));
    CHECK(findGroup(*db, QStringLiteral("8T1"), school.academicYear - 1));

    CHECK(findPupilByUpn(*db, school.benUpn) == school.ben);
    CHECK_FALSE(findPupilByUpn(*db, QStringLiteral("A000000000000")));
    CHECK_FALSE(findPupilByUpn(*db, QString()));
}

TEST_CASE("rosterYear falls back to the latest year that has groups")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto db = Database::open(school.path);

    CHECK(rosterYear(*db, school.today) == school.academicYear);
    // A year later nobody has set up groups yet: the sidebar keeps showing the last ones.
    CHECK(rosterYear(*db, school.today.addYears(1)) == school.academicYear);
    // Before any groups existed, it is simply the current year.
    CHECK(rosterYear(*db, QDate(2001, 10, 1)) == 2001);
}
