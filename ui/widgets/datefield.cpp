#include "widgets/datefield.h"

#include "calendar/typeddate.h"

#include <QCalendarWidget>
#include <QKeyEvent>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QToolTip>
#include <QVBoxLayout>

namespace waymark {

DateField::DateField(QWidget* parent)
    : QLineEdit(parent)
    , today_(QDate::currentDate())
{
    setPlaceholderText(tr("Not set"));
    setClearButtonEnabled(false);
    setToolTip(tr("Type a date such as 15/1/27 or 15 Jan 2027, or press Alt+Down for a calendar."));
    connect(this, &QLineEdit::editingFinished, this, &DateField::commitText);
}

void DateField::setDate(const QDate& date)
{
    date_ = date.isValid() ? date : QDate();
    setText(typedDateText(date_));
    markUnreadable(false);
}

void DateField::commitText()
{
    const QString typed = text().trimmed();
    if (typed.isEmpty()) {
        markUnreadable(false);
        if (date_.isValid()) {
            date_ = QDate();
            Q_EMIT dateEdited(date_);
        }
        return;
    }
    const std::optional<QDate> parsed = parseTypedDate(typed, today_);
    if (!parsed) {
        // Never swapped for another date: the text stays for the teacher to mend.
        markUnreadable(true, tr("“%1” is not a date Waymark can read, so it was not saved. Type it as 15/1/27 "
                                "or 15 Jan 2027, or press Alt+Down for a calendar.")
                                 .arg(typed));
        return;
    }
    markUnreadable(false);
    setText(typedDateText(*parsed));
    if (*parsed != date_) {
        date_ = *parsed;
        Q_EMIT dateEdited(date_);
    }
}

void DateField::markUnreadable(bool unreadableNow, const QString& message)
{
    unreadable_ = unreadableNow;
    setAccessibleDescription(message);
    if (unreadableNow) {
        QToolTip::showText(mapToGlobal(QPoint(0, height())), message, this);
        Q_EMIT unreadable(message);
    }
}

void DateField::keyPressEvent(QKeyEvent* event)
{
    const bool altDown = event->key() == Qt::Key_Down && (event->modifiers() & Qt::AltModifier);
    if ((altDown || event->key() == Qt::Key_F4) && !isReadOnly()) {
        openCalendar();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void DateField::openCalendar()
{
    auto* popup = new QWidget(this, Qt::Popup);
    popup->setAttribute(Qt::WA_DeleteOnClose);
    auto* calendar = new QCalendarWidget(popup);
    calendar->setObjectName(QStringLiteral("dateFieldCalendar"));
    calendar->setGridVisible(true);
    const std::optional<QDate> typed = parseTypedDate(text(), today_);
    calendar->setSelectedDate(typed ? *typed : (date_.isValid() ? date_ : today_));
    auto* layout = new QVBoxLayout(popup);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(calendar);
    const auto choose = [this, popup](const QDate& chosen) {
        setDate(chosen);
        Q_EMIT dateEdited(date_);
        popup->close();
        setFocus();
    };
    connect(calendar, &QCalendarWidget::activated, this, choose); // Enter or a double click
    connect(calendar, &QCalendarWidget::clicked, this, choose);
    popup->move(mapToGlobal(QPoint(0, height())));
    popup->show();
    calendar->setFocus();
}

QSize DateField::minimumSizeHint() const
{
    // Wide enough for the longest date with its year, whatever the font and scale.
    QSize size = QLineEdit::minimumSizeHint();
    QStyleOptionFrame option;
    initStyleOption(&option);
    const QSize text(fontMetrics().horizontalAdvance(QStringLiteral("30 Sep 2027")) + 2 * fontMetrics().averageCharWidth(),
                     size.height());
    return size.expandedTo(style()->sizeFromContents(QStyle::CT_LineEdit, &option, text, this));
}

QSize DateField::sizeHint() const
{
    return minimumSizeHint().expandedTo(QSize(minimumSizeHint().width(), QLineEdit::sizeHint().height()));
}

} // namespace waymark
