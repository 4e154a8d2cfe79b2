#pragma once

#include <QDialog>

class QCommandLinkButton;

namespace waymark {

// The first-start dialog: make a new school, try the demo school, or open a file from elsewhere.
class WelcomeDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { None, CreateSchool, OpenDemo, OpenFile };

    explicit WelcomeDialog(QWidget* parent = nullptr);
    Choice choice() const { return choice_; }

    QCommandLinkButton* createButton() const { return create_; }
    QCommandLinkButton* demoButton() const { return demo_; }
    QCommandLinkButton* openButton() const { return open_; }

private:
    void choose(Choice choice);

    Choice choice_ = Choice::None;
    QCommandLinkButton* create_;
    QCommandLinkButton* demo_;
    QCommandLinkButton* open_;
};

} // namespace waymark
