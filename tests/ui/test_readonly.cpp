#include "app/appcontroller.h"
#include "app/schooldocument.h"
#include "pupil/pupilpage.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "shell/messagebanner.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDir>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("A read-only school file opens with a banner saying so, and editing is switched off")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    QDir().mkpath(dir.path(QStringLiteral("school")));
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("school/ro.waymark")));
    const QByteArray before = test::sha256Of(school.path);

    const bool wholeFolder = GENERATE(false, true);
    {
        test::ReadOnlyGuard guard(wholeFolder ? dir.path(QStringLiteral("school")) : school.path);
        if (!guard.ok())
            WAYMARK_SKIP("cannot make the file read-only here");

        Settings settings(dir.path(QStringLiteral("settings.ini")));
        AppController app(settings);
        app.window().setRemembersState(false);
        app.document().setFixedToday(school.today);
        REQUIRE(app.openSchool(school.path));
        MainWindow& w = app.window();
        w.show();

        CHECK(app.document().isReadOnly());
        CHECK(w.readOnlyBanner()->isVisible());
        CHECK(w.readOnlyBanner()->text().contains(QStringLiteral("Read-only")));
        CHECK(w.readOnlyBanner()->text().contains(app.document().session()->readOnlyReason().toHtmlEscaped()));
        CHECK(w.windowTitle().contains(QStringLiteral("[read-only]")));
        CHECK_FALSE(w.actions().undo->isEnabled());
        CHECK_FALSE(w.actions().redo->isEnabled());
        REQUIRE(w.pupilPage());
        CHECK(w.pupilPage()->isReadOnly());
        REQUIRE(w.showPupil(school.amara));
        CHECK(w.pupilPage()->isReadOnly());
        // A back-up only reads the file, so it stays available.
        CHECK(w.actions().backUp->isEnabled());
    }
    CHECK(test::sha256Of(school.path) == before);
}
