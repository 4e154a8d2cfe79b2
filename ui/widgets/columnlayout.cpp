#include "widgets/columnlayout.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>

#include <algorithm>
#include <vector>

namespace waymark {

ColumnLayout::ColumnLayout(QAbstractItemView* view, QHeaderView* header) : QObject(view), view_(view), header_(header)
{
    header_->setStretchLastSection(false);
    header_->setMinimumSectionSize(
        std::min(header_->minimumSectionSize(), view_->fontMetrics().averageCharWidth() * 3));
    view_->viewport()->installEventFilter(this);
    connect(header_, &QHeaderView::sectionResized, this, &ColumnLayout::onSectionResized);
}

void ColumnLayout::setFitted(int column, int width, int least)
{
    columns_.insert(column, Column{false, width, least < 0 ? width : std::min(least, width), 1});
    header_->setSectionResizeMode(column, QHeaderView::Interactive);
    apply();
}

void ColumnLayout::setShared(int column, int least, int weight)
{
    columns_.insert(column, Column{true, 0, least, std::max(1, weight)});
    header_->setSectionResizeMode(column, QHeaderView::Fixed);
    apply();
}

int ColumnLayout::leastWidth(int column) const
{
    return columns_.value(column).least;
}

void ColumnLayout::apply()
{
    if (applying_)
        return;
    applying_ = true;
    const int available = view_->viewport()->width();
    int fitted = 0;
    int slack = 0; // what the fitted columns could give up
    int sharedLeast = 0;
    int weights = 0;
    for (auto it = columns_.cbegin(); it != columns_.cend(); ++it) {
        if (header_->isSectionHidden(it.key()))
            continue;
        if (it->shared) {
            sharedLeast += it->least;
            weights += it->weight;
        } else {
            fitted += it->width;
            slack += it->width - it->least;
        }
    }
    // Short of room: every fitted column gives up the same share of its slack.
    const int shortfall = std::clamp(fitted + sharedLeast - available, 0, slack);
    int left = available;
    for (auto it = columns_.cbegin(); it != columns_.cend(); ++it) {
        if (it->shared || header_->isSectionHidden(it.key()))
            continue;
        const int give = slack > 0 ? int(qint64(it->width - it->least) * shortfall / slack) : 0;
        const int width = it->width - give;
        header_->resizeSection(it.key(), width);
        left -= width;
    }
    // The columns of words share the rest by weight, none under its least: a column whose share
    // would be under its least gets its least, and the others share what remains.
    std::vector<int> shared;
    for (auto it = columns_.cbegin(); it != columns_.cend(); ++it)
        if (it->shared && !header_->isSectionHidden(it.key()))
            shared.push_back(it.key());
    std::sort(shared.begin(), shared.end());
    std::vector<int> widths(shared.size(), -1);
    int room = std::max(left, 0);
    int weightLeft = weights;
    for (bool fixedOne = true; fixedOne;) {
        fixedOne = false;
        for (std::size_t i = 0; i < shared.size(); ++i) {
            const Column& c = columns_[shared[i]];
            if (widths[i] >= 0 || weightLeft <= 0)
                continue;
            if (qint64(room) * c.weight / weightLeft < c.least) {
                widths[i] = c.least;
                room = std::max(room - c.least, 0);
                weightLeft -= c.weight;
                fixedOne = true;
            }
        }
    }
    // The rest by weight; rounding's leftovers go to the first.
    int given = 0;
    int first = -1;
    const int share = room;
    for (std::size_t i = 0; i < shared.size(); ++i) {
        if (widths[i] >= 0)
            continue;
        widths[i] = weightLeft > 0 ? int(qint64(share) * columns_[shared[i]].weight / weightLeft) : 0;
        given += widths[i];
        if (first < 0)
            first = int(i);
    }
    if (first >= 0)
        widths[std::size_t(first)] += share - given;
    for (std::size_t i = 0; i < shared.size(); ++i)
        header_->resizeSection(shared[i], widths[i]);
    applying_ = false;
}

bool ColumnLayout::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == view_->viewport() && event->type() == QEvent::Resize)
        apply();
    return QObject::eventFilter(watched, event);
}

void ColumnLayout::onSectionResized(int column, int /*oldSize*/, int newSize)
{
    if (applying_)
        return;
    // A fitted column dragged by the user keeps that width, even when room gets short; the columns
    // of words follow.
    auto it = columns_.find(column);
    if (it == columns_.end() || it->shared)
        return;
    it->width = std::max(newSize, header_->minimumSectionSize());
    it->least = it->width;
    apply();
}

} // namespace waymark
