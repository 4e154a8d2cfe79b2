// The import service: a roster planned against the school, then applied in one transaction;
// re-imports update and never duplicate; leavers are marked, never deleted; a cancel writes nothing.
#include "domain/entities.h"
#include "exchange/roster.h"
#include "exchange/sdsreader.h"
#include "exchange/ctfreader.h"
#include "repo/repository.h"
#include "services/groupsetup.h"
#include "services/rosterimport.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::importing;
using Kind = PlannedRow::Kind;

namespace {
const QDate kToday(2026, 11, 30);

exchange::Roster roster(const QByteArray& csv)
{
    return exchange::readCsvRoster(csv, kToday);
}

const QByteArray kRoll = "UPN,Legal Surname,Legal Forename,DOB,Year,SEN,FSM\n"
                         "B801200005001,Aydın,Emre,02/09/2014,7,N,N\n"
                         ",Smith,Jo,15/01/2014,7,K,Y\n"
                         "R201100018042,Wróbel,Łucja,01/05/2014,7,E,N\n"
                         ",,Nobody,01/01/2014,7,N,N\n";
} // namespace

TEST_CASE("A roster is planned, applied in one go, and re-imported without duplicates")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);

    const ImportPlan first = planImport(*db, roster(kRoll), kToday);
    CHECK(first.count(Kind::New) == 3);
    CHECK(first.count(Kind::Rejected) == 1);
    CHECK(Repository<Pupil>(*db).all().empty()); // planning writes nothing
    const ImportResult applied = applyImport(*db, first, kToday, Leavers::Ignore);
    CHECK(applied.created == 3);
    const std::vector<Pupil> pupils = Repository<Pupil>(*db).all();
    REQUIRE(pupils.size() == 3);
    CHECK(pupils[1].legalFamilyName == QStringLiteral("Smith"));
    CHECK(pupils[1].senStatus == SenStatus::SenSupport);
    CHECK(pupils[1].freeSchoolMeals);
    CHECK(pupils[2].senStatus == SenStatus::EhcPlan);

    SECTION("the same file again: all unchanged (Jo, without a UPN, found by name and birthday)")
    {
        const ImportPlan again = planImport(*db, roster(kRoll), kToday);
        CHECK(again.count(Kind::New) == 0);
        CHECK(again.count(Kind::Unchanged) == 3);
        CHECK(again.rows[1].flags.join(QString()).contains(QStringLiteral("same name and date of birth")));
    }
    SECTION("a new year: an update that says what changes, with the old value kept in history")
    {
        QByteArray moved = kRoll;
        moved.replace("02/09/2014,7,N,N", "02/09/2014,8,N,N");
        const ImportPlan plan = planImport(*db, roster(moved), kToday);
        REQUIRE(plan.count(Kind::Updated) == 1);
        CHECK(plan.rows[0].changes == QStringList{QStringLiteral("Year group: 7 → 8")});
        applyImport(*db, plan, kToday, Leavers::Ignore);
        CHECK(*Repository<Pupil>(*db).find(pupils[0].id)->yearGroup == 8);
        auto history = db->prepare("SELECT count(*) FROM history WHERE entity = 'pupil'");
        REQUIRE(history.step());
        CHECK(history.int64(0) == 1);
    }
    SECTION("a full roll without Łucja: offered as a leaver, marked left only when asked, never deleted")
    {
        QByteArray without = kRoll;
        without.replace("R201100018042,Wróbel,Łucja,01/05/2014,7,E,N\n", "");
        const ImportPlan plan = planImport(*db, roster(without), kToday);
        REQUIRE(plan.notInFile == std::vector<RowId>{pupils[2].id});
        CHECK(applyImport(*db, plan, kToday, Leavers::Ignore).markedLeft == 0);
        CHECK(applyImport(*db, plan, kToday, Leavers::Mark).markedLeft == 1);
        CHECK(Repository<Pupil>(*db).find(pupils[2].id)->leftOn == kToday);
    }
    SECTION("cancelled part way: nothing of it is written")
    {
        QByteArray more = "UPN,Legal Surname,Legal Forename\n";
        for (int i = 0; i < 120; ++i)
            more += ",Pupil" + QByteArray::number(i) + ",Test\n";
        const ImportPlan plan = planImport(*db, roster(more), kToday);
        int calls = 0;
        CHECK_THROWS_AS(applyImport(*db, plan, kToday, Leavers::Mark,
                                    [&](int, int) {
                                        ++calls;
                                        return false;
                                    }),
                        StorageError);
        CHECK(calls == 1);
        CHECK(Repository<Pupil>(*db).all().size() == 3);
        CHECK_FALSE(Repository<Pupil>(*db).find(pupils[0].id)->leftOn.isValid());
    }
    SECTION("only a name to go on: one pupil of that name is matched (flagged); two cannot be told apart")
    {
        const QByteArray nameOnly = "UPN,Legal Surname,Legal Forename\n,Smith,Jo\n";
        const ImportPlan one = planImport(*db, roster(nameOnly), kToday);
        CHECK(one.rows[0].kind == Kind::Unchanged);
        CHECK(one.rows[0].flags.join(QString()).contains(QStringLiteral("same name")));
        applyImport(*db,
                    planImport(*db, roster("UPN,Legal Surname,Legal Forename,DOB\n,Smith,Jo,01/01/2013\n"), kToday),
                    kToday, Leavers::Ignore); // another Jo Smith, a year older
        const ImportPlan two = planImport(*db, roster(nameOnly), kToday);
        CHECK(two.rows[0].kind == Kind::Rejected);
        CHECK(two.rows[0].reason.contains(QStringLiteral("2 pupils are called Jo Smith")));
    }
    SECTION("one pupil twice in a file: the second row is rejected, not a duplicate")
    {
        const ImportPlan plan = planImport(*db, roster(kRoll + "B801200005001,Aydın,Emre,02/09/2014,7,N,N\n"), kToday);
        CHECK(plan.rows.back().kind == Kind::Rejected);
        CHECK(plan.rows.back().reason.contains(QStringLiteral("earlier row")));
    }
}

TEST_CASE("The roster's tutor groups are made once, pupils are put in them, and a move is one change")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    const QByteArray roll = "UPN,Surname,Forename,Year,Reg\n"
                            "B801200005001,Aydın,Emre,7,7R\n"
                            "R201100018042,Wróbel,Łucja,7,7S\n"
                            ",Smith,Jo,7,7r\n";
    applyImport(*db, planImport(*db, roster(roll), kToday), kToday, Leavers::Ignore);
    const auto tutorGroups = [&] {
        auto s = db->prepare("SELECT name FROM pupil_group WHERE deleted = 0 AND kind = 'tutor' ORDER BY name");
        QStringList names;
        while (s.step())
            names << s.text(0);
        return names;
    };
    CHECK(tutorGroups() == QStringList{QStringLiteral("7R"), QStringLiteral("7S")}); // "7r" is 7R
    const std::vector<Pupil> pupils = Repository<Pupil>(*db).all();
    CHECK(setup::tutorGroupOf(*db, pupils[2].id, 2026) == QStringLiteral("7R"));

    QByteArray moved = roll;
    moved.replace(",Smith,Jo,7,7r", ",Smith,Jo,7,7S");
    const ImportPlan plan = planImport(*db, roster(moved), kToday);
    REQUIRE(plan.count(Kind::Updated) == 1);
    CHECK(plan.rows[2].changes == QStringList{QStringLiteral("Tutor group: 7R → 7S")});
    CHECK(plan.count(Kind::Unchanged) == 2); // "7r" for 7R was no change
    applyImport(*db, plan, kToday, Leavers::Ignore);
    CHECK(setup::tutorGroupOf(*db, pupils[2].id, 2026) == QStringLiteral("7S"));
    auto memberships = db->prepare("SELECT count(*) FROM group_member WHERE deleted = 0 AND pupil_id = ?1");
    memberships.bindAll(pupils[2].id);
    REQUIRE(memberships.step());
    CHECK(memberships.int64(0) == 1); // out of 7R, into 7S: one tutor group a year
}

TEST_CASE("A School Data Sync folder brings in staff, classes with their teachers and members, and undoes whole")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    const exchange::Roster sds = exchange::readSdsFolder(test::fixturePath(QStringLiteral("sds-uk")), kToday);
    REQUIRE(sds.records.size() == 86);
    REQUIRE(sds.groups.size() == 28);

    const QString empty = test::liveContent(*db);
    const ImportPlan plan = planImport(*db, sds, kToday, QStringLiteral("sds"));
    CHECK(plan.count(Kind::New) == 86);
    CHECK(plan.staff.size() == 12);
    CHECK(test::liveContent(*db) == empty); // planning writes nothing
    const ImportResult result = applyImport(*db, plan, kToday, Leavers::Ignore);
    CHECK(result.created == 86);
    CHECK(result.staffCreated == 12);
    CHECK(result.groupsCreated == 28);
    CHECK(result.subjectsCreated > 0);
    const QString imported = test::liveContent(*db);

    // Section 11001 (Math - Algebra 1) has pupils 13001..13030 and teacher 14001 (Craig Beane).
    const std::optional<Group> algebra =
        Repository<Group>(*db).first("name = ?1", QStringLiteral("Math - Algebra 1"));
    REQUIRE(algebra);
    CHECK(setup::membersOf(*db, algebra->id).size() == 30);
    REQUIRE(algebra->teacherId);
    CHECK(Repository<Staff>(*db).find(*algebra->teacherId)->familyName == QStringLiteral("Beane"));
    REQUIRE(algebra->subjectId);
    CHECK(Repository<Subject>(*db).find(*algebra->subjectId)->name == QStringLiteral("Math"));

    SECTION("the same folder again changes nothing")
    {
        const ImportPlan again = planImport(*db, sds, kToday, QStringLiteral("sds"));
        CHECK(again.count(Kind::New) == 0);
        CHECK(again.count(Kind::Unchanged) == 86);
        CHECK(std::all_of(again.staff.begin(), again.staff.end(),
                          [](const PlannedItem& s) { return s.kind == Kind::Unchanged; }));
        CHECK(std::all_of(again.groups.begin(), again.groups.end(),
                          [](const PlannedItem& g) { return g.kind == Kind::Unchanged; }));
        applyImport(*db, again, kToday, Leavers::Ignore);
        CHECK(test::liveContent(*db) == imported);
    }
    SECTION("a pupil renamed in the MIS is found by the MIS's own id, not added twice")
    {
        exchange::Roster renamed = sds;
        renamed.records[0].legalFamilyName = QStringLiteral("Klein-Hart"); // so no name and birthday match
        renamed.records[0].dateOfBirth = QDate(2000, 4, 3); // and a corrected birthday: still them
        const ImportPlan again = planImport(*db, renamed, kToday, QStringLiteral("sds"));
        CHECK(again.count(Kind::New) == 0);
        CHECK(again.rows[0].kind == Kind::Updated);
        CHECK(again.rows[0].changes.join(QLatin1Char(';')).contains(QStringLiteral("Klein → Klein-Hart")));
        // Another MIS's ids are its own: from "SIMS" the same row would be a new pupil.
        CHECK(planImport(*db, renamed, kToday, QStringLiteral("SIMS")).rows[0].kind == Kind::New);
    }
    SECTION("a pupil the MIS moved out of a class leaves it")
    {
        exchange::Roster moved = sds;
        for (exchange::RosterGroup& g : moved.groups)
            if (g.name == QStringLiteral("Math - Algebra 1"))
                g.pupilMisIds.removeAll(QStringLiteral("13001"));
        const ImportPlan again = planImport(*db, moved, kToday, QStringLiteral("sds"));
        const auto item = std::find_if(again.groups.begin(), again.groups.end(),
                                       [](const PlannedItem& g) { return g.name == QStringLiteral("Math - Algebra 1"); });
        REQUIRE(item != again.groups.end());
        CHECK(item->kind == Kind::Updated);
        CHECK(item->changes.join(QLatin1Char(';')).contains(QStringLiteral("−1 pupil")));
        applyImport(*db, again, kToday, Leavers::Ignore);
        CHECK(setup::membersOf(*db, algebra->id).size() == 29);
    }
    SECTION("undo takes the whole import back, and redo brings it again")
    {
        revertImport(*db, result);
        CHECK(test::liveContent(*db) == empty);
        revertImport(*db, result, true);
        CHECK(test::liveContent(*db) == imported);
        revertImport(*db, result);
        CHECK(test::liveContent(*db) == empty);
    }
    SECTION("undo is refused, writing nothing, once a task was set for a group the import made")
    {
        Task task;
        task.groupId = algebra->id;
        task.title = QStringLiteral("Solving linear equations");
        task.setOn = kToday;
        Repository<Task>(*db).insert(task);
        const QString before = test::liveContent(*db);
        CHECK_THROWS_AS(revertImport(*db, result), StorageError);
        CHECK(test::liveContent(*db) == before);
    }
    SECTION("undo is refused, writing nothing, once a pupil it changed was changed again")
    {
        // A second import that updates a pupil, then a hand edit of the same pupil.
        exchange::Roster renamed = sds;
        renamed.records[1].legalGivenName = QStringLiteral("Beulah-May");
        const ImportResult second =
            applyImport(*db, planImport(*db, renamed, kToday, QStringLiteral("sds")), kToday, Leavers::Ignore);
        REQUIRE(second.pupils.after.size() == 1);
        Pupil p = *Repository<Pupil>(*db).find(second.pupils.after[0].id);
        p.legalGivenName = QStringLiteral("Bea");
        Repository<Pupil>(*db).update(p);
        const QString before = test::liveContent(*db);
        CHECK_THROWS_AS(revertImport(*db, second), StorageError);
        CHECK(test::liveContent(*db) == before);
    }
}

TEST_CASE("A Common Transfer File's stage assessments become results on the built-in scales, once")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    const exchange::Roster ctf = exchange::readCtf(
        test::readAll(QStringLiteral(WAYMARK_TESTS_DIR "/exchange/ctf/ctf25-all-through/input.xml")), kToday);
    const QString empty = test::liveContent(*db);
    const ImportResult result = applyImport(*db, planImport(*db, ctf, kToday, QStringLiteral("ctf")), kToday,
                                            Leavers::Ignore);
    CHECK(result.created == 5);
    REQUIRE(result.resultsAdded >= 8);
    // Chidera Okafor's KS2 maths teacher assessment: EXS on the KS1/KS2 teacher assessment scale.
    const std::optional<Pupil> chidera = Repository<Pupil>(*db).first("upn = ?1", QStringLiteral("L820200114001"));
    REQUIRE(chidera);
    const std::vector<Evidence> results = Repository<Evidence>(*db).where("pupil_id = ?1 ORDER BY id", chidera->id);
    REQUIRE(results.size() == 4);
    CHECK(results[0].note.contains(QStringLiteral("KS2 MAT")));
    CHECK(results[0].recordedOn == QDate(2026, 6, 24));
    REQUIRE(results[0].rungId);
    const std::optional<Rung> rung = Repository<Rung>(*db).find(*results[0].rungId);
    REQUIRE(rung);
    CHECK(rung->code == QStringLiteral("EXS"));
    CHECK_FALSE(results[2].rungId); // a scaled score (108) is kept as written, on no ladder

    // Thomas Whitfield's SEN history (SEN support, then an EHC plan) and a closed FSM period.
    const std::optional<Pupil> thomas = Repository<Pupil>(*db).first("upn = ?1", QStringLiteral("A820200114002"));
    REQUIRE(thomas);
    const std::vector<PupilPeriod> periods =
        Repository<PupilPeriod>(*db).where("pupil_id = ?1 ORDER BY kind DESC, start_on", thomas->id);
    REQUIRE(periods.size() == 3);
    CHECK(periods[0].kind == QStringLiteral("sen"));
    CHECK(periods[0].status == QStringLiteral("sen_support"));
    CHECK(periods[0].startOn == QDate(2020, 9, 3));
    CHECK(periods[0].endOn == QDate(2024, 1, 31));
    CHECK(periods[1].status == QStringLiteral("ehc_plan"));
    CHECK_FALSE(periods[1].endOn.isValid());
    CHECK(periods[2].kind == QStringLiteral("fsm"));
    CHECK(periods[2].endOn == QDate(2023, 3, 31));
    CHECK(thomas->senStatus == SenStatus::EhcPlan);

    // The same file again adds nothing; undo of the first import takes the results away with it.
    const ImportPlan again = planImport(*db, ctf, kToday, QStringLiteral("ctf"));
    CHECK(again.count(Kind::Unchanged) == 5);
    const ImportResult second = applyImport(*db, again, kToday, Leavers::Ignore);
    CHECK(second.resultsAdded == 0);
    CHECK(second.periods.created.empty());
    revertImport(*db, result);
    CHECK(test::liveContent(*db) == empty);
}

TEST_CASE("Review fixes: a re-used MIS id, rows that could not be read, a pupil in two tutor groups, undated results")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    const QByteArray roll = "Adno,UPN,Legal Surname,Legal Forename,DOB,Year,Reg\n"
                            "1001,B801200005001,Aydın,Emre,02/09/2014,7,7R\n"
                            "1002,,Smith,Jo,15/01/2014,7,7R\n"
                            "1003,R201100018042,Wróbel,Łucja,01/05/2014,7,7S\n";
    applyImport(*db, planImport(*db, roster(roll), kToday, QStringLiteral("SIMS")), kToday, Leavers::Ignore);
    REQUIRE(Repository<Pupil>(*db).all().size() == 3);

    SECTION("the MIS gives a leaver's id to a new child: a new pupil, flagged, never written over the first")
    {
        const QByteArray reused = "Adno,UPN,Legal Surname,Legal Forename,DOB,Year,Reg\n"
                                  "1001,,Novak,Ana,03/03/2015,6,6N\n";
        const ImportPlan plan = planImport(*db, roster(reused), kToday, QStringLiteral("SIMS"));
        REQUIRE(plan.rows.size() == 1);
        CHECK(plan.rows[0].kind == Kind::New);
        CHECK(plan.rows[0].flags.join(QLatin1Char(';')).contains(QStringLiteral("1001")));
        applyImport(*db, plan, kToday, Leavers::Ignore);
        CHECK(Repository<Pupil>(*db).first("upn = ?1", QStringLiteral("B801200005001"))->legalGivenName ==
              QStringLiteral("Emre"));
    }
    SECTION("a row that cannot be read is no reason to mark its pupil as left")
    {
        const QByteArray broken = "Adno,UPN,Legal Surname,Legal Forename,DOB,Year,Reg\n"
                                  "1001,B801200005001,Aydın,,02/09/2014,7,7R\n" // no forename: rejected
                                  "1002,,Smith,Jo,15/01/2014,7,7R\n"
                                  "1003,R201100018042,Wróbel,Łucja,01/05/2014,7,7S\n";
        const ImportPlan plan = planImport(*db, roster(broken), kToday, QStringLiteral("SIMS"));
        CHECK(plan.count(Kind::Rejected) == 1);
        CHECK(plan.notInFile.empty());
        applyImport(*db, plan, kToday, Leavers::Mark);
        CHECK_FALSE(Repository<Pupil>(*db).first("upn = ?1", QStringLiteral("B801200005001"))->leftOn.isValid());
    }
    SECTION("a pupil listed in two tutor groups ends in one, and undo leaves them where they were")
    {
        const RowId emre = Repository<Pupil>(*db).first("upn = ?1", QStringLiteral("B801200005001"))->id;
        const QString before = test::liveContent(*db);
        exchange::Roster twoGroups;
        exchange::RosterRecord r;
        r.line = 2;
        r.misId = QStringLiteral("1001");
        r.upn = QStringLiteral("B801200005001");
        r.legalFamilyName = QStringLiteral("Aydın");
        r.legalGivenName = QStringLiteral("Emre");
        r.dateOfBirth = QDate(2014, 9, 2);
        r.yearGroup = 7;
        twoGroups.records.push_back(r);
        for (const char* name : {"7A", "7B"}) {
            exchange::RosterGroup g;
            g.misId = QString::fromLatin1(name);
            g.name = QString::fromLatin1(name);
            g.kind = GroupKind::Tutor;
            g.yearGroup = 7;
            g.pupilMisIds << QStringLiteral("1001");
            twoGroups.groups.push_back(g);
        }
        const ImportResult result = applyImport(*db, planImport(*db, twoGroups, kToday, QStringLiteral("SIMS")),
                                                kToday, Leavers::Ignore);
        CHECK(setup::tutorGroupOf(*db, emre, 2026) == QStringLiteral("7B"));
        revertImport(*db, result);
        CHECK(setup::tutorGroupOf(*db, emre, 2026) == QStringLiteral("7R"));
        CHECK(test::liveContent(*db) == before);
    }
    SECTION("a stage assessment result with no date is flagged and left out; the rest of the import goes in")
    {
        exchange::Roster ctf = roster(roll);
        exchange::RosterAssessment dated;
        dated.stage = QStringLiteral("KS2");
        dated.subject = QStringLiteral("MAT");
        dated.method = QStringLiteral("TA");
        dated.result = QStringLiteral("EXS");
        dated.on = QDate(2026, 6, 24);
        exchange::RosterAssessment undated = dated;
        undated.subject = QStringLiteral("ENG");
        undated.on = QDate();
        ctf.records[0].assessments = {dated, undated};
        const ImportPlan plan = planImport(*db, ctf, kToday, QStringLiteral("SIMS"));
        CHECK(plan.rows[0].flags.join(QLatin1Char(';')).contains(QStringLiteral("no date")));
        CHECK(applyImport(*db, plan, kToday, Leavers::Ignore).resultsAdded == 1);
    }
}
