#include "shell/mainwindow.h"

#include "app/schooldocument.h"
#include "app/version.h"
#include "dashboard/dashboardpage.h"
#include "domain/entities.h"
#include "group/grouppage.h"
#include "icons.h"
#include "marking/markingpage.h"
#include "marking/markingview.h"
#include "pupil/pupilpage.h"
#include "queries/rosterqueries.h"
#include "queries/search.h"
#include "repo/repository.h"
#include "search/recordsearch.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "shell/mainactions.h"
#include "shell/messagebanner.h"
#include "shell/windowgeometry.h"
#include "sidebar/sidebar.h"
#include "widgets/focusring.h"
#include "widgets/undokeys.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCloseEvent>
#include <QKeyEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace waymark {

namespace {
bool touches(const QSet<QString>& changed, std::initializer_list<const char*> tables)
{
    for (const char* table : tables) {
        if (changed.contains(QLatin1String(table)))
            return true;
    }
    return false;
}
} // namespace

MainWindow::MainWindow(SchoolDocument& document, Settings& settings, QWidget* parent)
    : QMainWindow(parent), document_(document), settings_(settings),
      actions_(new MainActions(*this, document.undoStack())), splitter_(new QSplitter(Qt::Horizontal, this)),
      sidebar_(new Sidebar(splitter_)), banner_(new MessageBanner(this)), recordSearch_(new RecordSearch(this)),
      pages_(new QStackedWidget(this)),
      dashboard_(new DashboardPage(pages_)), groupPage_(new GroupPage(pages_)), fileLabel_(new QLabel(this))
{
    // The Edit menu names what Undo will undo: typing still waiting to be written is a step first.
    connect(actions_->editMenu, &QMenu::aboutToShow, this, [this] {
        if (PupilPage* page = pupilPage())
            page->commitPendingEdits();
        if (markingPage_)
            markingPage_->commitPendingEdits();
    });
    setWindowIcon(icons::app());
    setObjectName(QStringLiteral("MainWindow")); // saveState() needs a name
    // Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y are the app's Undo and Redo wherever the focus is (eventFilter).
    qApp->installEventFilter(this);
    // The box, list or table with the keyboard is ringed, whatever the style draws.
    focusRing_ = new FocusRing(this);

    auto* right = new QWidget(splitter_);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(banner_);
    rightLayout->addWidget(pages_, 1);
    banner_->hide();
    pages_->addWidget(dashboard_);
    pages_->addWidget(groupPage_);

    splitter_->addWidget(sidebar_);
    splitter_->addWidget(right);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);
    sidebar_->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    setCentralWidget(splitter_);
    // The search across the school sits at the right of the menu bar, where it costs no height (a
    // 1366×768 laptop at 200% has 384 points); where the desktop draws the menu bar, above the pages.
    if (menuBar()->isNativeMenuBar())
        rightLayout->insertWidget(0, recordSearch_);
    else
        menuBar()->setCornerWidget(recordSearch_, Qt::TopRightCorner);
    setTabOrder(sidebar_->searchField(), sidebar_->tree());
    setTabOrder(sidebar_->tree(), recordSearch_->field());

    statusBar()->addPermanentWidget(fileLabel_);

    refreshTimer_.setSingleShot(true);
    refreshTimer_.setInterval(50); // a burst of writes (typing, an import) refreshes once
    connect(&refreshTimer_, &QTimer::timeout, this, &MainWindow::refreshChanged);

    connect(actions_->dashboard, &QAction::triggered, this, &MainWindow::showDashboard);
    connect(actions_->focusSearch, &QAction::triggered, sidebar_, &Sidebar::focusSearch);
    connect(actions_->searchRecords, &QAction::triggered, recordSearch_, &RecordSearch::focusField);
    connect(recordSearch_, &RecordSearch::hitChosen, this, &MainWindow::showSearchHit);
    connect(actions_->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(actions_->quit, &QAction::triggered, this, &QWidget::close);
    connect(sidebar_, &Sidebar::pupilActivated, this, &MainWindow::showPupil);
    connect(sidebar_, &Sidebar::groupActivated, this, &MainWindow::showGroup);
    connect(dashboard_, &DashboardPage::pupilActivated, this, &MainWindow::showPupil);
    connect(dashboard_, &DashboardPage::schoolDetailsRequested, actions_->schoolDetails, &QAction::trigger);
    connect(dashboard_, &DashboardPage::importRequested, actions_->importRoster, &QAction::trigger);
    for (LazyPage* page : {static_cast<LazyPage*>(dashboard_), static_cast<LazyPage*>(groupPage_)}) {
        connect(page, &LazyPage::problem, this, [this](const QString& message) {
            statusBar()->showMessage(tr("Could not read the school file: %1").arg(message), 15000);
        });
    }
    connect(groupPage_, &GroupPage::pupilActivated, this, &MainWindow::showPupil);
    connect(groupPage_, &GroupPage::taskActivated, this, &MainWindow::showTask);
    connect(groupPage_, &GroupPage::awaitedActivated, this, [this](RowId task, RowId pupil) {
        if (showTask(task))
            markingPage_->showResponseOf(pupil);
    });
    connect(groupPage_, &GroupPage::newTaskRequested, actions_->newTask, &QAction::trigger);
    connect(&document_, &SchoolDocument::aboutToReplace, this, &MainWindow::onAboutToReplace);
    connect(&document_, &SchoolDocument::replaced, this, &MainWindow::onReplaced);

    actions_->setRecentFiles(settings_.recentFiles());
    onReplaced();
}

MainWindow::~MainWindow()
{
    // Pages hold the session by reference: let them go while it is still alive.
    onAboutToReplace();
}

void MainWindow::onAboutToReplace()
{
    refreshTimer_.stop();
    pendingTables_.clear();
    if (pupilPage_)
        pupilPage_->commitPendingEdits(); // typing not yet written belongs to the school being closed
    if (SchoolSession* session = document_.session())
        disconnect(session, nullptr, this, nullptr);
    // Pages let go of the school first: deleting the pupil page shows another page, which must not
    // read the file being closed.
    sidebar_->setSession(nullptr, {});
    recordSearch_->setSession(nullptr);
    dashboard_->setSession(nullptr, {});
    groupPage_->setSession(nullptr, {});
    if (markingPage_)
        markingPage_->commitPendingEdits();
    delete pupilPage_;
    pupilPage_ = nullptr;
    delete markingPage_;
    markingPage_ = nullptr;
}

void MainWindow::onReplaced()
{
    SchoolSession* session = document_.session();
    const bool readOnly = document_.isReadOnly();
    if (session) {
        pupilPage_ = new PupilPage(*session, document_.undoStack(), pages_);
        pupilPage_->setToday(document_.today());
        pupilPage_->setReadOnly(readOnly);
        pages_->addWidget(pupilPage_);
        connect(pupilPage_, &PupilPage::pupilShown, sidebar_, &Sidebar::selectPupil);
        connect(pupilPage_, &PupilPage::awaitedActivated, this, [this](RowId task, RowId pupil) {
            if (showTask(task))
                markingPage_->showResponseOf(pupil);
        });
        markingPage_ = new MarkingPage(*session, document_.undoStack(), pages_);
        markingPage_->setToday(document_.today());
        markingPage_->setReadOnly(readOnly);
        pages_->addWidget(markingPage_);
        connect(markingPage_, &MarkingPage::pupilActivated, this, &MainWindow::showPupil);
        connect(markingPage_, &LazyPage::problem, this,
                [this](const QString& message) { statusBar()->showMessage(message, 15000); });
        connect(session, &SchoolSession::changed, this, &MainWindow::onTablesChanged);
    }
    sidebar_->setSession(session, document_.today());
    recordSearch_->setSession(session);
    // The pages read the school when shown: at start-up, only the one the app opens on.
    dashboard_->setSession(session, document_.today());
    groupPage_->setSession(session, document_.today());

    banner_->setVisible(readOnly);
    if (readOnly)
        banner_->setText(tr("<b>Read-only:</b> %1").arg(session->readOnlyReason().toHtmlEscaped()));
    actions_->setSchoolState(session != nullptr, readOnly);
    pages_->setCurrentWidget(dashboard_);
    // The file's name in the status bar; where it is, on hovering (a long folder path crowds the bar).
    fileLabel_->setText(session ? QFileInfo(session->path()).fileName() : QString());
    fileLabel_->setToolTip(session ? QDir::toNativeSeparators(session->path()) : QString());
    fileLabel_->setAccessibleName(tr("School file"));
    fileLabel_->setAccessibleDescription(fileLabel_->toolTip());
    updateTitle();
}

void MainWindow::updateTitle()
{
    const SchoolSession* session = document_.session();
    if (!session) {
        setWindowTitle(tr("Waymark"));
        return;
    }
    const QString name = session->schoolName();
    QString title =
        tr("%1 — %2").arg(name.isEmpty() ? tr("Untitled school") : name, QFileInfo(session->path()).fileName());
    if (session->isReadOnly())
        title += QLatin1Char(' ') + tr("[read-only]");
    setWindowTitle(title + QStringLiteral(" — ") + tr("Waymark"));
}

void MainWindow::onTablesChanged(const QSet<QString>& tables)
{
    pendingTables_.unite(tables);
    refreshTimer_.start();
}

void MainWindow::refreshChanged()
{
    const QSet<QString> tables = std::exchange(pendingTables_, {});
    if (touches(tables, {"pupil", "pupil_group", "group_member"}))
        sidebar_->reload();
    // Only the page on show refreshes now; the others when they are next shown.
    if (touches(tables, {"pupil", "pupil_group", "group_member", "review", "target", "evidence", "staff", "school",
                         "calendar_half_term", "calendar_closure"})) {
        dashboard_->invalidate();
    }
    if (touches(tables, {"pupil", "pupil_group", "group_member", "staff", "subject", "task", "evidence", "feedback"}))
        groupPage_->invalidate();
    if (markingPage_ && touches(tables, {"pupil", "pupil_group", "group_member", "staff", "subject", "task",
                                         "success_criterion", "evidence", "criterion_judgement", "criterion_assessment",
                                         "feedback", "evidence_attachment", "scale", "rung"}))
        markingPage_->invalidate();
    if (tables.contains(QStringLiteral("school")))
        updateTitle();
}

void MainWindow::showDashboard()
{
    pages_->setCurrentWidget(dashboard_); // refreshes it first if stale
    sidebar_->clearChoice(); // the sidebar marks who is on show: nobody now
}

bool MainWindow::showPupil(RowId pupilId)
{
    SchoolSession* session = document_.session();
    if (!session || !pupilPage_ || !Repository<Pupil>(session->db()).find(pupilId))
        return false;
    if (pupilPage_->pupilId() != pupilId)
        pupilPage_->showPupil(pupilId);
    pages_->setCurrentWidget(pupilPage_);
    sidebar_->selectPupil(pupilId);
    return true;
}

bool MainWindow::showSearchHit(const SearchHit& hit)
{
    if (!showPupil(hit.pupilId))
        return false;
    return pupilPage_->showSearchHit(hit);
}

bool MainWindow::showGroup(RowId groupId)
{
    if (!document_.session())
        return false;
    if (groupPage_->groupId() != groupId || groupPage_->isStale()) {
        if (!groupPage_->showGroup(groupId))
            return false;
    }
    pages_->setCurrentWidget(groupPage_);
    sidebar_->selectGroup(groupId);
    return true;
}

bool MainWindow::showTask(RowId taskId)
{
    if (!markingPage_ || !markingPage_->showTask(taskId))
        return false;
    pages_->setCurrentWidget(markingPage_);
    markingPage_->view()->setFocus(Qt::OtherFocusReason);
    return true;
}

QString MainWindow::showPlace(const ShowTarget& target)
{
    SchoolSession* session = document_.session();
    if (!session)
        return tr("No school is open.");
    switch (target.kind) {
    case ShowTarget::Kind::Dashboard:
        showDashboard();
        return {};
    case ShowTarget::Kind::Pupil:
        if (const auto id = findPupilByUpn(session->db(), target.value); id && showPupil(*id))
            return {};
        return tr("There is no pupil with UPN %1 in this school.").arg(target.value);
    case ShowTarget::Kind::Group: {
        const int year = rosterYear(session->db(), document_.today());
        if (const auto group = findGroup(session->db(), target.value, year); group && showGroup(group->id))
            return {};
        return tr("There is no group called “%1” in %2.").arg(target.value, SchoolCalendar::academicYearLabel(year));
    }
    case ShowTarget::Kind::Task:
        if (showTask(target.value.toLongLong()))
            return {};
        return tr("There is no task %1 in this school file. waymark-cli tasks lists them.").arg(target.value);
    case ShowTarget::Kind::Setup:
    case ShowTarget::Kind::Import:
        showDashboard(); // the window behind; the app opens the set-up window or the wizard
        return {};
    }
    return {};
}

void MainWindow::restoreWindowState()
{
    restoreWindowGeometry(*this, settings_.windowGeometry());
    restoreState(settings_.windowState());
    if (const QByteArray splitter = settings_.splitterState(); !splitter.isEmpty())
        sidebarSized_ = splitter_->restoreState(splitter);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // One undo a teacher can predict: in any box of this window (the search field, a table cell
    // being typed in, a plan box) Ctrl+Z is the Edit menu's Undo. What is being typed is written
    // first, as a step of its own; a box's own undo, which knew only its own typing, never runs.
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != this || !isUndoOrRedoKey(static_cast<QKeyEvent*>(event)))
        return false;
    if (type == QEvent::ShortcutOverride) {
        // A cell being typed in writes its text when it loses the focus to its table.
        for (QWidget* up = widget->parentWidget(); up && up != this; up = up->parentWidget()) {
            if (auto* view = qobject_cast<QAbstractItemView*>(up)) {
                view->setFocus(Qt::OtherFocusReason); // the widget is the cell's editor
                break;
            }
        }
        if (pupilPage_)
            pupilPage_->commitPendingEdits();
        if (markingPage_)
            markingPage_->commitPendingEdits();
        event->ignore(); // not the box's: the window's shortcut runs
    }
    return true; // and the box never undoes by itself
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (sidebarSized_)
        return;
    sidebarSized_ = true;
    // The sidebar shows names; the page beside it needs the room on a small or scaled screen
    // (1366×768 at 150% is 910 wide): about 36 characters, but never more than a quarter.
    const int wanted = std::min(fontMetrics().averageCharWidth() * 36, splitter_->width() / 4);
    const int side = std::max(wanted, sidebar_->minimumWidth());
    splitter_->setSizes({side, std::max(1, splitter_->width() - side - splitter_->handleWidth())});
}

void MainWindow::saveWindowState()
{
    settings_.setWindowGeometry(saveGeometry());
    settings_.setWindowState(saveState());
    settings_.setSplitterState(splitter_->saveState());
    settings_.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (pupilPage_)
        pupilPage_->commitPendingEdits();
    if (markingPage_)
        markingPage_->commitPendingEdits();
    if (remembersState_)
        saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout()
{
    QString fileLine;
    if (SchoolSession* session = document_.session()) {
        fileLine = tr("<p>School file: %1<br>File version: %2</p>")
                       .arg(QDir::toNativeSeparators(session->path()).toHtmlEscaped())
                       .arg(session->db().schemaVersion());
    }
    QMessageBox::about(this, tr("About Waymark"),
                       tr("<h3>Waymark %1</h3>"
                          "<p>Individual learning plans and the assessment-for-learning evidence behind them, "
                          "kept on this computer and usable without a network.</p>"
                          "<p>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later).</p>")
                               .arg(appVersion()) +
                           fileLine);
}

FocusRing* MainWindow::focusRing() const
{
    return focusRing_.data();
}

} // namespace waymark
