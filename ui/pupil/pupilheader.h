#pragma once

#include "calendar/reviewschedule.h"
#include "records/pupilrecord.h"

#include <QWidget>

class QLabel;

namespace waymark {

// The top of the pupil page: who the pupil is at a glance (name, UPN with its check, year, tutor
// group, learning guide, age, pronouns) and when their next review is due, overdue said in words.
// It deliberately shows no sensitive characteristics.
class PupilHeader final : public QWidget
{
    Q_OBJECT

public:
    explicit PupilHeader(QWidget* parent = nullptr);

    void showRecord(const PupilRecord& record, const ReviewDue& due, QDate today);
    void clear();

    // For tests and screen readers: the review line as shown.
    QString reviewText() const;
    bool reviewOverdue() const { return overdue_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateFonts();

    QLabel* name_;
    QLabel* legalName_;
    QLabel* facts_;
    QLabel* reviewIcon_;
    QLabel* review_;
    bool overdue_ = false;
};

// "12" from a date of birth and today; empty if the date is not known.
QString ageText(QDate dateOfBirth, QDate today);

} // namespace waymark
