#pragma once

#include "services/schoolsetup.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace waymark {

// File ▸ School Details: the school's name, URN, DfE number (LA and establishment numbers) and
// phase. What is wrong is said as it is typed; Save is offered once something changed and all is
// well. The caller writes the result through an undo command.
class SchoolDetailsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SchoolDetailsDialog(const setup::SchoolDetails& current, QWidget* parent = nullptr);

    setup::SchoolDetails details() const;
    // Fills the fields with what the teacher typed before (shown again after a save was refused).
    void setTyped(const setup::SchoolDetails& typed);

    QLineEdit* nameField() const { return name_; }
    QLineEdit* urnField() const { return urn_; }
    QLineEdit* laField() const { return la_; }
    QLineEdit* estabField() const { return estab_; }
    QComboBox* phaseField() const { return phase_; }
    QPushButton* saveButton() const { return save_; }
    QString problemText() const;

private:
    void validate();

    setup::SchoolDetails current_;
    QLineEdit* name_;
    QLineEdit* urn_;
    QLineEdit* la_;
    QLineEdit* estab_;
    QComboBox* phase_;
    QLabel* problem_;
    QPushButton* save_ = nullptr;
};

} // namespace waymark
