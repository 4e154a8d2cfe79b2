#pragma once

#include <QKeyEvent>
#include <QKeySequence>

namespace waymark {

// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (and the platform's own Undo and Redo keys): the app's Undo and
// Redo wherever the focus is.
inline bool isUndoOrRedoKey(const QKeyEvent* key)
{
    const QKeyCombination combination = key->keyCombination();
    return key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo) ||
           combination == QKeyCombination(Qt::CTRL | Qt::Key_Y) ||
           combination == QKeyCombination(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
}

} // namespace waymark
