#include "pupiltestsupport.h"

#include "pupil/pupileditor.h"
#include "widgets/datefield.h"

#include "domain/entities.h"
#include "domain/upn.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLineEdit>
#include <QTest>

#include <catch2/catch.hpp>

namespace waymark::test {

namespace {

RowId addStaff(Database& db, const char* given, const char* family, const char* display, const char* role)
{
    Staff s;
    s.givenName = QString::fromUtf8(given);
    s.familyName = QString::fromUtf8(family);
    s.displayName = QString::fromUtf8(display);
    s.role = QString::fromUtf8(role);
    return Repository<Staff>(db).insert(s);
}

RowId addPupil(Database& db, const char* given, const char* family, const QString& upn, int year, QDate born)
{
    Pupil p;
    p.legalGivenName = QString::fromUtf8(given);
    p.legalFamilyName = QString::fromUtf8(family);
    p.upn = upn;
    p.yearGroup = year;
    p.dateOfBirth = born;
    return Repository<Pupil>(db).insert(p);
}

RowId firstRung(Database& db, const char* scaleCode, int position)
{
    auto s = db.prepare("SELECT r.id FROM rung r JOIN scale s ON s.id = r.scale_id WHERE s.code = ?1 "
                        "ORDER BY r.position LIMIT 1 OFFSET ?2");
    s.bindAll(scaleCode, position);
    return s.step() ? s.int64(0) : 0;
}

} // namespace

PupilPageSchool buildPupilPageSchool(const QString& path, int historyEvidence)
{
    PupilPageSchool out;
    out.path = path;
    out.today = QDate(2026, 3, 10); // a Tuesday in Spring 2
    out.historyEvidence = historyEvidence;
    out.pupilUpn = upn::withCheckLetter(u"801200005001");
    out.otherUpn = upn::withCheckLetter(u"801200005003");

    Database::createAtomically(path, [&](Database& db) {
        Transaction tx(db);
        School school;
        school.name = QStringLiteral("Riverside Academy");
        Repository<School>(db).insert(school);
        out.staffId = addStaff(db, "Dylan", "Evans", "Mr D Evans", "Teacher");
        out.otherStaffId = addStaff(db, "Jaya", "Patel", "Mrs J Patel", "SENCo");
        Subject maths;
        maths.name = QStringLiteral("Mathematics");
        Repository<Subject>(db).insert(maths);

        out.pupilId = addPupil(db, "Amara", "Okafor", out.pupilUpn, 8, QDate(2013, 4, 2));
        out.historyPupilId = addPupil(db, "Ben", "Adeyemi", QString(), 11, QDate(2010, 11, 20));
        out.otherPupilId = addPupil(db, "Chloe", "Brown", out.otherUpn, 8, QDate(2013, 7, 9));
        {
            Repository<Pupil> pupils(db);
            Pupil amara = *pupils.find(out.pupilId);
            amara.preferredGivenName = QStringLiteral("Ami");
            amara.legalMiddleNames = QStringLiteral("Chidi");
            amara.pronouns = QStringLiteral("she/her");
            amara.learningGuideId = out.staffId;
            amara.senStatus = SenStatus::SenSupport;
            amara.notes = QStringLiteral("Prefers a quiet start to the day.");
            pupils.update(amara);
        }

        Group tutor;
        tutor.name = QStringLiteral("8RT");
        tutor.kind = GroupKind::Tutor;
        tutor.yearGroup = 8;
        tutor.academicYear = 2025;
        tutor.teacherId = out.staffId;
        Repository<Group>(db).insert(tutor);
        Group set;
        set.name = QStringLiteral("8X/Ma1");
        set.kind = GroupKind::Set;
        set.subjectId = maths.id;
        set.yearGroup = 8;
        set.academicYear = 2025;
        Repository<Group>(db).insert(set);
        for (RowId g : {tutor.id, set.id})
            for (RowId p : {out.pupilId, out.otherPupilId}) {
                GroupMember m;
                m.groupId = g;
                m.pupilId = p;
                Repository<GroupMember>(db).insert(m);
            }

        LearningPlan plan;
        plan.pupilId = out.pupilId;
        plan.strengths = QStringLiteral("Loves drawing and explaining her thinking.");
        plan.needs = QStringLiteral("Loses track of multi-step instructions.");
        Repository<LearningPlan>(db).insert(plan);

        const char* texts[] = {"Read a short text aloud with expression.", "Set out working in columns.",
                               "Ask for help when stuck for more than five minutes."};
        int position = 0;
        for (const char* text : texts) {
            Target t;
            t.pupilId = out.pupilId;
            t.area = position == 1 ? QStringLiteral("Maths") : QStringLiteral("Literacy");
            t.text = QString::fromUtf8(text);
            t.successMeasure = QStringLiteral("Seen in three lessons");
            t.setOn = QDate(2026, 1, 12);
            t.reviewBy = QDate(2026, 3, 27);
            t.status = position == 2 ? TargetStatus::Achieved : TargetStatus::Active;
            t.agreedWith = QStringLiteral("Ami and Mum");
            t.position = position++;
            Repository<Target>(db).insert(t);
        }

        Review review;
        review.pupilId = out.pupilId;
        review.heldOn = QDate(2026, 1, 14);
        review.dueOn = QDate(2026, 1, 16);
        review.status = ReviewStatus::Final;
        Repository<Review>(db).insert(review);

        Task task;
        task.subjectId = maths.id;
        task.groupId = set.id;
        task.title = QStringLiteral("Fractions of amounts");
        task.learningIntention = QStringLiteral("To find a fraction of an amount");
        task.setOn = QDate(2026, 3, 2);
        Repository<Task>(db).insert(task);

        const RowId rung = firstRung(db, "KS2", 1);
        db.exec("INSERT INTO attachment(sha256, size, media_type, data) VALUES "
                "('0000000000000000000000000000000000000000000000000000000000000000', 1, 'image/png', x'00')");
        for (int i = 0; i < 3; ++i) {
            Evidence e;
            e.pupilId = out.pupilId;
            e.taskId = task.id;
            e.kind = EvidenceKind::Feedback;
            e.recordedOn = QDate(2026, 3, 2 + i);
            e.recordedById = out.staffId;
            e.light = static_cast<TrafficLight>(1 + i); // red, amber, green
            e.selfLight = TrafficLight::Green;
            e.rungId = rung != 0 ? OptionalId(rung) : std::nullopt;
            Repository<Evidence>(db).insert(e);
            Feedback f;
            f.evidenceId = e.id;
            f.whatWentWell = QStringLiteral("Clear working");
            f.evenBetterIf = QStringLiteral("Check the denominator");
            f.nextStep = QStringLiteral("Try the challenge questions");
            Repository<Feedback>(db).insert(f);
            if (i == 2) {
                EvidenceAttachment a;
                a.evidenceId = e.id;
                a.sha256 = QStringLiteral("0000000000000000000000000000000000000000000000000000000000000000");
                a.fileName = QStringLiteral("photo.png");
                Repository<EvidenceAttachment>(db).insert(a);
            }
        }

        // Five years of history for one pupil, several pieces on some days (ties broken by id).
        const QDate first(2021, 9, 6);
        for (int i = 0; i < historyEvidence; ++i) {
            Evidence e;
            e.pupilId = out.historyPupilId;
            e.kind = static_cast<EvidenceKind>(i % 7);
            e.subjectId = maths.id;
            e.recordedOn = first.addDays((i * 1645LL) / std::max(1, historyEvidence));
            e.note = QStringLiteral("Observation %1").arg(i);
            e.light = static_cast<TrafficLight>(i % 4);
            Repository<Evidence>(db).insert(e);
        }
        tx.commit();
    });
    return out;
}

int historyRowsWith(const QString& path, const char* table, const QUuid& uuid, const char* field, const QString& value)
{
    auto db = Database::open(path, Database::Options{true, 5000});
    auto s = db->prepare("SELECT count(*) FROM history WHERE entity = ?1 AND entity_uuid = ?2 "
                         "AND json_extract(old_row, '$.' || ?3) = ?4");
    s.bind(1, table);
    s.bind(2, uuid);
    s.bind(3, field);
    s.bind(4, value);
    s.step();
    return s.integer(0);
}

namespace {

QStringList& modelTestMessages()
{
    static QStringList list;
    return list;
}

QtMessageHandler previousHandler = nullptr;

void modelTestHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type != QtDebugMsg && context.category && QByteArray(context.category).startsWith("qt.modeltest"))
        modelTestMessages() << message;
    else if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

ModelTestLog::ModelTestLog()
{
    modelTestMessages().clear();
    previousHandler = qInstallMessageHandler(&modelTestHandler);
}

ModelTestLog::~ModelTestLog()
{
    qInstallMessageHandler(previousHandler);
}

const QStringList& ModelTestLog::messages() const
{
    return modelTestMessages();
}

QString ModelTestLog::text() const
{
    return modelTestMessages().join(QLatin1Char('\n'));
}

int liveTargets(const QString& path, RowId pupilId)
{
    auto db = Database::open(path, Database::Options{true, 5000});
    return static_cast<int>(Repository<Target>(*db).where("pupil_id = ?1", pupilId).size());
}

PupilPageFixture::PupilPageFixture(int historyEvidence, Database::Options options)
    : school(buildPupilPageSchool(dir.path(QStringLiteral("school.waymark")), historyEvidence))
    , session(SchoolSession::open(school.path, options))
    , page(*session, undo)
{
    page.setToday(school.today);
    page.resize(1050, 650);
    page.show();
    // Shortcuts and focus need an active window, as on a teacher's screen.
    page.activateWindow();
    QApplication::setActiveWindow(&page);
    REQUIRE(QTest::qWaitForWindowActive(&page));
}

bool editElsewhere(SchoolSession& session, const std::function<bool(PupilEditor&)>& edit)
{
    QUndoStack undo;
    PupilEditor editor(session, undo);
    return edit(editor);
}

QWidget* openCellEditor(QAbstractItemView* view, const QModelIndex& cell)
{
    view->setFocus();
    view->setCurrentIndex(cell);
    view->edit(cell);
    return QApplication::focusWidget();
}

DateField* dateFieldNamed(QWidget* root, const QString& accessibleName)
{
    for (DateField* field : root->findChildren<DateField*>())
        if (field->accessibleName() == accessibleName)
            return field;
    return nullptr;
}

QLineEdit* lineEditNamed(QWidget* root, const QString& accessibleName)
{
    for (auto* edit : root->findChildren<QLineEdit*>())
        if (edit->accessibleName() == accessibleName)
            return edit;
    return nullptr;
}

void typeInto(QWidget* edit, const QString& text)
{
    edit->setFocus(Qt::TabFocusReason);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

} // namespace waymark::test
