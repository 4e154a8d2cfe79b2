#include "widgets/whenresized.h"

#include <QEvent>
#include <QPointer>
#include <QWidget>

namespace waymark {

namespace {
class ResizeWatch final : public QObject
{
public:
    ResizeWatch(QWidget* watched, QObject* owner, std::function<void()> fit)
        : QObject(owner), watched_(watched), fit_(std::move(fit))
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* object, QEvent* event) override
    {
        if (object == watched_ && event->type() == QEvent::Resize)
            fit_();
        return false;
    }

private:
    QPointer<QWidget> watched_;
    std::function<void()> fit_;
};
} // namespace

void whenResized(QWidget* watched, QObject* owner, std::function<void()> fit)
{
    new ResizeWatch(watched, owner, std::move(fit));
}

} // namespace waymark
