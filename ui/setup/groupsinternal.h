#pragma once

#include "widgets/listkeys.h"

#include <QTreeView>

// Internal to the Groups page and its dialogs (groupspage.cpp, groupdialogs.cpp).
namespace waymark::groupsui {

inline constexpr int kVertical = 100; // the year chooser's value for a group of several year groups
inline constexpr int kNameRole = Qt::UserRole + 1;

// A list of rows chosen whole, first row picked by the first Down.
inline void setUpList(QTreeView* view)
{
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAllColumnsShowFocus(true);
    chooseFirstRowOnFirstMove(view);
}

} // namespace waymark::groupsui
