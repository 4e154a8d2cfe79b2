#include "marking/classfeedbackpanel.h"

#include "marking/classfeedbackcommands.h"
#include "marking/classfeedbackmodels.h"
#include "marking/printing.h"
#include "pupil/fieldbinding.h"
#include "reports/reportpage.h"
#include "services/schoolsession.h"
#include "storage/storageerror.h"

#include <QAction>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace waymark {

using marking::ClassNote;

namespace {
const std::array<QString, 4> kLights = {QStringLiteral("red"), QStringLiteral("amber"), QStringLiteral("green"),
                                        QString()};

QPixmap disc(const QString& light, int size, qreal ratio)
{
    QPixmap pixmap(qRound(size * ratio), qRound(size * ratio));
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    if (light.isEmpty()) {
        p.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 1.5, Qt::DashLine));
        p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    } else {
        reports::drawLightDisc(p, QPointF(size / 2.0, size / 2.0), size - 2, light);
    }
    return pixmap;
}

QTableView* listView(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(true);
    view->setTabKeyNavigation(false); // Tab moves on to the next part of the panel
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setMinimumHeight(QFontMetrics(view->font()).lineSpacing() * 4);
    return view;
}
} // namespace

ClassFeedbackPanel::ClassFeedbackPanel(SchoolSession& session, QUndoStack& undo, QWidget* parent)
    : QWidget(parent), session_(session), undo_(undo)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // The lights: a disc with its letter and the count of each, then how many were marked.
    auto* lightsRow = new QHBoxLayout;
    const int size = QFontMetrics(font()).height() + 4;
    for (std::size_t i = 0; i < kLights.size(); ++i) {
        auto* icon = new QLabel(this);
        icon->setPixmap(disc(kLights[i], size, devicePixelRatioF()));
        lights_[i] = new QLabel(this);
        lightsRow->addWidget(icon);
        lightsRow->addWidget(lights_[i]);
        lightsRow->addSpacing(size / 2);
    }
    lightsText_ = new QLabel(this);
    lightsText_->setWordWrap(true);
    lightsRow->addWidget(lightsText_, 1);
    layout->addLayout(lightsRow);

    criteria_ = new CriterionCountsModel(this);
    criteriaView_ = listView(criteria_, tr("Success criteria"), this);
    criteriaView_->horizontalHeader()->setStretchLastSection(false);
    criteriaView_->horizontalHeader()->setSectionResizeMode(CriterionCountsModel::Criterion, QHeaderView::Stretch);
    for (int c = CriterionCountsModel::Met; c < CriterionCountsModel::ColumnCount; ++c)
        criteriaView_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    layout->addWidget(criteriaView_);

    auto* lists = new QGridLayout;
    revisit_ = new PupilNotesModel(this);
    praise_ = new PupilNotesModel(this);
    revisitTitle_ = new QLabel(this);
    praiseTitle_ = new QLabel(this);
    revisitView_ = listView(revisit_, tr("Pupils to revisit"), this);
    praiseView_ = listView(praise_, tr("Pupils to praise"), this);
    revisitTitle_->setBuddy(revisitView_);
    praiseTitle_->setBuddy(praiseView_);
    lists->addWidget(revisitTitle_, 0, 0);
    lists->addWidget(revisitView_, 1, 0);
    lists->addWidget(praiseTitle_, 0, 1);
    lists->addWidget(praiseView_, 1, 1);
    layout->addLayout(lists);

    struct NoteInfo
    {
        ClassNote note;
        QString label;
        QString accessible;
        QString placeholder;
    };
    const std::array<NoteInfo, kNotes> boxes{{
        {ClassNote::Praise, tr("&Praise for the class"), tr("Praise for the class"),
         tr("What the class did well, to share with them.")},
        {ClassNote::Misconceptions, tr("Common &misconceptions"), tr("Common misconceptions"),
         tr("Mistakes several pupils made, to put right together.")},
        {ClassNote::Literacy, tr("Spelling and &grammar to work on"), tr("Spelling and grammar to work on"),
         tr("Words often misspelt, grammar to practise.")},
        {ClassNote::Revisit, tr("Notes on pupils to re&visit"), tr("Notes on pupils to revisit"),
         tr("Who needs to go over this again, and how.")},
    }};
    auto* grid = new QGridLayout;
    for (std::size_t i = 0; i < kNotes; ++i) {
        const NoteInfo& info = boxes[i];
        auto* edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true);
        edit->setAccessibleName(info.accessible);
        edit->setPlaceholderText(info.placeholder);
        edit->setMinimumHeight(QFontMetrics(edit->font()).lineSpacing() * 2 + 12);
        auto* label = new QLabel(info.label, this);
        label->setBuddy(edit);
        const int row = int(i / 2) * 2;
        const int column = int(i % 2);
        grid->addWidget(label, row, column);
        grid->addWidget(edit, row + 1, column);
        editors_[std::size_t(info.note)] = edit;
        const ClassNote note = info.note;
        bindings_[std::size_t(info.note)] = new FieldBinding(
            edit,
            [this, note](const QVariant& value, const QVariant& base, quint64 typingSession) {
                return commitNote(note, value, base, typingSession);
            },
            this);
    }
    layout->addLayout(grid, 1);

    // Printing: the slips (those marked, or everyone) and the class sheet, on paper or as PDF.
    auto* buttons = new QHBoxLayout;
    auto* slipsButton = new QToolButton(this);
    slipsButton->setText(tr("Feedback S&lips"));
    slipsButton->setPopupMode(QToolButton::InstantPopup);
    slipsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* slipsMenu = new QMenu(slipsButton);
    printSlips_ = slipsMenu->addAction(tr("Print Feedback Slips…"));
    saveSlips_ = slipsMenu->addAction(tr("Save Feedback Slips as PDF…"));
    slipsMenu->addSeparator();
    everyone_ = slipsMenu->addAction(tr("Include Pupils Not Yet Marked"));
    everyone_->setCheckable(true);
    slipsButton->setMenu(slipsMenu);
    auto* sheetButton = new QToolButton(this);
    sheetButton->setText(tr("Class S&heet"));
    sheetButton->setPopupMode(QToolButton::InstantPopup);
    sheetButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* sheetMenu = new QMenu(sheetButton);
    printSheet_ = sheetMenu->addAction(tr("Print Whole-Class Feedback…"));
    saveSheet_ = sheetMenu->addAction(tr("Save Whole-Class Feedback as PDF…"));
    sheetButton->setMenu(sheetMenu);
    buttons->addWidget(slipsButton);
    buttons->addWidget(sheetButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(printSlips_, &QAction::triggered, this, [this] { printFeedbackSlips(this, sheet_, slipOptions()); });
    connect(saveSlips_, &QAction::triggered, this, [this] { saveFeedbackSlipsPdf(this, sheet_, slipOptions()); });
    connect(printSheet_, &QAction::triggered, this, [this] {
        commitPending();
        printClassFeedback(this, sheet_, summary_, notes());
    });
    connect(saveSheet_, &QAction::triggered, this, [this] {
        commitPending();
        saveClassFeedbackPdf(this, sheet_, summary_, notes());
    });
    connect(&session_, &SchoolSession::changed, this, [this](const QSet<QString>& tables) {
        if (sheet_.taskId != 0 && tables.contains(QStringLiteral("task_feedback")))
            showNotes(false);
    });

    setReadOnly(session_.isReadOnly());
    showSummary();
}

ClassFeedbackPanel::~ClassFeedbackPanel() = default;

void ClassFeedbackPanel::setSheet(const marking::MarkSheet& sheet)
{
    const bool another = sheet.taskId != sheet_.taskId;
    if (another)
        commitPending(); // the last task's typing goes to the last task
    sheet_ = sheet;
    summary_ = marking::classSummary(sheet_);
    showSummary();
    showNotes(another);
}

marking::ClassNotes ClassFeedbackPanel::notes() const
{
    marking::ClassNotes out;
    for (const ClassNote note : {ClassNote::Praise, ClassNote::Misconceptions, ClassNote::Literacy, ClassNote::Revisit})
        out[note] = editors_[std::size_t(note)]->toPlainText();
    return out;
}

void ClassFeedbackPanel::commitPending()
{
    for (FieldBinding* binding : bindings_)
        binding->commitPending();
}

void ClassFeedbackPanel::setReadOnly(bool readOnly)
{
    for (FieldBinding* binding : bindings_)
        binding->setReadOnly(readOnly || sheet_.taskId == 0);
}

bool ClassFeedbackPanel::commitNote(ClassNote note, const QVariant& value, const QVariant& base, quint64 typingSession)
{
    if (sheet_.taskId == 0)
        return false;
    writeFailed_ = false;
    undo_.push(new SetClassNotesCommand(
        session_.db(), sheet_.taskId, {{note, value.toString(), base.toString()}}, classNoteUndoText(note),
        [this](const QString& message) {
            writeFailed_ = true;
            Q_EMIT problem(message);
        },
        typingSession));
    return !writeFailed_;
}

void ClassFeedbackPanel::showNotes(bool force)
{
    marking::ClassNotes stored;
    if (sheet_.taskId != 0) {
        try {
            stored = marking::taskFeedback(session_.db(), sheet_.taskId);
        } catch (const StorageError& e) {
            Q_EMIT problem(e.message());
            return;
        }
    }
    for (const ClassNote note : {ClassNote::Praise, ClassNote::Misconceptions, ClassNote::Literacy, ClassNote::Revisit})
        bindings_[std::size_t(note)]->showStored(stored[note], force);
    setReadOnly(session_.isReadOnly());
}

void ClassFeedbackPanel::showSummary()
{
    const std::array<int, 4> counts{summary_.red, summary_.amber, summary_.green, summary_.noLight};
    QStringList said;
    for (std::size_t i = 0; i < kLights.size(); ++i) {
        lights_[i]->setText(QString::number(counts[i]));
        lights_[i]->setToolTip(reports::lightName(kLights[i]));
        said << tr("%1: %2").arg(reports::lightName(kLights[i])).arg(counts[i]);
    }
    lightsText_->setText(tr("%1 of %2 marked").arg(summary_.marked).arg(summary_.pupils));
    lightsText_->setAccessibleName(said.join(QStringLiteral(", ")));
    criteria_->setCounts(summary_.criteria);
    criteriaView_->setVisible(!summary_.criteria.empty());
    // As tall as its rows, no taller: the lists and the notes below have the room.
    criteriaView_->setFixedHeight(criteriaView_->horizontalHeader()->sizeHint().height() +
                                  criteriaView_->verticalHeader()->length() + 2 * criteriaView_->frameWidth());
    revisit_->setPupils(summary_.revisit);
    praise_->setPupils(summary_.praise);
    revisitTitle_->setText(tr("Pupils to &revisit (%1)").arg(summary_.revisit.size()));
    praiseTitle_->setText(tr("Pupils to pra&ise (%1)").arg(summary_.praise.size()));
    const bool any = sheet_.taskId != 0;
    for (QAction* action : {printSlips_, saveSlips_, printSheet_, saveSheet_})
        action->setEnabled(any);
}

reports::SlipOptions ClassFeedbackPanel::slipOptions() const
{
    reports::SlipOptions options;
    options.everyone = everyone_->isChecked();
    return options;
}

} // namespace waymark
