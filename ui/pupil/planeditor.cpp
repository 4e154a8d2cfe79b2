#include "pupil/planeditor.h"

#include "pupil/fieldvalues.h"

#include <QFontMetrics>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>

namespace waymark {

PlanEditor::PlanEditor(PupilEditor& editor, QWidget* parent)
    : QWidget(parent)
    , editor_(editor)
{
    struct PartInfo
    {
        QString label;
        QString accessible;
        QString placeholder;
        QString undoText;
        QString LearningPlan::*member;
    };
    const std::array<PartInfo, PartCount> parts{{
        {tr("St&rengths and interests"), tr("Strengths and interests"),
         tr("What they are good at and enjoy; what motivates them."), tr("Change strengths and interests"),
         &LearningPlan::strengths},
        {tr("Needs and &barriers"), tr("Needs and barriers"), tr("What gets in the way of their learning."),
         tr("Change needs and barriers"), &LearningPlan::needs},
        {tr("Strate&gies that help"), tr("Strategies that help"),
         tr("What works in class: seating, instructions, resources..."), tr("Change strategies that help"),
         &LearningPlan::strategies},
        {tr("Pr&ovision"), tr("Provision"), tr("Interventions and support in place, with who and how often."),
         tr("Change provision"), &LearningPlan::provision},
    }};

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    // Two lines at least, so the page still fits 1366×768 at 200% (a box scrolls; the splitter
    // above gives it more room).
    const int lines = 2;
    for (int i = 0; i < PartCount; ++i) {
        const PartInfo& info = parts[static_cast<std::size_t>(i)];
        auto* edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true); // Tab moves on; the plan is keyboard-navigable
        edit->setAccessibleName(info.accessible);
        edit->setPlaceholderText(info.placeholder);
        edit->setMinimumHeight(QFontMetrics(edit->font()).lineSpacing() * lines + 12);
        auto* label = new QLabel(info.label, this);
        label->setBuddy(edit);
        const int row = (i / 2) * 2;
        const int column = i % 2;
        grid->addWidget(label, row, column);
        grid->addWidget(edit, row + 1, column);
        editors_[static_cast<std::size_t>(i)] = edit;
        bindings_[static_cast<std::size_t>(i)] = fieldvalues::bindPlan(
            editor_, [this] { return pupilId_; }, edit, info.member, info.undoText, this);
    }
    grid->setRowStretch(1, 1);
    grid->setRowStretch(3, 1);
}

void PlanEditor::showRecord(const PupilRecord& record, bool newPupil)
{
    pupilId_ = record.pupil.id;
    const LearningPlan plan = record.plan.value_or(LearningPlan{});
    const std::array<QString, PartCount> values{plan.strengths, plan.needs, plan.strategies, plan.provision};
    for (std::size_t i = 0; i < values.size(); ++i)
        bindings_[i]->showStored(values[i], newPupil);
}

void PlanEditor::commitPending()
{
    for (FieldBinding* b : bindings_)
        b->commitPending();
}

void PlanEditor::setReadOnly(bool readOnly)
{
    for (FieldBinding* b : bindings_)
        b->setReadOnly(readOnly);
}

} // namespace waymark
