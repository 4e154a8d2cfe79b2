#include "marking/commentbankpanel.h"

#include "domain/fieldlimits.h"
#include "exchange/csvtable.h"
#include "marking/commentbankcommands.h"
#include "marking/commentbankmodel.h"
#include "services/commentbank.h"
#include "services/schoolsession.h"
#include "storage/storageerror.h"
#include "widgets/listkeys.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace waymark {

namespace {
constexpr CommentCategory kCategories[] = {CommentCategory::WhatWentWell, CommentCategory::EvenBetterIf,
                                           CommentCategory::NextStep};
// How many of an import's problems the panel lists (all are in the message's tooltip).
constexpr int kProblemsShown = 5;

// Selected feedback often starts with its heading ("Even better if you…", "Next step: …"): the
// bank keeps the comment without it.
QString withoutHeading(const QString& text, CommentCategory category)
{
    const QString heading = displayName(category);
    if (!text.startsWith(heading, Qt::CaseInsensitive))
        return text;
    QString rest = text.mid(heading.size());
    while (!rest.isEmpty() && (rest.at(0).isSpace() || rest.at(0) == QLatin1Char(':') ||
                               rest.at(0) == QLatin1Char(',') || rest.at(0) == QLatin1Char('-')))
        rest.remove(0, 1);
    return rest.isEmpty() ? text : rest;
}

bool plainKey(const QKeyEvent* key)
{
    return (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}
} // namespace

CommentBankPanel::CommentBankPanel(SchoolSession& session, QUndoStack& undo, QWidget* parent)
    : QWidget(parent), session_(session), undo_(undo), category_(new QComboBox(this)), search_(new QLineEdit(this)),
      view_(new QListView(this)), model_(new CommentBankModel(this)), empty_(new QLabel(this)),
      message_(new QLabel(this)), import_(new QPushButton(tr("Import…"), this)),
      export_(new QPushButton(tr("Export…"), this)), starter_(new QPushButton(tr("Add Starter Comments"), this))
{
    for (const CommentCategory c : kCategories)
        category_->addItem(displayName(c), int(c));
    category_->setAccessibleName(tr("Kind of comment"));
    category_->setToolTip(tr("Which part of the feedback the comments are for"));

    search_->setPlaceholderText(tr("Search comments"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Search the comment bank"));
    search_->setToolTip(tr("Type words from a comment. Up and Down choose one, Enter inserts it, Esc clears."));
    search_->installEventFilter(this);

    view_->setModel(model_);
    view_->setAccessibleName(tr("Comments"));
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setWordWrap(true);
    view_->setAlternatingRowColors(true);
    view_->setTextElideMode(Qt::ElideNone);
    view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view_->setResizeMode(QListView::Adjust);
    view_->setToolTip(tr("Enter or a double-click inserts a comment, filled in for the pupil. Delete removes it "
                         "from the bank, F2 changes it."));
    chooseFirstRowOnFirstMove(view_);
    view_->installEventFilter(this);
    connect(view_, &QListView::doubleClicked, this, [this] { insertCurrent(); });

    empty_->setWordWrap(true);
    empty_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    empty_->setAccessibleName(tr("No comments"));
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setAccessibleName(tr("Comment bank message"));
    message_->hide();

    import_->setToolTip(tr("Add the comments of a comment bank CSV file (Category, Subject, Comment), from a "
                           "colleague or another school. Comments already in the bank are skipped."));
    export_->setToolTip(tr("Save the whole comment bank as a CSV file to share with your department."));
    starter_->setToolTip(tr("Add Waymark's ready-made comments that the bank does not have yet."));
    import_->setAccessibleName(tr("Import a comment bank"));
    export_->setAccessibleName(tr("Export the comment bank"));
    starter_->setAccessibleName(tr("Add the starter comments"));
    connect(import_, &QPushButton::clicked, this, &CommentBankPanel::chooseImportFile);
    connect(export_, &QPushButton::clicked, this, &CommentBankPanel::chooseExportFile);
    connect(starter_, &QPushButton::clicked, this, &CommentBankPanel::addStarter);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(import_);
    buttons->addWidget(export_);
    buttons->addWidget(starter_);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(category_);
    layout->addWidget(search_);
    layout->addWidget(view_, 1);
    layout->addWidget(empty_, 1);
    layout->addWidget(message_);
    layout->addLayout(buttons);
    setFocusProxy(search_);

    connect(category_, &QComboBox::currentIndexChanged, this, [this] {
        model_->setTextStart(category() == CommentCategory::EvenBetterIf ? text::TextStart::Continuation
                                                                         : text::TextStart::Sentence);
        refreshSoon();
    });
    // Only the teacher's own choice is announced (the editor sets it without hearing back).
    connect(category_, &QComboBox::activated, this, [this] { Q_EMIT categoryChanged(category()); });
    connect(search_, &QLineEdit::textChanged, this, [this] { refreshSoon(); });
    connect(&session_, &SchoolSession::changed, this, [this](const QSet<QString>& tables) {
        if (tables.contains(QStringLiteral("comment_bank")) || tables.contains(QStringLiteral("subject")))
            refreshSoon();
    });
    stale_ = true; // read when first shown: opening a school never waits for the bank
}

CommentBankPanel::~CommentBankPanel() = default;

void CommentBankPanel::setPupil(const text::PupilWords& pupil)
{
    pupil_ = pupil;
    model_->setPupil(pupil);
}

void CommentBankPanel::setPupil(const QString& name, const QString& pronouns, const QString& legalName)
{
    setPupil(text::PupilWords{name, legalName.isEmpty() ? name : legalName, pronouns});
}

void CommentBankPanel::setSubject(std::optional<RowId> subjectId)
{
    if (subjectId && *subjectId == 0)
        subjectId.reset();
    if (subjectId == subjectId_)
        return;
    subjectId_ = subjectId;
    refreshSoon();
}

void CommentBankPanel::setCategory(CommentCategory category)
{
    category_->setCurrentIndex(category_->findData(int(category)));
}

CommentCategory CommentBankPanel::category() const
{
    return CommentCategory(category_->currentData().toInt());
}

QString CommentBankPanel::message() const
{
    return message_->isHidden() ? QString() : message_->text();
}

std::optional<RowId> CommentBankPanel::currentId() const
{
    const QModelIndex current = view_->currentIndex();
    if (!current.isValid() || !view_->selectionModel()->isSelected(current))
        return std::nullopt;
    return current.data(CommentBankModel::CommentIdRole).toLongLong();
}

void CommentBankPanel::refreshSoon()
{
    // Hidden (the marking page not on show, the Whole Class tab open): read when next shown.
    if (isVisible())
        reload();
    else
        stale_ = true;
}

void CommentBankPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (stale_)
        reload();
}

void CommentBankPanel::reload()
{
    stale_ = false;
    const std::optional<RowId> keep = currentId();
    std::vector<commentbank::Comment> comments;
    bankEmpty_ = false;
    try {
        comments = commentbank::list(session_.db(), category(), subjectId_, search_->text());
        if (comments.empty())
            bankEmpty_ = commentbank::list(session_.db()).empty();
    } catch (const StorageError& e) {
        say(e.message(), true);
    }
    model_->setComments(std::move(comments));
    if (keep)
        choose(*keep);
    updateState();
}

void CommentBankPanel::updateState()
{
    const bool none = model_->rowCount() == 0;
    if (bankEmpty_)
        empty_->setText(tr("The comment bank is empty. Add the starter comments, import your department's bank, "
                           "or select feedback you have written and add it to the bank."));
    else if (!search_->text().trimmed().isEmpty())
        empty_->setText(tr("No comments match “%1”.").arg(limits::shortened(search_->text().trimmed(), 40)));
    else
        empty_->setText(tr("There are no “%1” comments for this subject yet.").arg(displayName(category())));
    empty_->setVisible(none);
    view_->setVisible(!none);
    const bool readOnly = session_.isReadOnly();
    import_->setEnabled(!readOnly);
    starter_->setEnabled(!readOnly);
    export_->setEnabled(!bankEmpty_);
}

void CommentBankPanel::say(const QString& text, bool problem)
{
    message_->setText(text);
    message_->setToolTip(problem ? text : QString());
    message_->setAccessibleDescription(problem ? tr("Problem") : QString());
    message_->setVisible(!text.isEmpty());
}

std::function<void(const QString&)> CommentBankPanel::problemReporter()
{
    // A command outlives the panel on the undo stack: a later undo's problem is said only while the
    // panel is there.
    return [panel = QPointer<CommentBankPanel>(this)](const QString& problem) {
        if (panel)
            panel->say(problem, true);
    };
}

void CommentBankPanel::choose(RowId id)
{
    const int row = model_->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = model_->index(row);
    view_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    view_->scrollTo(index);
}

bool CommentBankPanel::insertCurrent()
{
    const std::optional<RowId> id = currentId();
    if (!id)
        return false;
    const QString filled = model_->filledText(model_->rowOf(*id));
    Q_EMIT insertRequested(filled, *id);
    if (!session_.isReadOnly()) {
        try {
            commentbank::noteUse(session_.db(), *id);
        } catch (const StorageError& e) {
            say(e.message(), true);
        }
    }
    return true;
}

bool CommentBankPanel::addToBank(const QString& selectedText)
{
    const QString text =
        commentbank::tidiedText(text::toPlaceholders(withoutHeading(selectedText.trimmed(), category()), pupil_));
    if (text.isEmpty()) {
        say(tr("Select some feedback first, then add it to the bank."), true);
        return false;
    }
    const commentbank::CommentDetails details{category(), subjectId_, text};
    if (const QStringList problems = commentbank::problemsWithComment(session_.db(), details); !problems.isEmpty()) {
        say(problems.join(QLatin1Char(' ')), true);
        return false;
    }
    auto* command = new AddCommentCommand(session_.db(), details, problemReporter());
    RowId added = 0;
    command->onAdded([&added](RowId id) { added = id; });
    undo_.push(command);
    if (added == 0)
        return false;
    search_->clear(); // the whole list, with the new comment chosen
    choose(added);
    say(tr("Added to the bank as “%1”.").arg(limits::shortened(text, 80)));
    return true;
}

bool CommentBankPanel::changeComment(RowId commentId, const QString& text)
{
    const std::optional<commentbank::Comment> c = commentbank::find(session_.db(), commentId);
    if (!c) {
        say(tr("That comment is no longer in the bank."), true);
        return false;
    }
    const commentbank::CommentDetails before{c->category, c->subjectId, c->text};
    commentbank::CommentDetails after = before;
    after.text = text;
    if (const QStringList problems = commentbank::problemsWithComment(session_.db(), after, commentId);
        !problems.isEmpty()) {
        say(problems.join(QLatin1Char(' ')), true);
        return false;
    }
    undo_.push(new ChangeCommentCommand(session_.db(), commentId, before, after, problemReporter()));
    const std::optional<commentbank::Comment> stored = commentbank::find(session_.db(), commentId);
    const bool changed = stored && stored->text == commentbank::tidiedText(text);
    if (changed)
        choose(commentId);
    return changed;
}

void CommentBankPanel::removeCurrent()
{
    const std::optional<RowId> id = currentId();
    if (!id)
        return;
    const int row = model_->rowOf(*id);
    undo_.push(new RemoveCommentCommand(session_.db(), *id, model_->comment(row)->text, problemReporter()));
    // The next comment is chosen, so that Delete can be pressed again.
    if (model_->rowOf(*id) < 0 && model_->rowCount() > 0)
        choose(model_->comment(std::min(row, model_->rowCount() - 1))->id);
}

void CommentBankPanel::editCurrent()
{
    const std::optional<RowId> id = currentId();
    if (!id)
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Change Comment"), tr("Comment:"), QLineEdit::Normal,
                                               model_->comment(model_->rowOf(*id))->text, &ok);
    if (ok)
        changeComment(*id, text);
}

void CommentBankPanel::addStarter()
{
    auto* command = new AddStarterCommentsCommand(session_.db(), problemReporter());
    command->onAdded([this](const std::vector<RowId>& added) {
        say(added.empty() ? tr("The bank already has every starter comment for this school's subjects.")
                          : tr("Added %n starter comment(s).", nullptr, int(added.size())));
    });
    undo_.push(command);
}

bool CommentBankPanel::importFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        say(tr("“%1” could not be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    if (file.size() > exchange::kMaxTextBytes) {
        say(tr("“%1” is %2, far larger than a comment bank; choose the bank's CSV file.")
                .arg(QFileInfo(path).fileName(), QLocale().formattedDataSize(file.size())),
            true);
        return false;
    }
    bool ok = false;
    auto* command = new ImportCommentsCommand(session_.db(), file.readAll(), problemReporter());
    command->onImported([this, &ok](const commentbank::ImportSummary& s) {
        if (!s.problems.isEmpty()) {
            QStringList shown = s.problems.mid(0, kProblemsShown);
            if (s.problems.size() > kProblemsShown)
                shown << tr("… and %n more (point here to see them all).", nullptr,
                            int(s.problems.size() - kProblemsShown));
            say(tr("Nothing was imported: put these right in the file and import it again.") + QLatin1Char('\n') +
                    shown.join(QLatin1Char('\n')),
                true);
            message_->setToolTip(s.problems.join(QLatin1Char('\n')));
            return;
        }
        ok = true;
        QStringList lines;
        if (s.added.empty())
            lines << tr("Nothing new: every comment in the file is in the bank already.");
        else
            lines << tr("Imported %n comment(s).", nullptr, int(s.added.size()));
        if (!s.added.empty() && s.duplicates > 0)
            lines << tr("%n already in the bank were skipped.", nullptr, s.duplicates);
        lines << s.notes;
        say(lines.join(QLatin1Char('\n')));
    });
    undo_.push(command);
    return ok;
}

bool CommentBankPanel::exportTo(const QString& path)
{
    try {
        const int rows = commentbank::exportCsvFile(session_.db(), path);
        say(tr("Saved %n comment(s) to “%1”.", nullptr, rows).arg(QFileInfo(path).fileName()));
        return true;
    } catch (const StorageError& e) {
        say(e.message(), true);
        return false;
    }
}

void CommentBankPanel::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a Comment Bank"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importFrom(path);
}

void CommentBankPanel::chooseExportFile()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export the Comment Bank"),
                                                QDir::home().filePath(tr("comment-bank.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    exportTo(path);
}

bool CommentBankPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (watched == search_ && plainKey(key)) {
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            // The list moves while the typing stays in the search box.
            QCoreApplication::sendEvent(view_, key);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!currentId() && model_->rowCount() > 0)
                choose(model_->comment(0)->id); // Enter after typing: the best match
            insertCurrent();
            return true; // never on to a dialog's default button
        case Qt::Key_Escape:
            if (!search_->text().isEmpty()) {
                search_->clear();
                return true;
            }
            break;
        default:
            break;
        }
    } else if (watched == view_ && plainKey(key)) {
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            insertCurrent();
            return true;
        case Qt::Key_Delete:
            if (!session_.isReadOnly())
                removeCurrent();
            return true;
        case Qt::Key_F2:
            if (!session_.isReadOnly())
                editCurrent();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace waymark
