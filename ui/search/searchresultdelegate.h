#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;
class QTextDocument;

namespace waymark {

// Draws a search hit on two lines or more: the pupil in bold with what and when beside it, then the
// words around the match, each match in bold, wrapped to the list's width.
class SearchResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SearchResultDelegate(QAbstractItemView* view);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int margin(const QStyleOptionViewItem& option) const;
    void layOut(QTextDocument& doc, const QStyleOptionViewItem& option, const QModelIndex& index, int width) const;

    QAbstractItemView* view_;
};

} // namespace waymark
