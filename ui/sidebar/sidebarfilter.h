#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace waymark {

// Search-as-you-type over the sidebar, in memory. Under "All pupils" a pupil shows when every word
// typed appears in their names or UPN; a group shows, with all its pupils, when its name contains
// what was typed. So a name finds the pupil once, not once per class they are in. Accents, special
// letters, apostrophes and case do not matter (text::searchKey), and the list's own "Surname, F"
// form works: a letter after the comma must begin a name.
class SidebarFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SidebarFilter(QObject* parent = nullptr);

    void setSearchText(const QString& text);
    QString searchText() const { return text_; }
    bool isFiltering() const { return !words_.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool groupMatches(const QModelIndex& groupIndex) const;
    bool pupilMatches(const QModelIndex& pupilIndex) const;

    QString text_;
    QString folded_;
    QStringList words_;
    QStringList initials_; // single letters after a comma: they must begin a name
};

} // namespace waymark
