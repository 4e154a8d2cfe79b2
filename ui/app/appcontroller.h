#pragma once

#include "app/commandline.h"
#include "domain/entity.h"
#include "storage/database.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace waymark {

class MainWindow;
class SchoolDocument;
class Settings;
class SchoolSetupDialog;
class StorageError;

// Runs the app around the main window: which school to open at start (the welcome dialog on the
// first start), File menu work (new, open, recent, back up), error messages when a file cannot be
// opened, and the --screenshot mode. Everything that talks to the teacher in a dialog is here.
class AppController final : public QObject
{
    Q_OBJECT

public:
    explicit AppController(Settings& settings, QObject* parent = nullptr);
    ~AppController() override;

    // Opens what the command line asks for. nullopt: the window is up, run the event loop;
    // otherwise the process exit code (the teacher quit, or a screenshot was taken or failed).
    std::optional<int> start(const CommandLine& commandLine);

    MainWindow& window() const { return *window_; }
    SchoolDocument& document() const { return *document_; }

    // Opens a school file; on failure tells the teacher why and offers another file. True if a
    // school is open from `path` (or from the other file they chose) afterwards.
    enum class Context { Startup, Running };
    bool openSchool(const QString& path, Context context = Context::Running);
    // The same without any dialog; throws StorageError and leaves the open school as it was.
    void openSchoolOrThrow(const QString& path, Database::Options options = {});

    void newSchool();      // File ▸ New School…
    void openWithDialog(); // File ▸ Open…
    void backUp();         // File ▸ Back Up…
    void editSchoolDetails(); // File ▸ School Details…
    void addPupil();          // File ▸ Add Pupil…
    void importRoster(const QString& path = {}); // File ▸ Import from MIS…
    enum SetupPage { StaffSetup, SubjectsSetup, GroupsSetup, CalendarSetup };
    static int setupPageIndex(const QString& name); // "staff", "subjects", "groups", "calendar"
    void openSchoolSetup(int page = 0);           // File ▸ School Set-up…
    void markPupilLeft();                         // File ▸ Mark Pupil as Left… / Re-admit Pupil
    void startNewYear();                          // File ▸ Start New Academic Year…
    void updatePupilActions();
    void newTask();  // Marking ▸ New Task… (taskactions.cpp)
    void copyTask(); // Marking ▸ Copy Task…
    void makeTask(RowId groupId, RowId copyOf);
    std::function<void(const QString&)> problemReporter(); // said in the status bar and a message box
    SchoolSetupDialog* schoolSetupDialog() const { return setupDialog_; }
    // Backs up to dest with a progress dialog; true if the copy is in place. Errors are shown.
    bool backUpTo(const QString& dest, bool replaceExisting = false);
    // Opens <AppData>/demo-school.waymark, generating it first if it is not there.
    bool openDemoSchool();

    // The school opened when no file is named: the last one, else the default one; empty on the
    // first start.
    QString startupPath() const;

    // Replaces the Open dialog (tests drive the rest of the flow for real; a modal file dialog
    // answered from a timer is too fragile to test through).
    void setFileChooser(std::function<QString()> chooser) { fileChooser_ = std::move(chooser); }

private:
    std::optional<int> startScreenshot(const CommandLine& commandLine);
    bool runWelcome();
    bool createSchoolAt(const QString& path, const QString& name);
    QString chooseFileToOpen();
    enum class AfterOpenError { Stop, OpenAnother, OpenReadOnly };
    AfterOpenError reportOpenError(const QString& path, const StorageError& error, Context context);
    void reportRecovery(const QString& notice);
    void rememberOpened(const QString& path);
    void showStatus(const QString& message);

    Settings& settings_;
    SchoolSetupDialog* setupDialog_ = nullptr;
    std::unique_ptr<SchoolDocument> document_;
    std::unique_ptr<MainWindow> window_;
    bool screenshotMode_ = false;
    std::function<QString()> fileChooser_;
};

} // namespace waymark
