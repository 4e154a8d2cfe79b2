#include "uitestsupport.h"

#include "app/schooldocument.h"
#include "shell/mainwindow.h"

#include "domain/entities.h"
#include "domain/upn.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

#include <memory>

namespace waymark::test {

namespace {

RowId addPupil(Database& db, const char* given, const char* family, const QString& upnText, int year)
{
    Pupil p;
    p.legalGivenName = QString::fromUtf8(given);
    p.legalFamilyName = QString::fromUtf8(family);
    p.upn = upnText;
    p.yearGroup = year;
    p.dateOfBirth = QDate(2012, 1, 1).addDays(year * 3);
    return Repository<Pupil>(db).insert(p);
}

RowId addGroup(Database& db, const char* name, GroupKind kind, int academicYear, OptionalId subject = {},
               OptionalId teacher = {})
{
    Group g;
    g.name = QString::fromUtf8(name);
    g.kind = kind;
    g.academicYear = academicYear;
    g.yearGroup = 9;
    g.subjectId = subject;
    g.teacherId = teacher;
    return Repository<Group>(db).insert(g);
}

void addMembers(Database& db, RowId group, std::initializer_list<RowId> pupils)
{
    for (RowId pupil : pupils) {
        GroupMember m;
        m.groupId = group;
        m.pupilId = pupil;
        Repository<GroupMember>(db).insert(m);
    }
}

void addReview(Database& db, RowId pupil, QDate heldOn, ReviewStatus status)
{
    Review r;
    r.pupilId = pupil;
    r.heldOn = heldOn;
    r.dueOn = heldOn;
    r.status = status;
    Repository<Review>(db).insert(r);
}

void addTarget(Database& db, RowId pupil, const char* text, TargetStatus status, QDate today)
{
    Target t;
    t.pupilId = pupil;
    t.area = QStringLiteral("English");
    t.text = QString::fromUtf8(text);
    t.setOn = today.addDays(-40);
    t.reviewBy = today.addDays(40);
    t.status = status;
    Repository<Target>(db).insert(t);
}

} // namespace

ShellSchool buildShellSchool(const QString& path, QDate today)
{
    ShellSchool out;
    out.path = path;
    out.today = today;
    out.schoolName = QStringLiteral("Oakfield Test Academy");
    out.academicYear = today.month() >= 9 ? today.year() : today.year() - 1;
    out.amaraUpn = upn::withCheckLetter(u"801200005001");
    out.benUpn = upn::withCheckLetter(u"801200005002");

    Database::createAtomically(path, [&](Database& db) {
        Transaction tx(db);
        School school;
        school.name = out.schoolName;
        Repository<School>(db).insert(school);
        Staff evans;
        evans.displayName = QStringLiteral("Mr D Evans");
        Repository<Staff>(db).insert(evans);
        Subject maths;
        maths.name = QStringLiteral("Mathematics");
        Repository<Subject>(db).insert(maths);

        Pupil amara;
        amara.legalGivenName = QStringLiteral("Amara");
        amara.preferredGivenName = QStringLiteral("Ami");
        amara.legalFamilyName = QStringLiteral("Okafor");
        amara.upn = out.amaraUpn;
        amara.yearGroup = 9;
        amara.lookedAfter = true;
        amara.learningGuideId = evans.id;
        out.amara = Repository<Pupil>(db).insert(amara);
        out.ben = addPupil(db, "Ben", "Carter", out.benUpn, 9);
        Pupil chloe;
        chloe.legalGivenName = QStringLiteral("Chloe");
        chloe.legalFamilyName = QStringLiteral("Dubois");
        chloe.upn = upn::withCheckLetter(u"801200005003");
        chloe.yearGroup = 9;
        chloe.senStatus = SenStatus::EhcPlan;
        out.chloe = Repository<Pupil>(db).insert(chloe);
        out.dev = addPupil(db, "Dev", "Shah", upn::withCheckLetter(u"801200005004"), 9);
        out.ella = addPupil(db, "Ella", "Nowak", upn::withCheckLetter(u"801200005005"), 9);
        out.finn = addPupil(db, "Finn", "O'Brien", upn::withCheckLetter(u"801200005006"), 9);

        Pupil leaver;
        leaver.legalGivenName = QStringLiteral("Gus");
        leaver.legalFamilyName = QStringLiteral("Leaver");
        leaver.yearGroup = 9;
        leaver.leftOn = today.addDays(-30);
        out.leaver = Repository<Pupil>(db).insert(leaver);
        out.deleted = addPupil(db, "Hal", "Gone", {}, 9);
        Repository<Pupil>(db).remove(out.deleted);

        out.tutor1 = addGroup(db, "9T1", GroupKind::Tutor, out.academicYear, {}, evans.id);
        out.tutor2 = addGroup(db, "9T2", GroupKind::Tutor, out.academicYear);
        out.mathsClass = addGroup(db, "9Ma1", GroupKind::Class, out.academicYear, maths.id, evans.id);
        out.scienceSet = addGroup(db, "9Sc/x", GroupKind::Set, out.academicYear);
        out.lastYearGroup = addGroup(db, "8T1", GroupKind::Tutor, out.academicYear - 1);
        addMembers(db, out.tutor1, {out.amara, out.ben, out.chloe, out.deleted}); // Hal: a live row, a deleted pupil
        addMembers(db, out.tutor2, {out.dev, out.ella, out.finn});
        addMembers(db, out.mathsClass, {out.amara, out.ben, out.chloe, out.dev, out.ella, out.finn, out.leaver});
        addMembers(db, out.scienceSet, {out.amara, out.dev});
        addMembers(db, out.lastYearGroup, {out.amara, out.ben});

        addReview(db, out.amara, today.addDays(-100), ReviewStatus::Final);
        addReview(db, out.ben, today.addDays(-5), ReviewStatus::Final);
        addReview(db, out.ben, today.addDays(30), ReviewStatus::Planned); // not held: ignored
        addTarget(db, out.amara, "Read aloud at home three times a week.", TargetStatus::Active, today);
        addTarget(db, out.amara, "Use paragraphs in longer answers.", TargetStatus::Active, today);
        addTarget(db, out.ben, "Learn the 7 and 8 times tables.", TargetStatus::Active, today);
        addTarget(db, out.ben, "Bring a pen to every lesson.", TargetStatus::Achieved, today);
        addTarget(db, out.leaver, "Not counted: has left.", TargetStatus::Active, today);

        Evidence e;
        e.pupilId = out.amara;
        e.kind = EvidenceKind::Observation;
        e.recordedOn = today.addDays(-1);
        e.note = QStringLiteral("Read a page aloud to the class.");
        Repository<Evidence>(db).insert(e);
        tx.commit();
    });
    return out;
}

void isolateUserFolders(const QString& root)
{
    const QDir dir(root);
    for (const char* sub : {"data", "config", "cache"})
        dir.mkpath(QString::fromLatin1(sub));
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", dir.filePath(QStringLiteral("cache")).toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("Waymark"));
    QCoreApplication::setApplicationName(QStringLiteral("Waymark"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(QStringLiteral("config")));
}

void answerNextModal(std::function<void(QWidget*)> answer, int timeoutMs)
{
    auto* timer = new QTimer(qApp);
    auto* clock = new QElapsedTimer;
    clock->start();
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, clock, answer = std::move(answer), timeoutMs] {
        QWidget* modal = QApplication::activeModalWidget();
        const bool found = modal && modal->isVisible();
        if (!found && clock->elapsed() < timeoutMs)
            return;
        timer->stop();
        timer->deleteLater(); // the lambda (and `answer`) go once this call has returned
        delete clock;
        if (found)
            answer(modal);
    });
    timer->start();
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

QString messageBoxText(QWidget* box)
{
    auto* message = qobject_cast<QMessageBox*>(box);
    if (!message)
        return {};
    return message->text() + QLatin1Char('\n') + message->informativeText();
}

ShellWindowFixture::ShellWindowFixture(bool active)
    : school(buildShellSchool(dir.path(QStringLiteral("oakfield.waymark"))))
    , settings(dir.path(QStringLiteral("settings.ini")))
    , app(settings)
{
    isolateUserFolders(dir.path(QStringLiteral("home")));
    app.document().setFixedToday(school.today);
    app.window().setRemembersState(false);
    app.openSchoolOrThrow(school.path);
    app.window().resize(1366, 768);
    app.window().show();
    if (active) {
        app.window().activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&app.window()));
    }
}

} // namespace waymark::test
