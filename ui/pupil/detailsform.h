#pragma once

#include "records/pupilrecord.h"

#include <QWidget>

#include <vector>

class QBoxLayout;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace waymark {

class DateField;

class FieldBinding;
class PupilEditor;

// The pupil's details that a teacher may correct: preferred names, pronouns, UPN (refused with a
// clear reason unless its check letter is right), learning guide and dates. Each change is an undo
// step; typing in one visit to a field is one step.
class DetailsForm final : public QWidget
{
    Q_OBJECT

public:
    DetailsForm(PupilEditor& editor, QWidget* parent = nullptr);

    // newPupil: a different pupil, so any half-typed text is dropped rather than kept.
    void showRecord(const PupilRecord& record, bool newPupil);
    void setStaff(const std::vector<StaffChoice>& staff);
    void commitPending();
    void setReadOnly(bool readOnly);

    QLineEdit* upnEdit() const { return upn_; }
    QLabel* upnHint() const { return upnHint_; }

    // Lays the two columns side by side while `area` (the scrolling viewport it sits in) is wide
    // enough for both, and one above the other when it is not (a small or scaled screen).
    void followWidthOf(QWidget* area);

private:
    bool commitUpn(const QVariant& value, const QVariant& base, quint64 typingSession);
    void showUpnHint(const QString& text);
    void fitColumns();

    PupilEditor& editor_;
    RowId pupilId_ = 0;
    QLineEdit* preferredGiven_;
    QLineEdit* preferredFamily_;
    QLabel* legalName_;
    QLineEdit* pronouns_;
    QLineEdit* upn_;
    QLabel* upnHint_;
    QComboBox* guide_;
    DateField* dateOfBirth_;
    DateField* startedOn_;
    DateField* leftOn_;
    QLabel* yearGroup_;
    QLabel* groups_;
    std::vector<FieldBinding*> bindings_;
    FieldBinding* upnBinding_ = nullptr;
    FieldBinding* guideBinding_ = nullptr;
    QWidget* area_ = nullptr;
    QBoxLayout* columns_ = nullptr;
    QFormLayout* left_ = nullptr;
    QFormLayout* right_ = nullptr;
};

// A date editor whose earliest date reads "Not recorded" (a NULL date in the file).
DateField* makeOptionalDateEdit(QWidget* parent);

} // namespace waymark
