// The set-up services' groups and memberships: refusals name the problem and write nothing, a pupil
// has one tutor group a year, and every membership change is undone and redone exactly.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/groupsetup.h"
#include "services/staffsetup.h"
#include "services/subjectsetup.h"
#include "setuptestsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::setup;
using test::differences;
using test::dump;
using test::refusal;
using test::Stamps;

namespace {
QString groupRow(Database& db, RowId id)
{
    auto s = db.prepare("SELECT uuid || '|' || deleted || '|' || name || '|' || kind || '|' || "
                        "coalesce(subject_id, 'NULL') || '|' || coalesce(year_group, 'NULL') || '|' || academic_year "
                        "|| '|' || coalesce(teacher_id, 'NULL') FROM pupil_group WHERE id = ?1");
    s.bindAll(id);
    return s.step() ? s.text(0) : QString();
}

// Every membership row: "row group pupil deleted", or only the live ones as "group pupil".
test::Text memberships(Database& db, bool liveOnly = false)
{
    QStringList out;
    auto s = db.prepare("SELECT id, group_id, pupil_id, deleted FROM group_member ORDER BY id");
    while (s.step()) {
        if (liveOnly && s.int64(3) != 0)
            continue;
        out << (liveOnly
                    ? QStringLiteral("%1 %2").arg(s.int64(1)).arg(s.int64(2))
                    : QStringLiteral("%1 %2 %3 %4").arg(s.int64(0)).arg(s.int64(1)).arg(s.int64(2)).arg(s.int64(3)));
    }
    return test::lines(out);
}

GroupDetails entryOf(Database& db, RowId id, int year)
{
    for (const GroupEntry& e : groupList(db, year))
        if (e.id == id)
            return e.details;
    return {};
}

GroupDetails tutor(const QString& name, int year, std::optional<int> yearGroup = 7)
{
    GroupDetails d;
    d.name = name;
    d.kind = GroupKind::Tutor;
    d.academicYear = year;
    d.yearGroup = yearGroup;
    return d;
}
} // namespace

TEST_CASE("Each problem with a group is named, and adding it then writes nothing", "[setup][groups]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId english = addSubject(db, {QStringLiteral("English"), QStringLiteral("EN")});
    const RowId gone = addSubject(db, {QStringLiteral("Latin"), QStringLiteral("LA")});
    setSubjectsRemoved(db, {gone}, true);
    StaffDetails sd;
    sd.familyName = QStringLiteral("Okafor");
    const RowId withdrawn = addStaff(db, sd);
    setAddedStaffWithdrawn(db, withdrawn, true);
    const RowId seven = addGroup(db, tutor(QStringLiteral("7X"), 2026));
    const QStringList before = dump(db);

    GroupDetails good;
    good.name = QStringLiteral("7X/En1");
    good.subjectId = english;
    good.yearGroup = 7;
    good.academicYear = 2026;
    CHECK(problemsWithGroup(db, good).isEmpty());

    struct Case
    {
        const char* what;
        GroupDetails details;
        QString sentence;
    };
    std::vector<Case> cases;
    const auto with = [&](const char* what, auto&& change, const QString& sentence) {
        GroupDetails d = good;
        change(d);
        cases.push_back({what, d, sentence});
    };
    with(
        "no name", [](GroupDetails& d) { d.name = QStringLiteral("  "); }, QStringLiteral("Type the group's name."));
    with(
        "a long name", [](GroupDetails& d) { d.name = QString(limits::kName + 1, QLatin1Char('x')); },
        QStringLiteral("A group's name can have at most 100 characters."));
    with(
        "no academic year", [](GroupDetails& d) { d.academicYear = 0; },
        QStringLiteral("Choose the academic year the group is for."));
    with(
        "year group below N1", [](GroupDetails& d) { d.yearGroup = -3; },
        QStringLiteral("A year group is from Nursery (N1) to Year 14."));
    with(
        "year group above 14", [](GroupDetails& d) { d.yearGroup = 15; },
        QStringLiteral("A year group is from Nursery (N1) to Year 14."));
    with(
        "the name of another group this year", [](GroupDetails& d) { d.name = QStringLiteral(" 7x "); },
        QStringLiteral("There is already a group called “7x” this year."));
    with(
        "a removed subject", [&](GroupDetails& d) { d.subjectId = gone; },
        QStringLiteral("That subject is no longer in this school file."));
    with(
        "a withdrawn teacher", [&](GroupDetails& d) { d.teacherId = withdrawn; },
        QStringLiteral("That member of staff is no longer in this school file."));
    for (const Case& c : cases) {
        INFO(c.what);
        CHECK(test::lines(problemsWithGroup(db, c.details)) == c.sentence);
        CHECK(refusal([&] { addGroup(db, c.details); }) == c.sentence);
        CHECK(differences(before, dump(db)) == QString());
    }
    // The edges are allowed; the same name another year, or for the group itself, is fine.
    GroupDetails edge = good;
    edge.yearGroup = -2;
    CHECK(problemsWithGroup(db, edge).isEmpty());
    edge.yearGroup = 14;
    CHECK(problemsWithGroup(db, edge).isEmpty());
    CHECK(problemsWithGroup(db, tutor(QStringLiteral("7X"), 2027)).isEmpty());
    CHECK(problemsWithGroup(db, tutor(QStringLiteral("7x"), 2026), seven).isEmpty());
}

TEST_CASE("Groups are listed tutor groups first, with their subject, teacher and pupils on roll", "[setup][groups]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId english = addSubject(db, {QStringLiteral("English"), QStringLiteral("EN")});
    StaffDetails sd;
    sd.title = QStringLiteral("Mr");
    sd.givenName = QStringLiteral("Sam");
    sd.familyName = QStringLiteral("Okafor");
    const RowId okafor = addStaff(db, sd);
    GroupDetails cls;
    cls.name = QStringLiteral("  7X/En1 ");
    cls.subjectId = english;
    cls.yearGroup = 7;
    cls.academicYear = 2026;
    cls.teacherId = okafor;
    const RowId en = addGroup(db, cls);
    const RowId eight = addGroup(db, tutor(QStringLiteral("8Y"), 2026, 8));
    const RowId seven = addGroup(db, tutor(QStringLiteral("7X"), 2026, 7));
    const RowId vertical = addGroup(db, tutor(QStringLiteral("Aspen"), 2026, std::nullopt));
    addGroup(db, tutor(QStringLiteral("7X"), 2025, 7)); // another year: not listed
    const RowId a = test::addPupilIn(db, QStringLiteral("Emre"), QStringLiteral("Aydın"), 7);
    const RowId b = test::addPupilIn(db, QStringLiteral("Jo"), QStringLiteral("Smith"), 7);
    addMembers(db, en, {a, b});
    setLeftOn(db, b, QDate(2026, 12, 18));

    const std::vector<GroupEntry> list = groupList(db, 2026);
    REQUIRE(list.size() == 4);
    CHECK(list[0].id == seven);
    CHECK(list[1].id == eight);
    CHECK(list[2].id == vertical); // vertical tutor groups after those of a year group
    CHECK(list[3].id == en);
    CHECK(list[3].details.name == QStringLiteral("7X/En1"));
    CHECK(list[3].subjectName == QStringLiteral("English"));
    CHECK(list[3].teacherName == QStringLiteral("Mr S Okafor"));
    CHECK(list[3].members == 1);                          // Jo has left
    CHECK(membersOf(db, en) == std::vector<RowId>{a, b}); // still in it, by surname
}

TEST_CASE("A group changed is put back exactly, and a stale change is refused", "[setup][groups]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId id = addGroup(db, tutor(QStringLiteral("7X"), 2026));
    addGroup(db, tutor(QStringLiteral("7Y"), 2026));
    const GroupDetails original = tutor(QStringLiteral("7X"), 2026);
    const QString rowBefore = groupRow(db, id);
    const qint64 history = test::historyRows(db, "pupil_group");

    GroupDetails changed = original;
    changed.name = QStringLiteral(" 7 Oak ");
    changed.yearGroup = std::nullopt;
    changeGroup(db, id, changed, &original);
    GroupDetails after = changed;
    after.name = QStringLiteral("7 Oak");
    CHECK(entryOf(db, id, 2026) == after);
    CHECK(test::historyRows(db, "pupil_group") == history + 1);

    SECTION("undone with Check::None")
    {
        changeGroup(db, id, original, &after, Check::None);
        CHECK(groupRow(db, id) == rowBefore);
    }
    SECTION("stale: refused, nothing written")
    {
        const QStringList before = dump(db);
        CHECK(refusal([&] { changeGroup(db, id, changed, &original); }) ==
              QStringLiteral("The group “7 Oak” was changed elsewhere since you began, so your change was not saved."));
        CHECK(differences(before, dump(db)) == QString());
    }
    SECTION("a problem: refused, nothing written")
    {
        const QStringList before = dump(db);
        GroupDetails clash = after;
        clash.name = QStringLiteral("7y");
        CHECK(refusal([&] { changeGroup(db, id, clash, &after); }) ==
              QStringLiteral("There is already a group called “7y” this year."));
        CHECK(differences(before, dump(db)) == QString());
    }
}

TEST_CASE("A group is removed by tombstone with its memberships hidden, but not once tasks were set for it",
          "[setup][groups]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId id = addGroup(db, tutor(QStringLiteral("7X"), 2026));
    const RowId pupil = test::addPupilIn(db, QStringLiteral("Emre"), QStringLiteral("Aydın"), 7);
    addMembers(db, id, {pupil});
    CHECK(tutorGroupOf(db, pupil, 2026) == QStringLiteral("7X"));
    const QStringList before = dump(db, Stamps::Left);
    const qint64 groups = test::rowsIncludingDeleted(db, "pupil_group");
    const qint64 members = test::rowsIncludingDeleted(db, "group_member");

    setGroupRemoved(db, id, true);
    CHECK(groupList(db, 2026).empty());
    CHECK(tutorGroupOf(db, pupil, 2026).isEmpty());
    CHECK(test::rowsIncludingDeleted(db, "pupil_group") == groups);
    CHECK(test::rowsIncludingDeleted(db, "group_member") == members);
    setGroupRemoved(db, id, false);
    CHECK(differences(before, dump(db, Stamps::Left)) == QString());
    CHECK(tutorGroupOf(db, pupil, 2026) == QStringLiteral("7X"));

    Task task;
    task.title = QStringLiteral("Fractions");
    task.groupId = id;
    Repository<Task>(db).insert(task);
    const QStringList withTask = dump(db);
    CHECK(refusal([&] { setGroupRemoved(db, id, true); }) ==
          QStringLiteral("Tasks have been set for “7X”, so it was not removed: their marking belongs to it."));
    CHECK(differences(withTask, dump(db)) == QString());
    CHECK(refusal([&] { setGroupRemoved(db, 9999, true); }) ==
          QStringLiteral("That group is no longer in this school file."));
}

TEST_CASE("Pupils join and leave a class; each change is undone and redone exactly", "[setup][groups]")
{
    test::SchoolFile school;
    Database& db = *school;
    GroupDetails cls;
    cls.name = QStringLiteral("7X/Ma");
    cls.yearGroup = 7;
    cls.academicYear = 2026;
    const RowId id = addGroup(db, cls);
    const RowId a = test::addPupilIn(db, QStringLiteral("Zoe"), QStringLiteral("Adams"), 7);
    const RowId b = test::addPupilIn(db, QStringLiteral("Emre"), QStringLiteral("Aydın"), 7);
    const RowId c = test::addPupilIn(db, QStringLiteral("Jo"), QStringLiteral("Smith"), 7);

    const MembershipChange joined = addMembers(db, id, {c, a, a});
    CHECK(joined.added.size() == 2);
    CHECK(joined.removed.empty());
    CHECK(membersOf(db, id) == std::vector<RowId>{a, c});
    const test::Text liveTwo = memberships(db, true);
    const MembershipChange again = addMembers(db, id, {a, b});
    CHECK(again.added.size() == 1); // Zoe was in it already
    CHECK(membersOf(db, id) == std::vector<RowId>{a, b, c});
    const test::Text three = memberships(db);

    const MembershipChange left = removeMembers(db, id, {a, c});
    CHECK(left.removed.size() == 2);
    CHECK(left.added.empty());
    CHECK(membersOf(db, id) == std::vector<RowId>{b});
    const test::Text four = memberships(db);
    CHECK(test::rowsIncludingDeleted(db, "group_member") == 3); // tombstoned, never erased

    // Undone in turn: the memberships as they were (rows made since left as tombstones), and redone.
    revertMembershipChange(db, left);
    CHECK(memberships(db) == three);
    revertMembershipChange(db, again);
    CHECK(memberships(db, true) == liveTwo);
    revertMembershipChange(db, joined);
    CHECK(memberships(db, true).isEmpty());
    CHECK(membersOf(db, id).empty());
    revertMembershipChange(db, joined, true);
    CHECK(memberships(db, true) == liveTwo);
    revertMembershipChange(db, again, true);
    CHECK(memberships(db) == three);
    revertMembershipChange(db, left, true);
    CHECK(memberships(db) == four);
    CHECK(membersOf(db, id) == std::vector<RowId>{b});

    SECTION("a pupil withdrawn meanwhile is refused, nothing written")
    {
        const RowId d = test::addPupilIn(db, QStringLiteral("Ana"), QStringLiteral("Silva"), 7);
        setAddedPupilWithdrawn(db, d, true);
        const QStringList before = dump(db);
        CHECK(refusal([&] {
                  addMembers(db, id, {a, d});
              }) == QStringLiteral("A pupil chosen is no longer in this school file."));
        CHECK(differences(before, dump(db)) == QString());
    }
}

TEST_CASE("A pupil has one tutor group a year; moving them is undone exactly", "[setup][groups]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId x = addGroup(db, tutor(QStringLiteral("7X"), 2026));
    const RowId y = addGroup(db, tutor(QStringLiteral("7Y"), 2026));
    const RowId lastYear = addGroup(db, tutor(QStringLiteral("6 Oak"), 2025, 6));
    const RowId a = test::addPupilIn(db, QStringLiteral("Zoe"), QStringLiteral("Adams"), 7);
    const RowId b = test::addPupilIn(db, QStringLiteral("Emre"), QStringLiteral("Aydın"), 7);
    addMembers(db, lastYear, {a, b});
    addMembers(db, x, {a, b});
    CHECK(tutorGroupOf(db, a, 2026) == QStringLiteral("7X"));
    const test::Text before = memberships(db, true);

    const MembershipChange moved = addMembers(db, y, {a});
    CHECK(moved.added.size() == 1);
    CHECK(moved.removed.size() == 1);
    CHECK(tutorGroupOf(db, a, 2026) == QStringLiteral("7Y"));
    CHECK(tutorGroupOf(db, a, 2025) == QStringLiteral("6 Oak")); // last year's stays
    CHECK(membersOf(db, x) == std::vector<RowId>{b});
    CHECK(membersOf(db, y) == std::vector<RowId>{a});
    const QStringList after = dump(db, Stamps::Left);

    revertMembershipChange(db, moved);
    CHECK(memberships(db, true) == before); // 7X again; the 7Y row made is left as a tombstone
    CHECK(tutorGroupOf(db, a, 2026) == QStringLiteral("7X"));
    revertMembershipChange(db, moved, true);
    CHECK(differences(after, dump(db, Stamps::Left)) == QString()); // the same rows as the move made

    SECTION("already there: nothing changes")
    {
        const QStringList same = dump(db);
        CHECK_FALSE(moveToTutorGroup(db, a, y).changed());
        CHECK(differences(same, dump(db)) == QString());
    }
    SECTION("back again: a new membership, the old one left as a tombstone")
    {
        const MembershipChange back = moveToTutorGroup(db, a, x);
        CHECK(back.changed());
        CHECK(tutorGroupOf(db, a, 2026) == QStringLiteral("7X"));
        auto s = db.prepare("SELECT count(*) FROM group_member WHERE group_id = ?1 AND pupil_id = ?2");
        s.bindAll(x, a);
        REQUIRE(s.step());
        CHECK(s.int64(0) == 2);
    }
    SECTION("not into a class")
    {
        GroupDetails cls;
        cls.name = QStringLiteral("7X/Ma");
        cls.academicYear = 2026;
        const RowId maths = addGroup(db, cls);
        const QStringList same = dump(db);
        CHECK(refusal([&] { moveToTutorGroup(db, a, maths); }) ==
              QStringLiteral("That tutor group is no longer in this school file."));
        CHECK(differences(same, dump(db)) == QString());
        addMembers(db, maths, {a}); // a class is joined without leaving the tutor group
        CHECK(tutorGroupOf(db, a, 2026) == QStringLiteral("7Y"));
    }
}

TEST_CASE("A tutor group named by a roster is found without regard to case, or made", "[setup][groups]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId made = ensureTutorGroup(db, QStringLiteral(" 7X "), 2026, 7);
    CHECK(ensureTutorGroup(db, QStringLiteral("7x"), 2026, 8) == made);
    CHECK(ensureTutorGroup(db, QStringLiteral("7X"), 2027, 7) != made);
    const GroupEntry entry = groupList(db, 2026).front();
    CHECK(entry.details == tutor(QStringLiteral("7X"), 2026, 7));
    const QStringList before = dump(db);
    CHECK(refusal([&] { ensureTutorGroup(db, QStringLiteral("  "), 2026, 7); }) ==
          QStringLiteral("A tutor group needs a name."));
    CHECK(differences(before, dump(db)) == QString());
    setGroupRemoved(db, made, true);
    CHECK(ensureTutorGroup(db, QStringLiteral("7X"), 2026, 7) != made); // a removed one is not used again
}
