#include "pupil/pupilpage.h"

#include "calendar/reviewschedule.h"
#include "pupil/characteristicspanel.h"
#include "pupil/detailsform.h"
#include "marking/awaitedsteps.h"
#include "pupil/evidencepanel.h"
#include "pupil/evidencetimelinemodel.h"
#include "pupil/planeditor.h"
#include "pupil/pupileditor.h"
#include "pupil/pupilheader.h"
#include "pupil/shapes.h"
#include "pupil/targetmodel.h"
#include "pupil/targetspanel.h"
#include "queries/search.h"
#include "records/pupilrecord.h"
#include "services/schoolsession.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QStackedWidget>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace waymark {

namespace {

// The tables each part of the page is drawn from.
const QSet<QString>& recordTables()
{
    static const QSet<QString> tables{
        QStringLiteral("pupil"),           QStringLiteral("staff"),         QStringLiteral("pupil_group"),
        QStringLiteral("group_member"),    QStringLiteral("learning_plan"), QStringLiteral("review"),
        QStringLiteral("subject"),         QStringLiteral("evidence"),      QStringLiteral("calendar_half_term"),
        QStringLiteral("calendar_closure")};
    return tables;
}

const QSet<QString>& timelineTables()
{
    static const QSet<QString> tables{
        QStringLiteral("evidence"), QStringLiteral("feedback"), QStringLiteral("evidence_attachment"),
        QStringLiteral("task"),     QStringLiteral("rung"),     QStringLiteral("scale"),
        QStringLiteral("staff"),    QStringLiteral("subject"),  QStringLiteral("target")};
    return tables;
}

// Wraps a tab's content so that it scrolls rather than squashes on a small screen.
QScrollArea* scrolling(QWidget* content, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop of its own: the fields inside are, and the area scrolls to the one with focus.
    area->setFocusPolicy(Qt::NoFocus);
    return area;
}

} // namespace

PupilPage::PupilPage(SchoolSession& session, QUndoStack& undo, QWidget* parent)
    : QWidget(parent)
    , session_(session)
    , sessionGuard_(&session)
    , editor_(new PupilEditor(session, undo, this))
    , today_(QDate::currentDate())
    , stack_(new QStackedWidget(this))
    , empty_(new QLabel(tr("Choose a pupil from the list to see their plan, targets and evidence."), this))
    , problem_(new QLabel(this))
    , header_(new PupilHeader(this))
    , tabs_(new QTabWidget(this))
    , targetModel_(new TargetModel(*editor_, this))
    , timelineModel_(new EvidenceTimelineModel(session, this))
{
    // Made in the order they are on screen, which is the order Tab visits them: targets, then plan.
    targets_ = new TargetsPanel(*editor_, *targetModel_, this);
    plan_ = new PlanEditor(*editor_, this);

    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    problem_->setWordWrap(true);
    problem_->setFrameShape(QFrame::StyledPanel);
    problem_->setAutoFillBackground(true);
    problem_->setBackgroundRole(QPalette::ToolTipBase);
    problem_->setForegroundRole(QPalette::ToolTipText);
    problem_->setMargin(6);
    problem_->setAccessibleName(tr("Problem"));
    problem_->setVisible(false);

    // Plan tab: the targets first (what the teacher looks for), the plan's words below.
    auto* planSplit = new QSplitter(Qt::Vertical, this);
    planSplit->addWidget(targets_);
    planSplit->addWidget(plan_);
    planSplit->setStretchFactor(0, 3);
    planSplit->setStretchFactor(1, 2);
    planSplit->setSizes({360, 240});
    planSplit->setChildrenCollapsible(false);

    // The other tabs hold an empty page until first opened (buildTab).
    tabPages_[PlanTab] = planSplit;
    for (Tab tab : {DetailsTab, CharacteristicsTab, EvidenceTab}) {
        tabPages_[tab] = new QWidget(this);
        auto* holder = new QVBoxLayout(tabPages_[tab]);
        holder->setContentsMargins(0, 0, 0, 0);
    }
    tabs_->addTab(planSplit, tr("&Plan and targets"));
    tabs_->addTab(tabPages_[DetailsTab], tr("&Details"));
    tabs_->addTab(tabPages_[CharacteristicsTab], shapes::lockIcon(), tr("Chara&cteristics"));
    tabs_->addTab(tabPages_[EvidenceTab], tr("Ev&idence"));
    tabs_->setTabToolTip(CharacteristicsTab, tr("Sensitive: SEN, pupil premium, looked-after and notes"));
    tabs_->setAccessibleName(tr("Pupil record"));
    tabs_->setDocumentMode(true);

    auto* record = new QWidget(this);
    auto* recordLayout = new QVBoxLayout(record);
    recordLayout->setContentsMargins(0, 0, 0, 0);
    recordLayout->addWidget(header_);
    recordLayout->addWidget(tabs_, 1);
    stack_->addWidget(empty_);
    stack_->addWidget(record);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(problem_);
    layout->addWidget(stack_, 1);

    targets_->setNewTargetDefaults([this] {
        Target t;
        t.setOn = today_;
        t.reviewBy = nextReviewDue_.isValid() && nextReviewDue_ > today_ ? nextReviewDue_ : today_.addDays(42);
        t.status = TargetStatus::Active;
        return t;
    });

    connect(tabs_, &QTabWidget::currentChanged, this, &PupilPage::onTabChanged);
    // A tab chosen by its Alt+letter takes the keyboard into it (eventFilter).
    tabs_->tabBar()->installEventFilter(this);
    connect(editor_, &PupilEditor::problem, this, &PupilPage::showProblem);
    connect(editor_, &PupilEditor::notice, this, &PupilPage::showNotice);
    connect(targetModel_, &TargetModel::problem, this, &PupilPage::showNotice);
    connect(timelineModel_, &EvidenceTimelineModel::problem, this, &PupilPage::showProblem);
    connect(&session_, &SchoolSession::changed, this, &PupilPage::sessionChanged);
    // Nothing typed is lost when the app quits with a field still waiting to be written.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &PupilPage::commitPendingEdits);

    readOnly_ = session_.isReadOnly();
    applyReadOnly();
    stack_->setCurrentWidget(empty_);
}

PupilPage::~PupilPage()
{
    // Children are destroyed after this body; from here on, nothing they do may write.
    commitPendingEdits();
    editor_->detach();
    if (sessionAlive())
        disconnect(&session_, nullptr, this, nullptr);
}

bool PupilPage::sessionAlive() const
{
    return !sessionGuard_.isNull();
}

void PupilPage::showPupil(RowId pupilId)
{
    commitPendingEdits();
    const bool newPupil = pupilId != pupilId_;
    pupilId_ = pupilId;
    problem_->setVisible(false);
    reloadRecord(newPupil);
    if (newPupil)
        targetModel_->setPupil(pupilId_);
    loadTimelineIfOnShow();
    Q_EMIT pupilShown(pupilId_);
}

bool PupilPage::showSearchHit(const SearchHit& hit)
{
    if (pupilId_ == 0 || hit.pupilId != pupilId_)
        return false;
    switch (hit.kind) {
    case SearchKind::Target: {
        tabs_->setCurrentIndex(PlanTab);
        int row = targetModel_->rowOf(hit.rowId);
        if (row < 0 && !targetModel_->showsEarlier()) {
            targets_->earlierToggle()->click(); // one of the earlier years' targets
            row = targetModel_->rowOf(hit.rowId);
        }
        if (row < 0)
            return false;
        const QModelIndex index = targetModel_->index(row, TargetModel::TextColumn);
        targets_->view()->setCurrentIndex(index);
        targets_->view()->scrollTo(index);
        targets_->view()->setFocus(Qt::OtherFocusReason);
        return true;
    }
    case SearchKind::Plan: {
        tabs_->setCurrentIndex(PlanTab);
        QPlainTextEdit* part = plan_->editor(static_cast<PlanEditor::Part>(std::clamp(hit.field, 0, 3)));
        part->setFocus(Qt::OtherFocusReason);
        return true;
    }
    case SearchKind::Feedback:
    case SearchKind::Evidence: {
        tabs_->setCurrentIndex(EvidenceTab); // builds the tab and reads the timeline's first page
        QTableView* view = evidence()->view();
        // The timeline is read a page at a time, newest first: read on until the piece is there.
        for (int row = 0;; ++row) {
            if (row >= timelineModel_->rowCount()) {
                if (!timelineModel_->canFetchMore({}))
                    return false;
                timelineModel_->fetchMore({});
                if (row >= timelineModel_->rowCount())
                    return false;
            }
            if (timelineModel_->entryAt(row)->evidenceId == hit.evidenceId) {
                const QModelIndex index = timelineModel_->index(row, 0);
                view->setCurrentIndex(index);
                view->scrollTo(index);
                view->setFocus(Qt::OtherFocusReason);
                return true;
            }
        }
    }
    }
    return false;
}

void PupilPage::reloadRecord(bool newPupil)
{
    std::optional<PupilRecord> record;
    try {
        if (pupilId_ != 0)
            record = loadPupilRecord(session_.db(), pupilId_);
    } catch (const StorageError& e) {
        showProblem(e.message());
    }
    if (!record) {
        pupilId_ = 0;
        record_.reset();
        header_->clear();
        stack_->setCurrentWidget(empty_);
        targetModel_->setPupil(0);
        timelineModel_->setPupil(0);
        return;
    }
    record_ = std::make_unique<PupilRecord>(*record);
    const Pupil& p = record->pupil;
    const ReviewNeeds needs{p.lookedAfter, p.senStatus == SenStatus::EhcPlan, p.reviewFlagged, p.reviewIntervalDays};
    const ReviewDue due = nextReviewDue(session_.calendar(), record->lastReviewHeld, needs, today_);
    nextReviewDue_ = due.due;
    header_->showRecord(*record, due, today_);
    if (details_)
        details_->showRecord(*record, newPupil);
    if (characteristics_)
        characteristics_->showRecord(*record, newPupil);
    plan_->showRecord(*record, newPupil);
    if (evidence_)
        evidence_->setTotal(record->evidenceCount);
    if (awaited_)
        awaited_->showFor(session_.db(), std::nullopt, pupilId_);
    tabs_->setTabText(EvidenceTab, tr("Ev&idence (%1)").arg(record->evidenceCount));
    stack_->setCurrentIndex(1);
}

DetailsForm* PupilPage::details()
{
    buildTab(DetailsTab);
    return details_;
}

CharacteristicsPanel* PupilPage::characteristics()
{
    buildTab(CharacteristicsTab);
    return characteristics_;
}

EvidencePanel* PupilPage::evidence()
{
    buildTab(EvidenceTab);
    return evidence_;
}

bool PupilPage::isTabBuilt(Tab tab) const
{
    switch (tab) {
    case PlanTab:
        return true;
    case DetailsTab:
        return details_ != nullptr;
    case CharacteristicsTab:
        return characteristics_ != nullptr;
    case EvidenceTab:
        return evidence_ != nullptr;
    }
    return false;
}

void PupilPage::onTabChanged(int index)
{
    if (index >= DetailsTab && index <= EvidenceTab)
        buildTab(static_cast<Tab>(index));
    loadTimelineIfOnShow();
}

void PupilPage::buildTab(Tab tab)
{
    if (isTabBuilt(tab))
        return;
    QWidget* holder = tabPages_[tab];
    // Shown at once: a child added to a page already on show would otherwise wait for the event loop.
    auto place = [holder](QWidget* content) {
        holder->layout()->addWidget(content);
        content->show();
    };
    switch (tab) {
    case PlanTab:
        return;
    case DetailsTab:
        details_ = new DetailsForm(*editor_, holder);
        place(scrolling(details_, holder));
        details_->followWidthOf(details_->parentWidget());
        details_->setReadOnly(readOnly_);
        reloadStaff();
        if (record_)
            details_->showRecord(*record_, true);
        break;
    case CharacteristicsTab:
        characteristics_ = new CharacteristicsPanel(*editor_, holder);
        place(scrolling(characteristics_, holder));
        characteristics_->followWidthOf(characteristics_->parentWidget());
        characteristics_->setReadOnly(readOnly_);
        if (record_)
            characteristics_->showRecord(*record_, true);
        break;
    case EvidenceTab:
        evidence_ = new EvidencePanel(*timelineModel_, holder);
        place(evidence_);
        if (record_)
            evidence_->setTotal(record_->evidenceCount);
        awaited_ = new AwaitedStepsView(holder);
        awaited_->setMaximumHeight(fontMetrics().lineSpacing() * 9);
        place(awaited_);
        connect(awaited_, &AwaitedStepsView::stepActivated, this, &PupilPage::awaitedActivated);
        if (pupilId_ != 0)
            awaited_->showFor(session_.db(), std::nullopt, pupilId_);
        break;
    }
}

void PupilPage::loadTimelineIfOnShow()
{
    // The timeline is read when its tab is opened for this pupil, and kept (with how far it was
    // scrolled) while another tab is looked at; another pupil's is let go until asked for.
    const RowId loaded = timelineModel_->pupilId();
    if (tabs_->currentIndex() == EvidenceTab) {
        if (loaded != pupilId_)
            timelineModel_->setPupil(pupilId_);
    } else if (loaded != 0 && loaded != pupilId_) {
        timelineModel_->setPupil(0);
    }
}

void PupilPage::reloadStaff()
{
    if (!details_)
        return; // read when the Details tab is built
    try {
        details_->setStaff(loadStaffChoices(session_.db()));
    } catch (const StorageError& e) {
        showProblem(e.message());
    }
}

void PupilPage::sessionChanged(const QSet<QString>& tables)
{
    if (tables.contains(QStringLiteral("staff")))
        reloadStaff();
    if (pupilId_ == 0)
        return;
    if (tables.intersects(recordTables()))
        reloadRecord(false);
    if (tables.contains(QStringLiteral("target")))
        targetModel_->reload();
    if (tables.intersects(timelineTables()))
        timelineModel_->reload();
}

void PupilPage::commitPendingEdits()
{
    if (pupilId_ == 0 || !editor_->isAttached())
        return;
    if (details_)
        details_->commitPending();
    if (characteristics_)
        characteristics_->commitPending();
    plan_->commitPending();
}

void PupilPage::setReadOnly(bool readOnly)
{
    // A file opened read-only stays read-only whatever the caller asks.
    readOnly_ = readOnly || session_.isReadOnly();
    applyReadOnly();
}

void PupilPage::applyReadOnly()
{
    if (details_)
        details_->setReadOnly(readOnly_);
    if (characteristics_)
        characteristics_->setReadOnly(readOnly_);
    plan_->setReadOnly(readOnly_);
    targets_->setReadOnly(readOnly_);
}

void PupilPage::setToday(QDate today)
{
    today_ = today;
    targetModel_->setToday(today);
    if (pupilId_ != 0)
        reloadRecord(false);
}

void PupilPage::showProblem(const QString& message)
{
    problem_->setText(tr("Something could not be saved or shown: %1").arg(message));
    problem_->setVisible(true);
}

void PupilPage::showNotice(const QString& message)
{
    problem_->setText(message);
    problem_->setVisible(true);
}

QString PupilPage::lastProblem() const
{
    return problem_->isVisible() ? problem_->text() : QString();
}

void PupilPage::hideEvent(QHideEvent* event)
{
    commitPendingEdits();
    QWidget::hideEvent(event);
}

bool PupilPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == tabs_->tabBar() && event->type() == QEvent::Shortcut) {
        // Let the tab bar change the tab, then move the focus to the first field on the new tab,
        // so Alt+I and then Down goes through the evidence, not the sidebar.
        const bool handled = static_cast<QObject*>(tabs_->tabBar())->event(event);
        if (tabs_->currentIndex() == PlanTab) {
            targets_->view()->setFocus(Qt::ShortcutFocusReason); // the targets, where Insert adds one
        } else if (QWidget* page = tabs_->currentWidget()) {
            QWidget* first = page;
            do {
                first = first->nextInFocusChain();
            } while (first != page && !(page->isAncestorOf(first) && first->isVisible() && first->isEnabled() &&
                                        (first->focusPolicy() & Qt::TabFocus)));
            if (first != page)
                first->setFocus(Qt::ShortcutFocusReason);
        }
        return handled;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace waymark
