#pragma once

#include <functional>

class QObject;
class QWidget;

namespace waymark {

// Calls `fit` each time `watched` changes size, for as long as `owner` lives: a page laid out by
// the width of the scrolling viewport it sits in (one column or two).
void whenResized(QWidget* watched, QObject* owner, std::function<void()> fit);

} // namespace waymark
