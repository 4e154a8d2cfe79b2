#include "app/appcontroller.h"
#include "app/filetasks.h"
#include "app/schooldocument.h"
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "shell/mainwindow.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("File ▸ Back Up makes a copy that opens as the same school")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("oakfield.waymark")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);
    app.openSchoolOrThrow(school.path);

    const QString name = filetasks::suggestedBackupName(school.schoolName, QDate(2026, 3, 10));
    CHECK(name == QStringLiteral("Oakfield Test Academy-backup-2026-03-10.waymark"));
    const QString dest = dir.path(name);
    REQUIRE(app.backUpTo(dest));

    auto copy = SchoolSession::open(dest);
    CHECK(copy->schoolName() == school.schoolName);
    CHECK(Repository<Pupil>(copy->db()).count() == Repository<Pupil>(app.document().session()->db()).count());
    CHECK(Repository<Target>(copy->db()).count() == 5);

    SECTION("an existing file is not overwritten unless the teacher agreed")
    {
        copy.reset();
        const QByteArray before = test::sha256Of(dest);
        QString said;
        test::answerNextModal([&](QWidget* box) {
            said = test::messageBoxText(box);
            box->close();
        });
        CHECK_FALSE(app.backUpTo(dest));
        CHECK(said.contains(QStringLiteral("could not be made")));
        CHECK(test::sha256Of(dest) == before);
        CHECK(app.backUpTo(dest, true));
    }
}

TEST_CASE("Backup names are safe for any file system")
{
    CHECK(filetasks::suggestedBackupName(QStringLiteral("St Mary's C/E: Primary?"), QDate(2026, 9, 1)) ==
          QStringLiteral("St Mary's C-E-Primary-backup-2026-09-01.waymark"));
    CHECK(filetasks::safeFileBaseName(QStringLiteral("  ../Year 7 / Set 2  ")) == QStringLiteral("Year 7-Set 2"));
    CHECK(filetasks::suggestedBackupName(QString(), QDate(2026, 9, 1)) ==
          QStringLiteral("school-backup-2026-09-01.waymark"));
}
