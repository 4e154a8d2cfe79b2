#pragma once

#include "domain/entity.h"

#include <QDate>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QUndoStack;

namespace waymark {

class CharacteristicsPanel;
class DetailsForm;
class EvidencePanel;
class EvidenceTimelineModel;
class PlanEditor;
class PupilEditor;
class PupilHeader;
class SchoolSession;
class TargetModel;
class TargetsPanel;
struct PupilRecord;
struct SearchHit;

// One pupil's page: a header with who they are and when their review is due, then tabs for the
// plan and targets, details, sensitive characteristics and the evidence timeline. Every edit is an
// undo command on the window's stack; the page follows SchoolSession::changed, so an undo from the
// Edit menu shows at once. Typed text is written after a pause, on leaving a field, on showing
// another pupil and when the page is hidden or the app quits.
//
// The session must outlive the page's last use; commands on the undo stack refer to its database,
// so the stack should be cleared before the session closes.
//
// The Details, Characteristics and Evidence tabs are built the first time they are opened (or asked
// for), and the evidence timeline is read only while its tab is open: opening a pupil reads and
// lays out only what is on show.
class PupilPage : public QWidget
{
    Q_OBJECT

public:
    enum Tab { PlanTab, DetailsTab, CharacteristicsTab, EvidenceTab };

    PupilPage(SchoolSession& session, QUndoStack& undo, QWidget* parent = nullptr);
    ~PupilPage() override;

    void showPupil(RowId pupilId);
    RowId pupilId() const { return pupilId_; }
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return readOnly_; }

    // Shows the record a search found for the pupil on show: a target marked in the targets table
    // (earlier targets unfolded if it is one of them), the plan's text with the keyboard in it, or a
    // piece of evidence (and its feedback) marked in the timeline. False if it is not to be found.
    bool showSearchHit(const SearchHit& hit);

    // Writes any text still waiting to be written (call before backing up or closing the file).
    void commitPendingEdits();
    // The date the page counts from (ages, due reviews, new targets); today unless set (demo, tests).
    void setToday(QDate today);

    // The parts, for the main window's wiring and for tests. Asking for a tab's part builds it.
    QTabWidget* tabs() const { return tabs_; }
    PupilHeader* header() const { return header_; }
    DetailsForm* details();
    CharacteristicsPanel* characteristics();
    PlanEditor* plan() const { return plan_; }
    TargetsPanel* targets() const { return targets_; }
    EvidencePanel* evidence();
    class AwaitedStepsView* awaitedSteps() const { return awaited_; }
    bool isTabBuilt(Tab tab) const;
    TargetModel* targetModel() const { return targetModel_; }
    EvidenceTimelineModel* timelineModel() const { return timelineModel_; }
    QString lastProblem() const;

Q_SIGNALS:
    void pupilShown(RowId pupilId);
    // A next step awaiting this pupil's response (Evidence tab): open the task at it.
    void awaitedActivated(RowId taskId, RowId pupilId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void reloadRecord(bool newPupil);
    void reloadStaff();
    void sessionChanged(const QSet<QString>& tables);
    void showProblem(const QString& message);
    void showNotice(const QString& message);
    void applyReadOnly();
    bool sessionAlive() const;
    void onTabChanged(int index);
    void buildTab(Tab tab);
    void loadTimelineIfOnShow();

    SchoolSession& session_;
    QPointer<SchoolSession> sessionGuard_; // the session may close before this page is destroyed
    PupilEditor* editor_;
    RowId pupilId_ = 0;
    bool readOnly_ = false;
    QDate today_;
    QDate nextReviewDue_;
    std::unique_ptr<PupilRecord> record_; // as last shown, for tabs built later

    QStackedWidget* stack_;
    QLabel* empty_;
    QLabel* problem_;
    PupilHeader* header_;
    QTabWidget* tabs_;
    QWidget* tabPages_[4] = {};                      // each tab's page; a holder until built
    DetailsForm* details_ = nullptr;                 // built with its tab
    CharacteristicsPanel* characteristics_ = nullptr; // built with its tab
    PlanEditor* plan_;
    TargetsPanel* targets_;
    EvidencePanel* evidence_ = nullptr; // built with its tab
    class AwaitedStepsView* awaited_ = nullptr; // the next steps awaiting a response, below the timeline
    TargetModel* targetModel_;
    EvidenceTimelineModel* timelineModel_;
};

} // namespace waymark
