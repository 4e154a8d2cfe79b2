#include "app/appcontroller.h"

#include "app/filetasks.h"
#include "app/schooldocument.h"
#include "demo/demogenerator.h"
#include "palette.h"
#include "marking/classfeedbackpanel.h"
#include "marking/markingpage.h"
#include "pupil/pupilpage.h"
#include "calendar/schoolcalendar.h"
#include "services/newyear.h"
#include "services/pupilsetup.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "setup/addpupildialog.h"
#include "setup/calendarpage.h"
#include "setup/importwizard.h"
#include "setup/leavedialog.h"
#include "setup/newyeardialog.h"
#include "setup/schoolsetupdialog.h"
#include "setup/groupspage.h"
#include "setup/staffpage.h"
#include "setup/subjectspage.h"
#include "setup/schooldetailsdialog.h"
#include "setup/setupcommands.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "storage/storageerror.h"
#include "welcome/newschooldialog.h"
#include "welcome/welcomedialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QStackedWidget>
#include <QProgressDialog>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

namespace waymark {

namespace {
void printError(const QString& text)
{
    std::fputs((text + QLatin1Char('\n')).toLocal8Bit().constData(), stderr);
}

QString fileFilter()
{
    return AppController::tr("Waymark school files (*.waymark);;All files (*)");
}

// The size of the pictures taken for the documentation and checks: the smallest laptop we support.
constexpr QSize kScreenshotSize(1366, 768);
} // namespace

AppController::AppController(Settings& settings, QObject* parent)
    : QObject(parent), settings_(settings), document_(std::make_unique<SchoolDocument>()),
      window_(std::make_unique<MainWindow>(*document_, settings))
{
    MainActions& actions = window_->actions();
    connect(actions.newSchool, &QAction::triggered, this, &AppController::newSchool);
    connect(actions.open, &QAction::triggered, this, &AppController::openWithDialog);
    connect(actions.backUp, &QAction::triggered, this, &AppController::backUp);
    connect(actions.schoolDetails, &QAction::triggered, this, &AppController::editSchoolDetails);
    connect(actions.addPupil, &QAction::triggered, this, &AppController::addPupil);
    connect(actions.importRoster, &QAction::triggered, this, [this] { importRoster(); });
    connect(actions.schoolSetup, &QAction::triggered, this, [this] { openSchoolSetup(); });
    connect(actions.markLeft, &QAction::triggered, this, &AppController::markPupilLeft);
    connect(actions.newTask, &QAction::triggered, this, &AppController::newTask);
    connect(actions.copyTask, &QAction::triggered, this, &AppController::copyTask);
    connect(actions.classFeedback, &QAction::triggered, this, [this] {
        if (MarkingPage* page = window_->markingPage())
            page->showClassFeedback(true);
    });
    connect(actions.printSlips, &QAction::triggered, this, [this] {
        if (MarkingPage* page = window_->markingPage())
            page->classFeedback()->printSlipsAction()->trigger();
    });
    connect(actions.printClassSheet, &QAction::triggered, this, [this] {
        if (MarkingPage* page = window_->markingPage())
            page->classFeedback()->printSheetAction()->trigger();
    });
    connect(actions.newYear, &QAction::triggered, this, &AppController::startNewYear);
    connect(actions.schoolMenu, &QMenu::aboutToShow, this, &AppController::updatePupilActions);
    connect(window_->pages(), &QStackedWidget::currentChanged, this, &AppController::updatePupilActions);
    // The set-up window belongs to one school: closed when another is opened.
    connect(document_.get(), &SchoolDocument::aboutToReplace, this, [this] {
        if (!setupDialog_)
            return;
        // Later, not now: a page may be inside one of its own dialogs when the school changes. Until
        // then nothing reaches the pages, whose school is going.
        setupDialog_->hide();
        const QList<QObject*> parts = setupDialog_->findChildren<QObject*>() << setupDialog_;
        for (QObject* part : parts) {
            QObject::disconnect(&document_->undoStack(), nullptr, part, nullptr);
            if (document_->session())
                QObject::disconnect(document_->session(), nullptr, part, nullptr);
        }
        setupDialog_->deleteLater();
        setupDialog_ = nullptr;
    });
    connect(&actions, &MainActions::openRecentRequested, this, [this](const QString& path) { openSchool(path); });
    connect(&actions, &MainActions::clearRecentRequested, this, [this] {
        settings_.clearRecentFiles();
        window_->actions().setRecentFiles({});
    });
    // View ▸ Appearance: applied at once and remembered. (WAYMARK_PALETTE, for screenshots, wins.)
    const Appearance chosen = appearanceFromEnvironment().value_or(appearanceFromText(settings_.appearance()));
    actions.appearanceLight->setChecked(chosen == Appearance::Light);
    actions.appearanceDark->setChecked(chosen == Appearance::Dark);
    actions.appearanceSystem->setChecked(chosen == Appearance::System);
    for (auto [action, appearance] : {std::pair{actions.appearanceSystem, Appearance::System},
                                      std::pair{actions.appearanceLight, Appearance::Light},
                                      std::pair{actions.appearanceDark, Appearance::Dark}}) {
        connect(action, &QAction::triggered, this, [this, appearance] {
            applyAppearance(appearance);
            settings_.setAppearance(appearanceText(appearance));
            settings_.sync();
        });
    }
    // Coming back to the window from another program (perhaps a second Waymark on the same file):
    // look at once for changes it made, rather than at the next tick of the session's timer.
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state != Qt::ApplicationActive || !document_ || !document_->session())
            return;
        try {
            document_->session()->checkForOutsideChanges();
        } catch (const StorageError& error) {
            showStatus(error.message());
        }
    });
}

AppController::~AppController()
{
    // The window's pages refer to the open school: close the window first.
    window_.reset();
    document_.reset();
}

QString AppController::startupPath() const
{
    const QString last = settings_.lastOpenedFile();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    const QString fallback = filetasks::defaultSchoolPath();
    return QFileInfo::exists(fallback) ? fallback : QString();
}

std::optional<int> AppController::start(const CommandLine& commandLine)
{
    if (commandLine.today.isValid())
        document_->setFixedToday(commandLine.today);
    if (!commandLine.screenshot.isEmpty())
        return startScreenshot(commandLine);

    window_->restoreWindowState();
    const QString path = commandLine.file.isEmpty() ? startupPath() : commandLine.file;
    const bool opened = path.isEmpty() ? runWelcome() : openSchool(path, Context::Startup);
    if (!opened)
        return 1;
    // Go to the place before showing the window: only the page on show reads the school.
    if (commandLine.show) {
        if (const QString problem = window_->showPlace(*commandLine.show); !problem.isEmpty()) {
            printError(problem);
            showStatus(problem);
        }
    }
    window_->show();
    if (commandLine.show && commandLine.show->kind == ShowTarget::Kind::Setup)
        openSchoolSetup(setupPageIndex(commandLine.show->value));
    if (commandLine.show && commandLine.show->kind == ShowTarget::Kind::Import) {
        const QString file = commandLine.show->value;
        QTimer::singleShot(0, this, [this, file] { importRoster(file); });
    }
    return std::nullopt;
}

int AppController::setupPageIndex(const QString& name)
{
    if (name == QLatin1String("subjects"))
        return SubjectsSetup;
    if (name == QLatin1String("groups"))
        return GroupsSetup;
    if (name == QLatin1String("calendar"))
        return CalendarSetup;
    return StaffSetup;
}

std::optional<int> AppController::startScreenshot(const CommandLine& commandLine)
{
    screenshotMode_ = true;
    window_->setRemembersState(false);
    const QString path = commandLine.file.isEmpty() ? startupPath() : commandLine.file;
    if (path.isEmpty()) {
        printError(tr("waymark: there is no school file to open; name one on the command line."));
        return 2;
    }
    try {
        openSchoolOrThrow(path);
    } catch (const StorageError& error) {
        printError(tr("waymark: %1").arg(error.message()));
        return 2;
    }
    if (const QString& notice = document_->session()->db().recoveryNotice(); !notice.isEmpty())
        printError(tr("waymark: %1").arg(notice));
    // The picture is of the window a teacher would see: the whole screen up to 1366×768 (in the
    // screen's own units, so QT_SCALE_FACTOR=1.5 on a 1366×768 screen gives a 910×512 window).
    QSize size = kScreenshotSize;
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size());
    window_->resize(size.expandedTo(window_->minimumSizeHint()));
    if (commandLine.show) {
        if (const QString problem = window_->showPlace(*commandLine.show); !problem.isEmpty()) {
            printError(tr("waymark: %1").arg(problem));
            return 3;
        }
    }
    window_->show();
    // Set-up and import are pictured as their own windows, as a teacher sees them.
    QWidget* pictured = window_.get();
    std::unique_ptr<ImportWizard> wizard;
    if (commandLine.show && commandLine.show->kind == ShowTarget::Kind::Setup) {
        openSchoolSetup(setupPageIndex(commandLine.show->value));
        if (!setupDialog_) {
            printError(tr("waymark: School Set-up is not offered for a school opened read-only."));
            return 3;
        }
        pictured = setupDialog_;
    } else if (commandLine.show && commandLine.show->kind == ShowTarget::Kind::Import) {
        wizard = std::make_unique<ImportWizard>(document_->session()->db(), settings_, document_->today(),
                                                window_.get());
        wizard->setPath(commandLine.show->value);
        wizard->show();
        // As far as the preview, or wherever the wizard stops (a CSV whose columns need choosing).
        for (int page = 0; page < 3 && wizard->currentId() != ImportWizard::PreviewPage; ++page) {
            const int before = wizard->currentId();
            wizard->next();
            if (wizard->currentId() == before)
                break;
        }
        pictured = wizard.get();
    }
    // Let layouts settle and deferred (zero-timer) refreshes run; grab() then paints the window.
    // No fixed wait: the start-up benchmark times this path against a bare window.
    for (int round = 0; round < 10; ++round) {
        QCoreApplication::sendPostedEvents();
        QApplication::processEvents(QEventLoop::AllEvents);
    }
    const QPixmap picture = pictured->grab();
    if (picture.isNull() || !picture.save(commandLine.screenshot, "PNG")) {
        printError(tr("waymark: could not save the screenshot to “%1”.").arg(commandLine.screenshot));
        return 4;
    }
    window_->close();
    return 0;
}

void AppController::openSchoolOrThrow(const QString& path, Database::Options options)
{
    auto session = SchoolSession::open(QFileInfo(path).absoluteFilePath(), options);
    document_->setSession(std::move(session));
    rememberOpened(path);
}

bool AppController::openSchool(const QString& path, Context context)
{
    QString next = path;
    Database::Options options;
    while (!next.isEmpty()) {
        const SchoolSession* current = document_->session();
        if (current && QFileInfo(current->path()) == QFileInfo(next)) {
            showStatus(tr("That school is already open."));
            return true;
        }
        try {
            openSchoolOrThrow(next, options);
            if (document_->isReadOnly())
                showStatus(tr("Opened read-only: changes cannot be saved."));
            if (const QString& notice = document_->session()->db().recoveryNotice(); !notice.isEmpty())
                reportRecovery(notice);
            return true;
        } catch (const StorageError& error) {
            switch (reportOpenError(next, error, context)) {
            case AfterOpenError::OpenAnother:
                next = chooseFileToOpen();
                options = {};
                break;
            case AfterOpenError::OpenReadOnly:
                options.allowUnexpectedSchema = true;
                break;
            case AfterOpenError::Stop:
                next.clear();
                break;
            }
        }
    }
    return false;
}

AppController::AfterOpenError AppController::reportOpenError(const QString& path, const StorageError& error,
                                                             Context context)
{
    QMessageBox box(QMessageBox::Warning, tr("Waymark"),
                    tr("Waymark could not open “%1”.").arg(QFileInfo(path).fileName()), QMessageBox::NoButton,
                    window_->isVisible() ? window_.get() : nullptr);
    box.setObjectName(QStringLiteral("openErrorBox"));
    QString detail = error.message();
    if (error.kind() != StorageError::Kind::NotFound && !detail.contains(tr("has not been changed")))
        detail += QStringLiteral("\n\n") + tr("The file has not been changed.");
    box.setInformativeText(detail);
    // A file changed by another program can still be looked at safely: read-only, nothing in it runs.
    QPushButton* readOnly = nullptr;
    if (error.kind() == StorageError::Kind::UnexpectedSchema)
        readOnly = box.addButton(tr("Open &Read-Only"), QMessageBox::ActionRole);
    QPushButton* another = box.addButton(tr("&Open Another File…"), QMessageBox::AcceptRole);
    QPushButton* stop =
        box.addButton(context == Context::Startup ? tr("&Quit") : tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(another);
    box.setEscapeButton(stop);
    box.exec();
    if (readOnly && box.clickedButton() == readOnly)
        return AfterOpenError::OpenReadOnly;
    return box.clickedButton() == another ? AfterOpenError::OpenAnother : AfterOpenError::Stop;
}

void AppController::reportRecovery(const QString& notice)
{
    QMessageBox box(QMessageBox::Warning, tr("Waymark"), tr("Some recent changes could not be recovered."),
                    QMessageBox::Ok, window_->isVisible() ? window_.get() : nullptr);
    box.setObjectName(QStringLiteral("recoveryNoticeBox"));
    box.setInformativeText(notice);
    box.exec();
}

QString AppController::chooseFileToOpen()
{
    if (fileChooser_)
        return fileChooser_();
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (const SchoolSession* session = document_->session())
        folder = QFileInfo(session->path()).absolutePath();
    return QFileDialog::getOpenFileName(window_->isVisible() ? window_.get() : nullptr, tr("Open a School File"),
                                        folder, fileFilter());
}

void AppController::openWithDialog()
{
    if (const QString path = chooseFileToOpen(); !path.isEmpty())
        openSchool(path);
}

void AppController::rememberOpened(const QString& path)
{
    if (screenshotMode_)
        return;
    settings_.addRecentFile(path);
    settings_.setLastOpenedFile(path);
    settings_.sync();
    window_->actions().setRecentFiles(settings_.recentFiles());
}

void AppController::showStatus(const QString& message)
{
    window_->statusBar()->showMessage(message, 8000);
}

bool AppController::runWelcome()
{
    for (;;) {
        WelcomeDialog welcome;
        if (welcome.exec() != QDialog::Accepted)
            return false;
        switch (welcome.choice()) {
        case WelcomeDialog::Choice::CreateSchool: {
            // Suggested: Waymark's own data folder (kept out of synced folders); the teacher may
            // type or browse to another place.
            const QString folder = QFileInfo(filetasks::defaultSchoolPath()).absolutePath();
            QDir().mkpath(folder);
            NewSchoolDialog dialog(folder);
            if (dialog.exec() == QDialog::Accepted && createSchoolAt(dialog.filePath(), dialog.schoolName()))
                return true;
            break;
        }
        case WelcomeDialog::Choice::OpenDemo:
            if (openDemoSchool())
                return true;
            break;
        case WelcomeDialog::Choice::OpenFile:
            if (const QString path = chooseFileToOpen(); !path.isEmpty() && openSchool(path, Context::Running))
                return true;
            break;
        case WelcomeDialog::Choice::None:
            return false;
        }
    }
}

bool AppController::createSchoolAt(const QString& path, const QString& name)
{
    try {
        filetasks::createSchool(path, name);
    } catch (const StorageError& error) {
        QMessageBox::warning(window_->isVisible() ? window_.get() : nullptr, tr("Waymark"),
                             tr("The new school could not be created.") + QStringLiteral("\n\n") + error.message());
        return false;
    }
    return openSchool(path);
}

void AppController::newSchool()
{
    const QString folder = document_->session() ? QFileInfo(document_->session()->path()).absolutePath()
                                                : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    NewSchoolDialog dialog(folder, {}, window_.get());
    if (dialog.exec() == QDialog::Accepted)
        createSchoolAt(dialog.filePath(), dialog.schoolName());
}

bool AppController::openDemoSchool()
{
    const QString path = filetasks::demoSchoolPath();
    if (!QFileInfo::exists(path)) {
        DemoOptions options;
        options.pupils = 240;
        options.years = 1;
        options.today = document_->today();
        try {
            if (!filetasks::generateDemoSchool(window_->isVisible() ? window_.get() : nullptr, path, options))
                return false; // cancelled: nothing was left behind
        } catch (const StorageError& error) {
            QMessageBox::warning(window_->isVisible() ? window_.get() : nullptr, tr("Waymark"),
                                 tr("The demo school could not be built.") + QStringLiteral("\n\n") + error.message());
            return false;
        }
    }
    return openSchool(path);
}

void AppController::editSchoolDetails()
{
    SchoolSession* session = document_->session();
    if (!session || session->isReadOnly())
        return;
    std::optional<setup::SchoolDetails> typed;
    QString refused;
    for (;;) {
        const setup::SchoolDetails before = setup::schoolDetails(session->db());
        SchoolDetailsDialog dialog(before, window_.get());
        if (typed)
            dialog.setTyped(*typed); // what was refused, to try again over the newer details
        if (!refused.isEmpty()) {
            // Said over the dialog once it is on screen.
            QTimer::singleShot(0, &dialog, [&dialog, refused] { QMessageBox::warning(&dialog, tr("Waymark"), refused); });
        }
        if (dialog.exec() != QDialog::Accepted)
            return;
        // The first write happens inside push(); one refused (changed elsewhere meanwhile, disk full)
        // brings the dialog back with the teacher's values. Later undo/redo problems are said once the
        // step is over.
        auto firstWrite = std::make_shared<std::optional<QString>>();
        auto* command = new ChangeSchoolDetails(session->db(), before, dialog.details(),
                                                [this, firstWrite](const QString& problem) {
                                                    if (!firstWrite->has_value()) {
                                                        *firstWrite = problem;
                                                        return;
                                                    }
                                                    showStatus(problem);
                                                    QMetaObject::invokeMethod(
                                                        this,
                                                        [this, problem] {
                                                            QMessageBox::warning(window_.get(), tr("Waymark"), problem);
                                                        },
                                                        Qt::QueuedConnection);
                                                });
        document_->undoStack().push(command);
        if (!firstWrite->has_value()) {
            *firstWrite = QString(); // written: from now on, problems are undo's and redo's
            return;
        }
        refused = **firstWrite;
        if (refused.isEmpty())
            return;
        typed = dialog.details();
    }
}

void AppController::addPupil()
{
    SchoolSession* session = document_->session();
    if (!session || session->isReadOnly())
        return;
    const QDate today = document_->today();
    AddPupilDialog dialog([session, today](const setup::NewPupil& p) { return setup::problemsWithNewPupil(session->db(), p, today); },
                          today, window_.get());
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto* command = new AddPupilCommand(session->db(), dialog.pupil(), today, [this](const QString& problem) {
        showStatus(problem);
        QMetaObject::invokeMethod(
            this, [this, problem] { QMessageBox::warning(window_.get(), tr("Waymark"), problem); }, Qt::QueuedConnection);
    });
    // Their page opens once they are added (the command belongs to the stack from here on).
    command->onAdded([this](RowId id) {
        QMetaObject::invokeMethod(this, [this, id] { window_->showPupil(id); }, Qt::QueuedConnection);
    });
    document_->undoStack().push(command);
}

void AppController::importRoster(const QString& path)
{
    SchoolSession* session = document_->session();
    if (!session || session->isReadOnly())
        return;
    if (PupilPage* page = window_->pupilPage())
        page->commitPendingEdits();
    ImportWizard wizard(session->db(), settings_, document_->today(), window_.get());
    wizard.setObjectName(QStringLiteral("importWizard"));
    if (!path.isEmpty())
        wizard.setPath(path);
    if (wizard.exec() != QDialog::Accepted)
        return;
    // Progress with Cancel: a cancelled import writes nothing (one transaction).
    QProgressDialog progress(tr("Importing…"), tr("Cancel"), 0, 100, window_.get());
    progress.setObjectName(QStringLiteral("importProgress"));
    // Nothing else may write while the import's transaction is open (set-up window included).
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(400);
    QString wizardText;
    auto* command = new ImportCommand(
        session->db(), wizard.plan(), document_->today(), wizard.leavers(),
        [&progress](int done, int total) {
            progress.setMaximum(total);
            progress.setValue(done);
            return !progress.wasCanceled();
        },
        [this](const QString& problem) {
            showStatus(problem);
            QMetaObject::invokeMethod(
                this, [this, problem] { QMessageBox::warning(window_.get(), tr("Waymark"), problem); },
                Qt::QueuedConnection);
        });
    wizardText = command->text();
    document_->undoStack().push(command); // command may be deleted here (obsolete: nothing written)
    progress.reset();
    // A cancelled or refused import is obsolete and gone from the stack; a written one is its top.
    const auto* top = dynamic_cast<const ImportCommand*>(
        document_->undoStack().command(document_->undoStack().index() - 1));
    if (top && top->text() == wizardText && top->applied() && !top->isObsolete()) {
        const importing::ImportResult& r = top->result();
        showStatus(tr("Imported: %1 pupils new, %2 updated, %3 unchanged. Edit ▸ Undo takes the whole import back.")
                       .arg(r.created)
                       .arg(r.updated)
                       .arg(r.unchanged));
    }
}

std::function<void(const QString&)> AppController::problemReporter()
{
    return [this](const QString& problem) {
        showStatus(problem);
        QMetaObject::invokeMethod(
            this, [this, problem] { QMessageBox::warning(window_.get(), tr("Waymark"), problem); },
            Qt::QueuedConnection);
    };
}

void AppController::openSchoolSetup(int page)
{
    SchoolSession* session = document_->session();
    if (!session || session->isReadOnly())
        return;
    if (!setupDialog_) {
        setupDialog_ = new SchoolSetupDialog(window_.get());
        setupDialog_->setObjectName(QStringLiteral("schoolSetup"));
        setupDialog_->setAttribute(Qt::WA_DeleteOnClose, false);
        auto* staff = new StaffPage(session->db(), document_->undoStack(), document_->today(), problemReporter());
        setupDialog_->addPage(staff, tr("S&taff"), [staff] { staff->reload(); });
        auto* subjects = new SubjectsPage(session->db(), document_->undoStack(), problemReporter());
        setupDialog_->addPage(subjects, tr("Sub&jects"), [subjects] { subjects->reload(); });
        auto* groups = new GroupsPage(session->db(), document_->undoStack(), document_->today(), problemReporter());
        setupDialog_->addPage(groups, tr("Gr&oups"), [groups] { groups->reload(); });
        auto* calendar = new CalendarPage(session->db(), document_->undoStack(), document_->today(), problemReporter());
        setupDialog_->addPage(calendar, tr("Calen&dar"), [calendar] { calendar->reload(); });
        connect(session, &SchoolSession::changed, setupDialog_, &SchoolSetupDialog::reload);
    }
    setupDialog_->show();
    setupDialog_->raise();
    setupDialog_->activateWindow();
    setupDialog_->showPage(page);
}

void AppController::updatePupilActions()
{
    if (!window_)
        return; // the window is being taken down
    QAction* action = window_->actions().markLeft;
    SchoolSession* session = document_->session();
    PupilPage* page = window_->pupilPage();
    const bool onPage = session && !session->isReadOnly() && page && page->isVisible() && page->pupilId() != 0;
    std::optional<setup::PupilStanding> standing;
    if (onPage)
        standing = setup::pupilStanding(session->db(), page->pupilId());
    action->setEnabled(standing.has_value());
    action->setText(standing && standing->leftOn.isValid() && standing->leftOn <= document_->today()
                        ? tr("Re-&admit Pupil")
                        : tr("Mark Pupil as &Left…"));
    MarkingPage* marking = window_->markingPage();
    // On show, or about to be (the window itself may not be shown yet, when it opens at a task).
    const bool onTask = session && marking && window_->pages()->currentWidget() == marking && marking->taskId() != 0;
    window_->actions().copyTask->setEnabled(onTask && !session->isReadOnly());
    for (QAction* a : {window_->actions().classFeedback, window_->actions().printSlips,
                       window_->actions().printClassSheet})
        a->setEnabled(onTask);
}

void AppController::markPupilLeft()
{
    updatePupilActions();
    SchoolSession* session = document_->session();
    PupilPage* page = window_->pupilPage();
    if (!session || !page || !window_->actions().markLeft->isEnabled())
        return;
    page->commitPendingEdits();
    const RowId id = page->pupilId();
    const std::optional<setup::PupilStanding> standing = setup::pupilStanding(session->db(), id);
    if (!standing)
        return;
    QDate after;
    if (!(standing->leftOn.isValid() && standing->leftOn <= document_->today())) {
        LeaveDialog dialog(standing->name, standing->startedOn, document_->today(), window_.get());
        dialog.setObjectName(QStringLiteral("leaveDialog"));
        if (dialog.exec() != QDialog::Accepted)
            return;
        after = dialog.leftOn();
    }
    document_->undoStack().push(
        new SetPupilLeftCommand(session->db(), id, standing->name, standing->leftOn, after, problemReporter()));
    updatePupilActions();
}

void AppController::startNewYear()
{
    SchoolSession* session = document_->session();
    if (!session || session->isReadOnly())
        return;
    if (PupilPage* page = window_->pupilPage())
        page->commitPendingEdits();
    // The year to start is the next one; in September, the one just begun, if it has not been
    // started yet (a school that forgot in the summer holiday).
    const QDate today = document_->today();
    int from = SchoolCalendar::academicYearOf(today);
    if (today.month() == 9 && !setup::planNewYear(session->db(), from - 1).alreadyStarted)
        from -= 1;
    NewYearDialog dialog(setup::planNewYear(session->db(), from), window_.get());
    dialog.setObjectName(QStringLiteral("newYearDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    document_->undoStack().push(
        new StartNewYearCommand(session->db(), dialog.plan(), dialog.leavers(), problemReporter()));
}

void AppController::backUp()
{
    const SchoolSession* session = document_->session();
    if (!session)
        return;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(filetasks::suggestedBackupName(session->schoolName(), document_->today()));
    const QString dest = QFileDialog::getSaveFileName(window_.get(), tr("Back Up the School"), suggested, fileFilter());
    // The save dialog has already asked before replacing a file.
    if (!dest.isEmpty())
        backUpTo(dest, QFileInfo::exists(dest));
}

bool AppController::backUpTo(const QString& dest, bool replaceExisting)
{
    SchoolSession* session = document_->session();
    if (!session)
        return false;
    if (PupilPage* page = window_->pupilPage())
        page->commitPendingEdits(); // the copy should hold what is on screen
    try {
        if (!filetasks::backUp(window_.get(), session->db(), dest, replaceExisting)) {
            showStatus(tr("Back-up cancelled; nothing was written."));
            return false;
        }
    } catch (const StorageError& error) {
        QMessageBox box(QMessageBox::Warning, tr("Waymark"), tr("The back-up could not be made."), QMessageBox::Ok,
                        window_.get());
        box.setObjectName(QStringLiteral("backupErrorBox"));
        box.setInformativeText(error.message());
        box.exec();
        return false;
    }
    showStatus(tr("Backed up to %1").arg(QDir::toNativeSeparators(dest)));
    return true;
}

} // namespace waymark
