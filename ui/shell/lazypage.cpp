#include "shell/lazypage.h"

#include "storage/storageerror.h"

namespace waymark {

void LazyPage::refresh()
{
    stale_ = false;
    try {
        reload();
    } catch (const StorageError& error) {
        stale_ = true; // tried again when next shown or changed
        Q_EMIT problem(error.message());
    }
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
