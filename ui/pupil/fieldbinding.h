#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariant>

#include <functional>

class QWidget;

namespace waymark {

// Ties one editor widget to one stored field. It shows the stored value and, when the teacher
// pauses typing or leaves the field, hands the new value to a commit function (which pushes an undo
// command). Text is never written per keystroke, and never lost: commitPending() writes whatever
// is still waiting. Works with QLineEdit, QPlainTextEdit, DateField, QDateEdit, QSpinBox (written after a
// pause), QComboBox (its item data) and QCheckBox (written at once).
class FieldBinding final : public QObject
{
    Q_OBJECT

public:
    // Returns false if the value was refused (the editor keeps it so the teacher can fix it).
    // base is the stored value the teacher's edit started from: if the file holds something else
    // by now, someone changed it elsewhere meanwhile. typingSession is the same for every commit
    // made while the field keeps the focus.
    using Commit = std::function<bool(const QVariant& value, const QVariant& base, quint64 typingSession)>;

    static constexpr int kIdleMilliseconds = 700;

    FieldBinding(QWidget* editor, Commit commit, QObject* parent = nullptr);

    QWidget* editor() const { return editor_; }

    // Shows a value from the database. A field the teacher is typing into keeps their text and
    // cursor unless `force` (a different pupil is being shown).
    void showStored(const QVariant& value, bool force = false);
    // Writes what is waiting to be written, if anything.
    void commitPending();
    bool hasPending() const { return pending_; }
    void setReadOnly(bool readOnly);

    QVariant editorValue() const;

Q_SIGNALS:
    // The teacher changed the value (before it is written); used for live hints such as UPN checks.
    void edited(const QVariant& value);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setEditorValue(const QVariant& value);
    void applyReadOnly();
    int textLimit() const;
    void userChanged(bool immediate);

    QPointer<QWidget> editor_;
    Commit commit_;
    QTimer idle_;
    QVariant stored_;
    QVariant base_; // what was stored when the pending edit began
    bool pending_ = false;
    bool typing_ = false; // a date being typed (or unreadable): not yet a value, but not to be replaced
    bool readOnly_ = false;
    bool overLong_ = false; // the stored text is longer than the editor takes: shown cut, not editable
    bool updating_ = false;
    quint64 typingSession_ = 0;
};

} // namespace waymark
