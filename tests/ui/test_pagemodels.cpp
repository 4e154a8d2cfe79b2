#include "calendar/schoolcalendar.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/reviewduemodel.h"
#include "group/groupmembersmodel.h"
#include "group/grouppage.h"
#include "queries/dashboardqueries.h"
#include "queries/rosterqueries.h"
#include "services/schoolsession.h"
#include "shell/lazypage.h"
#include "storage/storageerror.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("The review-due model shows who is due, when and why, and passes the model tester")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);
    const auto due =
        reviewsDue(session->calendar(), reviewFacts(session->db(), school.today, school.academicYear), school.today);

    ReviewDueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setEntries(due.overdue);
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0, ReviewDueModel::PupilColumn).data().toString() == QStringLiteral("Okafor, Ami"));
    CHECK(model.index(0, ReviewDueModel::TutorGroupColumn).data().toString() == QStringLiteral("9T1"));
    CHECK(model.index(0, 0).data(ReviewDueModel::PupilIdRole).toLongLong() == school.amara);
    CHECK(model.index(0, 0).data(ReviewDueModel::OverdueRole).toBool());
    // Overdue is said in words and marked with an icon, never by colour alone.
    CHECK(model.index(0, ReviewDueModel::DueColumn).data().toString().contains(QStringLiteral("overdue")));
    CHECK_FALSE(model.index(0, ReviewDueModel::DueColumn).data(Qt::DecorationRole).isNull());
    CHECK(model.index(0, ReviewDueModel::ReasonColumn).data().toString().contains(QStringLiteral("Looked-after")));

    model.setEntries(due.thisHalfTerm);
    CHECK(model.rowCount() == 4);
    CHECK(model.headerData(ReviewDueModel::DueColumn, Qt::Horizontal).toString() == QStringLiteral("Due by"));
}

TEST_CASE("The dashboard shows the school, the half-term, counts and the review lists; a row opens the pupil")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);

    DashboardPage page;
    page.resize(1000, 700);
    page.show();
    page.setSession(session.get(), school.today);
    const QString text = [&] {
        QStringList all;
        for (const QLabel* label : page.findChildren<QLabel*>())
            all << label->text();
        return all.join(QLatin1Char('\n'));
    }();
    CHECK(text.contains(school.schoolName));
    CHECK(text.contains(QStringLiteral("Spring 2")));
    CHECK(text.contains(SchoolCalendar::academicYearLabel(school.academicYear)));
    CHECK(text.contains(QStringLiteral("pupils on roll")));
    CHECK(page.overdueModel()->rowCount() == 1);
    CHECK(page.dueModel()->rowCount() == 4);

    QSignalSpy opened(&page, &DashboardPage::pupilActivated);
    QTreeView* view = page.overdueView();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    REQUIRE(opened.count() == 1);
    CHECK(opened.at(0).at(0).toLongLong() == school.amara);
}

namespace {
// A page whose reads fail while `failing` is set, the way a damaged or locked file fails them.
class FlakyPage final : public LazyPage
{
public:
    bool failing = false;
    int reads = 0;

protected:
    void reload() override
    {
        ++reads;
        if (failing)
            throw StorageError(StorageError::Kind::Damaged, QStringLiteral("The school file is damaged."));
    }
};
} // namespace

TEST_CASE("A page reads only while shown; one that cannot read says so, stays stale and tries again")
{
    FlakyPage page;
    page.invalidate(); // hidden: nothing read yet
    CHECK(page.reads == 0);
    CHECK(page.isStale());
    page.show();
    CHECK(page.reads == 1); // read before it is first painted
    CHECK_FALSE(page.isStale());
    page.invalidate(); // on show: read at once
    CHECK(page.reads == 2);

    QSignalSpy problems(&page, &LazyPage::problem);
    page.failing = true;
    page.refresh(); // must not throw out of a show event or a refresh
    REQUIRE(problems.count() == 1);
    CHECK(problems.at(0).at(0).toString().contains(QStringLiteral("damaged")));
    CHECK(page.isStale());
    page.hide();
    page.failing = false;
    page.show(); // tried again when next shown
    CHECK(page.reads == 4);
    CHECK_FALSE(page.isStale());
}

TEST_CASE("The group page lists the group's pupils; the members model passes the model tester")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);

    GroupMembersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPupils(pupilsOfGroup(session->db(), school.scienceSet, school.today));
    REQUIRE(model.rowCount() == 2);
    CHECK(model.index(0, GroupMembersModel::NameColumn).data().toString() == QStringLiteral("Okafor, Ami"));
    CHECK(model.index(0, GroupMembersModel::UpnColumn).data().toString() == school.amaraUpn);
    CHECK(model.index(0, GroupMembersModel::YearColumn).data().toString() == QStringLiteral("Year 9"));

    GroupPage page;
    page.setSession(session.get(), school.today);
    CHECK(page.showGroup(school.mathsClass));
    CHECK(page.model()->rowCount() == 6); // not the pupil who has left
    CHECK_FALSE(page.showGroup(987654));
    CHECK(page.model()->rowCount() == 0);
}
