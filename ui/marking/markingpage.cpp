#include "marking/markingpage.h"

#include "marking/classfeedbackpanel.h"
#include "marking/commentbankpanel.h"
#include "marking/markingcommands.h"
#include "marking/markingdelegate.h"
#include "marking/markingmodel.h"
#include "marking/markingview.h"
#include "attachments/attachmentstore.h"
#include "pupil/fieldbinding.h"
#include "pupil/openattached.h"
#include "services/marksheet.h"
#include "services/schoolsession.h"
#include "storage/storageerror.h"
#include "widgets/datefield.h"

#include <QAction>
#include <QComboBox>
#include <QKeyEvent>
#include <QApplication>
#include <QBuffer>
#include <QDateTime>
#include <QClipboard>
#include <QFileDialog>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextCursor>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace waymark {

using marking::MarkField;

MarkingPage::MarkingPage(SchoolSession& session, QUndoStack& undo, QWidget* parent)
    : LazyPage(parent), session_(session), undo_(undo), today_(QDate::currentDate()), title_(new QLabel(this)),
      details_(new QLabel(this)), intention_(new QLabel(this)), criteria_(new QLabel(this)),
      splitter_(new QSplitter(Qt::Horizontal, this)), model_(new MarkingModel(this)),
      delegate_(new MarkingDelegate(this)), view_(new MarkingView)
{
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {details_, intention_, criteria_}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    view_->setMarkingModel(model_);
    view_->setItemDelegate(delegate_);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view_->horizontalHeader()->setStretchLastSection(false);
    model_->setWriter([this](const std::vector<marking::MarkChange>& changes, const QString& text) {
        std::vector<RowId> pupils;
        for (const marking::MarkChange& c : changes)
            pupils.push_back(c.mark.pupilId);
        if (changes.size() == 1)
            return push(new SetMarksCommand(session_.db(), taskId_, changes, today_, text, reporter()), pupils);
        return push(new FillMarksCommand(session_.db(), taskId_, changes, today_, text, reporter()), pupils);
    });
    connect(model_, &MarkingModel::problem, this, &LazyPage::problem);
    connect(view_, &MarkingView::filesDropped, this,
            [this](int row, const QStringList& paths) { addFiles(model_->pupilAt(row), paths); });
    connect(view_, &MarkingView::pasteRequested, this, &MarkingPage::pasteFromClipboard);
    // Every step (this page's, an undo, a redo) shows at once: the sheet is small.
    connect(&undo_, &QUndoStack::indexChanged, this, [this] {
        if (taskId_ != 0 && !pushing_)
            invalidate(); // an undo, a redo or another page's step: the sheet is read again
    });
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { showCurrentPupil(false); });
    connect(view_, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (model_->kind(index.column()) == MarkingModel::Column::Pupil)
            Q_EMIT pupilActivated(model_->pupilAt(index.row()));
    });

    // The feedback beside the grid scrolls on a small or scaled screen rather than push the window
    // past it.
    auto* sideContent = new QWidget;
    buildSide(sideContent);
    auto* side = new QScrollArea;
    side->setWidget(sideContent);
    side->setWidgetResizable(true);
    side->setFrameShape(QFrame::NoFrame);
    side->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded); // never cut off: scrolls at the largest scalings
    // The whole class's feedback (counts, who to revisit and praise, the teacher's notes, printing)
    // in a tab beside the pupil's.
    classPanel_ = new ClassFeedbackPanel(session_, undo_);
    connect(classPanel_, &ClassFeedbackPanel::problem, this, &LazyPage::problem);
    auto* classScroll = new QScrollArea;
    classScroll->setWidget(classPanel_);
    classScroll->setWidgetResizable(true);
    classScroll->setFrameShape(QFrame::NoFrame);
    classScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sideTabs_ = new QTabWidget;
    sideTabs_->addTab(side, tr("P&upil"));
    sideTabs_->addTab(classScroll, tr("Whole C&lass"));
    sideTabs_->setDocumentMode(true);
    // The class's counts, lists and notes need more room than one pupil's feedback: the grid gives
    // way while that tab is open, and has it back after.
    connect(sideTabs_, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 1 && taskId_ != 0)
            classPanel_->setSheet(model_->sheet());
        const int total = splitter_->width() - splitter_->handleWidth();
        if (total <= 0)
            return;
        const int width = tab == 1 ? total * 11 / 20 : std::min(fontMetrics().averageCharWidth() * 48, total * 2 / 5);
        splitter_->setSizes({total - width, width});
    });
    // The grid sits in a box of its own: the focus ring drawn beside a focused widget must not
    // become a pane of the splitter.
    auto* gridBox = new QWidget;
    auto* gridLayout = new QVBoxLayout(gridBox);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(view_);
    splitter_->addWidget(gridBox);
    splitter_->addWidget(sideTabs_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 0);
    sideTabs_->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    splitter_->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(details_);
    layout->addWidget(intention_);
    layout->addWidget(criteria_);
    layout->addWidget(splitter_, 1);
    setTabOrder(view_, parts_[0]);
    updateFonts();
}

MarkingPage::~MarkingPage()
{
    commitPendingEdits();
}

void MarkingPage::buildSide(QWidget* side)
{
    sideLayout_ = new QVBoxLayout(side);
    sideLayout_->setContentsMargins(0, 0, 0, 0);
    sideTitle_ = new QLabel(side);
    sideTitle_->setWordWrap(true);
    sideLayout_->addWidget(sideTitle_);
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    const QString labels[3] = {tr("&What went well"), tr("&Even better if"), tr("&Next step")};
    const MarkField fields[3] = {MarkField::WhatWentWell, MarkField::EvenBetterIf, MarkField::NextStep};
    const QString steps[3] = {tr("Type What went well"), tr("Type Even better if"), tr("Type Next step")};
    for (int i = 0; i < 3; ++i) {
        parts_[i] = new QPlainTextEdit(side);
        parts_[i]->setTabChangesFocus(true);
        parts_[i]->setAccessibleName(QString(labels[i]).remove(QLatin1Char('&')));
        parts_[i]->setMinimumHeight(fontMetrics().lineSpacing() * 3 + 8);
        parts_[i]->setMaximumHeight(fontMetrics().lineSpacing() * 6 + 8);
        auto* label = new QLabel(labels[i], side);
        label->setBuddy(parts_[i]);
        form->addRow(label, parts_[i]);
        bindings_.push_back(bindText(parts_[i], int(fields[i]), steps[i]));
        parts_[i]->installEventFilter(this);
        parts_[i]->setToolTip(tr("Ctrl+Space: find a comment in the bank. Ctrl+B: add the selected words (or all) "
                                 "to the bank."));
        // Add to bank: the selected words, or the whole box, with the pupil's name made {name}.
        auto* addToBank = new QAction(tr("Add to Comment &Bank"), parts_[i]);
        addToBank->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
        addToBank->setShortcutContext(Qt::WidgetShortcut);
        parts_[i]->addAction(addToBank);
        connect(addToBank, &QAction::triggered, this, [this, i] {
            target_ = i;
            bank_->setCategory(static_cast<CommentCategory>(i));
            const QString selected = parts_[i]->textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
            bank_->addToBank(selected.isEmpty() ? parts_[i]->toPlainText() : selected);
        });
    }
    // The bank beside the feedback: Enter inserts the comment, filled in for the pupil, where the
    // teacher was typing, and goes back there.
    bank_ = new CommentBankPanel(session_, undo_, side);
    form->addRow(bank_);
    connect(bank_, &CommentBankPanel::insertRequested, this, [this](const QString& text) {
        QPlainTextEdit* box = parts_[target_];
        if (!box->isEnabled())
            return;
        QTextCursor cursor = box->textCursor();
        const QString before = box->toPlainText().left(cursor.position());
        const bool space = !before.isEmpty() && !before.endsWith(QLatin1Char(' ')) && !before.endsWith(QLatin1Char('\n'));
        cursor.insertText(space ? QLatin1Char(' ') + text : text);
        box->setTextCursor(cursor);
        box->setFocus(Qt::OtherFocusReason);
    });
    response_ = new QPlainTextEdit(side);
    response_->setTabChangesFocus(true);
    response_->setAccessibleName(tr("Pupil's response"));
    response_->setMinimumHeight(fontMetrics().lineSpacing() * 2 + 8);
    response_->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 8);
    auto* responseLabel = new QLabel(tr("Pupil's &response"), side);
    responseLabel->setBuddy(response_);
    form->addRow(responseLabel, response_);
    bindings_.push_back(bindText(response_, int(MarkField::PupilResponse), tr("Type the pupil's response")));

    auto* row = new QHBoxLayout;
    respondedOn_ = new DateField(side);
    respondedOn_->setAccessibleName(tr("Responded on"));
    met_ = new QComboBox(side);
    met_->addItem(tr("Not decided"), QVariant());
    met_->addItem(tr("Next step met"), true);
    met_->addItem(tr("Not met yet"), false);
    met_->setAccessibleName(tr("Was the next step met?"));
    met_->setFocusPolicy(Qt::StrongFocus);
    met_->installEventFilter(this);
    row->addWidget(respondedOn_);
    row->addWidget(met_, 1);
    auto* onLabel = new QLabel(tr("Responded &on"), side);
    onLabel->setBuddy(respondedOn_);
    form->addRow(onLabel, row);
    bindings_.push_back(bindText(respondedOn_, int(MarkField::RespondedOn), tr("Set the response date")));
    bindings_.push_back(bindText(met_, int(MarkField::NextStepMet), tr("Set whether the next step was met")));
    sideLayout_->addLayout(form);
    // The pupil's files for the task: photos of the work, scans, recordings. Enter opens one.
    filesTitle_ = new QLabel(tr("&Files"), side);
    addFiles_ = new QPushButton(tr("&Add Files…"), side);
    addFiles_->setAutoDefault(false);
    addFiles_->setToolTip(tr("Or drop files on a pupil's row, or paste a picture into the grid (Ctrl+V)."));
    connect(addFiles_, &QPushButton::clicked, this, &MarkingPage::chooseFiles);
    auto* filesBar = new QHBoxLayout;
    filesBar->addWidget(filesTitle_, 1);
    filesBar->addWidget(addFiles_);
    files_ = new QListWidget(side);
    files_->setViewMode(QListView::ListMode);
    files_->setIconSize(QSize(48, 48));
    files_->setAccessibleName(tr("The pupil's files for this task"));
    files_->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    filesTitle_->setBuddy(files_);
    connect(files_, &QListWidget::activated, this, [this](const QModelIndex& index) { openFile(index.row()); });
    sideLayout_->addLayout(filesBar);
    sideLayout_->addWidget(files_);

    views_ = new QGroupBox(tr("Their own view and a peer's, per criterion"), side);
    viewsGrid_ = new QGridLayout(views_);
    sideLayout_->addWidget(views_);
    sideLayout_->addStretch(0);
}

std::function<void(const QString&)> MarkingPage::reporter()
{
    // Kept by the command for its later undo and redo, which may come after this page is gone.
    return [self = QPointer<MarkingPage>(this)](const QString& message) {
        if (!self)
            return;
        if (self->pushing_)
            self->pushFailed_ = true; // the step's first write: push() says it failed
        Q_EMIT self->problem(message);
    };
}

bool MarkingPage::push(QUndoCommand* command, const std::vector<RowId>& pupils)
{
    // This page's own step: only the pupils it touched are read back into the grid, not the
    // whole sheet (an undo, a redo or another window's change reads it all, through indexChanged).
    pushing_ = true;
    pushFailed_ = false;
    undo_.push(command); // runs its first write, and drops it if nothing was written
    pushing_ = false;
    std::vector<RowId> done;
    for (const RowId pupil : pupils) {
        if (std::find(done.begin(), done.end(), pupil) != done.end())
            continue;
        done.push_back(pupil);
        if (const std::optional<marking::SheetRow> row = marking::sheetRow(session_.db(), taskId_, pupil, today_))
            model_->updateRow(*row);
    }
    if (!showingPupil_) // typing written as another pupil is chosen: that showing goes on after
        showCurrentPupil(false);
    if (sideTabs_->currentIndex() == 1)
        classPanel_->setSheet(model_->sheet()); // else when its tab is opened
    if (pushFailed_)
        invalidate(); // changed elsewhere, perhaps: show what the file holds now
    return !pushFailed_;
}

FieldBinding* MarkingPage::bindText(QWidget* editor, int field, const QString& undoText, RowId criterionId)
{
    const auto markField = static_cast<MarkField>(field);
    return new FieldBinding(
        editor,
        [this, markField, undoText, criterionId](const QVariant& value, const QVariant& base, quint64 session) {
            if (shownPupil_ == 0 || taskId_ == 0)
                return false;
            QVariant stored = value;
            if (markField == MarkField::RespondedOn && !value.toDate().isValid())
                stored = QVariant();
            return push(new SetMarksCommand(session_.db(), taskId_,
                                            {{marking::Mark{shownPupil_, markField, criterionId, stored}, base}},
                                            today_, undoText, reporter(), session),
                        {shownPupil_});
        },
        this);
}

void MarkingPage::buildCriterionViews()
{
    const marking::MarkSheet& sheet = model_->sheet();
    if (viewsTask_ == sheet.taskId && int(judgementLabels_.size()) == int(sheet.criteria.size()))
        return;
    commitPendingEdits();
    viewsTask_ = sheet.taskId;
    for (FieldBinding* b : selfBindings_)
        delete b;
    for (FieldBinding* b : peerBindings_)
        delete b;
    for (QWidget* w : viewWidgets_)
        delete w;
    selfBindings_.clear();
    peerBindings_.clear();
    viewWidgets_.clear();
    judgementLabels_.clear();
    const auto add = [this](QWidget* w, int row, int column) {
        viewsGrid_->addWidget(w, row, column);
        viewWidgets_.push_back(w);
    };
    add(new QLabel(tr("Yours"), views_), 0, 1);
    add(new QLabel(tr("Self"), views_), 0, 2);
    add(new QLabel(tr("Peer"), views_), 0, 3);
    for (std::size_t i = 0; i < sheet.criteria.size(); ++i) {
        const int row = int(i) + 1;
        auto* name = new QLabel(tr("SC%1").arg(i + 1), views_);
        name->setToolTip(sheet.criteria[i].text);
        add(name, row, 0);
        auto* judgement = new QLabel(views_);
        judgementLabels_.push_back(judgement);
        add(judgement, row, 1);
        for (const bool peer : {false, true}) {
            auto* box = new QComboBox(views_);
            box->addItem(tr("—"), QString());
            for (const TrafficLight light : {TrafficLight::Red, TrafficLight::Amber, TrafficLight::Green})
                box->addItem(displayName(light), QString::fromLatin1(toText(light).data()));
            box->setAccessibleName(peer ? tr("Peer's light for success criterion %1").arg(i + 1)
                                        : tr("Pupil's own light for success criterion %1").arg(i + 1));
            box->setToolTip(sheet.criteria[i].text);
            box->setFocusPolicy(Qt::StrongFocus);
            box->installEventFilter(this);
            add(box, row, peer ? 3 : 2);
            FieldBinding* binding =
                bindText(box, int(peer ? MarkField::PeerCriterion : MarkField::SelfCriterion),
                         peer ? tr("Set a peer's light") : tr("Set the pupil's own light"), sheet.criteria[i].id);
            binding->setReadOnly(readOnly_);
            (peer ? peerBindings_ : selfBindings_).push_back(binding);
        }
    }
    views_->setVisible(!sheet.criteria.empty());
}

QComboBox* MarkingPage::criterionLightBox(int index, bool peer) const
{
    const auto& bindings = peer ? peerBindings_ : selfBindings_;
    if (index < 0 || index >= int(bindings.size()))
        return nullptr;
    return qobject_cast<QComboBox*>(bindings[std::size_t(index)]->editor());
}

QPlainTextEdit* MarkingPage::feedbackEditor(int part) const
{
    return part >= 0 && part < 3 ? parts_[part] : nullptr;
}

void MarkingPage::setReadOnly(bool readOnly)
{
    readOnly_ = readOnly;
    model_->setReadOnly(readOnly);
    for (FieldBinding* b : bindings_)
        b->setReadOnly(readOnly);
    for (FieldBinding* b : selfBindings_)
        b->setReadOnly(readOnly);
    for (FieldBinding* b : peerBindings_)
        b->setReadOnly(readOnly);
    classPanel_->setReadOnly(readOnly);
}

void MarkingPage::commitPendingEdits()
{
    for (FieldBinding* b : bindings_)
        b->commitPending();
    for (FieldBinding* b : selfBindings_)
        b->commitPending();
    for (FieldBinding* b : peerBindings_)
        b->commitPending();
    if (classPanel_)
        classPanel_->commitPending();
}

void MarkingPage::showClassFeedback(bool show)
{
    sideTabs_->setCurrentIndex(show ? 1 : 0);
}

bool MarkingPage::showTask(RowId taskId)
{
    commitPendingEdits();
    if (taskId != taskId_) {
        taskId_ = taskId;
        shownPupil_ = 0;
        model_->clear();
    }
    refresh();
    if (taskId_ != 0 && !view_->currentIndex().isValid() && model_->rowCount() > 0)
        view_->setCurrentIndex(model_->index(0, std::min(1, model_->columnCount() - 1)));
    return taskId_ != 0;
}

void MarkingPage::showResponseOf(RowId pupilId)
{
    const int row = model_->rowOf(pupilId);
    if (row < 0)
        return;
    view_->setCurrentIndex(model_->index(row, std::max(0, model_->columnOf(MarkingModel::Column::NextStep))));
    view_->scrollTo(view_->currentIndex());
    response_->setFocus(Qt::OtherFocusReason);
}

bool MarkingPage::eventFilter(QObject* watched, QEvent* event)
{
    // Scrolling the pane past a choice box never changes (and saves) its value: only a box the
    // teacher has gone into takes the wheel.
    if (event->type() == QEvent::Wheel) {
        if (auto* box = qobject_cast<QComboBox*>(watched); box && !box->hasFocus())
            return true;
    }
    for (int i = 0; i < 3; ++i) {
        if (watched != parts_[i])
            continue;
        if (event->type() == QEvent::FocusIn) {
            target_ = i;
            bank_->setCategory(static_cast<CommentCategory>(i));
        } else if (event->type() == QEvent::KeyPress) {
            const auto* key = static_cast<QKeyEvent*>(event);
            if (key->key() == Qt::Key_Space && key->modifiers() == Qt::ControlModifier) {
                bank_->searchField()->setFocus(Qt::ShortcutFocusReason);
                bank_->searchField()->selectAll();
                return true;
            }
        }
    }
    return LazyPage::eventFilter(watched, event);
}

bool MarkingPage::addFiles(RowId pupilId, const QStringList& paths)
{
    const int row = model_->rowOf(pupilId);
    if (row < 0 || paths.isEmpty() || readOnly_ || taskId_ == 0)
        return false;
    std::vector<AddFilesCommand::Source> sources;
    for (const QString& path : paths)
        sources.push_back({path, {}, {}, {}});
    const QString name = model_->sheet().rows[std::size_t(row)].givenName;
    return push(new AddFilesCommand(session_.db(), taskId_, pupilId, std::move(sources), today_,
                                    paths.size() == 1 ? tr("Add a file for %1").arg(name)
                                                      : tr("Add %1 files for %2").arg(paths.size()).arg(name),
                                    reporter()),
                {pupilId});
}

bool MarkingPage::pasteFromClipboard()
{
    const QModelIndex current = view_->currentIndex();
    const RowId pupil = current.isValid() ? model_->pupilAt(current.row()) : 0;
    const QMimeData* clip = QApplication::clipboard()->mimeData();
    if (pupil == 0 || !clip || readOnly_)
        return false;
    if (clip->hasUrls()) {
        QStringList paths;
        for (const QUrl& url : clip->urls())
            if (url.isLocalFile())
                paths << url.toLocalFile();
        if (!paths.isEmpty())
            return addFiles(pupil, paths);
    }
    if (!clip->hasImage()) {
        Q_EMIT problem(tr("There is no picture or file to paste. Copy a photo of the work first."));
        return false;
    }
    const QImage image = qvariant_cast<QImage>(clip->imageData());
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QString name = model_->sheet().rows[std::size_t(current.row())].givenName;
    const QString fileName =
        tr("pasted picture %1.png").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd hh-mm-ss")));
    return push(new AddFilesCommand(session_.db(), taskId_, pupil,
                                    {{QString(), png, fileName, QStringLiteral("image/png")}}, today_,
                                    tr("Paste a picture for %1").arg(name), reporter()),
                {pupil});
}

void MarkingPage::chooseFiles()
{
    const QModelIndex current = view_->currentIndex();
    const RowId pupil = current.isValid() ? model_->pupilAt(current.row()) : 0;
    if (pupil == 0)
        return;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add Files for %1").arg(model_->sheet().rows[std::size_t(current.row())].name),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Photos, scans, recordings and documents (*.jpg *.jpeg *.png *.heic *.gif *.webp *.pdf *.mp3 *.m4a *.wav "
           "*.ogg *.mp4 *.mov *.webm *.docx *.odt *.txt);;All files (*)"));
    if (!paths.isEmpty())
        addFiles(pupil, paths);
}

void MarkingPage::showFiles(RowId evidenceId)
{
    files_->clear();
    shownFiles_ = evidenceId ? filesOfEvidence(session_.db(), evidenceId) : std::vector<AttachedFile>();
    AttachmentStore store(session_.db());
    for (const AttachedFile& f : shownFiles_) {
        auto* item = new QListWidgetItem(safeFileName(f), files_);
        item->setToolTip(tr("%1, %2 KB. Enter opens it.").arg(safeFileName(f)).arg((f.size + 1023) / 1024));
        // A thumbnail for a picture of ordinary size; other files by name alone.
        if (f.mediaType.startsWith(QLatin1String("image/")) && f.size <= 15 * 1024 * 1024) {
            QImage image;
            if (image.loadFromData(store.readAll(f.sha256)))
                item->setIcon(QIcon(QPixmap::fromImage(image.scaled(files_->iconSize() * devicePixelRatio(),
                                                                      Qt::KeepAspectRatio, Qt::SmoothTransformation))));
        }
    }
    files_->setVisible(!shownFiles_.empty());
}

void MarkingPage::openFile(int index)
{
    if (index < 0 || index >= int(shownFiles_.size()))
        return;
    const AttachedFile file = shownFiles_[std::size_t(index)];
    const QString problemText = openAttachedCopy(
        file, [this, &file](const QString& path) { saveAttachmentAs(session_.db(), file, path); });
    if (!problemText.isEmpty())
        Q_EMIT problem(problemText);
}

void MarkingPage::reload()
{
    if (taskId_ == 0) {
        model_->clear();
        updateHeader();
        showCurrentPupil(true);
        return;
    }
    std::optional<marking::MarkSheet> sheet = marking::markSheet(session_.db(), taskId_, today_);
    if (!sheet) {
        taskId_ = 0;
        model_->clear();
    } else {
        const bool fresh = model_->sheet().taskId != sheet->taskId;
        model_->setSheet(std::move(*sheet));
        if (fresh) {
            view_->resizeColumnsToContents();
            const int wide = fontMetrics().averageCharWidth() * 22;
            for (int c = 0; c < model_->columnCount(); ++c) {
                const auto kind = model_->kind(c);
                if (kind == MarkingModel::Column::WhatWentWell || kind == MarkingModel::Column::EvenBetterIf ||
                    kind == MarkingModel::Column::NextStep)
                    view_->setColumnWidth(c, wide);
                else if (kind == MarkingModel::Column::Criterion)
                    view_->setColumnWidth(c, fontMetrics().horizontalAdvance(QStringLiteral("✗ Not yet")) + 16);
                else if (kind == MarkingModel::Column::Pupil)
                    view_->setColumnWidth(c, std::min(view_->columnWidth(c), fontMetrics().averageCharWidth() * 26));
            }
        }
    }
    updateHeader();
    showCurrentPupil(false);
    if (taskId_ != 0 && (sideTabs_->currentIndex() == 1 || classPanel_->sheet().taskId != taskId_))
        classPanel_->setSheet(model_->sheet());
}

void MarkingPage::updateHeader()
{
    const marking::MarkSheet& s = model_->sheet();
    if (taskId_ == 0) {
        title_->clear();
        details_->clear();
        intention_->clear();
        criteria_->clear();
        return;
    }
    title_->setText(s.title);
    QStringList bits;
    if (!s.group.isEmpty())
        bits << s.group;
    if (!s.subject.isEmpty())
        bits << s.subject;
    if (s.setOn.isValid())
        bits << (s.setBy.isEmpty() ? tr("set %1").arg(QLocale().toString(s.setOn, QLocale::LongFormat))
                                   : tr("set %1 by %2").arg(QLocale().toString(s.setOn, QLocale::LongFormat), s.setBy));
    bits << (s.scaleId ? s.scaleName : tr("traffic lights only"));
    bits << tr("%n pupils", nullptr, int(s.rows.size()));
    details_->setText(bits.join(QStringLiteral(" · ")));
    intention_->setText(s.learningIntention.isEmpty()
                            ? QString()
                            : tr("<b>Learning intention:</b> %1").arg(s.learningIntention.toHtmlEscaped()));
    intention_->setVisible(!s.learningIntention.isEmpty());
    QStringList criteria;
    for (std::size_t i = 0; i < s.criteria.size(); ++i)
        criteria << tr("<b>SC%1</b> %2").arg(i + 1).arg(s.criteria[i].text.toHtmlEscaped());
    criteria_->setText(criteria.isEmpty() ? QString()
                                          : tr("<b>Success criteria:</b> %1").arg(criteria.join(QStringLiteral("; "))));
    criteria_->setVisible(!criteria.isEmpty());
}

void MarkingPage::showCurrentPupil(bool force)
{
    RowId pupil = view_->currentIndex().isValid() ? model_->pupilAt(view_->currentIndex().row()) : 0;
    if (pupil != shownPupil_) {
        const QScopedValueRollback<bool> showing(showingPupil_, true);
        commitPendingEdits(); // what was typed belongs to the pupil it was typed for (this may read the sheet again)
        force = true;
        pupil = view_->currentIndex().isValid() ? model_->pupilAt(view_->currentIndex().row()) : 0;
    }
    shownPupil_ = pupil;
    const marking::SheetRow* row = nullptr;
    if (const int at = model_->rowOf(pupil); pupil != 0 && at >= 0)
        row = &model_->sheet().rows[std::size_t(at)];
    sideTitle_->setText(row ? tr("<b>Feedback for %1</b>").arg(row->name.toHtmlEscaped()) : tr("No pupil chosen"));
    // The bank and the files are read again only for another pupil or a change to them, not for
    // every mark (the grid's next cell must be current at once).
    if (force) {
        if (row)
            bank_->setPupil(row->givenName, row->pronouns, row->legalGivenName);
        bank_->setSubject(model_->sheet().subjectId);
    }
    for (QWidget* w : {static_cast<QWidget*>(parts_[0]), static_cast<QWidget*>(parts_[1]),
                       static_cast<QWidget*>(parts_[2]), static_cast<QWidget*>(response_),
                       static_cast<QWidget*>(respondedOn_), static_cast<QWidget*>(met_)})
        w->setEnabled(row != nullptr);
    bindings_[0]->showStored(row ? row->whatWentWell : QString(), force);
    bindings_[1]->showStored(row ? row->evenBetterIf : QString(), force);
    bindings_[2]->showStored(row ? row->nextStep : QString(), force);
    bindings_[3]->showStored(row ? row->pupilResponse : QString(), force);
    bindings_[4]->showStored(row && row->respondedOn.isValid() ? QVariant(row->respondedOn) : QVariant(), force);
    bindings_[5]->showStored(row && row->nextStepMet ? QVariant(*row->nextStepMet) : QVariant(), force);
    const std::pair<RowId, int> files{row ? row->evidenceId : 0, row ? row->attachments : 0};
    if (force || files != shownFilesOf_) {
        shownFilesOf_ = files;
        showFiles(files.first);
    }
    filesTitle_->setText(row && row->attachments ? tr("&Files (%1)").arg(row->attachments) : tr("&Files"));
    addFiles_->setEnabled(row != nullptr && !readOnly_);
    buildCriterionViews();
    const marking::MarkSheet& sheet = model_->sheet();
    for (std::size_t i = 0; i < judgementLabels_.size() && i < sheet.criteria.size(); ++i) {
        const RowId c = sheet.criteria[i].id;
        const auto find = [c](const std::map<RowId, QString>& m) {
            const auto it = m.find(c);
            return it == m.end() ? QString() : it->second;
        };
        const QString judgement = row ? find(row->judgements) : QString();
        judgementLabels_[i]->setText(judgement.isEmpty() ? tr("—") : MarkingModel::judgementName(judgement));
        selfBindings_[i]->showStored(row ? find(row->selfCriteria) : QString(), force);
        peerBindings_[i]->showStored(row ? find(row->peerCriteria) : QString(), force);
        for (QWidget* w : {selfBindings_[i]->editor(), peerBindings_[i]->editor()})
            w->setEnabled(row != nullptr);
    }
    if (force)
        Q_EMIT currentPupilChanged(pupil);
}

void MarkingPage::resizeEvent(QResizeEvent* event)
{
    LazyPage::resizeEvent(event);
    if (splitterSized_ || width() < 100)
        return;
    splitterSized_ = true;

    // The grid takes the room; the feedback beside it about 48 characters, never more than two fifths.
    const int side = std::min(fontMetrics().averageCharWidth() * 48, splitter_->width() * 2 / 5);
    splitter_->setSizes({std::max(1, splitter_->width() - side - splitter_->handleWidth()), side});
}

void MarkingPage::updateFonts()
{

    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title_->setFont(big);
}

void MarkingPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateFonts();
    LazyPage::changeEvent(event);
}

} // namespace waymark
