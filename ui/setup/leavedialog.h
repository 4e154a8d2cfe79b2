#pragma once

#include <QDate>
#include <QDialog>

class QLabel;
class QPushButton;

namespace waymark {

class DateField;

// Asks on which day a pupil left (today unless typed otherwise); never before they started.
class LeaveDialog final : public QDialog
{
    Q_OBJECT

public:
    LeaveDialog(const QString& name, QDate startedOn, QDate today, QWidget* parent = nullptr);
    QDate leftOn() const;
    DateField* dateField() const { return date_; }
    QPushButton* okButton() const { return ok_; }

private:
    void check();

    QDate startedOn_;
    DateField* date_;
    QLabel* problem_;
    QPushButton* ok_;
};

} // namespace waymark
