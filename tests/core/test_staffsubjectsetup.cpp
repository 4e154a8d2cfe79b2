// The set-up services' staff and subjects: every refusal says why and writes nothing, every change
// is undone exactly by its inverse, and nothing is ever erased.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/staffsetup.h"
#include "services/subjectsetup.h"
#include "setuptestsupport.h"

#include <catch2/catch.hpp>

#include <set>

using namespace waymark;
using namespace waymark::setup;
using test::differences;
using test::dump;
using test::refusal;
using test::Stamps;

namespace {
StaffDetails patel()
{
    StaffDetails d;
    d.title = QStringLiteral("Mrs");
    d.givenName = QStringLiteral("Jaswinder");
    d.familyName = QStringLiteral("Patel");
    d.email = QStringLiteral("j.patel@oakfield.sch.uk");
    d.role = QStringLiteral("SENCo");
    return d;
}

// The stored row (every column of it but the stamp), to compare a change and its undo.
QString staffRow(Database& db, RowId id)
{
    auto s = db.prepare("SELECT uuid || '|' || deleted || '|' || title || '|' || given_name || '|' || family_name "
                        "|| '|' || display_name || '|' || email || '|' || role || '|' || coalesce(left_on, 'NULL') "
                        "FROM staff WHERE id = ?1");
    s.bindAll(id);
    return s.step() ? s.text(0) : QString();
}

QString subjectRow(Database& db, RowId id)
{
    auto s = db.prepare("SELECT uuid || '|' || deleted || '|' || name || '|' || code FROM subject WHERE id = ?1");
    s.bindAll(id);
    return s.step() ? s.text(0) : QString();
}

QString metaValue(Database& db, const char* key)
{
    auto s = db.prepare("SELECT value FROM meta WHERE key = ?1");
    s.bindAll(QString::fromLatin1(key));
    return s.step() ? s.text(0) : QString();
}
} // namespace

TEST_CASE("A member of staff's short name is made as a school writes it", "[setup][staff]")
{
    CHECK(composeDisplayName(QStringLiteral("Mrs"), QStringLiteral("Jaswinder"), QStringLiteral("Patel")) ==
          QStringLiteral("Mrs J Patel"));
    CHECK(composeDisplayName(QString(), QStringLiteral("Sam"), QStringLiteral("Okafor")) ==
          QStringLiteral("Sam Okafor"));
    CHECK(composeDisplayName(QStringLiteral("Mr"), QString(), QStringLiteral("Okafor")) == QStringLiteral("Mr Okafor"));
    CHECK(composeDisplayName(QStringLiteral(" Dr "), QStringLiteral("  Émile "), QStringLiteral(" de  Vries ")) ==
          QStringLiteral("Dr É de Vries"));
    CHECK(composeDisplayName(QString(), QString(), QStringLiteral("Patel")) == QStringLiteral("Patel"));
}

TEST_CASE("Each problem with a member of staff is named, and adding them then writes nothing", "[setup][staff]")
{
    test::SchoolFile school;
    Database& db = *school;
    addStaff(db, patel()); // so that the file is not empty
    const QStringList before = dump(db);

    const QString longText(limits::kName + 1, QLatin1Char('x'));
    struct Case
    {
        const char* what;
        StaffDetails details;
        QString sentence;
    };
    StaffDetails noSurname = patel();
    noSurname.familyName = QStringLiteral("   ");
    StaffDetails badEmail = patel();
    badEmail.email = QStringLiteral("j.patel at oakfield");
    StaffDetails twoAts = patel();
    twoAts.email = QStringLiteral("a@b@c.uk");
    std::vector<Case> cases = {
        {"no surname", noSurname, QStringLiteral("Type the member of staff's surname.")},
        {"not an e-mail address", badEmail,
         QStringLiteral("“j.patel at oakfield” is not an e-mail address (name@school.sch.uk).")},
        {"two @", twoAts, QStringLiteral("“a@b@c.uk” is not an e-mail address (name@school.sch.uk).")},
    };
    for (QString StaffDetails::*field : {&StaffDetails::title, &StaffDetails::givenName, &StaffDetails::familyName,
                                         &StaffDetails::displayName, &StaffDetails::email, &StaffDetails::role}) {
        StaffDetails tooLong = patel();
        tooLong.*field = longText;
        if (field == &StaffDetails::email)
            tooLong.email = longText.left(limits::kName - 8) + QStringLiteral("@x.sch.uk"); // long, but an address
        cases.push_back({"a value too long", tooLong,
                         QStringLiteral("A name, e-mail address or role can have at most 100 characters; one here "
                                        "has 101.")});
    }
    for (const Case& c : cases) {
        INFO(c.what);
        const QStringList problems = problemsWithStaff(c.details);
        INFO(problems.join(QLatin1Char(' ')).toStdString());
        CHECK(problems.contains(c.sentence));
        CHECK(refusal([&] { addStaff(db, c.details); }).contains(c.sentence));
        CHECK(differences(before, dump(db)) == QString());
    }
    // A long given name also makes the display name long: two sentences, one for each.
    StaffDetails longGiven = patel();
    longGiven.title.clear();
    longGiven.givenName = longText;
    CHECK(problemsWithStaff(longGiven).size() == 2);
    CHECK(problemsWithStaff(patel()).isEmpty());
    StaffDetails noEmail = patel();
    noEmail.email.clear();
    CHECK(problemsWithStaff(noEmail).isEmpty()); // an e-mail address is not needed
}

TEST_CASE("Staff are added tidied and listed by surname, those who have left last", "[setup][staff]")
{
    test::SchoolFile school;
    Database& db = *school;
    StaffDetails typed = patel();
    typed.givenName = QStringLiteral("  Jaswinder ");
    typed.familyName = QStringLiteral(" Patel  ");
    typed.role = QStringLiteral(" Head  of   Year 9 ");
    const RowId patelId = addStaff(db, typed);
    const StaffMember stored = *staffMember(db, patelId);
    CHECK(stored.details.givenName == QStringLiteral("Jaswinder"));
    CHECK(stored.details.familyName == QStringLiteral("Patel"));
    CHECK(stored.details.role == QStringLiteral("Head of Year 9"));
    CHECK(stored.details.displayName == QStringLiteral("Mrs J Patel"));
    CHECK_FALSE(stored.leftOn.isValid());

    StaffDetails okafor;
    okafor.givenName = QStringLiteral("Sam");
    okafor.familyName = QStringLiteral("okafor");
    okafor.displayName = QStringLiteral("Sam O (Music)"); // typed: kept
    const RowId okaforId = addStaff(db, okafor);
    CHECK(staffMember(db, okaforId)->details.displayName == QStringLiteral("Sam O (Music)"));
    StaffDetails adams;
    adams.familyName = QStringLiteral("Adams");
    const RowId adamsId = addStaff(db, adams);

    const auto ids = [](const std::vector<StaffMember>& list) {
        std::vector<RowId> out;
        for (const StaffMember& m : list)
            out.push_back(m.id);
        return out;
    };
    CHECK(ids(staffList(db)) == std::vector<RowId>{adamsId, okaforId, patelId}); // "okafor" without regard to case

    const qint64 rows = test::rowsIncludingDeleted(db, "staff");
    setStaffLeftOn(db, adamsId, QDate(2026, 12, 18));
    CHECK(staffMember(db, adamsId)->leftOn == QDate(2026, 12, 18));
    CHECK(ids(staffList(db)) == std::vector<RowId>{okaforId, patelId, adamsId});
    CHECK(ids(staffList(db, false)) == std::vector<RowId>{okaforId, patelId});
    CHECK(test::rowsIncludingDeleted(db, "staff") == rows);

    SECTION("back on the staff: the row as it was, the leaving date kept in history")
    {
        setStaffLeftOn(db, adamsId, QDate());
        CHECK_FALSE(staffMember(db, adamsId)->leftOn.isValid());
        CHECK(ids(staffList(db, false)) == std::vector<RowId>{adamsId, okaforId, patelId});
        auto s = db.prepare("SELECT count(*) FROM history WHERE entity = 'staff' AND old_row LIKE '%2026-12-18%'");
        REQUIRE(s.step());
        CHECK(s.int64(0) == 1);
    }
    SECTION("the same leaving date again writes nothing")
    {
        const QStringList before = dump(db);
        setStaffLeftOn(db, adamsId, QDate(2026, 12, 18));
        CHECK(differences(before, dump(db)) == QString());
    }
    SECTION("someone not in the file")
    {
        const QStringList before = dump(db);
        CHECK(refusal([&] { setStaffLeftOn(db, 9999, QDate(2026, 12, 18)); }) ==
              QStringLiteral("That member of staff is no longer in this school file."));
        CHECK(differences(before, dump(db)) == QString());
    }
}

TEST_CASE("A change to a member of staff is undone exactly, and a stale one is refused", "[setup][staff]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId id = addStaff(db, patel());
    const StaffDetails original = staffMember(db, id)->details;
    const QString rowBefore = staffRow(db, id);
    const qint64 historyBefore = test::historyRows(db, "staff");

    StaffDetails changed = original;
    changed.familyName = QStringLiteral(" Patel-Reid ");
    changed.role = QStringLiteral("Deputy Head");
    changed.displayName.clear(); // made again
    changeStaff(db, id, changed, &original);
    const StaffDetails after = staffMember(db, id)->details;
    CHECK(after.familyName == QStringLiteral("Patel-Reid"));
    CHECK(after.displayName == QStringLiteral("Mrs J Patel-Reid"));
    CHECK(test::historyRows(db, "staff") == historyBefore + 1); // the old row kept

    SECTION("undone with Check::None: every column as it was")
    {
        changeStaff(db, id, original, &after, Check::None);
        CHECK(staffRow(db, id) == rowBefore);
        CHECK(test::historyRows(db, "staff") == historyBefore + 2);
    }
    SECTION("a stale `expected` is refused, naming them, and nothing is written")
    {
        const QStringList before = dump(db);
        StaffDetails mine = after;
        mine.role = QStringLiteral("Teacher");
        CHECK(refusal([&] { changeStaff(db, id, mine, &original); }) ==
              QStringLiteral("Mrs J Patel-Reid's details were changed elsewhere (perhaps in another window) since you "
                             "began, so yours were not saved. Look at them again and make your change once more."));
        CHECK(differences(before, dump(db)) == QString());
    }
    SECTION("details with a problem are refused and nothing is written")
    {
        const QStringList before = dump(db);
        StaffDetails bad = after;
        bad.familyName.clear();
        CHECK(refusal([&] { changeStaff(db, id, bad, &after); }) ==
              QStringLiteral("Type the member of staff's surname."));
        CHECK(differences(before, dump(db)) == QString());
    }
    SECTION("the same details again write nothing")
    {
        const QStringList before = dump(db);
        changeStaff(db, id, after, &after);
        CHECK(differences(before, dump(db)) == QString());
    }
    SECTION("a member of staff withdrawn meanwhile")
    {
        setAddedStaffWithdrawn(db, id, true);
        const QStringList before = dump(db);
        CHECK(refusal([&] { changeStaff(db, id, original, &after); }) ==
              QStringLiteral("That member of staff is no longer in this school file."));
        CHECK(differences(before, dump(db)) == QString());
    }
}

TEST_CASE("Adding a member of staff is taken back by tombstone, and refused once anything refers to them",
          "[setup][staff]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId other = addStaff(db, patel());
    StaffDetails d;
    d.givenName = QStringLiteral("Sam");
    d.familyName = QStringLiteral("Okafor");
    const RowId id = addStaff(db, d);
    const QString rowBefore = staffRow(db, id);
    const qint64 rows = test::rowsIncludingDeleted(db, "staff");

    setAddedStaffWithdrawn(db, id, true);
    CHECK_FALSE(staffMember(db, id));
    CHECK(staffList(db).size() == 1);
    CHECK(test::rowsIncludingDeleted(db, "staff") == rows); // tombstoned, not erased
    setAddedStaffWithdrawn(db, id, false);
    CHECK(staffRow(db, id) == rowBefore);

    SECTION("who I am is forgotten with them")
    {
        setWhoIAm(db, id);
        CHECK(whoIAm(db) == id);
        setAddedStaffWithdrawn(db, id, true);
        CHECK_FALSE(whoIAm(db));
        CHECK(metaValue(db, "who_i_am").isEmpty()); // cleared, not merely hidden
        setAddedStaffWithdrawn(db, id, false);
        CHECK_FALSE(whoIAm(db)); // bringing them back does not choose them again
        setWhoIAm(db, other);
        setAddedStaffWithdrawn(db, id, true);
        CHECK(whoIAm(db) == other); // someone else chosen: kept
    }

    const RowId pupil = test::addPupilIn(db, QStringLiteral("Emre"), QStringLiteral("Aydın"), 7);
    const auto refusedOnceReferenced = [&](const char* what, auto&& refer) {
        INFO(what);
        refer();
        const QStringList before = dump(db);
        CHECK(refusal([&] { setAddedStaffWithdrawn(db, id, true); }) ==
              QStringLiteral("This member of staff has groups, tasks, evidence or reviews recorded since being added, "
                             "so adding them is not undone. Mark them as left instead."));
        CHECK(differences(before, dump(db)) == QString());
        CHECK(staffMember(db, id));
    };
    SECTION("a group")
    {
        refusedOnceReferenced("group", [&] {
            Group g;
            g.name = QStringLiteral("7X");
            g.academicYear = 2026;
            g.teacherId = id;
            Repository<Group>(db).insert(g);
        });
    }
    SECTION("a task")
    {
        refusedOnceReferenced("task", [&] {
            Task t;
            t.title = QStringLiteral("Fractions");
            t.setById = id;
            Repository<Task>(db).insert(t);
        });
    }
    SECTION("evidence")
    {
        refusedOnceReferenced("evidence", [&] {
            Evidence e;
            e.pupilId = pupil;
            e.recordedOn = test::kSetupToday;
            e.recordedById = id;
            Repository<Evidence>(db).insert(e);
        });
    }
    SECTION("a review")
    {
        refusedOnceReferenced("review", [&] {
            Review r;
            r.pupilId = pupil;
            r.reviewerId = id;
            Repository<Review>(db).insert(r);
        });
    }
    SECTION("a pupil's learning guide")
    {
        refusedOnceReferenced("guide", [&] {
            Pupil p = *Repository<Pupil>(db).find(pupil);
            p.learningGuideId = id;
            Repository<Pupil>(db).update(p);
        });
    }
    SECTION("a reference tombstoned since does not count")
    {
        Task t;
        t.title = QStringLiteral("Fractions");
        t.setById = id;
        const RowId task = Repository<Task>(db).insert(t);
        Repository<Task>(db).setDeleted(task, true);
        setAddedStaffWithdrawn(db, id, true);
        CHECK_FALSE(staffMember(db, id));
    }
}

TEST_CASE("Who I am is kept in this file's settings by the staff member's UUID", "[setup][staff]")
{
    test::SchoolFile school;
    Database& db = *school;
    CHECK_FALSE(whoIAm(db));
    const RowId id = addStaff(db, patel());
    setWhoIAm(db, id);
    CHECK(whoIAm(db) == id);
    CHECK(metaValue(db, "who_i_am") == Repository<Staff>(db).find(id)->uuid.toString(QUuid::WithoutBraces));

    const QStringList before = dump(db);
    CHECK(refusal([&] { setWhoIAm(db, 9999); }) ==
          QStringLiteral("That member of staff is no longer in this school file."));
    CHECK(differences(before, dump(db)) == QString());

    setStaffLeftOn(db, id, QDate(2026, 12, 18)); // left: still who uses this computer until changed
    CHECK(whoIAm(db) == id);
    setWhoIAm(db, std::nullopt);
    CHECK_FALSE(whoIAm(db));
    CHECK(metaValue(db, "who_i_am").isEmpty());
}

// -------------------------------------------------------------------------------------------------
// Subjects

TEST_CASE("The usual subjects are added once each, and taken back exactly", "[setup][subjects]")
{
    const std::vector<SubjectDetails>& usual = usualSubjects();
    REQUIRE(usual.size() == 16);
    std::set<QString> names;
    for (const SubjectDetails& s : usual) {
        CHECK_FALSE(s.code.isEmpty());
        names.insert(s.name.toLower());
    }
    CHECK(names.size() == usual.size());
    CHECK(usual.front() == SubjectDetails{QStringLiteral("English"), QStringLiteral("EN")});

    test::SchoolFile school;
    Database& db = *school;
    const RowId maths = addSubject(db, {QStringLiteral("MATHEMATICS"), QStringLiteral("MAT")});
    const QStringList before = dump(db, Stamps::Left);

    const std::vector<RowId> added = addUsualSubjects(db);
    CHECK(added.size() == usual.size() - 1); // Mathematics, under another case, was there already
    CHECK(subjectList(db).size() == usual.size());
    CHECK(findSubject(db, QStringLiteral("mathematics")) == maths);
    CHECK(findSubject(db, QStringLiteral("  art AND design ")));
    for (const RowId id : added)
        CHECK(Repository<Subject>(db).find(id));

    const QStringList full = dump(db);
    CHECK(addUsualSubjects(db).empty()); // a second time: nothing
    CHECK(differences(full, dump(db)) == QString());

    SECTION("undone: exactly the ones added are tombstoned, and redone: the same rows back")
    {
        const QStringList afterAdding = dump(db, Stamps::Left);
        setSubjectsRemoved(db, added, true);
        CHECK(subjectList(db).size() == 1);
        CHECK(test::rowsIncludingDeleted(db, "subject") == qint64(usual.size())); // tombstones, not deletes
        for (const RowId id : added)
            CHECK(Repository<Subject>(db).findAny(id)->deleted);
        QStringList live; // the undone file but for the tombstones: the file before
        for (const QString& line : dump(db, Stamps::Left))
            if (!line.startsWith(QLatin1String("subject:")) || line.contains(QLatin1String("'MATHEMATICS'")))
                live << line;
        CHECK(differences(before, live) == QString());
        setSubjectsRemoved(db, added, false);
        CHECK(differences(afterAdding, dump(db, Stamps::Left)) == QString());
    }
}

TEST_CASE("Each problem with a subject is named, and adding it then writes nothing", "[setup][subjects]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId science = addSubject(db, {QStringLiteral(" Science "), QStringLiteral(" SC ")});
    CHECK(subjectList(db).front().details == SubjectDetails{QStringLiteral("Science"), QStringLiteral("SC")});
    const QStringList before = dump(db);

    const QString longText(limits::kName + 1, QLatin1Char('x'));
    struct Case
    {
        const char* what;
        SubjectDetails details;
        QString sentence;
    };
    const std::vector<Case> cases = {
        {"no name", {QStringLiteral("  "), QStringLiteral("XX")}, QStringLiteral("Type the subject's name.")},
        {"a long name",
         {longText, QString()},
         QStringLiteral("A subject's name or code can have at most 100 characters.")},
        {"a long code",
         {QStringLiteral("Latin"), longText},
         QStringLiteral("A subject's name or code can have at most 100 characters.")},
        {"a name the school has",
         {QStringLiteral(" sCIENCE  "), QStringLiteral("SC2")},
         QStringLiteral("The school already has a subject called “sCIENCE”.")},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        CHECK(test::lines(problemsWithSubject(db, c.details)) == c.sentence);
        CHECK(refusal([&] { addSubject(db, c.details); }) == c.sentence);
        CHECK(differences(before, dump(db)) == QString());
    }
    // The subject itself may keep its name (a rename that only changes the code).
    CHECK(problemsWithSubject(db, {QStringLiteral("science"), QString()}, science).isEmpty());
    // A removed subject's name can be used again.
    setSubjectsRemoved(db, {science}, true);
    CHECK(problemsWithSubject(db, {QStringLiteral("Science"), QString()}).isEmpty());
    CHECK_FALSE(findSubject(db, QStringLiteral("Science")));
}

TEST_CASE("A subject renamed is put back exactly, and a stale rename is refused", "[setup][subjects]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId id = addSubject(db, {QStringLiteral("Languages"), QStringLiteral("ML")});
    addSubject(db, {QStringLiteral("French"), QStringLiteral("FR")});
    const SubjectDetails original{QStringLiteral("Languages"), QStringLiteral("ML")};
    const QString rowBefore = subjectRow(db, id);
    const qint64 history = test::historyRows(db, "subject");

    changeSubject(db, id, {QStringLiteral(" Modern  languages "), QStringLiteral("MFL")}, &original);
    const SubjectDetails renamed{QStringLiteral("Modern languages"), QStringLiteral("MFL")};
    CHECK(subjectList(db).at(1).details == renamed);
    CHECK(test::historyRows(db, "subject") == history + 1);

    SECTION("undone with Check::None")
    {
        changeSubject(db, id, original, &renamed, Check::None);
        CHECK(subjectRow(db, id) == rowBefore);
    }
    SECTION("stale: refused, naming the subject as stored, nothing written")
    {
        const QStringList before = dump(db);
        CHECK(refusal([&] {
                  changeSubject(db, id, {QStringLiteral("MFL"), QString()}, &original);
              }) ==
              QStringLiteral("The subject “Modern languages” was changed elsewhere since you began, so your change was "
                             "not saved."));
        CHECK(differences(before, dump(db)) == QString());
    }
    SECTION("to another subject's name: refused, nothing written")
    {
        const QStringList before = dump(db);
        CHECK(refusal([&] {
                  changeSubject(db, id, {QStringLiteral("french"), QString()}, &renamed);
              }) == QStringLiteral("The school already has a subject called “french”."));
        CHECK(differences(before, dump(db)) == QString());
    }
    SECTION("a removed subject cannot be renamed")
    {
        setSubjectsRemoved(db, {id}, true);
        CHECK(refusal([&] { changeSubject(db, id, original, &renamed); }) ==
              QStringLiteral("That subject is no longer in this school file."));
    }
}

TEST_CASE("A subject in use is not removed; removing is a tombstone undone exactly", "[setup][subjects]")
{
    test::SchoolFile school;
    Database& db = *school;
    const RowId english = addSubject(db, {QStringLiteral("English"), QStringLiteral("EN")});
    const RowId music = addSubject(db, {QStringLiteral("Music"), QStringLiteral("MU")});
    const RowId pupil = test::addPupilIn(db, QStringLiteral("Emre"), QStringLiteral("Aydın"), 7);
    const QString englishRow = subjectRow(db, english);
    const QString musicRow = subjectRow(db, music);

    SECTION("unused: tombstoned, then brought back as it was")
    {
        setSubjectsRemoved(db, {english, music}, true);
        CHECK(subjectList(db).empty());
        CHECK(test::rowsIncludingDeleted(db, "subject") == 2);
        setSubjectsRemoved(db, {english, music}, false);
        CHECK(subjectRow(db, english) == englishRow);
        CHECK(subjectRow(db, music) == musicRow);
    }

    const auto refusedWhileUsed = [&](const char* what, auto&& use) {
        INFO(what);
        use();
        const QStringList before = dump(db);
        // Music first: its removal in the same call is rolled back with the refusal.
        CHECK(refusal([&] {
                  setSubjectsRemoved(db, {music, english}, true);
              }) == QStringLiteral("“English” has groups, tasks, targets or evidence, so it was not removed. Rename it "
                                   "instead if it is called something else now."));
        CHECK(differences(before, dump(db)) == QString());
        CHECK(subjectList(db).size() == 2);
    };
    SECTION("a group")
    {
        refusedWhileUsed("group", [&] {
            Group g;
            g.name = QStringLiteral("7X/En");
            g.academicYear = 2026;
            g.subjectId = english;
            Repository<Group>(db).insert(g);
            CHECK(subjectList(db).front().groups == 1);
        });
    }
    SECTION("a task")
    {
        refusedWhileUsed("task", [&] {
            Task t;
            t.title = QStringLiteral("Persuasive writing");
            t.subjectId = english;
            Repository<Task>(db).insert(t);
        });
    }
    SECTION("a target")
    {
        refusedWhileUsed("target", [&] {
            Target t;
            t.pupilId = pupil;
            t.subjectId = english;
            t.text = QStringLiteral("Use paragraphs");
            Repository<Target>(db).insert(t);
        });
    }
    SECTION("evidence")
    {
        refusedWhileUsed("evidence", [&] {
            Evidence e;
            e.pupilId = pupil;
            e.subjectId = english;
            e.recordedOn = test::kSetupToday;
            Repository<Evidence>(db).insert(e);
        });
    }
}
