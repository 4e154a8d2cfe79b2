#include "search/searchresultdelegate.h"

#include "search/searchresultsmodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace waymark {

SearchResultDelegate::SearchResultDelegate(QAbstractItemView* view) : QStyledItemDelegate(view), view_(view) {}

int SearchResultDelegate::margin(const QStyleOptionViewItem& option) const
{
    return option.fontMetrics.height() / 3 + 2;
}

void SearchResultDelegate::layOut(QTextDocument& doc, const QStyleOptionViewItem& option, const QModelIndex& index,
                                  int width) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const QColor quiet = option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    doc.setHtml(QStringLiteral("<b>%1</b>&nbsp;&nbsp;<span style=\"color:%2\">%3</span><br>%4")
                    .arg(index.data(SearchResultsModel::PupilNameRole).toString().toHtmlEscaped(), quiet.name(),
                         index.data(SearchResultsModel::HeadingRole).toString().toHtmlEscaped(),
                         index.data(SearchResultsModel::SnippetHtmlRole).toString()));
    doc.setTextWidth(std::max(1, width));
}

void SearchResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and the selection only; the words are drawn below
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int m = margin(option);
    const QRect area = option.rect.adjusted(m, m, -m, -m);
    QTextDocument doc;
    layOut(doc, option, index, area.width());
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = option.state & QStyle::State_Selected;
    context.palette = option.palette;
    context.palette.setColor(QPalette::Text,
                             option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    context.clip = QRectF(0, 0, area.width(), area.height());
    painter->save();
    painter->translate(area.topLeft());
    painter->setClipRect(context.clip);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int m = margin(option);
    const int width = (view_ ? view_->viewport()->width() : option.rect.width()) - 2 * m;
    QTextDocument doc;
    layOut(doc, option, index, width);
    return {width + 2 * m, int(std::ceil(doc.size().height())) + 2 * m};
}

} // namespace waymark
