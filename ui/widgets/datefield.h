#pragma once

#include <QDate>
#include <QLineEdit>

class QCalendarWidget;

namespace waymark {

// A date typed as teachers type dates ("15 Jan 2027", "15/01/2027", "15/1/27", "2027-01-15",
// "15 January"; see parseTypedDate), always shown with its year ("15 Jan 2027"), or empty for "not
// set". Alt+Down or F4 opens a calendar. Text that is not a date is never swapped for another date:
// it stays on screen, the date stays as it was, and the field says why.
class DateField final : public QLineEdit
{
    Q_OBJECT

public:
    explicit DateField(QWidget* parent = nullptr);

    QDate date() const { return date_; } // invalid: not set
    void setDate(const QDate& date);     // shows it; does not emit dateEdited
    // The day that a date typed without a year is read against (its academic year).
    void setToday(const QDate& today) { today_ = today; }
    // The text on screen could not be read as a date (and so was not taken).
    bool hasUnreadableText() const { return unreadable_; }
    // Reads what is typed now, as leaving the field does.
    void commitText();

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

Q_SIGNALS:
    // The teacher typed or chose a date (or cleared the field, giving an invalid date).
    void dateEdited(const QDate& date);
    // What was typed is not a date: the message says so, for a status line or tooltip.
    void unreadable(const QString& message);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void openCalendar();
    void markUnreadable(bool unreadableNow, const QString& message = {});

    QDate date_;
    QDate today_;
    bool unreadable_ = false;
};

} // namespace waymark
