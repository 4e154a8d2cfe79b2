#pragma once

#include <QWidget>

namespace waymark {

// A page that reads the school only while someone can see it. A change to the file marks a hidden
// page stale and it catches up when next shown, so opening a school, or a burst of writes, costs
// only the page on show (the dashboard's review facts are not read at all when the app starts on a
// pupil).
class LazyPage : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Reads the page again from the school now. A file that cannot be read (locked past the busy
    // timeout, damaged) leaves the page as it was, still stale, and is reported by problem().
    void refresh();
    // Refreshes now if the page is on show, otherwise when it is next shown.
    void invalidate();
    bool isStale() const { return stale_; }

Q_SIGNALS:
    void problem(const QString& message);

protected:
    virtual void reload() = 0;
    void showEvent(QShowEvent* event) override;

private:
    bool stale_ = false;
};

} // namespace waymark
