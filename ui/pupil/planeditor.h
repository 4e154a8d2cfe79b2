#pragma once

#include "records/pupilrecord.h"

#include <QWidget>

#include <array>

class QPlainTextEdit;

namespace waymark {

class FieldBinding;
class PupilEditor;

// The four parts of a learning plan (strengths and interests, needs and barriers, strategies that
// help, provision) as multi-line editors. Text is written after a pause or on leaving a field;
// typing in one visit to a field is one undo step.
class PlanEditor final : public QWidget
{
    Q_OBJECT

public:
    enum Part { Strengths, Needs, Strategies, Provision, PartCount };

    PlanEditor(PupilEditor& editor, QWidget* parent = nullptr);

    void showRecord(const PupilRecord& record, bool newPupil);
    void commitPending();
    void setReadOnly(bool readOnly);
    QPlainTextEdit* editor(Part part) const { return editors_[part]; }

private:
    PupilEditor& editor_;
    RowId pupilId_ = 0;
    std::array<QPlainTextEdit*, PartCount> editors_{};
    std::array<FieldBinding*, PartCount> bindings_{};
};

} // namespace waymark
