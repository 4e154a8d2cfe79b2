#include "setup/schoolsetupdialog.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QScreen>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace waymark {

SchoolSetupDialog::SchoolSetupDialog(QWidget* parent) : QDialog(parent), tabs_(new QTabWidget(this))
{
    setWindowTitle(tr("School Set-up"));
    setModal(false);
    tabs_->setAccessibleName(tr("Parts of the school"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    // Enter finishes what is being typed on a page; it never closes the window (Esc does).
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setAutoDefault(false);
    close->setDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_, 1);
    layout->addWidget(buttons);
    // Most of a laptop's screen, less the panel and title: the pages lay out inside it.
    QSize size(fontMetrics().averageCharWidth() * 200, fontMetrics().lineSpacing() * 44);
    if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.94);
    resize(size);
}

void SchoolSetupDialog::addPage(QWidget* page, const QString& title, std::function<void()> reload)
{
    // A dialog's push buttons press on Enter when none is the default: on these pages Enter ends
    // what is typed, and a button is pressed on purpose (Space, or its Alt+letter).
    for (QPushButton* button : page->findChildren<QPushButton*>())
        button->setAutoDefault(false);
    tabs_->addTab(page, title);
    reloads_.push_back(std::move(reload));
}

void SchoolSetupDialog::showPage(int index)
{
    tabs_->setCurrentIndex(index);
    if (QWidget* page = tabs_->currentWidget())
        page->setFocus();
}

void SchoolSetupDialog::reload()
{
    for (const auto& reload : reloads_)
        if (reload)
            reload();
}

} // namespace waymark
