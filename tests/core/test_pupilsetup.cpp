// The set-up service's pupils: added once, checked, marked as left and re-admitted.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("A pupil is added once, checked as a teacher would want, and leaves and comes back without being deleted")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    const QDate today(2026, 11, 23);

    setup::NewPupil pupil;
    pupil.upn = QStringLiteral(" r201 1000 18042 ");
    pupil.legalGivenName = QStringLiteral(" Łucja ");
    pupil.legalFamilyName = QStringLiteral("Wróbel");
    pupil.preferredGivenName = QStringLiteral("Łucja"); // the same as legal: stored as "same"
    pupil.dateOfBirth = QDate(2013, 5, 1);
    pupil.yearGroup = 8;
    REQUIRE(setup::problemsWithNewPupil(*db, pupil, today).isEmpty());
    const RowId id = setup::addPupil(*db, pupil, today);
    const Pupil stored = *Repository<Pupil>(*db).find(id);
    CHECK(stored.upn == QStringLiteral("R201100018042"));
    CHECK(stored.legalGivenName == QStringLiteral("Łucja"));
    CHECK(stored.preferredGivenName.isEmpty());
    CHECK(stored.startedOn == today);

    SECTION("the same UPN again is refused, naming who has it")
    {
        setup::NewPupil twin = pupil;
        twin.legalGivenName = QStringLiteral("Other");
        const QStringList problems = setup::problemsWithNewPupil(*db, twin, today);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].contains(QStringLiteral("Łucja Wróbel already has the UPN R201100018042")));
        CHECK_THROWS_AS(setup::addPupil(*db, twin, today), StorageError);
    }
    SECTION("names, dates and years that cannot be right")
    {
        setup::NewPupil odd;
        odd.dateOfBirth = today.addDays(1);
        odd.yearGroup = 17;
        const QStringList problems = setup::problemsWithNewPupil(*db, odd, today);
        CHECK(problems.size() == 4); // first name, surname, date of birth, year group
    }
    SECTION("an added pupil is taken back (undo) only while nothing else is recorded for them")
    {
        setup::setAddedPupilWithdrawn(*db, id, true);
        CHECK_FALSE(Repository<Pupil>(*db).find(id));
        setup::setAddedPupilWithdrawn(*db, id, false);
        REQUIRE(Repository<Pupil>(*db).find(id));
        Target target;
        target.pupilId = id;
        target.text = QStringLiteral("Read every day");
        Repository<Target>(*db).insert(target);
        CHECK_THROWS_AS(setup::setAddedPupilWithdrawn(*db, id, true), StorageError);
        CHECK(Repository<Pupil>(*db).find(id));
    }
    SECTION("left and re-admitted: the row stays")
    {
        setup::setLeftOn(*db, id, QDate(2026, 12, 18));
        CHECK(Repository<Pupil>(*db).find(id)->leftOn == QDate(2026, 12, 18));
        CHECK_THROWS_AS(setup::setLeftOn(*db, id, QDate(2020, 1, 1)), StorageError); // before they started
        setup::setLeftOn(*db, id, QDate());
        CHECK_FALSE(Repository<Pupil>(*db).find(id)->leftOn.isValid());
    }
}
