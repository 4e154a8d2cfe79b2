#include "app/appcontroller.h"
#include "app/filetasks.h"
#include "app/schooldocument.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "shell/mainwindow.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "welcome/newschooldialog.h"
#include "welcome/welcomedialog.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("First start: the welcome dialog creates a new school where the teacher chooses and opens it")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);
    const QString dataFolder = QFileInfo(filetasks::defaultSchoolPath()).absolutePath();
    REQUIRE(dataFolder.startsWith(dir.path(QStringLiteral("home"))));
    CHECK(app.startupPath().isEmpty());
    QDir().mkpath(dir.path(QStringLiteral("Documents/Schools")));
    QString expected;

    SECTION("in the suggested place, named after the school")
    {
        expected = QDir(dataFolder).filePath(QStringLiteral("Hillside Primary.waymark"));
    }
    SECTION("in a folder the teacher types")
    {
        expected = dir.path(QStringLiteral("Documents/Schools/hillside.waymark"));
    }
    bool sawWelcome = false;
    bool sawName = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* welcome = qobject_cast<WelcomeDialog*>(modal);
        REQUIRE(welcome);
        sawWelcome = true;
        test::answerNextModal([&](QWidget* next) {
            auto* dialog = qobject_cast<NewSchoolDialog*>(next);
            REQUIRE(dialog);
            sawName = true;
            CHECK_FALSE(dialog->pathField()->isReadOnly());
            CHECK(dialog->findChild<QPushButton*>(QString(), Qt::FindDirectChildrenOnly) != nullptr);
            QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            CHECK_FALSE(ok->isEnabled()); // no name yet
            QTest::keyClicks(dialog->nameField(), QStringLiteral("Hillside Primary"));
            CHECK(QFileInfo(dialog->filePath()).absolutePath() == QFileInfo(dataFolder).absoluteFilePath());
            if (!expected.startsWith(dataFolder)) {
                // Tab to "Save as" and type a path of the teacher's own.
                QTest::keyClick(dialog->nameField(), Qt::Key_Tab);
                REQUIRE(QApplication::focusWidget() == dialog->pathField());
                QTest::keySequence(dialog->pathField(), QKeySequence::SelectAll);
                QTest::keyClicks(dialog->pathField(), QDir::toNativeSeparators(expected));
            }
            CHECK(ok->isEnabled());
            ok->click();
        });
        QTest::keyClick(welcome->createButton(), Qt::Key_Space); // keyboard, as a teacher might
    });
    const auto exitCode = app.start(CommandLine{});
    CHECK_FALSE(exitCode.has_value());
    CHECK(sawWelcome);
    CHECK(sawName);
    REQUIRE(app.document().isOpen());
    CHECK(app.document().session()->schoolName() == QStringLiteral("Hillside Primary"));
    CHECK(QFileInfo(app.document().session()->path()) == QFileInfo(expected));
    CHECK(app.window().isVisible());
    // Next time, that school opens without asking.
    CHECK(QFileInfo(app.startupPath()) == QFileInfo(expected));
}

TEST_CASE("First start: closing the welcome dialog quits without creating anything")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);
    test::answerNextModal([](QWidget* modal) { QTest::keyClick(modal, Qt::Key_Escape); });
    CHECK(app.start(CommandLine{}) == std::optional<int>(1));
    CHECK_FALSE(app.document().isOpen());
    CHECK_FALSE(QFileInfo::exists(filetasks::defaultSchoolPath()));
}

TEST_CASE("A new school's file name follows its name until the teacher picks one")
{
    test::TempDir dir;
    NewSchoolDialog dialog(dir.path());
    QTest::keyClicks(dialog.nameField(), QStringLiteral("Oak/Elm Federation"));
    CHECK(dialog.filePath() == dir.path(QStringLiteral("Oak-Elm Federation.waymark")));
    CHECK(dialog.schoolName() == QStringLiteral("Oak/Elm Federation"));
    test::buildShellSchool(dir.path(QStringLiteral("Taken.waymark")));
    dialog.nameField()->setText(QStringLiteral("Taken"));
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    CHECK_FALSE(ok->isEnabled()); // never over an existing file
}
