#pragma once

#include "repo/tables.h"

#include <tuple>

namespace waymark {

// Whether two records of the same table hold the same values in every column of their own (ids,
// stamps and origins aside): "has anyone changed this since?" for an undo.
template <class T>
bool sameContent(const T& a, const T& b)
{
    return std::apply([&](const auto&... column) { return ((a.*(column.member) == b.*(column.member)) && ...); },
                      Table<T>::columns);
}

} // namespace waymark
