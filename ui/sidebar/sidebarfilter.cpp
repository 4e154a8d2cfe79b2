#include "sidebar/sidebarfilter.h"

#include "sidebar/sidebarmodel.h"
#include "text/searchkey.h"

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
    // Forgiving: accents, special letters, apostrophes and case do not matter, and the list's own
    // "Surname, F" form reads as two words.
    folded_ = text::searchKey(text);
    words_ = folded_.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // After a comma, a single letter is an initial ("Lewis, S"): it must begin a name.
    initials_.clear();
    if (const qsizetype comma = text.indexOf(QLatin1Char(',')); comma >= 0) {
        for (const QString& word : text::searchKey(text.mid(comma + 1)).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (word.size() == 1)
                initials_ << word;
    }
    invalidateFilter();
}

bool SidebarFilter::groupMatches(const QModelIndex& groupIndex) const
{
    return text::searchKey(groupIndex.data(SidebarModel::GroupNameRole).toString()).contains(folded_);
}

bool SidebarFilter::pupilMatches(const QModelIndex& pupilIndex) const
{
    const QString haystack = pupilIndex.data(SidebarModel::SearchTextRole).toString();
    for (const QString& word : words_) {
        const bool initial = initials_.contains(word);
        if (initial ? !(haystack.startsWith(word) || haystack.contains(QLatin1Char(' ') + word))
                    : !haystack.contains(word))
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
