#include "app/appcontroller.h"
#include "app/schooldocument.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "shell/mainwindow.h"
#include "shell/messagebanner.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
void sqliteShell(const QString& path, const QByteArray& sql)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {path});
    REQUIRE(shell.waitForStarted());
    shell.write(sql);
    shell.closeWriteChannel();
    REQUIRE(shell.waitForFinished());
    REQUIRE(shell.exitCode() == 0);
}

// Opens `path` through the app as the teacher would, answers the error box with the button whose
// text starts with `button`, and returns what the box said (empty if no box appeared).
QString openAndAnswer(AppController& app, const QString& path, const QString& button, bool* opened,
                      AppController::Context context = AppController::Context::Running)
{
    QString said;
    test::answerNextModal([&](QWidget* modal) {
        said = test::messageBoxText(modal);
        auto* box = qobject_cast<QMessageBox*>(modal);
        REQUIRE(box);
        CHECK(box->objectName() == QStringLiteral("openErrorBox"));
        for (QAbstractButton* b : box->buttons()) {
            if (b->text().remove(QLatin1Char('&')).startsWith(button)) {
                b->click();
                return;
            }
        }
        FAIL("no button " << button.toStdString());
    });
    *opened = app.openSchool(path, context);
    return said;
}
} // namespace

TEST_CASE("A file that cannot be opened is explained in a message, and is never changed")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);

    const QString path = dir.path(QStringLiteral("bad.waymark"));
    QString expected;
    SECTION("not a SQLite file")
    {
        test::writeAll(path, QByteArray("Dear parents, the school trip is on Friday.\n").repeated(200));
        expected = QStringLiteral("bad.waymark");
    }
    SECTION("a truncated school file")
    {
        const auto school = test::buildShellSchool(dir.path(QStringLiteral("whole.waymark")));
        const QByteArray bytes = test::readAll(school.path);
        test::writeAll(path, bytes.left(bytes.size() / 3));
        expected = QStringLiteral("bad.waymark");
    }
    SECTION("a school file from a newer Waymark")
    {
        test::buildShellSchool(path);
        sqliteShell(path, "PRAGMA user_version = 99;\n");
        expected = QStringLiteral("newer version");
    }
    SECTION("another program's database")
    {
        sqliteShell(path, "CREATE TABLE marks(pupil TEXT, mark INTEGER);\nINSERT INTO marks VALUES ('A', 5);\n");
        expected = QStringLiteral("not a Waymark school file");
    }
    const QByteArray before = test::sha256Of(path);

    bool opened = true;
    const QString said = openAndAnswer(app, path, QStringLiteral("Cancel"), &opened);
    CHECK_FALSE(opened);
    CHECK_FALSE(app.document().isOpen());
    CHECK(said.contains(QStringLiteral("could not open")));
    CHECK(said.contains(expected));
    CHECK(test::sha256Of(path) == before);
}

TEST_CASE("A missing file is reported; at start-up the teacher can quit")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);

    bool opened = true;
    const QString said = openAndAnswer(app, dir.path(QStringLiteral("nowhere.waymark")), QStringLiteral("Quit"),
                                       &opened, AppController::Context::Startup);
    CHECK_FALSE(opened);
    CHECK(said.contains(QStringLiteral("nowhere.waymark")));
    CHECK_FALSE(QFileInfo::exists(dir.path(QStringLiteral("nowhere.waymark"))));
}

TEST_CASE("A file locked by another program is reported and left alone; the open school stays open")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    const auto good = test::buildShellSchool(dir.path(QStringLiteral("good.waymark")));
    const auto locked = test::buildShellSchool(dir.path(QStringLiteral("locked.waymark")));
    const QByteArray before = test::sha256Of(locked.path);
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);
    app.openSchoolOrThrow(good.path);

    test::ForeignLock lock(locked.path);
    if (!lock.ok())
        WAYMARK_SKIP("could not hold a lock with the sqlite3 shell");
    bool opened = true;
    const QString said = openAndAnswer(app, locked.path, QStringLiteral("Cancel"), &opened);
    CHECK_FALSE(opened);
    CHECK(said.contains(QStringLiteral("locked.waymark")));
    REQUIRE(app.document().isOpen());
    CHECK(QFileInfo(app.document().session()->path()).fileName() == QStringLiteral("good.waymark"));
    CHECK(test::sha256Of(locked.path) == before);
}

TEST_CASE("After an error the teacher can open another file instead")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    const auto good = test::buildShellSchool(dir.path(QStringLiteral("good.waymark")));
    const QString bad = dir.path(QStringLiteral("bad.waymark"));
    test::writeAll(bad, QByteArray(4096, 'x'));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);

    app.setFileChooser([&] { return good.path; }); // what the teacher picks in the Open dialog
    test::answerNextModal([&](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        REQUIRE(box);
        box->buttons().constFirst()->click(); // "Open Another File…" is the first (accept) button
    });
    REQUIRE(app.openSchool(bad, AppController::Context::Startup));
    CHECK(QFileInfo(app.document().session()->path()).fileName() == QStringLiteral("good.waymark"));
}

TEST_CASE("A school file changed by another program is refused, and on request opened read-only with nothing in it run")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("changed.waymark")));
    // A trigger that would tombstone every pupil on the next edit of anyone's pronouns.
    sqliteShell(school.path, "CREATE TRIGGER wipe_pupils AFTER UPDATE OF pronouns ON pupil "
                             "BEGIN UPDATE pupil SET deleted = 1; END;\n");
    const QByteArray before = test::sha256Of(school.path);
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);

    SECTION("refused, with the trigger named")
    {
        bool opened = true;
        const QString said = openAndAnswer(app, school.path, QStringLiteral("Cancel"), &opened);
        CHECK_FALSE(opened);
        CHECK(said.contains(QStringLiteral("changed by another program")));
        CHECK(said.contains(QStringLiteral("It has a trigger “wipe_pupils” that Waymark did not make.")));
        CHECK(said.contains(QStringLiteral("The file has not been changed.")));
        CHECK_FALSE(app.document().isOpen());
    }
    SECTION("opened read-only when the teacher asks")
    {
        bool opened = false;
        openAndAnswer(app, school.path, QStringLiteral("Open Read-Only"), &opened);
        REQUIRE(opened);
        CHECK(app.document().isReadOnly());
        app.window().show();
        CHECK(app.window().readOnlyBanner()->isVisible());
        CHECK(app.document().session()->readOnlyReason().contains(QStringLiteral("wipe_pupils")));
        app.window().close();
        app.document().setSession(nullptr);
    }
    CHECK(test::sha256Of(school.path) == before);
    // Nothing was left beside it either (a -wal or -shm made by a read-only look locks its owner out).
    CHECK(QDir(dir.path()).entryList({QStringLiteral("changed.waymark*")}, QDir::Files | QDir::Hidden) ==
          QStringList{QStringLiteral("changed.waymark")});
}
