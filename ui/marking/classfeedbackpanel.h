#pragma once

#include "reports/feedbackslips.h"
#include "services/classfeedback.h"
#include "services/marksheet.h"

#include <QWidget>

#include <array>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTableView;
class QUndoStack;

namespace waymark {

class CriterionCountsModel;
class FieldBinding;
class PupilNotesModel;
class SchoolSession;

// Whole-class feedback for the task on the marking page: the counts per traffic light and per
// success criterion, the pupils to revisit and to praise (with why), worked out from the sheet it
// is given, and four boxes for the teacher's notes (praise, common misconceptions, spelling and
// grammar, who to revisit), written after a pause or on leaving a box as one undo step per visit.
// Its buttons print, or save as PDF, the task's feedback slips and whole-class sheet.
class ClassFeedbackPanel final : public QWidget
{
    Q_OBJECT

public:
    ClassFeedbackPanel(SchoolSession& session, QUndoStack& undo, QWidget* parent = nullptr);
    ~ClassFeedbackPanel() override;

    // Shows a task's sheet (again, after its marks change): the counts and lists from it, and the
    // notes as the file holds them. A box the teacher is typing in keeps their text, unless the
    // sheet is another task's (what was typed for the last task is written first).
    void setSheet(const marking::MarkSheet& sheet);
    const marking::MarkSheet& sheet() const { return sheet_; }
    const marking::ClassSummary& summary() const { return summary_; }
    // The notes as shown.
    marking::ClassNotes notes() const;

    // Writes what is still being typed.
    void commitPending();
    void setReadOnly(bool readOnly);

    QPlainTextEdit* noteEditor(marking::ClassNote note) const { return editors_[std::size_t(note)]; }
    QTableView* criteriaView() const { return criteriaView_; }
    QTableView* revisitView() const { return revisitView_; }
    QTableView* praiseView() const { return praiseView_; }
    QLabel* lightsLabel() const { return lightsText_; }
    QAction* printSlipsAction() const { return printSlips_; }
    QAction* saveSlipsAction() const { return saveSlips_; }
    QAction* everyoneAction() const { return everyone_; }
    QAction* printSheetAction() const { return printSheet_; }
    QAction* saveSheetAction() const { return saveSheet_; }

Q_SIGNALS:
    // A write failed (the notes changed elsewhere, too long): a sentence for the teacher.
    void problem(const QString& message);

private:
    static constexpr std::size_t kNotes = 4;
    bool commitNote(marking::ClassNote note, const QVariant& value, const QVariant& base, quint64 typingSession);
    void showNotes(bool force);
    void showSummary();
    reports::SlipOptions slipOptions() const;

    SchoolSession& session_;
    QUndoStack& undo_;
    marking::MarkSheet sheet_;
    marking::ClassSummary summary_;
    std::array<QLabel*, 4> lights_{};
    QLabel* lightsText_ = nullptr;
    CriterionCountsModel* criteria_ = nullptr;
    PupilNotesModel* revisit_ = nullptr;
    PupilNotesModel* praise_ = nullptr;
    QTableView* criteriaView_ = nullptr;
    QTableView* revisitView_ = nullptr;
    QTableView* praiseView_ = nullptr;
    QLabel* revisitTitle_ = nullptr;
    QLabel* praiseTitle_ = nullptr;
    std::array<QPlainTextEdit*, kNotes> editors_{};
    std::array<FieldBinding*, kNotes> bindings_{};
    QAction* printSlips_ = nullptr;
    QAction* saveSlips_ = nullptr;
    QAction* everyone_ = nullptr;
    QAction* printSheet_ = nullptr;
    QAction* saveSheet_ = nullptr;
    bool writeFailed_ = false;
};

} // namespace waymark
