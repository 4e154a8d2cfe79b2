#pragma once

#include "app/commandline.h"
#include "domain/entity.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QLabel;
class QSplitter;
class QStackedWidget;

namespace waymark {

class DashboardPage;
class FocusRing;
class GroupPage;
class MarkingPage;
class MainActions;
class MessageBanner;
class PupilPage;
class RecordSearch;
struct SearchHit;
class SchoolDocument;
class Settings;
class Sidebar;

// The main window: the sidebar on the left; on the right the read-only banner over a stack of pages
// (dashboard, group, pupil). It follows the open school: rebuilding the pages when another file is
// opened, and refreshing them after each committed write.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(SchoolDocument& document, Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    MainActions& actions() const { return *actions_; }
    Sidebar* sidebar() const { return sidebar_; }
    DashboardPage* dashboardPage() const { return dashboard_; }
    GroupPage* groupPage() const { return groupPage_; }
    PupilPage* pupilPage() const { return pupilPage_; } // nullptr while no school is open
    MarkingPage* markingPage() const { return markingPage_; } // nullptr while no school is open
    MessageBanner* readOnlyBanner() const { return banner_; }
    FocusRing* focusRing() const;
    RecordSearch* recordSearch() const { return recordSearch_; }
    QStackedWidget* pages() const { return pages_; }

    void showDashboard();
    bool showPupil(RowId pupilId);
    bool showGroup(RowId groupId);
    bool showTask(RowId taskId);
    // Opens the pupil of a search result at that record.
    bool showSearchHit(const SearchHit& hit);
    // Goes to a --show place; an empty string, or a sentence saying what could not be found.
    QString showPlace(const ShowTarget& target);

    void restoreWindowState();
    void saveWindowState();
    // Screenshots and checks do not change the teacher's remembered window.
    void setRemembersState(bool remembers) { remembersState_ = remembers; }

    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onAboutToReplace();
    void onReplaced();
    void onTablesChanged(const QSet<QString>& tables);
    void refreshChanged();
    void updateTitle();

    SchoolDocument& document_;
    Settings& settings_;
    MainActions* actions_;
    QSplitter* splitter_;
    Sidebar* sidebar_;
    MessageBanner* banner_;
    RecordSearch* recordSearch_;
    QStackedWidget* pages_;
    DashboardPage* dashboard_;
    GroupPage* groupPage_;
    PupilPage* pupilPage_ = nullptr;
    MarkingPage* markingPage_ = nullptr;
    QLabel* fileLabel_;
    QTimer refreshTimer_;
    QSet<QString> pendingTables_;
    bool remembersState_ = true;
    bool sidebarSized_ = false;
    QPointer<FocusRing> focusRing_; // by a remembered splitter, or when first shown
};

} // namespace waymark
