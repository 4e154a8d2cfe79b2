#pragma once

#include <QFrame>

class QLabel;

namespace waymark {

// A bar across the top of the window that says something the teacher must know (the school is open
// read-only, and why). Its tint is mixed from the palette, and an icon and words carry the meaning.
class MessageBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit MessageBanner(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateIcon();

    QLabel* icon_;
    QLabel* text_;
};

} // namespace waymark
