#pragma once

class QAbstractItemView;

namespace waymark {

// Qt makes the first row of a list current (but not chosen, so nothing shows) when the list gets the
// focus; the first Down then goes to the second row. With this, the first Down, Up, Page Down or
// Page Up in a list where nothing is chosen yet chooses the current row, or the first.
void chooseFirstRowOnFirstMove(QAbstractItemView* view);

} // namespace waymark
