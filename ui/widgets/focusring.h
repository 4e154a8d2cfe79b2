#pragma once

#include <QPointer>
#include <QWidget>

namespace waymark {

// A ring in the highlight colour around the box, list or table that has the keyboard, in one
// window. Styles mark a focused line edit clearly but a text box, a list or a table hardly at all
// (and a list with the focus looks like one without), so a teacher using the keyboard lost track.
// The ring is a see-through widget laid over the focused one, drawn on its edge; it takes no clicks.
class FocusRing final : public QWidget
{
    Q_OBJECT

public:
    explicit FocusRing(QWidget* window);

    // The widget ringed now, if any (for tests).
    QWidget* target() const { return target_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void follow(QWidget* focused);
    void place();

    QWidget* window_;
    QPointer<QWidget> target_;
};

} // namespace waymark
