#include "domain/entities.h"
#include "domain/upn.h"
#include "repo/repository.h"
#include "services/schoolsession.h"
#include "sidebar/sidebar.h"
#include "sidebar/sidebarfilter.h"
#include "sidebar/sidebarmodel.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <catch2/catch.hpp>

#include <map>
#include <utility>
#include <vector>

using namespace waymark;
using Kind = SidebarModel::NodeKind;

namespace {
Kind kindOf(const QModelIndex& index)
{
    return Kind(index.data(SidebarModel::NodeKindRole).toInt());
}

// Pupil ids under "All pupils" in a (possibly filtered) sidebar model.
std::vector<RowId> pupilsListed(const QAbstractItemModel& model)
{
    std::vector<RowId> out;
    for (int top = 0; top < model.rowCount(); ++top) {
        const QModelIndex node = model.index(top, 0);
        if (kindOf(node) != Kind::AllPupils)
            continue;
        for (int row = 0; row < model.rowCount(node); ++row)
            out.push_back(model.index(row, 0, node).data(SidebarModel::RowIdRole).toLongLong());
    }
    return out;
}

QStringList groupsListed(const QAbstractItemModel& model)
{
    QStringList out;
    for (int top = 0; top < model.rowCount(); ++top) {
        const QModelIndex heading = model.index(top, 0);
        for (int row = 0; row < model.rowCount(heading); ++row) {
            const QModelIndex child = model.index(row, 0, heading);
            if (kindOf(child) == Kind::Group)
                out << child.data(SidebarModel::GroupNameRole).toString();
        }
    }
    return out;
}
} // namespace

TEST_CASE("The sidebar model holds all pupils on roll and this year's groups with their pupils")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);

    SidebarModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.load(session->db(), school.today);

    REQUIRE(model.rowCount() == 4); // All pupils, Tutor groups, Classes, Sets
    const QModelIndex all = model.index(0, 0);
    CHECK(kindOf(all) == Kind::AllPupils);
    CHECK(model.rowCount(all) == school.pupilsOnRoll);
    CHECK(all.data().toString().contains(QStringLiteral("6")));
    CHECK(model.index(0, 0, all).data().toString() == QStringLiteral("Carter, Ben"));
    CHECK(model.index(0, 0, all).data(SidebarModel::UpnRole).toString() == school.benUpn);

    const QModelIndex tutors = model.index(1, 0);
    CHECK(kindOf(tutors) == Kind::Heading);
    REQUIRE(model.rowCount(tutors) == 2);
    const QModelIndex t1 = model.index(0, 0, tutors);
    CHECK(t1.data(SidebarModel::GroupNameRole).toString() == QStringLiteral("9T1"));
    CHECK(t1.data().toString() == QStringLiteral("9T1 (3)"));
    CHECK(model.rowCount(t1) == 3);
    CHECK(model.parent(model.index(0, 0, t1)) == t1);

    // The maths class lists its six pupils on roll, not the leaver.
    const QModelIndex maths = model.groupIndex(school.mathsClass);
    REQUIRE(maths.isValid());
    CHECK(model.rowCount(maths) == 6);
    CHECK(maths.data().toString() == QStringLiteral("9Ma1 (6)"));
    CHECK_FALSE(groupsListed(model).contains(QStringLiteral("8T1")));

    CHECK(model.pupilIndex(school.dev).data(SidebarModel::RowIdRole).toLongLong() == school.dev);
    CHECK_FALSE(model.pupilIndex(school.leaver).isValid());
    CHECK(model.pupilIndex(school.amara).data(Qt::AccessibleTextRole).toString() ==
          QStringLiteral("Ami Okafor, Year 9"));
}

TEST_CASE("Pupils who share a name are told apart in the list: by year, or by UPN within a year")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);
    auto add = [&](const char* given, const char* family, int year, const QString& upn) {
        Pupil p;
        p.legalGivenName = QString::fromUtf8(given);
        p.legalFamilyName = QString::fromUtf8(family);
        p.yearGroup = year;
        p.upn = upn;
        return Repository<Pupil>(session->db()).insert(p);
    };
    const RowId ben7 = add("Ben", "Carter", 7, {}); // Ben Carter of Year 9 is already on roll
    const QString upnA = upn::withCheckLetter(u"801200005101");
    const QString upnB = upn::withCheckLetter(u"801200005102");
    const RowId zaraA = add("Zara", "Quinn", 8, upnA);
    const RowId zaraB = add("Zara", "Quinn", 8, upnB);

    SidebarModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.load(session->db(), school.today);
    CHECK(model.pupilIndex(school.ben).data().toString() == QStringLiteral("Carter, Ben (Year 9)"));
    CHECK(model.pupilIndex(ben7).data().toString() == QStringLiteral("Carter, Ben (Year 7)"));
    CHECK(model.pupilIndex(zaraA).data().toString() == QStringLiteral("Quinn, Zara (%1)").arg(upnA));
    CHECK(model.pupilIndex(zaraB).data().toString() == QStringLiteral("Quinn, Zara (%1)").arg(upnB));
    CHECK(model.pupilIndex(school.dev).data().toString() == QStringLiteral("Shah, Dev")); // no namesake
}

TEST_CASE("The sidebar model reloads after a change and passes the model tester throughout")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);

    SidebarModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.load(session->db(), school.today);
    Repository<Pupil>(session->db()).remove(school.finn);
    model.load(session->db(), school.today);
    CHECK(model.rowCount(model.allPupilsIndex()) == school.pupilsOnRoll - 1);
    model.clear();
    CHECK(model.rowCount() == 0);
}

TEST_CASE("Search narrows the tree in memory: by name, by UPN, by group name")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);

    SidebarModel model;
    SidebarFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.load(session->db(), school.today);

    SECTION("a preferred or legal name finds the pupil once, under All pupils")
    {
        filter.setSearchText(QStringLiteral("ami"));
        CHECK(pupilsListed(filter) == std::vector<RowId>{school.amara});
        CHECK(groupsListed(filter).isEmpty());
        filter.setSearchText(QStringLiteral("AMARA"));
        CHECK(pupilsListed(filter) == std::vector<RowId>{school.amara});
        filter.setSearchText(QStringLiteral("okafor am"));
        CHECK(pupilsListed(filter) == std::vector<RowId>{school.amara});
        // Every pupil with an "o" in a name: not Ben Carter or Dev Shah.
        filter.setSearchText(QStringLiteral("o"));
        CHECK(pupilsListed(filter) == std::vector<RowId>{school.chloe, school.ella, school.finn, school.amara});
    }
    SECTION("a UPN, or part of one, finds the pupil")
    {
        filter.setSearchText(school.benUpn);
        CHECK(pupilsListed(filter) == std::vector<RowId>{school.ben});
        filter.setSearchText(school.benUpn.toLower());
        CHECK(pupilsListed(filter) == std::vector<RowId>{school.ben});
    }
    SECTION("a group's name shows the group with all its pupils")
    {
        filter.setSearchText(QStringLiteral("9t"));
        CHECK(groupsListed(filter) == QStringList{QStringLiteral("9T1"), QStringLiteral("9T2")});
        const QModelIndex heading = filter.index(0, 0);
        CHECK(filter.rowCount(filter.index(0, 0, heading)) == 3);
    }
    SECTION("nothing matching leaves an empty tree, and clearing restores everything")
    {
        filter.setSearchText(QStringLiteral("zzz"));
        CHECK(filter.rowCount() == 0);
        filter.setSearchText(QString());
        CHECK(filter.rowCount() == 4);
        CHECK(pupilsListed(filter).size() == std::size_t(school.pupilsOnRoll));
    }
}

TEST_CASE("Typing in the sidebar's search box filters as you type; Enter opens the first pupil")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);

    Sidebar sidebar;
    sidebar.resize(300, 500);
    sidebar.show();
    sidebar.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&sidebar));
    sidebar.setSession(session.get(), school.today);
    QSignalSpy opened(&sidebar, &Sidebar::pupilActivated);

    sidebar.focusSearch();
    QTest::keyClicks(sidebar.searchField(), QStringLiteral("dub"));
    CHECK(sidebar.filter()->searchText() == QStringLiteral("dub"));
    CHECK(pupilsListed(*sidebar.filter()) == std::vector<RowId>{school.chloe});
    QTest::keyClick(sidebar.searchField(), Qt::Key_Return);
    REQUIRE(opened.count() == 1);
    CHECK(opened.at(0).at(0).toLongLong() == school.chloe);
    CHECK(sidebar.tree()->hasFocus());

    // Escape in the search box clears it and the whole tree comes back.
    sidebar.focusSearch();
    QTest::keyClick(sidebar.searchField(), Qt::Key_Escape);
    CHECK(sidebar.searchField()->text().isEmpty());
    CHECK(sidebar.filter()->rowCount() == 4);
}

TEST_CASE("Search forgives accents, special letters, apostrophes and the list's own \"Surname, F\" form")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);
    std::map<QString, RowId> ids;
    for (const auto& [given, family] : std::vector<std::pair<QString, QString>>{
             {QStringLiteral("Emre"), QStringLiteral("Aydın")},
             {QStringLiteral("Zofia"), QStringLiteral("Wróbel")},
             {QStringLiteral("Siobhán"), QStringLiteral("O’Connor")},
             {QStringLiteral("Ivy"), QStringLiteral("Lloyd-Davies")},
             {QStringLiteral("Søren"), QStringLiteral("Strauß")}}) {
        Pupil p;
        p.legalGivenName = given;
        p.legalFamilyName = family;
        p.yearGroup = 9;
        Repository<Pupil>(session->db()).insert(p);
        ids[family] = p.id;
    }
    SidebarModel model;
    SidebarFilter filter;
    filter.setSourceModel(&model);
    model.load(session->db(), school.today);

    const auto finds = [&](const QString& typed) {
        filter.setSearchText(typed);
        return pupilsListed(filter);
    };
    CHECK(finds(QStringLiteral("aydin")) == std::vector<RowId>{ids[QStringLiteral("Aydın")]});
    CHECK(finds(QStringLiteral("wrobel")) == std::vector<RowId>{ids[QStringLiteral("Wróbel")]});
    CHECK(finds(QStringLiteral("oconnor")) == std::vector<RowId>{ids[QStringLiteral("O’Connor")]});
    CHECK(finds(QStringLiteral("o'connor siobhan")) == std::vector<RowId>{ids[QStringLiteral("O’Connor")]});
    CHECK(finds(QStringLiteral("lloyd davies")) == std::vector<RowId>{ids[QStringLiteral("Lloyd-Davies")]});
    CHECK(finds(QStringLiteral("soren strauss")) == std::vector<RowId>{ids[QStringLiteral("Strauß")]});
    // As the list writes names: surname, then the first name's initial.
    CHECK(finds(QStringLiteral("Wróbel, Z")) == std::vector<RowId>{ids[QStringLiteral("Wróbel")]});
    CHECK(finds(QStringLiteral("Wrobel, E")).empty());
    CHECK(finds(QStringLiteral("Okafor, A")) == std::vector<RowId>{school.amara});
}

TEST_CASE("A search that matches nothing says so")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto session = SchoolSession::open(school.path);
    Sidebar sidebar;
    sidebar.resize(300, 500);
    sidebar.show();
    sidebar.setSession(session.get(), school.today);
    const auto message = [&] {
        for (QLabel* label : sidebar.findChildren<QLabel*>())
            if (label->isVisible() && label->accessibleName() == QStringLiteral("Search result"))
                return label->text();
        return QString();
    };
    CHECK(message().isEmpty());
    sidebar.setSearchText(QStringLiteral("zzz"));
    CHECK(message() == QStringLiteral("No pupil or group matches “zzz”."));
    sidebar.setSearchText(QStringLiteral("ami"));
    CHECK(message().isEmpty());
}
