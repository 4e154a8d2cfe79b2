// The comment bank panel beside the feedback editor, driven by keyboard on a real school file:
// searched as typed, Up and Down from the search box, Enter inserting the comment filled in for
// the pupil (and counting the use), "add to bank" with the pupil's name made {name}, Delete, and a
// department's CSV imported and exported, each change one undo step.
#include "marking/commentbankmodel.h"
#include "marking/commentbankpanel.h"
#include "services/commentbank.h"
#include "services/schoolsession.h"
#include "services/schoolsetup.h"
#include "services/subjectsetup.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include <memory>

using namespace waymark;

namespace {
struct PanelFixture
{
    explicit PanelFixture(bool starter = true)
    {
        test::isolateUserFolders(dir.path(QStringLiteral("home")));
        setup::createSchoolFile(path, QStringLiteral("Oakfield Academy"));
        auto db = Database::open(path);
        maths = setup::addSubject(*db, {QStringLiteral("Mathematics"), QStringLiteral("MA")});
        french = setup::addSubject(*db, {QStringLiteral("French"), QStringLiteral("FR")});
        if (starter)
            commentbank::ensureStarterBank(*db);
        session = std::make_unique<SchoolSession>(std::move(db));
        panel = std::make_unique<CommentBankPanel>(*session, undo);
        tester = std::make_unique<QAbstractItemModelTester>(panel->model(),
                                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
        panel->resize(420, 600);
        panel->show();
        panel->activateWindow();
        REQUIRE(test::waitFor([&] { return QApplication::activeWindow() == panel.get(); }));
    }

    Database& db() { return session->db(); }

    QStringList shown() const
    {
        QStringList out;
        for (int row = 0; row < panel->model()->rowCount(); ++row)
            out << panel->model()->index(row).data().toString();
        return out;
    }

    test::TempDir dir;
    QString path = dir.path(QStringLiteral("oakfield.waymark"));
    RowId maths = 0;
    RowId french = 0;
    std::unique_ptr<SchoolSession> session;
    QUndoStack undo;
    std::unique_ptr<CommentBankPanel> panel;
    std::unique_ptr<QAbstractItemModelTester> tester;
};
} // namespace

TEST_CASE("The comment bank panel finds a comment as it is typed and inserts it filled in for the pupil",
          "[commentbank]")
{
    PanelFixture f;
    CommentBankPanel& panel = *f.panel;
    panel.setSubject(f.maths);
    panel.setPupil(QStringLiteral("Sam"), QStringLiteral("he/him"), QStringLiteral("Samuel"));
    panel.setCategory(CommentCategory::NextStep);
    QSignalSpy inserted(&panel, &CommentBankPanel::insertRequested);
    QSignalSpy categoryChanged(&panel, &CommentBankPanel::categoryChanged);
    CHECK(categoryChanged.isEmpty()); // set by the editor: not announced back

    // Maths' own first (marked with the subject), then the general ones; no French ones.
    const QStringList all = f.shown();
    REQUIRE(all.size() > 10);
    CHECK(all.first().endsWith(QStringLiteral("(Mathematics)")));
    CHECK_FALSE(all.join(QLatin1Char('\n')).contains(QStringLiteral("perfect tense")));
    CHECK(all.contains(QStringLiteral("Redraft your final answer using the success criteria.")));

    // Typed words narrow the list; Down from the search box chooses, Enter inserts.
    panel.searchField()->setFocus();
    QTest::keyClicks(panel.searchField(), QStringLiteral("green PEN"));
    REQUIRE(f.shown() == QStringList({QStringLiteral("Correct your errors in green pen and explain what went wrong. "
                                                     "(Mathematics)")}));
    QTest::keyClick(panel.searchField(), Qt::Key_Down);
    REQUIRE(panel.currentId());
    const RowId chosen = *panel.currentId();
    CHECK(panel.searchField()->hasFocus());
    QTest::keyClick(panel.searchField(), Qt::Key_Return);
    REQUIRE(inserted.size() == 1);
    CHECK(inserted.at(0).at(0).toString() ==
          QStringLiteral("Correct your errors in green pen and explain what went wrong."));
    CHECK(inserted.at(0).at(1).value<RowId>() == chosen);
    CHECK(commentbank::find(f.db(), chosen)->uses == 1); // counted, and first from now on
    CHECK(f.undo.count() == 0);                          // a use is no undo step

    // Esc clears the search; the most used comes first.
    QTest::keyClick(panel.searchField(), Qt::Key_Escape);
    CHECK(panel.searchField()->text().isEmpty());
    CHECK(panel.model()->comment(0)->id == chosen);

    // Up and Down move in the list without leaving the search box; Enter inserts that one.
    QTest::keyClick(panel.searchField(), Qt::Key_Down);
    QTest::keyClick(panel.searchField(), Qt::Key_Down);
    QTest::keyClick(panel.searchField(), Qt::Key_Down);
    QTest::keyClick(panel.searchField(), Qt::Key_Up);
    CHECK(panel.view()->currentIndex().row() == 2); // from the first, which was chosen
    CHECK(panel.searchField()->hasFocus());
    const RowId third = panel.model()->comment(2)->id;
    QTest::keyClick(panel.searchField(), Qt::Key_Enter);
    REQUIRE(inserted.size() == 2);
    CHECK(inserted.at(1).at(1).value<RowId>() == third);

    // Placeholders are filled for the pupil: with capitals where a sentence starts, and none at the
    // start of an "Even better if" (which continues that phrase).
    panel.setCategory(CommentCategory::EvenBetterIf);
    panel.searchField()->clear();
    QTest::keyClicks(panel.searchField(), QStringLiteral("help sooner"));
    QTest::keyClick(panel.searchField(), Qt::Key_Return); // nothing chosen yet: the first match
    REQUIRE(inserted.size() == 3);
    CHECK(inserted.at(2).at(0).toString() == QStringLiteral("he asked for help sooner when he was stuck."));
    panel.setPupil(QStringLiteral("Alex"), QStringLiteral("they/them"));
    CHECK(f.shown() == QStringList({QStringLiteral("they asked for help sooner when they were stuck.")}));
    panel.setCategory(CommentCategory::WhatWentWell);
    panel.searchField()->clear();
    QTest::keyClicks(panel.searchField(), QStringLiteral("proud"));
    CHECK(f.shown() == QStringList({QStringLiteral("Alex has made excellent progress this half-term; they should be "
                                                   "proud of themselves.")}));
    CHECK(panel.model()->index(0).data(CommentBankModel::TemplateRole).toString().startsWith(QStringLiteral("{Name}")));

    // Double-click inserts too.
    panel.view()->setFocus();
    QTest::keyClick(panel.view(), Qt::Key_Down);
    panel.view()->doItemsLayout(); // a list lays out its rows a moment after they change
    const QRect first = panel.view()->visualRect(panel.model()->index(0));
    REQUIRE(first.isValid());
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, first.center());
    QTest::mouseDClick(panel.view()->viewport(), Qt::LeftButton, {}, first.center());
    CHECK(inserted.size() == 4);

    // The teacher's own choice of category is announced, for the editor to follow.
    panel.categoryBox()->setFocus();
    QTest::keyClick(panel.categoryBox(), Qt::Key_Down);
    CHECK(categoryChanged.size() == 1);
    CHECK(panel.category() == CommentCategory::EvenBetterIf);
}

TEST_CASE("Add to bank makes the pupil's name {name}, and Delete removes a comment, each one undo step",
          "[commentbank]")
{
    PanelFixture f;
    CommentBankPanel& panel = *f.panel;
    panel.setSubject(f.maths);
    panel.setPupil(text::PupilWords{QStringLiteral("Sam"), QStringLiteral("Samuel"), QStringLiteral("he/him")});
    panel.setCategory(CommentCategory::WhatWentWell);

    REQUIRE(panel.addToBank(QStringLiteral("What went well: Samuel's bar model was neat, and Sam labelled it.")));
    CHECK(f.undo.count() == 1);
    const std::optional<RowId> added = panel.currentId();
    REQUIRE(added);
    const std::optional<commentbank::Comment> c = commentbank::find(f.db(), *added);
    REQUIRE(c);
    CHECK(c->text == QStringLiteral("{name}'s bar model was neat, and {name} labelled it."));
    CHECK(c->subjectId == f.maths);
    CHECK(panel.message().contains(QStringLiteral("{name}'s bar model")));
    // Shown filled in for the pupil.
    CHECK(panel.model()->index(panel.model()->rowOf(*added)).data().toString() ==
          QStringLiteral("Sam's bar model was neat, and Sam labelled it. (Mathematics)"));

    // The same again is refused, and said; nothing is pushed.
    CHECK_FALSE(panel.addToBank(QStringLiteral("Samuel's bar model was neat, and Sam labelled it.")));
    CHECK(panel.message().contains(QStringLiteral("already in the bank")));
    CHECK_FALSE(panel.addToBank(QStringLiteral("   ")));
    CHECK(f.undo.count() == 1);

    f.undo.undo();
    CHECK_FALSE(commentbank::find(f.db(), *added));
    CHECK(panel.model()->rowOf(*added) < 0);
    f.undo.redo();
    CHECK(commentbank::find(f.db(), *added));

    // Delete in the list removes the chosen comment; the next is chosen; undo brings it back.
    const int before = panel.model()->rowCount();
    panel.view()->setFocus();
    panel.searchField()->clear();
    const QModelIndex second = panel.model()->index(1);
    panel.view()->setCurrentIndex(second);
    const RowId removed = second.data(CommentBankModel::CommentIdRole).toLongLong();
    QTest::keyClick(panel.view(), Qt::Key_Delete);
    CHECK(panel.model()->rowCount() == before - 1);
    CHECK_FALSE(commentbank::find(f.db(), removed));
    CHECK(panel.currentId());
    CHECK(f.undo.count() == 2);
    f.undo.undo();
    CHECK(commentbank::find(f.db(), removed));
    CHECK(panel.model()->rowCount() == before);

    // F2's change, as one step.
    REQUIRE(panel.changeComment(removed, QStringLiteral("A changed  comment.")));
    CHECK(commentbank::find(f.db(), removed)->text == QStringLiteral("A changed comment."));
    f.undo.undo();
    CHECK(commentbank::find(f.db(), removed)->text != QStringLiteral("A changed comment."));
}

TEST_CASE("A department's bank is imported as one undo step and exported, problems said in the panel", "[commentbank]")
{
    PanelFixture f(false);
    CommentBankPanel& panel = *f.panel;
    CHECK(panel.model()->rowCount() == 0);
    CHECK_FALSE(panel.exportButton()->isEnabled()); // nothing to share yet

    // Starter comments, one step.
    panel.starterButton()->click();
    CHECK(f.undo.count() == 1);
    CHECK(panel.message().contains(QStringLiteral("starter comment")));
    CHECK(panel.model()->rowCount() > 20);
    CHECK(panel.exportButton()->isEnabled());
    f.undo.undo();
    CHECK(panel.model()->rowCount() == 0);

    const QString good = f.dir.path(QStringLiteral("department.csv"));
    test::writeAll(good, "Category,Subject,Comment\r\nWWW,Maths,Lovely long division.\r\nNext step,French,"
                         "\"Learn the verbs, then test yourself.\"\r\nWWW,Latin,Good declensions.\r\n");
    REQUIRE(panel.importFrom(good));
    CHECK(f.undo.count() == 1);
    CHECK(f.undo.undoText().contains(QStringLiteral("Import 3 comment")));
    CHECK(panel.message().contains(QStringLiteral("Imported 3 comment")));
    CHECK(panel.message().contains(QStringLiteral("Latin")));
    CHECK(commentbank::list(f.db()).size() == 3);
    f.undo.undo();
    CHECK(commentbank::list(f.db()).empty());
    f.undo.redo();
    CHECK(commentbank::list(f.db()).size() == 3);

    // Again: nothing new, and no step.
    REQUIRE(panel.importFrom(good));
    CHECK(panel.message().contains(QStringLiteral("Nothing new")));
    CHECK(f.undo.count() == 1);

    // A bad row: nothing imported, its line named.
    const QString bad = f.dir.path(QStringLiteral("bad.csv"));
    test::writeAll(bad, "Category,Subject,Comment\nWWW,,A new one.\nPraise,,Lovely.\n");
    CHECK_FALSE(panel.importFrom(bad));
    CHECK(panel.message().contains(QStringLiteral("Nothing was imported")));
    CHECK(panel.message().contains(QStringLiteral("Line 3")));
    CHECK(commentbank::list(f.db()).size() == 3);
    CHECK(f.undo.count() == 1);
    CHECK_FALSE(panel.importFrom(f.dir.path(QStringLiteral("missing.csv"))));
    CHECK(panel.message().contains(QStringLiteral("missing.csv")));

    const QString out = f.dir.path(QStringLiteral("out.csv"));
    REQUIRE(panel.exportTo(out));
    CHECK(panel.message().contains(QStringLiteral("out.csv")));
    CHECK(test::readAll(out).contains("Next step,French,\"Learn the verbs, then test yourself.\""));
    CHECK_FALSE(panel.exportTo(f.dir.path(QStringLiteral("no/such/folder/out.csv"))));
    CHECK_FALSE(panel.message().isEmpty());
}
