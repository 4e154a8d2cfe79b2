#include "sidebar/sidebarfilter.h"

#include "sidebar/sidebarmodel.h"

namespace waymark {

SidebarFilter::SidebarFilter(QObject* parent) : QSortFilterProxyModel(parent)
{
    // A heading stays while anything under it matches.
    setRecursiveFilteringEnabled(true);
}

void SidebarFilter::setSearchText(const QString& text)
{
    if (text == text_)
        return;
    text_ = text;
    folded_ = text.simplified().toCaseFolded();
    words_ = folded_.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool SidebarFilter::groupMatches(const QModelIndex& groupIndex) const
{
    return groupIndex.data(SidebarModel::GroupNameRole).toString().toCaseFolded().contains(folded_);
}

bool SidebarFilter::pupilMatches(const QModelIndex& pupilIndex) const
{
    const QString haystack = pupilIndex.data(SidebarModel::SearchTextRole).toString();
    for (const QString& word : words_) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

bool SidebarFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (words_.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = SidebarModel::NodeKind(index.data(SidebarModel::NodeKindRole).toInt());
    switch (kind) {
    case SidebarModel::NodeKind::Group:
        return groupMatches(index);
    case SidebarModel::NodeKind::Pupil: {
        const auto parentKind = SidebarModel::NodeKind(sourceParent.data(SidebarModel::NodeKindRole).toInt());
        if (parentKind == SidebarModel::NodeKind::AllPupils)
            return pupilMatches(index);
        return groupMatches(sourceParent);
    }
    case SidebarModel::NodeKind::AllPupils:
    case SidebarModel::NodeKind::Heading:
        return false; // shown only for what they hold (recursive filtering)
    }
    return false;
}

} // namespace waymark
