// The import service: a roster planned against the school, then applied in one transaction;
// re-imports update and never duplicate; leavers are marked, never deleted; a cancel writes nothing.
#include "domain/entities.h"
#include "exchange/roster.h"
#include "repo/repository.h"
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
    SECTION("one pupil twice in a file: the second row is rejected, not a duplicate")
    {
        const ImportPlan plan = planImport(*db, roster(kRoll + "B801200005001,Aydın,Emre,02/09/2014,7,N,N\n"), kToday);
        CHECK(plan.rows.back().kind == Kind::Rejected);
        CHECK(plan.rows.back().reason.contains(QStringLiteral("earlier row")));
    }
}
