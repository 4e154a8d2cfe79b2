#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QMainWindow;
class QMenu;
class QUndoStack;

namespace waymark {

// The main window's menus and their actions (File, Edit, View, Help), with shortcuts and mnemonics.
// It only builds and enables them; whoever owns the work connects to their triggered() signals.
class MainActions final : public QObject
{
    Q_OBJECT

public:
    MainActions(QMainWindow& window, QUndoStack& undoStack);

    QAction* newSchool = nullptr;
    QAction* open = nullptr;
    QAction* schoolDetails = nullptr;
    QAction* addPupil = nullptr;
    QAction* importRoster = nullptr;
    QAction* schoolSetup = nullptr;
    QAction* markLeft = nullptr; // "Mark Pupil as Left…" or "Re-admit Pupil", for the pupil on show
    QAction* newYear = nullptr;
    QMenu* schoolMenu = nullptr;
    QAction* backUp = nullptr;
    QAction* quit = nullptr;
    // Marking: a task for the group (or task's group) on show, or a copy of the task on show.
    QAction* newTask = nullptr;
    QAction* copyTask = nullptr;
    QAction* classFeedback = nullptr; // the whole class's feedback beside the grid
    QAction* printSlips = nullptr;
    QAction* printClassSheet = nullptr;
    QMenu* markingMenu = nullptr;
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QAction* dashboard = nullptr;
    QAction* focusSearch = nullptr;
    QAction* searchRecords = nullptr; // Ctrl+K: the search across feedback, notes, targets and plans
    // View ▸ Appearance: one of the three is checked.
    QAction* appearanceSystem = nullptr;
    QAction* appearanceLight = nullptr;
    QAction* appearanceDark = nullptr;
    QAction* about = nullptr;
    QMenu* recentMenu = nullptr;
    QMenu* editMenu = nullptr;

    void setRecentFiles(const QStringList& paths);
    // Back up needs an open school; undo and redo also need it to be writable.
    void setSchoolState(bool schoolOpen, bool readOnly);

Q_SIGNALS:
    void openRecentRequested(const QString& path);
    void clearRecentRequested();

private:
    bool readOnly_ = false;
};

} // namespace waymark
