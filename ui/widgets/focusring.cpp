#include "widgets/focusring.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QEvent>
#include <QPainter>

namespace waymark {

namespace {
constexpr int kWidth = 2;

// The box, list or table that the focused widget is, or is inside (a cell's editor, a viewport).
QAbstractScrollArea* ringed(QWidget* focused, const QWidget* window)
{
    for (QWidget* w = focused; w && w != window; w = w->parentWidget())
        if (auto* area = qobject_cast<QAbstractScrollArea*>(w); area && area->focusPolicy() != Qt::NoFocus)
            return area;
    return nullptr;
}
} // namespace

FocusRing::FocusRing(QWidget* window) : QWidget(window), window_(window)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) { follow(now); });
}

void FocusRing::follow(QWidget* focused)
{
    QWidget* next = focused && focused->window() == window_ ? ringed(focused, window_) : nullptr;
    if (next == target_) {
        if (target_)
            place();
        return;
    }
    if (target_) {
        target_->removeEventFilter(this);
        disconnect(target_, &QObject::destroyed, this, nullptr);
    }
    target_ = next;
    if (!target_) {
        // Back to the window while it rings nothing: a page that goes takes only its own widgets.
        hide();
        setParent(window_);
        return;
    }
    target_->installEventFilter(this);
    // The ring sits beside its target; when the target goes (a page closed), it goes back to the
    // window rather than with the target's parent.
    connect(target_, &QObject::destroyed, this, [this] {
        hide();
        setParent(window_);
    });
    setParent(target_->parentWidget());
    place();
}

void FocusRing::place()
{
    if (!target_ || !target_->isVisible() || !parentWidget()) {
        hide();
        return;
    }
    // Over the target's own edge (its frame), so it shows even where the target touches the edge
    // of its parent.
    setGeometry(target_->geometry());
    raise();
    show();
    update();
}

bool FocusRing::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == target_) {
        switch (event->type()) {
        case QEvent::Move:
        case QEvent::Resize:
        case QEvent::Show:
        case QEvent::Hide:
            place();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(palette().color(QPalette::Active, QPalette::Highlight), kWidth));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(rect()).adjusted(kWidth / 2.0, kWidth / 2.0, -kWidth / 2.0, -kWidth / 2.0), 2, 2);
}

} // namespace waymark
