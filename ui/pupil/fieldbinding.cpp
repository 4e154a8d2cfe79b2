#include "pupil/fieldbinding.h"

#include "domain/fieldlimits.h"
#include "widgets/datefield.h"
#include "widgets/undokeys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSpinBox>

#include <algorithm>
#include <atomic>

namespace waymark {

namespace {

quint64 newTypingSession()
{
    static std::atomic<quint64> counter{0};
    return ++counter;
}

// A QDateEdit shows its minimum date as "Not recorded" (specialValueText): that is a NULL date.
QDate dateOf(const QDateEdit* edit)
{
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}

} // namespace

FieldBinding::FieldBinding(QWidget* editor, Commit commit, QObject* parent)
    : QObject(parent)
    , editor_(editor)
    , commit_(std::move(commit))
{
    idle_.setSingleShot(true);
    idle_.setInterval(kIdleMilliseconds);
    connect(&idle_, &QTimer::timeout, this, &FieldBinding::commitPending);
    typingSession_ = newTypingSession();
    editor->installEventFilter(this);
    // Spin boxes and date edits hand their focus to an inner line edit.
    if (QWidget* proxy = editor->focusProxy())
        proxy->installEventFilter(this);

    if (auto* dateField = qobject_cast<DateField*>(editor)) {
        // A date is read when the teacher leaves the field or presses Enter, and written at once.
        connect(dateField, &DateField::dateEdited, this, [this] { userChanged(true); });
        // Until then, what is typed is no date yet: a refresh must not replace it, and the edit
        // starts from the date shown when typing began.
        connect(dateField, &QLineEdit::textEdited, this, [this] {
            if (!pending_ && !typing_)
                base_ = stored_;
            typing_ = true;
        });
        connect(dateField, &QLineEdit::editingFinished, this, &FieldBinding::commitPending);
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        connect(line, &QLineEdit::textChanged, this, [this] { userChanged(false); });
        connect(line, &QLineEdit::editingFinished, this, &FieldBinding::commitPending);
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(editor)) {
        connect(text, &QPlainTextEdit::textChanged, this, [this] { userChanged(false); });
    } else if (auto* date = qobject_cast<QDateEdit*>(editor)) {
        connect(date, &QDateEdit::dateChanged, this, [this] { userChanged(false); });
        connect(date, &QDateEdit::editingFinished, this, &FieldBinding::commitPending);
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        connect(spin, &QSpinBox::valueChanged, this, [this] { userChanged(false); });
        connect(spin, &QSpinBox::editingFinished, this, &FieldBinding::commitPending);
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        connect(combo, &QComboBox::activated, this, [this] { userChanged(true); });
    } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
        connect(check, &QCheckBox::clicked, this, [this] { userChanged(true); });
    }
}

QVariant FieldBinding::editorValue() const
{
    if (const auto* dateField = qobject_cast<const DateField*>(editor_))
        return dateField->date();
    if (const auto* line = qobject_cast<const QLineEdit*>(editor_))
        return line->text();
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(editor_))
        return text->toPlainText();
    if (const auto* date = qobject_cast<const QDateEdit*>(editor_))
        return dateOf(date);
    if (const auto* spin = qobject_cast<const QSpinBox*>(editor_))
        return spin->value();
    if (const auto* combo = qobject_cast<const QComboBox*>(editor_))
        return combo->currentData();
    if (const auto* check = qobject_cast<const QCheckBox*>(editor_))
        return check->isChecked();
    return {};
}

int FieldBinding::textLimit() const
{
    if (const auto* line = qobject_cast<const QLineEdit*>(editor_))
        return line->maxLength();
    return limits::kText;
}

void FieldBinding::setEditorValue(const QVariant& value)
{
    const QScopedValueRollback<bool> guard(updating_, true);
    // A stored text longer than the editor takes (a file may hold one) is shown cut short and
    // cannot be edited here, so that nothing is cut off by saving it again.
    const bool isText = (qobject_cast<QLineEdit*>(editor_) && !qobject_cast<DateField*>(editor_)) ||
                        qobject_cast<QPlainTextEdit*>(editor_);
    const bool overLong = isText && value.toString().size() > textLimit();
    if (overLong != overLong_) {
        overLong_ = overLong;
        applyReadOnly();
        editor_->setToolTip(overLong ? tr("This text is longer than Waymark keeps (%1 characters), so it is shown "
                                          "cut short and cannot be changed here.")
                                           .arg(value.toString().size())
                                     : QString());
    }
    if (overLong) {
        if (auto* line = qobject_cast<QLineEdit*>(editor_))
            line->setText(limits::shortened(value.toString(), textLimit()));
        else if (auto* text = qobject_cast<QPlainTextEdit*>(editor_))
            text->setPlainText(limits::shortened(value.toString(), textLimit()));
        return;
    }
    if (auto* dateField = qobject_cast<DateField*>(editor_)) {
        dateField->setDate(value.toDate());
    } else if (auto* line = qobject_cast<QLineEdit*>(editor_)) {
        // Keep the caret where it was: an undo from the Edit menu must not throw the teacher out.
        const int cursor = line->cursorPosition();
        line->setText(value.toString());
        line->setCursorPosition(std::min(cursor, static_cast<int>(line->text().size())));
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(editor_)) {
        const int cursor = text->textCursor().position();
        const int scroll = text->verticalScrollBar()->value();
        text->setPlainText(value.toString());
        QTextCursor c = text->textCursor();
        c.setPosition(std::min(cursor, static_cast<int>(text->document()->characterCount()) - 1));
        text->setTextCursor(c);
        text->verticalScrollBar()->setValue(scroll);
    } else if (auto* date = qobject_cast<QDateEdit*>(editor_)) {
        const QDate d = value.toDate();
        date->setDate(d.isValid() ? d : date->minimumDate());
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor_)) {
        spin->setValue(value.toInt());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor_)) {
        const int index = combo->findData(value);
        combo->setCurrentIndex(index >= 0 ? index : 0);
    } else if (auto* check = qobject_cast<QCheckBox*>(editor_)) {
        check->setChecked(value.toBool());
    }
}

void FieldBinding::showStored(const QVariant& value, bool force)
{
    if (force) {
        idle_.stop();
        pending_ = false;
        typing_ = false;
        typingSession_ = newTypingSession();
    }
    stored_ = value;
    if (pending_ || typing_)
        return; // the teacher's unwritten typing wins until it is written
    if (editorValue() != value)
        setEditorValue(value);
}

void FieldBinding::userChanged(bool immediate)
{
    if (updating_)
        return;
    if (!pending_ && !typing_)
        base_ = stored_; // a change from elsewhere arriving while the teacher types must not move it
    pending_ = true;
    Q_EMIT edited(editorValue());
    if (immediate)
        commitPending();
    else
        idle_.start();
}

void FieldBinding::commitPending()
{
    idle_.stop();
    if (!editor_)
        return;
    if (auto* dateField = qobject_cast<DateField*>(editor_); dateField && typing_) {
        // A date still being typed is read now (Ctrl+Z, another pupil, quitting): a new date commits
        // through dateEdited (this again); the same date again just ends the typing, and whatever
        // is stored by now (a change from elsewhere meanwhile) is shown.
        dateField->commitText();
        if (!dateField->hasUnreadableText()) {
            typing_ = false;
            if (!pending_ && editorValue() != stored_)
                setEditorValue(stored_);
        }
    }
    if (!pending_)
        return;
    pending_ = false;
    typing_ = false;
    const QVariant value = editorValue();
    if (value == stored_)
        return;
    if (commit_(value, base_, typingSession_)) {
        stored_ = value;
        base_ = value;
    }
    else
        pending_ = true; // refused: keep the teacher's text on screen until they fix it or move on
    // Checkboxes and combos are single choices: each is its own undo step.
    if (qobject_cast<QComboBox*>(editor_) || qobject_cast<QCheckBox*>(editor_))
        typingSession_ = newTypingSession();
}

void FieldBinding::setReadOnly(bool readOnly)
{
    readOnly_ = readOnly;
    applyReadOnly();
}

void FieldBinding::applyReadOnly()
{
    if (!editor_)
        return;
    const bool readOnly = readOnly_ || overLong_;
    // Text stays selectable (for copying) when read-only; choices are simply disabled.
    if (auto* line = qobject_cast<QLineEdit*>(editor_))
        line->setReadOnly(readOnly);
    else if (auto* text = qobject_cast<QPlainTextEdit*>(editor_))
        text->setReadOnly(readOnly);
    else if (auto* spinBox = qobject_cast<QAbstractSpinBox*>(editor_))
        spinBox->setReadOnly(readOnly);
    else
        editor_->setEnabled(!readOnly);
}

bool FieldBinding::eventFilter(QObject* watched, QEvent* event)
{
    if (editor_ && (watched == editor_ || watched == editor_->focusProxy())) {
        const bool key = event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress;
        if (key && isUndoOrRedoKey(static_cast<QKeyEvent*>(event))) {
            // One undo, wherever the focus is: what is typed here becomes a step on the app's undo
            // stack first, and the app's Undo and Redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y, the Edit menu)
            // take it from there. The box's own undo, which knew only its own typing, never runs.
            commitPending();
            if (event->type() == QEvent::ShortcutOverride)
                event->ignore(); // not the box's: the window's shortcut runs
            return true;
        }
        if (event->type() == QEvent::FocusOut)
            commitPending();
        else if (event->type() == QEvent::FocusIn)
            typingSession_ = newTypingSession(); // a new visit to the field is a new undo step
    }
    return QObject::eventFilter(watched, event);
}

} // namespace waymark
