#pragma once

#include "services/pupilsetup.h"

#include <QDate>
#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace waymark {

class DateField;

// File ▸ Add Pupil: a pupil added by hand. The UPN is checked as it is typed (its check letter, and
// whether another pupil has it, naming them), as are the names and the date of birth; Add is offered
// once all is well. The caller adds the pupil through an undo command.
class AddPupilDialog final : public QDialog
{
    Q_OBJECT

public:
    // `problems` says what is wrong with a pupil as typed (the set-up service, on the open school).
    AddPupilDialog(std::function<QStringList(const setup::NewPupil&)> problems, QDate today, QWidget* parent = nullptr);

    setup::NewPupil pupil() const;

    QLineEdit* upnField() const { return upn_; }
    QLineEdit* forenameField() const { return forename_; }
    QLineEdit* surnameField() const { return surname_; }
    DateField* dateOfBirthField() const { return born_; }
    QSpinBox* yearField() const { return year_; }
    QPushButton* addButton() const { return add_; }
    QString problemText() const;

private:
    void validate();

    std::function<QStringList(const setup::NewPupil&)> problems_;
    QLineEdit* upn_;
    QLineEdit* forename_;
    QLineEdit* surname_;
    DateField* born_;
    QSpinBox* year_;
    QLabel* problem_;
    QPushButton* add_ = nullptr;
};

} // namespace waymark
