#include "app/appcontroller.h"
#include "settings.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "welcome/newschooldialog.h"
#include "welcome/welcomedialog.h"

#include <QAction>
#include <QDir>
#include <QLineEdit>
#include <QTest>

#include <catch2/catch.hpp>

using namespace waymark;

// Pictures of the dialogs for a person to look at: `test_shell_files "[screens]"` writes them to
// WAYMARK_SHOTS_DIR (default: the temp folder).
TEST_CASE("Dialog pictures", "[.][screens]")
{
    const QString out = qEnvironmentVariable("WAYMARK_SHOTS_DIR", QDir::tempPath());
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));

    WelcomeDialog welcome;
    welcome.show();
    QTest::qWait(50);
    CHECK(welcome.grab().save(QDir(out).filePath(QStringLiteral("welcome.png"))));

    NewSchoolDialog newSchool(dir.path());
    newSchool.show();
    QTest::keyClicks(newSchool.nameField(), QStringLiteral("Hillside Primary"));
    QTest::qWait(50);
    CHECK(newSchool.grab().save(QDir(out).filePath(QStringLiteral("newschool.png"))));

    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);
    const QString bad = dir.path(QStringLiteral("Year 9 marks.waymark"));
    test::writeAll(bad, QByteArray(8192, 'x'));
    test::answerNextModal([&](QWidget* box) {
        QTest::qWait(50);
        CHECK(box->grab().save(QDir(out).filePath(QStringLiteral("openerror.png"))));
        box->close();
    });
    app.openSchool(bad, AppController::Context::Startup);

    const auto school = test::buildShellSchool(dir.path(QStringLiteral("oakfield.waymark")));
    app.openSchoolOrThrow(school.path);
    test::answerNextModal([&](QWidget* box) {
        QTest::qWait(50);
        CHECK(box->grab().save(QDir(out).filePath(QStringLiteral("about.png"))));
        box->close();
    });
    app.window().actions().about->trigger();
}
