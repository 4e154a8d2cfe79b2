#include "widgets/listkeys.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>

namespace waymark {

namespace {
class FirstMove final : public QObject
{
public:
    explicit FirstMove(QAbstractItemView* view) : QObject(view), view_(view) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched != view_ || event->type() != QEvent::KeyPress)
            return false;
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool move = key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown ||
                          key->key() == Qt::Key_PageUp;
        if (!move || key->modifiers() != Qt::NoModifier)
            return false;
        QItemSelectionModel* selection = view_->selectionModel();
        const QAbstractItemModel* model = view_->model();
        if (!selection || !model || selection->hasSelection() || model->rowCount(view_->rootIndex()) == 0)
            return false;
        QModelIndex current = view_->currentIndex();
        if (!current.isValid())
            current = model->index(0, 0, view_->rootIndex());
        view_->setCurrentIndex(current);
        if (!selection->isSelected(current))
            selection->select(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view_->scrollTo(current);
        return true;
    }

private:
    QAbstractItemView* view_;
};
} // namespace

void chooseFirstRowOnFirstMove(QAbstractItemView* view)
{
    view->installEventFilter(new FirstMove(view));
}

} // namespace waymark
