#pragma once

#include "attachments/evidencefiles.h"
#include "domain/entity.h"
#include "shell/lazypage.h"

#include <QDate>
#include <QPointer>

#include <functional>
#include <vector>

class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QUndoCommand;
class QUndoStack;
class QVBoxLayout;

namespace waymark {

class ClassFeedbackPanel;
class CommentBankPanel;
class DateField;
class FieldBinding;
class MarkingDelegate;
class MarkingModel;
class MarkingView;
class SchoolSession;

// A task's marking page: what the task is (title, group, learning intention, success criteria),
// the marking grid, and beside it the feedback for the pupil the grid is on (What went well, Even
// better if, Next step, saved as they are typed) with the pupil's response to the next step. Every
// change is an undo step through the marking service.
class MarkingPage final : public LazyPage
{
    Q_OBJECT

public:
    MarkingPage(SchoolSession& session, QUndoStack& undo, QWidget* parent = nullptr);
    ~MarkingPage() override;

    void setToday(QDate today) { today_ = today; }
    void setReadOnly(bool readOnly);
    // False (and an empty page) if there is no such live task.
    bool showTask(RowId taskId);
    RowId taskId() const { return taskId_; }
    // Goes to a pupil's row and to their response, to record how they acted on the next step.
    void showResponseOf(RowId pupilId);
    // Adds files to a pupil's record of the task: one undo step. False, with a message, if not.
    bool addFiles(RowId pupilId, const QStringList& paths);
    // Adds the picture (or files) on the clipboard for the pupil the grid is on.
    bool pasteFromClipboard();
    // Asks for files to add for the pupil the grid is on.
    void chooseFiles();
    QListWidget* filesList() const { return files_; }
    // Writes any feedback still being typed.
    void commitPendingEdits();

    MarkingModel* model() const { return model_; }
    MarkingView* view() const { return view_; }
    QPlainTextEdit* feedbackEditor(int part) const; // 0 what went well, 1 even better if, 2 next step
    QPlainTextEdit* responseEditor() const { return response_; }
    // Where the comment bank sits, below the feedback.
    QVBoxLayout* sideLayout() const { return sideLayout_; }
    CommentBankPanel* commentBank() const { return bank_; }
    ClassFeedbackPanel* classFeedback() const { return classPanel_; }
    // Beside the grid: the pupil's feedback (false) or the whole class's (true).
    void showClassFeedback(bool show);
    // The feedback box the bank inserts into: the last one the teacher was in.
    QPlainTextEdit* feedbackTarget() const { return parts_[target_]; }
    // The pupil whose feedback is beside the grid (0 when none).
    RowId currentPupil() const { return shownPupil_; }

Q_SIGNALS:
    void pupilActivated(RowId pupilId);
    void currentPupilChanged(RowId pupilId);

protected:
    void reload() override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildSide(QWidget* side);
    void showCurrentPupil(bool force);
    void updateHeader();
    void updateFonts();
    FieldBinding* bindText(QWidget* editor, int field, const QString& undoText, RowId criterionId = 0);
    void buildCriterionViews();
    // Pushes one of this page's steps and reads back the pupils it touched; false if it was refused.
    bool push(QUndoCommand* command, const std::vector<RowId>& pupils);
    std::function<void(const QString&)> reporter();

    SchoolSession& session_;
    QUndoStack& undo_;
    QDate today_;
    RowId taskId_ = 0;
    RowId shownPupil_ = 0;
    bool readOnly_ = false;
    bool splitterSized_ = false;
    bool pushing_ = false;    // push() is running a step's first write
    bool pushFailed_ = false; // and that write was refused
    bool showingPupil_ = false; // showCurrentPupil is writing the last pupil's typing
    QLabel* title_;
    QLabel* details_;
    QLabel* intention_;
    QLabel* criteria_;
    QSplitter* splitter_;
    MarkingModel* model_;
    MarkingDelegate* delegate_;
    MarkingView* view_;
    QLabel* sideTitle_ = nullptr;
    QPlainTextEdit* parts_[3] = {nullptr, nullptr, nullptr};
    QPlainTextEdit* response_ = nullptr;
    DateField* respondedOn_ = nullptr;
    QComboBox* met_ = nullptr;
    QVBoxLayout* sideLayout_ = nullptr;
    CommentBankPanel* bank_ = nullptr;
    ClassFeedbackPanel* classPanel_ = nullptr;
    QTabWidget* sideTabs_ = nullptr;
    int target_ = 0; // which of parts_ the bank inserts into
    std::vector<FieldBinding*> bindings_;
    QListWidget* files_ = nullptr;
    QPushButton* addFiles_ = nullptr;
    QLabel* filesTitle_ = nullptr;
    std::vector<AttachedFile> shownFiles_;
    std::pair<RowId, int> shownFilesOf_{0, -1}; // the record and file count the list shows
    void showFiles(RowId evidenceId);
    void openFile(int index);
    // Per criterion: the teacher's judgement, and the pupil's own and a peer's light.
    QGroupBox* views_ = nullptr;
    QGridLayout* viewsGrid_ = nullptr;
    std::vector<QWidget*> viewWidgets_;
    std::vector<QLabel*> judgementLabels_;
    std::vector<FieldBinding*> selfBindings_;
    std::vector<FieldBinding*> peerBindings_;
    RowId viewsTask_ = 0;

public:
    // The pupil's own (or a peer's) light for the task's criterion `index`, beside the grid.
    QComboBox* criterionLightBox(int index, bool peer) const;
};

} // namespace waymark
