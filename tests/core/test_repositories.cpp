#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/hlc.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
int historyRows(Database& db, const QUuid& uuid)
{
    auto s = db.prepare("SELECT count(*) FROM history WHERE entity_uuid = ?1");
    s.bind(1, uuid);
    s.step();
    return s.integer(0);
}

Pupil samplePupil()
{
    Pupil p;
    p.upn = QStringLiteral("B801200005001");
    p.legalGivenName = QStringLiteral("Amara");
    p.legalFamilyName = QStringLiteral("Okafor");
    p.preferredGivenName = QStringLiteral("Ami");
    p.pronouns = QStringLiteral("she/her");
    p.dateOfBirth = QDate(2013, 4, 2);
    p.yearGroup = 8;
    p.senStatus = SenStatus::SenSupport;
    p.lookedAfter = true;
    return p;
}
} // namespace

TEST_CASE("A pupil round-trips through its repository with every field")
{
    auto db = Database::openInMemory();
    Repository<Staff> staff(*db);
    Staff guide;
    guide.displayName = QStringLiteral("Mr D Evans");
    staff.insert(guide);

    Repository<Pupil> pupils(*db);
    Pupil p = samplePupil();
    p.learningGuideId = guide.id;
    pupils.insert(p);
    REQUIRE(p.id > 0);
    CHECK_FALSE(p.uuid.isNull());
    CHECK(p.origin == db->deviceId());

    const auto back = pupils.find(p.id);
    REQUIRE(back);
    CHECK(back->upn == p.upn);
    CHECK(back->displayName() == QStringLiteral("Ami Okafor"));
    CHECK(back->dateOfBirth == QDate(2013, 4, 2));
    CHECK(back->yearGroup == 8);
    CHECK(back->senStatus == SenStatus::SenSupport);
    CHECK(back->lookedAfter);
    CHECK_FALSE(back->eal);
    CHECK(back->learningGuideId == guide.id);
    CHECK(back->uuid == p.uuid);
    CHECK(back->stamp == p.stamp);
}

TEST_CASE("An update keeps the overwritten version in history; a save that changes nothing does not")
{
    auto db = Database::openInMemory();
    Repository<Pupil> pupils(*db);
    Pupil p = samplePupil();
    pupils.insert(p);
    const qint64 firstStamp = p.stamp;

    p.pronouns = QStringLiteral("they/them");
    pupils.update(p);
    CHECK(p.stamp > firstStamp);
    CHECK(historyRows(*db, p.uuid) == 1);
    auto s = db->prepare("SELECT json_extract(old_row, '$.pronouns'), hlc FROM history WHERE entity_uuid = ?1");
    s.bind(1, p.uuid);
    REQUIRE(s.step());
    CHECK(s.text(0) == QStringLiteral("she/her"));
    CHECK(s.int64(1) == firstStamp);
    s.reset();

    pupils.update(p); // nothing changed
    CHECK(historyRows(*db, p.uuid) == 1);
}

TEST_CASE("Deleting tombstones a row, which can be brought back")
{
    auto db = Database::openInMemory();
    Repository<Subject> subjects(*db);
    Subject s;
    s.name = QStringLiteral("Geography");
    subjects.insert(s);
    subjects.remove(s.id);
    CHECK_FALSE(subjects.find(s.id));
    CHECK(subjects.findAny(s.id)->deleted);
    CHECK(subjects.count() == 0);
    subjects.setDeleted(s.id, false);
    CHECK(subjects.find(s.id)->name == QStringLiteral("Geography"));
}

TEST_CASE("UPNs are unique among live pupils")
{
    auto db = Database::openInMemory();
    Repository<Pupil> pupils(*db);
    Pupil a = samplePupil();
    pupils.insert(a);
    Pupil b = samplePupil();
    CHECK_THROWS_AS(pupils.insert(b), StorageError);
    pupils.remove(a.id);
    Pupil c = samplePupil();
    CHECK_NOTHROW(pupils.insert(c));
    Pupil noUpn = samplePupil();
    noUpn.upn.clear();
    Pupil noUpn2 = noUpn;
    pupils.insert(noUpn);
    CHECK_NOTHROW(pupils.insert(noUpn2));
}

TEST_CASE("Every entity type round-trips through its repository")
{
    auto db = Database::openInMemory();
    Repository<Pupil> pupils(*db);
    Pupil p = samplePupil();
    pupils.insert(p);
    Subject maths;
    maths.name = QStringLiteral("Maths");
    Repository<Subject>(*db).insert(maths);
    Staff teacher;
    teacher.displayName = QStringLiteral("Ms K Lee");
    Repository<Staff>(*db).insert(teacher);
    School school;
    school.name = QStringLiteral("Riverside Academy");
    school.phase = SchoolPhase::AllThrough;
    Repository<School>(*db).insert(school);
    CHECK(Repository<School>(*db).find(school.id)->phase == SchoolPhase::AllThrough);

    Group tutor;
    tutor.name = QStringLiteral("7-11 Ash");
    tutor.kind = GroupKind::Tutor;
    tutor.academicYear = 2026;
    Repository<Group>(*db).insert(tutor);
    CHECK_FALSE(Repository<Group>(*db).find(tutor.id)->yearGroup); // vertical
    GroupMember m;
    m.groupId = tutor.id;
    m.pupilId = p.id;
    Repository<GroupMember>(*db).insert(m);

    LearningPlan plan;
    plan.pupilId = p.id;
    plan.strengths = QStringLiteral("Loves drawing; kind to younger pupils");
    Repository<LearningPlan>(*db).insert(plan);
    CHECK(Repository<LearningPlan>(*db).first("pupil_id = ?1", p.id)->strengths == plan.strengths);

    Target t;
    t.pupilId = p.id;
    t.subjectId = maths.id;
    t.text = QStringLiteral("Use a number line to add two-digit numbers");
    t.setOn = QDate(2026, 9, 10);
    t.reviewBy = QDate(2026, 10, 23);
    t.status = TargetStatus::PartlyAchieved;
    Repository<Target>(*db).insert(t);
    CHECK(Repository<Target>(*db).find(t.id)->status == TargetStatus::PartlyAchieved);

    Review r;
    r.pupilId = p.id;
    r.kind = ReviewKind::Annual;
    r.dueOn = QDate(2026, 10, 20);
    r.reviewerId = teacher.id;
    Repository<Review>(*db).insert(r);
    ReviewOutcome o;
    o.reviewId = r.id;
    o.targetId = t.id;
    o.outcome = TargetStatus::Achieved;
    Repository<ReviewOutcome>(*db).insert(o);
    CHECK(Repository<ReviewOutcome>(*db).find(o.id)->outcome == TargetStatus::Achieved);

    const auto gcse = Repository<Scale>(*db).first("code = 'gcse'");
    REQUIRE(gcse);
    const auto rungs = Repository<Rung>(*db).where("scale_id = ?1 ORDER BY position", gcse->id);
    REQUIRE(rungs.size() == 10);
    CHECK(rungs.front().code == QStringLiteral("U"));

    Task task;
    task.groupId = tutor.id;
    task.subjectId = maths.id;
    task.title = QStringLiteral("Fractions of amounts");
    task.scaleId = gcse->id;
    Repository<Task>(*db).insert(task);
    SuccessCriterion c;
    c.taskId = task.id;
    c.text = QStringLiteral("I can find a unit fraction of an amount");
    Repository<SuccessCriterion>(*db).insert(c);

    Evidence e;
    e.pupilId = p.id;
    e.taskId = task.id;
    e.kind = EvidenceKind::SelfAssessment;
    e.recordedOn = QDate(2026, 9, 20);
    e.light = TrafficLight::Amber;
    e.selfLight = TrafficLight::Green;
    e.rungId = rungs[5].id;
    Repository<Evidence>(*db).insert(e);
    const auto eb = Repository<Evidence>(*db).find(e.id);
    CHECK(eb->light == TrafficLight::Amber);
    CHECK(eb->selfLight == TrafficLight::Green);
    CHECK(eb->peerLight == TrafficLight::None);
    CHECK(eb->kind == EvidenceKind::SelfAssessment);

    CriterionJudgement j;
    j.evidenceId = e.id;
    j.criterionId = c.id;
    j.judgement = Judgement::Partly;
    Repository<CriterionJudgement>(*db).insert(j);
    CHECK(Repository<CriterionJudgement>(*db).find(j.id)->judgement == Judgement::Partly);

    Feedback f;
    f.evidenceId = e.id;
    f.whatWentWell = QStringLiteral("Clear working");
    f.nextStep = QStringLiteral("Try a non-unit fraction");
    Repository<Feedback>(*db).insert(f);
    CHECK(Repository<Feedback>(*db).find(f.id)->nextStep == f.nextStep);

    CommentBankEntry cb;
    cb.category = CommentCategory::EvenBetterIf;
    cb.text = QStringLiteral("Show each step");
    Repository<CommentBankEntry>(*db).insert(cb);
    CHECK(Repository<CommentBankEntry>(*db).find(cb.id)->category == CommentCategory::EvenBetterIf);

    CalendarHalfTerm ht;
    ht.academicYear = 2026;
    ht.number = 2;
    ht.startOn = QDate(2026, 11, 2);
    ht.endOn = QDate(2026, 12, 18);
    Repository<CalendarHalfTerm>(*db).insert(ht);
    CalendarClosure cc;
    cc.fromOn = cc.toOn = QDate(2026, 11, 20);
    cc.kind = ClosureKind::Inset;
    Repository<CalendarClosure>(*db).insert(cc);
    CHECK(Repository<CalendarClosure>(*db).find(cc.id)->kind == ClosureKind::Inset);
}

TEST_CASE("A stale copy of a deleted row cannot bring it back")
{
    auto db = Database::openInMemory();
    Repository<Subject> subjects(*db);
    Subject s;
    s.name = QStringLiteral("History");
    subjects.insert(s);
    Subject stale = s;
    subjects.remove(s.id);
    stale.name = QStringLiteral("History (edited elsewhere)");
    CHECK_THROWS_AS(subjects.update(stale), StorageError);
    CHECK_FALSE(subjects.find(s.id));
}

TEST_CASE("Deleting only changes the flag, keeping a colleague's newer edit of other fields")
{
    auto db = Database::openInMemory();
    Repository<Subject> subjects(*db);
    Subject s;
    s.name = QStringLiteral("Music");
    subjects.insert(s);
    Subject other = s;
    other.code = QStringLiteral("MU");
    subjects.update(other);
    subjects.remove(s.id);
    CHECK(subjects.findAny(s.id)->code == QStringLiteral("MU"));
}

TEST_CASE("A pupil removed from a group can be added back")
{
    auto db = Database::openInMemory();
    Pupil p = samplePupil();
    Repository<Pupil>(*db).insert(p);
    Group g;
    g.name = QStringLiteral("8R");
    g.academicYear = 2026;
    Repository<Group>(*db).insert(g);
    Repository<GroupMember> members(*db);
    GroupMember m;
    m.groupId = g.id;
    m.pupilId = p.id;
    members.insert(m);
    members.remove(m.id);
    GroupMember again;
    again.groupId = g.id;
    again.pupilId = p.id;
    CHECK_NOTHROW(members.insert(again));
    GroupMember twice = again;
    twice.id = 0;
    twice.uuid = QUuid();
    CHECK_THROWS_AS(members.insert(twice), StorageError);
}

TEST_CASE("An imported stamp moves the clock forward so local edits still win")
{
    auto db = Database::openInMemory();
    Repository<Subject> subjects(*db);
    Subject s;
    s.name = QStringLiteral("Drama");
    s.stamp = HybridClock::make(HybridClock::systemMilliseconds() + 3'600'000, 0); // from a device an hour ahead
    s.origin = QStringLiteral("other-device");
    subjects.insert(s);
    const qint64 imported = s.stamp;
    s.name = QStringLiteral("Drama and theatre");
    subjects.update(s);
    CHECK(s.stamp > imported);
}

TEST_CASE("History keeps NULL-to-value and value-to-NULL changes")
{
    auto db = Database::openInMemory();
    Repository<Pupil> pupils(*db);
    Pupil p = samplePupil();
    p.yearGroup.reset();
    pupils.insert(p);
    p.yearGroup = 9;
    pupils.update(p);
    p.yearGroup.reset();
    pupils.update(p);
    CHECK(historyRows(*db, p.uuid) == 2);
}

TEST_CASE("Texts longer than their kind allows are refused whole, with a message; at the limit they are kept")
{
    auto db = Database::openInMemory();
    Repository<Pupil> pupils(*db);
    Pupil p = samplePupil();
    pupils.insert(p);
    const auto count = [&] {
        auto s = db->prepare("SELECT count(*) FROM pupil");
        s.step();
        return s.integer(0);
    };

    Pupil tooLong = samplePupil();
    tooLong.upn.clear();
    tooLong.legalFamilyName = QString(limits::kName + 1, QLatin1Char('W'));
    try {
        pupils.insert(tooLong);
        FAIL("a 101-character surname was accepted");
    } catch (const StorageError& e) {
        CHECK(e.kind() == StorageError::Kind::Invalid);
        CHECK(e.message().contains(QStringLiteral("too long")));
        CHECK(e.message().contains(QStringLiteral("101")));
    }
    CHECK(count() == 1);

    p.notes = QString(limits::kText + 1, QLatin1Char('n'));
    CHECK_THROWS_AS(pupils.update(p), StorageError);
    CHECK(pupils.find(p.id)->notes.isEmpty());

    p.notes = QString(limits::kText, QLatin1Char('n'));
    p.legalFamilyName = QString(limits::kName, QLatin1Char('W'));
    pupils.update(p);
    CHECK(pupils.find(p.id)->notes.size() == limits::kText);
    CHECK(pupils.find(p.id)->legalFamilyName.size() == limits::kName);
}

TEST_CASE("Every text column of the schema has a limit of its kind")
{
    CHECK(limits::maxLength("legal_family_name") == limits::kName);
    CHECK(limits::maxLength("upn") == limits::kName);
    CHECK(limits::maxLength("notes") == limits::kText);
    CHECK(limits::maxLength("strengths") == limits::kText);
    CHECK(limits::maxLength("snapshot") == limits::kDocument);
    CHECK(limits::shortened(QString(150, QLatin1Char('x'))).size() == limits::kName);
    CHECK(limits::shortened(QString(150, QLatin1Char('x'))).endsWith(QChar(0x2026)));
    CHECK(limits::shortened(QStringLiteral("Ami")) == QStringLiteral("Ami"));
    // A character outside the BMP is never split in two.
    const QString emoji = QString(limits::kName - 2, QLatin1Char('x')) + QStringLiteral("\U0001F600\U0001F600");
    const QString cut = limits::shortened(emoji);
    CHECK_FALSE(cut.at(cut.size() - 2).isHighSurrogate());
}

TEST_CASE("A text already longer than its limit may stay as it is while other fields are edited")
{
    auto db = Database::openInMemory();
    Repository<Pupil> pupils(*db);
    Pupil p = samplePupil();
    pupils.insert(p);
    // An older or foreign file holds notes longer than Waymark would write.
    db->prepare("UPDATE pupil SET notes = ?1 WHERE id = ?2").bindAll(QString(limits::kText + 500, QLatin1Char('n')), p.id).run();
    Pupil stored = *pupils.find(p.id);
    stored.pronouns = QStringLiteral("she/her");
    pupils.update(stored);
    CHECK(pupils.find(p.id)->pronouns == QStringLiteral("she/her"));
    CHECK(pupils.find(p.id)->notes.size() == limits::kText + 500);
    // Changing the over-long text itself is held to the limit.
    stored.notes += QLatin1Char('!');
    CHECK_THROWS_AS(pupils.update(stored), StorageError);
}
