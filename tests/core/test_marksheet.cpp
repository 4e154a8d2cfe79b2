// The mark sheet: what the marking grid and the printed slips show of a task, read in a few
// queries; and the marks that schema version 5 added (per-criterion self and peer lights, whether a
// next step was met).
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/groupsetup.h"
#include "services/marking.h"
#include "services/marksheet.h"
#include "services/markfiles.h"
#include "services/nextsteps.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "services/subjectsetup.h"
#include "services/tasksetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::marking;

TEST_CASE("The mark sheet lists the group by family name with every mark, and one row reads alone", "[marking]")
{
    const QDate today(2026, 11, 30);
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    const RowId maths = setup::addSubject(*db, {QStringLiteral("Mathematics"), QStringLiteral("MA")});
    setup::GroupDetails g;
    g.name = QStringLiteral("9X/Ma1");
    g.subjectId = maths;
    g.yearGroup = 9;
    g.academicYear = 2026;
    const RowId group = setup::addGroup(*db, g);
    std::vector<RowId> pupils;
    for (const auto& [given, preferred, family] :
         std::vector<std::array<const char*, 3>>{{"Zofia", "", "Adams"}, {"Robert", "Bobby", "Zeal"}, {"Amir", "", "Khan"}}) {
        setup::NewPupil p;
        p.legalGivenName = QString::fromLatin1(given);
        p.preferredGivenName = QString::fromLatin1(preferred);
        p.legalFamilyName = QString::fromLatin1(family);
        pupils.push_back(setup::addPupil(*db, p, today));
    }
    setup::addMembers(*db, group, {pupils[0], pupils[1], pupils[2]});
    {
        Pupil khan = *Repository<Pupil>(*db).find(pupils[2]);
        khan.eal = true;
        khan.senStatus = SenStatus::EhcPlan;
        Repository<Pupil>(*db).update(khan);
    }
    TaskDetails d;
    d.groupId = group;
    d.title = QStringLiteral("Fractions");
    d.setOn = today;
    d.criteria = {QStringLiteral("I can add fractions"), QStringLiteral("I can simplify")};
    d.scaleId = Repository<Scale>(*db).first("code = 'gcse'")->id;
    const RowId taskId = createTask(*db, d);

    std::optional<MarkSheet> sheet = markSheet(*db, taskId);
    REQUIRE(sheet);
    CHECK(sheet->title == QStringLiteral("Fractions"));
    CHECK(sheet->subject == QStringLiteral("Mathematics"));
    CHECK(sheet->group == QStringLiteral("9X/Ma1"));
    REQUIRE(sheet->criteria.size() == 2);
    CHECK(sheet->rungs.size() == 10);
    CHECK(sheet->rungs.front().code == QStringLiteral("U"));
    REQUIRE(sheet->rows.size() == 3);
    CHECK(sheet->rows[0].name == QStringLiteral("Zofia Adams"));
    CHECK(sheet->rows[1].name == QStringLiteral("Amir Khan"));
    CHECK(sheet->rows[1].sen == QStringLiteral("ehc_plan"));
    CHECK(sheet->rows[1].eal);
    CHECK(sheet->rows[2].name == QStringLiteral("Bobby Zeal"));
    CHECK(sheet->rows[2].evidenceId == 0);

    const RowId c1 = sheet->criteria[0].id;
    const RowId c2 = sheet->criteria[1].id;
    const std::vector<MarkChange> done = setMarks(
        *db, taskId,
        {{{pupils[1], MarkField::Light, 0, QStringLiteral("amber")}, QString()},
         {{pupils[1], MarkField::Judgement, c1, QStringLiteral("met")}, QString()},
         {{pupils[1], MarkField::SelfCriterion, c1, QStringLiteral("green")}, QString()},
         {{pupils[1], MarkField::PeerCriterion, c2, QStringLiteral("red")}, QString()},
         {{pupils[1], MarkField::NextStep, 0, QStringLiteral("Simplify each answer")}, QString()},
         {{pupils[1], MarkField::NextStepMet, 0, true}, QVariant()}},
        today);
    CHECK(done.size() == 6);
    std::optional<SheetRow> row = sheetRow(*db, taskId, pupils[1]);
    REQUIRE(row);
    CHECK(row->name == QStringLiteral("Bobby Zeal"));
    CHECK(row->light == QStringLiteral("amber"));
    CHECK(row->judgements.at(c1) == QStringLiteral("met"));
    CHECK(row->selfCriteria.at(c1) == QStringLiteral("green"));
    CHECK(row->peerCriteria.at(c2) == QStringLiteral("red"));
    CHECK(row->selfCriteria.count(c2) == 0);
    CHECK(row->nextStep == QStringLiteral("Simplify each answer"));
    REQUIRE(row->nextStepMet);
    CHECK(*row->nextStepMet);
    CHECK(markOf(*db, taskId, pupils[1], MarkField::PeerCriterion, c2) == QStringLiteral("red"));
    // The whole sheet agrees with the row read alone.
    sheet = markSheet(*db, taskId);
    CHECK(sheet->rows[2].judgements == row->judgements);
    CHECK(sheet->rows[2].peerCriteria == row->peerCriteria);

    SECTION("undone exactly")
    {
        setMarks(*db, taskId, inverse(done), today);
        row = sheetRow(*db, taskId, pupils[1]);
        CHECK(row->light.isEmpty());
        CHECK(row->judgements.empty());
        CHECK(row->selfCriteria.empty());
        CHECK(row->peerCriteria.empty());
        CHECK_FALSE(row->nextStepMet);
    }
    SECTION("a pupil who leaves the group keeps their row, marked as left, for the marks they had")
    {
        setup::removeMembers(*db, group, {pupils[1]});
        sheet = markSheet(*db, taskId);
        REQUIRE(sheet->rows.size() == 3);
        CHECK(sheet->rows[2].left);
        setup::removeMembers(*db, group, {pupils[0]}); // no marks: gone from the sheet
        CHECK(markSheet(*db, taskId)->rows.size() == 2);
    }
    SECTION("a self light that is no light is refused")
    {
        CHECK_THROWS_AS(
            setMarks(*db, taskId, {{{pupils[0], MarkField::SelfCriterion, c1, QStringLiteral("blue")}, QString()}}, today),
            StorageError);
    }
}

TEST_CASE("A task marked out of N is graded on a scale of 0 to N, made once and shared", "[marking]")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    setup::GroupDetails g;
    g.name = QStringLiteral("8A/Sc");
    g.academicYear = 2026;
    TaskDetails d;
    d.groupId = setup::addGroup(*db, g);
    d.title = QStringLiteral("Forces quiz");
    d.marksOutOf = 20;
    const RowId first = createTask(*db, d);
    const std::optional<MarkSheet> sheet = markSheet(*db, first);
    REQUIRE(sheet);
    CHECK(sheet->scaleName == QStringLiteral("Marks out of 20"));
    REQUIRE(sheet->rungs.size() == 21);
    CHECK(sheet->rungs.front().code == QStringLiteral("0"));
    CHECK(sheet->rungs.back().code == QStringLiteral("20"));
    const RowId second = createTask(*db, d);
    CHECK(markSheet(*db, second)->scaleId == sheet->scaleId);
    d.marksOutOf = 0;
    CHECK_THROWS_AS(createTask(*db, d), StorageError);
}

TEST_CASE("Next steps wait for the pupil's response, per class and per pupil, until it is recorded or decided", "[marking]")
{
    const QDate today(2026, 11, 30);
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    setup::GroupDetails g;
    g.name = QStringLiteral("8A/Sc");
    g.academicYear = 2026;
    const RowId a = setup::addGroup(*db, g);
    g.name = QStringLiteral("8B/Sc");
    const RowId b = setup::addGroup(*db, g);
    std::vector<RowId> pupils;
    for (const char* name : {"Ada", "Ben", "Cal"}) {
        setup::NewPupil p;
        p.legalGivenName = QString::fromLatin1(name);
        p.legalFamilyName = QStringLiteral("Pupil");
        pupils.push_back(setup::addPupil(*db, p, today));
    }
    TaskDetails d;
    d.groupId = a;
    d.title = QStringLiteral("Forces");
    d.setOn = today.addDays(-7);
    const RowId forces = createTask(*db, d);
    d.groupId = b;
    d.title = QStringLiteral("Cells");
    const RowId cells = createTask(*db, d);
    const auto step = [&](RowId task, RowId pupil, MarkField f, QVariant v, QVariant before = QString()) {
        setMarks(*db, task, {{{pupil, f, 0, std::move(v)}, std::move(before)}}, today);
    };
    step(forces, pupils[0], MarkField::NextStep, QStringLiteral("Label the arrows"));
    step(forces, pupils[1], MarkField::NextStep, QStringLiteral("Add units"));
    step(forces, pupils[2], MarkField::Light, QStringLiteral("green")); // no next step: nothing awaited
    step(cells, pupils[0], MarkField::NextStep, QStringLiteral("Draw the nucleus"));

    CHECK(awaitedNextSteps(*db, std::nullopt, std::nullopt).size() == 3);
    const auto forA = awaitedNextSteps(*db, a, std::nullopt);
    REQUIRE(forA.size() == 2);
    CHECK(forA[0].pupil == QStringLiteral("Ada Pupil"));
    CHECK(forA[0].nextStep == QStringLiteral("Label the arrows"));
    CHECK(forA[0].group == QStringLiteral("8A/Sc"));
    const auto forAda = awaitedNextSteps(*db, std::nullopt, pupils[0]);
    REQUIRE(forAda.size() == 2);
    CHECK(forAda[1].task == QStringLiteral("Cells"));

    // A response recorded, or the step decided (met or not), ends the wait.
    step(forces, pupils[0], MarkField::PupilResponse, QStringLiteral("Done"));
    step(forces, pupils[1], MarkField::NextStepMet, false, QVariant());
    CHECK(awaitedNextSteps(*db, a, std::nullopt).empty());
    CHECK(awaitedNextSteps(*db, std::nullopt, pupils[0]).size() == 1);
}

TEST_CASE("Files added while marking are kept once, counted on the sheet, refused over the limit, and set aside on undo", "[marking]")
{
    const QDate today(2026, 11, 30);
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    setup::GroupDetails g;
    g.name = QStringLiteral("8A/Art");
    g.academicYear = 2026;
    const RowId group = setup::addGroup(*db, g);
    setup::NewPupil p;
    p.legalGivenName = QStringLiteral("Ada");
    p.legalFamilyName = QStringLiteral("Lovelace");
    const RowId ada = setup::addPupil(*db, p, today);
    setup::addMembers(*db, group, {ada});
    TaskDetails d;
    d.groupId = group;
    d.title = QStringLiteral("Still life");
    const RowId task = createTask(*db, d);

    const QString photo = dir.path(QStringLiteral("still life.jpg"));
    {
        QFile f(photo);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    const AddedFile first = attachFile(*db, task, ada, photo, today);
    const AddedFile again = attachFile(*db, task, ada, photo, today);
    CHECK(first.evidenceId == again.evidenceId);
    CHECK(sheetRow(*db, task, ada)->attachments == 2);
    auto stored = db->prepare("SELECT count(*) FROM attachment");
    REQUIRE(stored.step());
    CHECK(stored.int64(0) == 1); // the same content, kept once
    auto name = db->prepare("SELECT file_name FROM evidence_attachment WHERE id = ?1");
    name.bind(1, qint64(first.fileId));
    REQUIRE(name.step());
    CHECK(name.text(0) == QStringLiteral("still life.jpg"));

    setFileRemoved(*db, again.fileId, true);
    CHECK(sheetRow(*db, task, ada)->attachments == 1);
    setFileRemoved(*db, again.fileId, false);
    CHECK(sheetRow(*db, task, ada)->attachments == 2);

    // Over the limit: refused with a message, and nothing written (not even the record of the task).
    setup::NewPupil q;
    q.legalGivenName = QStringLiteral("Bo");
    q.legalFamilyName = QStringLiteral("Lee");
    const RowId bo = setup::addPupil(*db, q, today);
    const QString before = test::liveContent(*db);
    try {
        attachFile(*db, task, bo, photo, today, 1024);
        FAIL("a file over the limit was kept");
    } catch (const StorageError& e) {
        CHECK(e.message().contains(QStringLiteral("more than")));
    }
    CHECK(test::liveContent(*db) == before);
    CHECK(attachBytes(*db, task, bo, QByteArray("png"), QStringLiteral("pasted.png"), QStringLiteral("image/png"), today)
              .fileId != 0);
}
