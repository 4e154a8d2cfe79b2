#include "setup/leavedialog.h"

#include "calendar/typeddate.h"
#include "widgets/datefield.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace waymark {

LeaveDialog::LeaveDialog(const QString& name, QDate startedOn, QDate today, QWidget* parent)
    : QDialog(parent), startedOn_(startedOn), date_(new DateField(this)), problem_(new QLabel(this))
{
    setWindowTitle(tr("Mark as Left"));
    auto* intro = new QLabel(tr("%1 will be marked as left. Their plan, targets and evidence stay, and they can be "
                                "re-admitted.")
                                 .arg(name),
                             this);
    intro->setWordWrap(true);
    date_->setToday(today);
    date_->setDate(today);
    date_->setAccessibleName(tr("Left on"));
    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Left on:"), date_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("&Mark as Left"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(date_, &DateField::dateEdited, this, &LeaveDialog::check);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    check();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 60), sizeHint().height());
    date_->setFocus();
    date_->selectAll();
}

QDate LeaveDialog::leftOn() const
{
    return date_->date();
}

void LeaveDialog::check()
{
    QString problem;
    if (!date_->date().isValid())
        problem = tr("Type the day they left.");
    else if (startedOn_.isValid() && date_->date() < startedOn_)
        problem = tr("They started on %1, so cannot have left before that.").arg(typedDateText(startedOn_));
    problem_->setText(problem);
    ok_->setEnabled(problem.isEmpty());
}

} // namespace waymark
