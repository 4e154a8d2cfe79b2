#pragma once

#include <QTableView>

namespace waymark {

class MarkingModel;

// The marking grid's keyboard: arrows and Tab move; Enter (Shift+Enter) goes to the next (previous)
// pupil in the same column, also after typing in a cell; R, A, G or 1, 2, 3 set a light; 1, 2, 3
// (or N, P, M) set a criterion to not yet, partly or met; Space cycles; Delete clears the selected
// cells; Ctrl+D fills the selection with the value of its top cell in each column (or, from one
// cell, the empty cells below it with that cell's value), as one undo step; F2 or any letter starts typing in a feedback or grade cell.
class MarkingView final : public QTableView
{
    Q_OBJECT

public:
    explicit MarkingView(QWidget* parent = nullptr);

Q_SIGNALS:
    // Files dropped on a pupil's row, to add to their record of the task.
    void filesDropped(int row, const QStringList& paths);
    // Ctrl+V: a picture (or files) on the clipboard, for the current pupil.
    void pasteRequested();

public:

    void setMarkingModel(MarkingModel* model);

    // Ctrl+D: see above. Returns the number of cells asked to change.
    int fillDown();
    // Delete: clears every selected cell that can be marked.
    int clearSelection();
    // Moves to the same column `delta` pupils on.
    void moveRows(int delta);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    bool setCurrentCell(const QVariant& value);
    QVariant keyValue(const QKeyEvent* event) const;

    MarkingModel* model_ = nullptr;
};

} // namespace waymark
