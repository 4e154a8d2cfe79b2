#pragma once

#include "app/appcontroller.h"
#include "domain/entity.h"
#include "settings.h"
#include "testsupport.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace waymark::test {

// A small school built through the repositories, with everything the shell shows: groups of the
// academic year holding `today` and of the year before, a pupil who has left, a deleted pupil,
// reviews held at known dates and active targets.
struct ShellSchool
{
    QString path;
    QDate today;
    QString schoolName;
    int academicYear = 0;
    RowId amara = 0; // preferred name "Ami"; looked-after; last review 100 days ago
    RowId ben = 0;   // last review 5 days ago
    RowId chloe = 0; // EHC plan; never reviewed
    RowId dev = 0;
    RowId ella = 0;
    RowId finn = 0;
    RowId leaver = 0;  // left 30 days ago: not on roll
    RowId deleted = 0; // tombstoned
    QString amaraUpn;
    QString benUpn;
    RowId tutor1 = 0;        // "9T1": Amara, Ben, Chloe
    RowId tutor2 = 0;        // "9T2": Dev, Ella, Finn
    RowId mathsClass = 0;    // "9Ma1": all six, and the leaver
    RowId scienceSet = 0;    // "9Sc/x": Amara, Dev
    RowId lastYearGroup = 0; // "8T1" of the year before
    int pupilsOnRoll = 6;
    int activeTargets = 3;
};

ShellSchool buildShellSchool(const QString& path, QDate today = QDate(2026, 3, 10));

// An app with its own settings file and user folders, showing a ShellSchool at its "today" in a
// 1366×768 window; `active` also waits until the window has the keyboard (for key presses).
struct ShellWindowFixture
{
    explicit ShellWindowFixture(bool active = false);

    TempDir dir;
    ShellSchool school;
    Settings settings;
    AppController app;

    MainWindow& window() { return app.window(); }
};

// Points QStandardPaths (app data, config, cache) and QSettings at folders inside `root`, so a test
// never reads or writes the real user's files.
void isolateUserFolders(const QString& root);

// Waits (processing events) until a modal dialog is showing, then calls `answer` with it; the next
// modal the code under test opens is answered even though exec() blocks the test's own line.
// If none shows within timeoutMs, nothing is called (and the test's own checks then fail).
void answerNextModal(std::function<void(QWidget*)> answer, int timeoutMs = 10000);
bool waitFor(const std::function<bool()>& condition, int timeoutMs = 5000);

// The text of a message box (main and informative), for checking what the teacher is told.
QString messageBoxText(QWidget* box);

} // namespace waymark::test
