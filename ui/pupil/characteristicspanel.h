#pragma once

#include "records/pupilrecord.h"

#include <QFrame>
#include <QWidget>

#include <vector>

class QCheckBox;
class QGridLayout;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace waymark {

class FieldBinding;
class PupilEditor;

// The card the sensitive characteristics sit on: tinted and bordered, so it never looks like the
// ordinary parts of the page.
class SensitiveFrame final : public QFrame
{
    Q_OBJECT

public:
    explicit SensitiveFrame(QWidget* parent = nullptr);

protected:
    void paintEvent(QPaintEvent* event) override;
};

// The pupil's sensitive characteristics (SEN status, pupil premium, FSM, EAL, looked-after, G&T,
// young carer, extra reviews, notes), "shown with care": in a framed panel marked with a lock and
// the word Sensitive, with the notes kept folded away until the teacher asks for them.
class CharacteristicsPanel final : public QWidget
{
    Q_OBJECT

public:
    CharacteristicsPanel(PupilEditor& editor, QWidget* parent = nullptr);

    void showRecord(const PupilRecord& record, bool newPupil);
    void commitPending();
    void setReadOnly(bool readOnly);

    void setNotesShown(bool shown);
    bool notesShown() const;

    // Three check boxes a row while `area` (the scrolling viewport it sits in) is wide enough, two
    // or one when it is not (a small or scaled screen).
    void followWidthOf(QWidget* area);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitGrid();
    void paintLock();

    PupilEditor& editor_;
    RowId pupilId_ = 0;
    QComboBox* sen_;
    QCheckBox* pupilPremium_;
    QCheckBox* fsm_;
    QCheckBox* eal_;
    QCheckBox* lookedAfter_;
    QCheckBox* gifted_;
    QCheckBox* youngCarer_;
    QCheckBox* reviewFlagged_;
    QSpinBox* interval_;
    QToolButton* notesToggle_;
    QLabel* notesHint_;
    QLabel* periods_ = nullptr;
    QPlainTextEdit* notes_;
    std::vector<FieldBinding*> bindings_;
    bool hasNotes_ = false;
    QWidget* area_ = nullptr;
    QLabel* lock_ = nullptr;
    QGridLayout* grid_ = nullptr;
    int gridColumns_ = 3;
};

} // namespace waymark
