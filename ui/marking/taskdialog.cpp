#include "marking/taskdialog.h"

#include "calendar/schoolcalendar.h"
#include "domain/entities.h"
#include "queries/rosterqueries.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "widgets/datefield.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace waymark {

namespace {
constexpr int kTrafficLightsOnly = -1;
constexpr int kMarksOutOf = -2;
} // namespace

TaskDialog::TaskDialog(Database& db, RowId groupId, QDate today, QWidget* parent, RowId copyOf)
    : QDialog(parent), db_(db), copyOf_(copyOf), group_(new QComboBox(this)), setOn_(new DateField(this)),
      problems_(new QLabel(this)), buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const std::optional<Task> source = copyOf ? Repository<Task>(db).find(copyOf) : std::nullopt;
    setWindowTitle(source ? tr("Copy Task") : tr("New Task"));
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    // The groups of the year the school is in now, the one on show first chosen.
    for (const GroupSummary& g : groupsOfYear(db, rosterYear(db, today), MemberCounts::Skip)) {
        group_->addItem(g.subjectName.isEmpty() ? g.name : tr("%1 (%2)").arg(g.name, g.subjectName), g.id);
        if (g.id == groupId)
            group_->setCurrentIndex(group_->count() - 1);
    }
    group_->setAccessibleName(tr("Group"));
    form->addRow(tr("&Group:"), group_);
    if (source) {
        auto* what = new QLabel(tr("A copy of “%1” with its learning intention, success criteria and scale, and no "
                                   "marks.")
                                    .arg(source->title.toHtmlEscaped()),
                                this);
        what->setWordWrap(true);
        form->insertRow(0, what);
    } else {
        title_ = new QLineEdit(this);
        title_->setAccessibleName(tr("Title"));
        form->addRow(tr("&Title:"), title_);
    }
    setOn_->setToday(today);
    setOn_->setDate(today);
    setOn_->setAccessibleName(tr("Set on"));
    form->addRow(tr("&Set on:"), setOn_);
    if (!source) {
        intention_ = new QPlainTextEdit(this);
        intention_->setTabChangesFocus(true);
        intention_->setAccessibleName(tr("Learning intention"));
        intention_->setFixedHeight(fontMetrics().lineSpacing() * 3);
        form->addRow(tr("&Learning intention:"), intention_);
        criteria_ = new QPlainTextEdit(this);
        criteria_->setTabChangesFocus(true);
        criteria_->setAccessibleName(tr("Success criteria, one a line"));
        criteria_->setPlaceholderText(tr("One a line, for example:\nI can add fractions with the same denominator"));
        criteria_->setFixedHeight(fontMetrics().lineSpacing() * 6);
        form->addRow(tr("Success &criteria:"), criteria_);

        scale_ = new QComboBox(this);
        scale_->addItem(tr("Traffic lights only"), kTrafficLightsOnly);
        scale_->addItem(tr("Marks out of…"), kMarksOutOf);
        for (const Scale& s : Repository<Scale>(db).where("code NOT LIKE 'marks-%' ORDER BY builtin DESC, name"))
            scale_->addItem(s.name, s.id);
        scale_->setAccessibleName(tr("Graded on"));
        marks_ = new QSpinBox(this);
        marks_->setRange(1, 200);
        marks_->setValue(20);
        marks_->setAccessibleName(tr("Marks out of"));
        marks_->setVisible(false);
        auto* row = new QHBoxLayout;
        row->addWidget(scale_, 1);
        row->addWidget(marks_);
        auto* scaleLabel = new QLabel(tr("Gra&ded on:"), this);
        scaleLabel->setBuddy(scale_);
        form->addRow(scaleLabel, row);
        connect(scale_, &QComboBox::currentIndexChanged, this, [this] {
            marks_->setVisible(scale_->currentData().toInt() == kMarksOutOf);
            check();
        });

        reuse_ = new QComboBox(this);
        reuse_->addItem(tr("Nothing: start afresh"), 0);
        for (const marking::TaskSummary& t : marking::tasksOf(db)) {
            if (t.criteria == 0)
                continue;
            reuse_->addItem(tr("%1 — %2, %3").arg(t.title, t.group, QLocale().toString(t.setOn, QLocale::ShortFormat)),
                            t.id);
            if (reuse_->count() > 200)
                break;
        }
        reuse_->setAccessibleName(tr("Reuse the intention and criteria of"));
        form->addRow(tr("&Reuse criteria of:"), reuse_);
        connect(reuse_, &QComboBox::activated, this, &TaskDialog::reuse);
        connect(title_, &QLineEdit::textChanged, this, &TaskDialog::check);
        connect(criteria_, &QPlainTextEdit::textChanged, this, &TaskDialog::check);
        connect(intention_, &QPlainTextEdit::textChanged, this, &TaskDialog::check);
    }
    connect(group_, &QComboBox::currentIndexChanged, this, &TaskDialog::check);
    connect(setOn_, &DateField::dateEdited, this, &TaskDialog::check);

    problems_->setWordWrap(true);
    problems_->setAccessibleName(tr("Problems"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons_->button(QDialogButtonBox::Ok)->setText(source ? tr("Copy Task") : tr("Make Task"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problems_);
    layout->addWidget(buttons_);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    check();
    if (title_)
        title_->setFocus();
}

void TaskDialog::reuse(int index)
{
    const RowId from = reuse_->itemData(index).toLongLong();
    if (from == 0)
        return;
    const std::optional<Task> task = Repository<Task>(db_).find(from);
    if (!task)
        return;
    QStringList lines;
    for (const SuccessCriterion& c : Repository<SuccessCriterion>(db_).where("task_id = ?1 ORDER BY position, id", from))
        lines << c.text;
    intention_->setPlainText(task->learningIntention);
    criteria_->setPlainText(lines.join(QLatin1Char('\n')));
    if (task->scaleId) {
        const std::optional<Scale> scale = Repository<Scale>(db_).find(*task->scaleId);
        if (scale && scale->code.startsWith(QLatin1String("marks-"))) {
            scale_->setCurrentIndex(scale_->findData(kMarksOutOf));
            marks_->setValue(scale->code.mid(6).toInt());
        } else if (const int at = scale_->findData(*task->scaleId); at >= 0) {
            scale_->setCurrentIndex(at);
        }
    } else {
        scale_->setCurrentIndex(0);
    }
}

marking::TaskDetails TaskDialog::details() const
{
    marking::TaskDetails d;
    d.groupId = group_->currentData().toLongLong();
    d.setOn = setOn_->date();
    if (title_)
        d.title = title_->text();
    if (intention_)
        d.learningIntention = intention_->toPlainText();
    if (criteria_)
        d.criteria = criteria_->toPlainText().split(QLatin1Char('\n'));
    if (scale_) {
        const qlonglong choice = scale_->currentData().toLongLong();
        if (choice == kMarksOutOf)
            d.marksOutOf = marks_->value();
        else if (choice > 0)
            d.scaleId = choice;
    }
    return d;
}

void TaskDialog::check()
{
    QStringList problems;
    if (group_->count() == 0)
        problems << tr("There are no groups this year: make one in School Set-up first.");
    else if (copyOf_ == 0)
        problems = marking::problemsWithTask(db_, details());
    if (!setOn_->date().isValid())
        problems << tr("Give the date the task is set.");
    problems_->setText(problems.join(QLatin1Char('\n')));
    problems_->setVisible(!problems.isEmpty());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

} // namespace waymark
