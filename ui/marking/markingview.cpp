#include "marking/markingview.h"

#include "marking/markingmodel.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QKeyEvent>
#include <QMap>

#include <algorithm>

namespace waymark {

using Column = MarkingModel::Column;

MarkingView::MarkingView(QWidget* parent) : QTableView(parent)
{
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed |
                    QAbstractItemView::DoubleClicked);
    setTabKeyNavigation(true);
    setWordWrap(false);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    horizontalHeader()->setHighlightSections(true);
    setAccessibleName(tr("Marking grid"));
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    setDropIndicatorShown(false);
    setAccessibleDescription(tr("A row per pupil. Enter moves down; R, A, G or 1, 2, 3 set a light; 1, 2, 3 set "
                                "a criterion; Space cycles; Delete clears; Ctrl+D fills down; F2 types feedback."));
}

void MarkingView::setMarkingModel(MarkingModel* model)
{
    model_ = model;
    setModel(model);
}

void MarkingView::moveRows(int delta)
{
    if (!currentIndex().isValid() || !model_)
        return;
    // As the arrow keys move, so that Shift+arrow then extends from the new cell.
    for (int i = 0; i < std::abs(delta); ++i) {
        QKeyEvent arrow(QEvent::KeyPress, delta > 0 ? Qt::Key_Down : Qt::Key_Up, Qt::NoModifier);
        QTableView::keyPressEvent(&arrow);
    }
}

QVariant MarkingView::keyValue(const QKeyEvent* event) const
{
    const QModelIndex current = currentIndex();
    if (!model_ || !current.isValid() || event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return {};
    const Column kind = model_->kind(current.column());
    const QString key = event->text().toLower();
    if (kind == Column::Light || kind == Column::SelfLight || kind == Column::PeerLight) {
        if (key == QLatin1String("r") || key == QLatin1String("1"))
            return QStringLiteral("red");
        if (key == QLatin1String("a") || key == QLatin1String("2"))
            return QStringLiteral("amber");
        if (key == QLatin1String("g") || key == QLatin1String("3"))
            return QStringLiteral("green");
    } else if (kind == Column::Criterion) {
        if (key == QLatin1String("1") || key == QLatin1String("n"))
            return QStringLiteral("not_yet");
        if (key == QLatin1String("2") || key == QLatin1String("p"))
            return QStringLiteral("partly");
        if (key == QLatin1String("3") || key == QLatin1String("m"))
            return QStringLiteral("met");
    }
    return {};
}

bool MarkingView::setCurrentCell(const QVariant& value)
{
    const QModelIndex current = currentIndex();
    if (!model_ || !current.isValid())
        return false;
    const std::optional<marking::MarkChange> change = model_->changeFor(current, value);
    if (!change)
        return false;
    return model_->writeCells({*change}, tr("Mark %1 for %2")
                                              .arg(model_->headerData(current.column(), Qt::Horizontal).toString(),
                                                   model_->sheet().rows[std::size_t(current.row())].givenName));
}

int MarkingView::fillDown()
{
    const QModelIndex current = currentIndex();
    if (!model_ || !current.isValid())
        return 0;
    QModelIndexList cells = selectionModel()->selectedIndexes();
    // Each column of the selection takes the value of its top cell (a column whose top cell is
    // empty is left as it is: a fill never clears). From one cell alone, the empty cells below it
    // are filled.
    QMap<int, QModelIndex> sourceOf;
    if (cells.size() <= 1) {
        cells.clear();
        for (int r = current.row() + 1; r < model_->rowCount(); ++r) {
            const QModelIndex cell = model_->index(r, current.column());
            const QVariant v = cell.data(MarkingModel::ValueRole);
            if (v.isNull() || v.toString().isEmpty())
                cells << cell;
        }
        sourceOf[current.column()] = current;
    } else {
        for (const QModelIndex& cell : std::as_const(cells))
            if (!sourceOf.contains(cell.column()) || cell.row() < sourceOf[cell.column()].row())
                sourceOf[cell.column()] = cell;
    }
    std::vector<marking::MarkChange> changes;
    for (const QModelIndex& cell : std::as_const(cells)) {
        if (cell == sourceOf[cell.column()])
            continue;
        const QVariant value = sourceOf[cell.column()].data(MarkingModel::ValueRole);
        if (value.isNull() || value.toString().isEmpty())
            continue;
        if (auto change = model_->changeFor(cell, value))
            changes.push_back(*change);
    }
    if (changes.empty())
        return 0;
    const QString header = model_->headerData(current.column(), Qt::Horizontal).toString();
    model_->writeCells(changes, sourceOf.size() == 1 ? tr("Fill %1 for %n pupils", nullptr, int(changes.size())).arg(header)
                                                     : tr("Fill %n cells", nullptr, int(changes.size())));
    return int(changes.size());
}

int MarkingView::clearSelection()
{
    if (!model_)
        return 0;
    QModelIndexList cells = selectionModel()->selectedIndexes();
    if (cells.isEmpty() && currentIndex().isValid())
        cells << currentIndex();
    std::vector<marking::MarkChange> changes;
    for (const QModelIndex& cell : std::as_const(cells)) {
        const QVariant v = cell.data(MarkingModel::ValueRole);
        if (v.isNull() || v.toString().isEmpty())
            continue;
        const bool nullable = model_->kind(cell.column()) == Column::Grade;
        if (auto change = model_->changeFor(cell, nullable ? QVariant() : QVariant(QString())))
            changes.push_back(*change);
    }
    if (changes.empty())
        return 0;
    model_->writeCells(changes, changes.size() == 1 ? tr("Clear a mark") : tr("Clear %n marks", nullptr, int(changes.size())));
    return int(changes.size());
}

void MarkingView::keyPressEvent(QKeyEvent* event)
{
    if (state() != QAbstractItemView::EditingState && model_) {
        const int key = event->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) &&
            !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            moveRows(event->modifiers() & Qt::ShiftModifier ? -1 : 1);
            return;
        }
        if (event->matches(QKeySequence::Paste)) {
            Q_EMIT pasteRequested();
            return;
        }
        if (key == Qt::Key_D && event->modifiers() == Qt::ControlModifier) {
            fillDown();
            return;
        }
        if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && event->modifiers() == Qt::NoModifier) {
            clearSelection();
            return;
        }
        const QModelIndex current = currentIndex();
        const Column kind = model_->kind(current.column());
        const bool keyed = kind == Column::Light || kind == Column::SelfLight || kind == Column::PeerLight ||
                           kind == Column::Criterion;
        if (keyed && key == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
            setCurrentCell(model_->cycled(current));
            return;
        }
        if (keyed) {
            if (const QVariant v = keyValue(event); v.isValid()) {
                setCurrentCell(v);
                return;
            }
        }
    }
    QTableView::keyPressEvent(event);
}

void MarkingView::closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint)
{
    const auto* line = qobject_cast<QLineEdit*>(editor);
    const QString typed = line ? line->text() : QString();
    const bool refused = model_ && model_->lastWriteFailed();
    QTableView::closeEditor(editor, hint == QAbstractItemDelegate::SubmitModelCache ? QAbstractItemDelegate::NoHint : hint);
    if (refused && hint != QAbstractItemDelegate::RevertModelCache) {
        // Not written (not on the scale, too long, changed elsewhere): the teacher's words stay in
        // the cell, being typed, with the message saying why.
        model_->clearWriteFailure();
        if (edit(currentIndex(), QAbstractItemView::EditKeyPressed, nullptr))
            if (auto* again = qobject_cast<QLineEdit*>(QApplication::focusWidget()))
                again->setText(typed);
        return;
    }
    // Enter in a cell saves it and goes on to the next pupil (Shift+Enter the one before), as in a
    // mark book.
    if (hint == QAbstractItemDelegate::SubmitModelCache)
        moveRows(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier ? -1 : 1);
}

namespace {
QStringList localFiles(const QMimeData* data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl& url : data->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}
} // namespace

void MarkingView::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void MarkingView::dragMoveEvent(QDragMoveEvent* event)
{
    // Only onto a pupil's row.
    const QModelIndex at = indexAt(event->position().toPoint());
    if (at.isValid() && !localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void MarkingView::dropEvent(QDropEvent* event)
{
    const QModelIndex at = indexAt(event->position().toPoint());
    const QStringList paths = localFiles(event->mimeData());
    if (!at.isValid() || paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    setCurrentIndex(model_->index(at.row(), currentIndex().isValid() ? currentIndex().column() : at.column()));
    Q_EMIT filesDropped(at.row(), paths);
}

} // namespace waymark
