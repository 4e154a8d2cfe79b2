#include "shell/mainactions.h"

#include "icons.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QUndoStack>

namespace waymark {

namespace {
QAction* make(QObject* parent, const QString& text, const QString& icon, const QKeySequence& shortcut = {})
{
    auto* action = new QAction(text, parent);
    if (!icon.isEmpty())
        action->setIcon(icons::themed(icon));
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}
} // namespace

MainActions::MainActions(QMainWindow& window, QUndoStack& undoStack) : QObject(&window)
{
    newSchool = make(&window, tr("&New School…"), QStringLiteral("new"), QKeySequence::New);
    open = make(&window, tr("&Open…"), QStringLiteral("open"), QKeySequence::Open);
    schoolDetails = make(&window, tr("School &Details…"), QString());
    schoolDetails->setStatusTip(tr("The school's name, URN, DfE number and phase."));
    addPupil = make(&window, tr("Add &Pupil…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    addPupil->setStatusTip(tr("Add a pupil by hand (the UPN is checked as you type)."));
    importRoster = make(&window, tr("&Import from MIS…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    importRoster->setStatusTip(
        tr("Bring pupils, staff and groups in from the school's MIS: a CSV export, School Data Sync, OneRoster or a "
           "Common Transfer File."));
    backUp = make(&window, tr("&Back Up…"), QStringLiteral("backup"));
    backUp->setStatusTip(tr("Save a copy of the whole school to another file or a USB stick."));
    schoolSetup = make(&window, tr("School &Set-up…"), QString(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    schoolSetup->setStatusTip(tr("The school's staff, subjects, groups and calendar."));
    markLeft = make(&window, tr("Mark Pupil as &Left…"), QString());
    markLeft->setStatusTip(tr("Mark the pupil on show as having left (never deleted), or re-admit them."));
    newYear = make(&window, tr("Start New Academic &Year…"), QString());
    newYear->setStatusTip(tr("Next year's calendar, everyone up a year group, and this year's leavers."));
    newTask = make(&window, tr("&New Task…"), QString(), QKeySequence(Qt::CTRL | Qt::Key_T));
    newTask->setStatusTip(tr("Set a piece of work for a group: its learning intention, success criteria and scale."));
    copyTask = make(&window, tr("&Copy Task…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    copyTask->setStatusTip(tr("The task on show again, for this or another group, with no marks."));
    classFeedback = make(&window, tr("&Whole-Class Feedback"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    classFeedback->setStatusTip(tr("Counts per light and criterion, who to revisit and praise, and the class's notes."));
    printSlips = make(&window, tr("&Print Feedback Slips…"), QStringLiteral("print"), QKeySequence::Print);
    printSlips->setStatusTip(tr("A slip for each pupil marked, six to a page, to stick in books."));
    printClassSheet = make(&window, tr("Print &Class Sheet…"), QString());
    printClassSheet->setStatusTip(tr("The whole-class feedback sheet for the task on show."));
    quit = make(&window, tr("&Quit"), QStringLiteral("quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    // The stack's own actions carry the command's text ("Undo Change target text").
    undo = undoStack.createUndoAction(&window, tr("&Undo"));
    undo->setIcon(icons::themed(QStringLiteral("undo")));
    undo->setShortcut(QKeySequence::Undo);
    redo = undoStack.createRedoAction(&window, tr("&Redo"));
    redo->setIcon(icons::themed(QStringLiteral("redo")));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    // The stack re-enables its actions as commands come and go; a read-only school keeps them off.
    for (QAction* action : {undo, redo}) {
        connect(action, &QAction::changed, this, [this, action] {
            if (readOnly_ && action->isEnabled())
                action->setEnabled(false);
        });
    }

    dashboard = make(&window, tr("&Dashboard"), QStringLiteral("dashboard"), QKeySequence(Qt::CTRL | Qt::Key_1));
    focusSearch = make(&window, tr("&Find Pupil or Group"), QStringLiteral("search"), QKeySequence::Find);
    searchRecords = make(&window, tr("&Search Feedback, Notes, Targets and Plans"), QStringLiteral("search"),
                         QKeySequence(Qt::CTRL | Qt::Key_K));
    about = make(&window, tr("&About Waymark"), QStringLiteral("about"));
    about->setMenuRole(QAction::AboutRole);

    QMenu* file = schoolMenu = window.menuBar()->addMenu(tr("&File"));
    file->addAction(newSchool);
    file->addAction(open);
    recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(schoolDetails);
    file->addAction(schoolSetup);
    file->addAction(addPupil);
    file->addAction(markLeft);
    file->addAction(importRoster);
    file->addAction(newYear);
    file->addSeparator();
    file->addAction(backUp);
    file->addSeparator();
    file->addAction(quit);

    editMenu = window.menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(undo);
    editMenu->addAction(redo);

    markingMenu = window.menuBar()->addMenu(tr("Mar&king"));
    markingMenu->addAction(newTask);
    markingMenu->addAction(copyTask);
    markingMenu->addSeparator();
    markingMenu->addAction(classFeedback);
    markingMenu->addAction(printSlips);
    markingMenu->addAction(printClassSheet);

    QMenu* view = window.menuBar()->addMenu(tr("&View"));
    view->addAction(dashboard);
    view->addAction(focusSearch);
    view->addAction(searchRecords);
    view->addSeparator();
    QMenu* appearance = view->addMenu(tr("&Appearance"));
    auto* appearances = new QActionGroup(this);
    for (auto [slot, text] : {std::pair{&appearanceSystem, tr("Follow the &System")},
                              std::pair{&appearanceLight, tr("&Light")}, std::pair{&appearanceDark, tr("&Dark")}}) {
        *slot = appearance->addAction(text);
        (*slot)->setCheckable(true);
        appearances->addAction(*slot);
    }
    appearanceSystem->setChecked(true);

    QMenu* help = window.menuBar()->addMenu(tr("&Help"));
    help->addAction(about);

    setRecentFiles({});
    setSchoolState(false, false);
}

void MainActions::setRecentFiles(const QStringList& paths)
{
    recentMenu->clear();
    int shown = 0;
    for (const QString& path : paths) {
        if (!QFileInfo::exists(path))
            continue; // a file since moved or on a stick not plugged in
        ++shown;
        // "&1 school.waymark" gives each entry a number key; the full path is in the tooltip.
        const QString label = shown < 10 ? QStringLiteral("&%1 %2").arg(shown).arg(QFileInfo(path).fileName())
                                         : QFileInfo(path).fileName();
        QAction* action = recentMenu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRecentRequested(path); });
    }
    if (shown == 0) {
        QAction* none = recentMenu->addAction(tr("No recent files"));
        none->setEnabled(false);
        return;
    }
    recentMenu->addSeparator();
    connect(recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, &MainActions::clearRecentRequested);
}

void MainActions::setSchoolState(bool schoolOpen, bool readOnly)
{
    readOnly_ = readOnly;
    backUp->setEnabled(schoolOpen);
    schoolDetails->setEnabled(schoolOpen && !readOnly);
    addPupil->setEnabled(schoolOpen && !readOnly);
    importRoster->setEnabled(schoolOpen && !readOnly);
    schoolSetup->setEnabled(schoolOpen && !readOnly);
    newYear->setEnabled(schoolOpen && !readOnly);
    markLeft->setEnabled(false); // until a pupil is on show (MainWindow)
    newTask->setEnabled(schoolOpen && !readOnly);
    copyTask->setEnabled(false); // until a task is on show (MainWindow)
    for (QAction* a : {classFeedback, printSlips, printClassSheet})
        a->setEnabled(false);
    if (readOnly) {
        undo->setEnabled(false);
        redo->setEnabled(false);
    }
}

} // namespace waymark
