#include "welcome/welcomedialog.h"

#include "icons.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace waymark {

namespace {
// A choice that shows clearly when the keyboard is on it: Fusion and most desktop styles draw a
// command link's focus faintly, or not at all.
class ChoiceButton final : public QCommandLinkButton
{
public:
    ChoiceButton(const QString& text, const QString& description, QWidget* parent)
        : QCommandLinkButton(text, description, parent)
    {
    }

protected:
    void paintEvent(QPaintEvent* event) override
    {
        QCommandLinkButton::paintEvent(event);
        if (!hasFocus())
            return;
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5), 4, 4);
    }
};
} // namespace

WelcomeDialog::WelcomeDialog(QWidget* parent)
    : QDialog(parent),
      create_(new ChoiceButton(tr("&Create a new school"),
                                     tr("Start an empty school file on this computer and add your pupils."), this)),
      demo_(new ChoiceButton(tr("Open the &demo school"),
                                   tr("Explore Waymark with made-up pupils, plans and evidence. Nothing you do "
                                      "there touches real data."),
                                   this)),
      open_(new ChoiceButton(tr("&Open a file…"),
                                   tr("Open a school file you already have, for example one copied from a colleague "
                                      "or a backup."),
                                   this))
{
    setWindowTitle(tr("Welcome to Waymark"));
    setWindowIcon(icons::app());

    auto* heading = new QLabel(tr("<h2>Welcome to Waymark</h2>"
                                  "<p>Waymark keeps each pupil's learning plan and the evidence behind it in one "
                                  "file on this computer. How would you like to start?</p>"),
                               this);
    heading->setWordWrap(true);

    create_->setIcon(icons::themed(QStringLiteral("new")));
    demo_->setIcon(icons::themed(QStringLiteral("pupils")));
    open_->setIcon(icons::themed(QStringLiteral("open")));
    create_->setAccessibleName(tr("Create a new school"));
    demo_->setAccessibleName(tr("Open the demo school"));
    open_->setAccessibleName(tr("Open a file"));
    create_->setDefault(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Quit"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(create_);
    layout->addWidget(demo_);
    layout->addWidget(open_);
    layout->addSpacing(8);
    layout->addWidget(buttons);

    connect(create_, &QCommandLinkButton::clicked, this, [this] { choose(Choice::CreateSchool); });
    connect(demo_, &QCommandLinkButton::clicked, this, [this] { choose(Choice::OpenDemo); });
    connect(open_, &QCommandLinkButton::clicked, this, [this] { choose(Choice::OpenFile); });
    create_->setFocus();
    // Wrapped text: ask the layout how tall it needs to be at this width, not a guess.
    const int width = 540;
    resize(width, layout->hasHeightForWidth() ? layout->totalHeightForWidth(width) : sizeHint().height());
}

void WelcomeDialog::choose(Choice choice)
{
    choice_ = choice;
    accept();
}

} // namespace waymark
