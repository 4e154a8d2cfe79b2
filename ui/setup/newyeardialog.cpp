#include "setup/newyeardialog.h"

#include "calendar/schoolcalendar.h"
#include "calendar/typeddate.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace waymark {

NewYearDialog::NewYearDialog(setup::NewYearPlan plan, QWidget* parent)
    : QDialog(parent), plan_(std::move(plan)), summary_(new QLabel(this)), candidates_(new QListWidget(this)),
      start_(nullptr)
{
    setWindowTitle(tr("Start New Academic Year"));
    summary_->setWordWrap(true);
    summary_->setAccessibleName(tr("What starting the year will do"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    candidates_->setAccessibleName(tr("Pupils who may be leaving"));
    for (const setup::LeaverCandidate& c : plan_.candidates) {
        auto* item = new QListWidgetItem(tr("%1 (Year %2)").arg(c.name).arg(c.yearGroup), candidates_);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(c.usuallyLeaves ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, c.pupilId);
    }
    auto* label = new QLabel(tr("&Leaving this summer (Space ticks or unticks):"), this);
    label->setBuddy(candidates_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    start_ = buttons->button(QDialogButtonBox::Ok);
    start_->setText(tr("&Start %1").arg(SchoolCalendar::academicYearLabel(plan_.toYear)));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(candidates_, &QListWidget::itemChanged, this, &NewYearDialog::update);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(label);
    layout->addWidget(candidates_, 1);
    layout->addWidget(buttons);
    label->setVisible(!plan_.candidates.empty());
    candidates_->setVisible(!plan_.candidates.empty());
    update();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 80),
           std::max(sizeHint().height(), fontMetrics().lineSpacing() * 24));
    candidates_->setFocus();
    if (candidates_->count() > 0)
        candidates_->setCurrentRow(0);
}

std::vector<RowId> NewYearDialog::leavers() const
{
    std::vector<RowId> out;
    for (int i = 0; i < candidates_->count(); ++i)
        if (candidates_->item(i)->checkState() == Qt::Checked)
            out.push_back(candidates_->item(i)->data(Qt::UserRole).toLongLong());
    return out;
}

QString NewYearDialog::summaryText() const
{
    return summary_->text();
}

void NewYearDialog::update()
{
    const QLocale locale;
    if (plan_.alreadyStarted) {
        summary_->setText(tr("%1 has already been started in this school file: pupils have moved up.")
                              .arg(SchoolCalendar::academicYearLabel(plan_.toYear)));
        start_->setEnabled(false);
        return;
    }
    const int leaving = int(leavers().size());
    int moving = 0;
    for (const setup::LeaverCandidate& c : plan_.candidates)
        moving += c.usuallyLeaves ? 1 : 0;
    moving = plan_.movingUp + moving - leaving; // the plan counts the usual leavers out
    QStringList lines;
    lines << tr("Starting %1 will:").arg(SchoolCalendar::academicYearLabel(plan_.toYear));
    lines << (moving == 1 ? tr("• move 1 pupil up a year group;")
                          : tr("• move %1 pupils up a year group;").arg(locale.toString(moving)));
    lines << (leaving == 1 ? tr("• mark 1 pupil as left on %1 (their records stay);").arg(typedDateText(plan_.leaveOn))
                           : tr("• mark %1 pupils as left on %2 (their records stay);")
                                 .arg(locale.toString(leaving), typedDateText(plan_.leaveOn)));
    lines << (plan_.calendarStored ? tr("• keep the dates already set for %1.")
                                   : tr("• set %1's dates to the usual ones for England, for you to change."))
                 .arg(SchoolCalendar::academicYearLabel(plan_.toYear));
    lines << tr("Edit ▸ Undo takes it all back.");
    summary_->setText(lines.join(QLatin1Char('\n')));
    start_->setEnabled(true);
}

StartNewYearCommand::StartNewYearCommand(Database& db, setup::NewYearPlan plan, std::vector<RowId> leavers,
                                         std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::StartNewYearCommand", "Start %1")
                       .arg(SchoolCalendar::academicYearLabel(plan.toYear))),
      db_(db), plan_(std::move(plan)), leavers_(std::move(leavers)), problem_(std::move(problem))
{}

void StartNewYearCommand::redo()
{
    try {
        if (!started_) {
            result_ = setup::startNewYear(db_, plan_, leavers_);
            started_ = true;
        } else {
            setup::revertNewYear(db_, result_, true);
        }
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (!started_)
            setObsolete(true);
    }
}

void StartNewYearCommand::undo()
{
    try {
        setup::revertNewYear(db_, result_);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

} // namespace waymark
