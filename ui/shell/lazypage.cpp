#include "shell/lazypage.h"

namespace waymark {

void LazyPage::refresh()
{
    stale_ = false;
    reload();
}

void LazyPage::invalidate()
{
    if (isVisible())
        refresh();
    else
        stale_ = true;
}

void LazyPage::showEvent(QShowEvent* event)
{
    // Before the first paint of the page: it is never drawn with stale contents.
    if (stale_)
        refresh();
    QWidget::showEvent(event);
}

} // namespace waymark
