#pragma once

#include "domain/enums.h"
#include "storage/statement.h"

#include <QDate>
#include <QString>

#include <optional>
#include <type_traits>

namespace waymark::columns {

// How each C++ member type is written to and read from a column. Empty optionals and invalid dates
// are NULL; enums are stored as their text (EnumText).
inline void write(Statement& s, int i, const QString& v) { s.bind(i, v); }
inline void write(Statement& s, int i, const QDate& v) { s.bind(i, v); }
inline void write(Statement& s, int i, bool v) { s.bind(i, v); }
inline void write(Statement& s, int i, int v) { s.bind(i, v); }
inline void write(Statement& s, int i, qint64 v) { s.bind(i, v); }
template <class T>
void write(Statement& s, int i, const std::optional<T>& v)
{
    if (v)
        write(s, i, *v);
    else
        s.bindNull(i);
}
template <class E>
    requires std::is_enum_v<E>
void write(Statement& s, int i, E v)
{
    s.bind(i, toText(v));
}

inline void read(const Statement& s, int c, QString& v) { v = s.text(c); }
inline void read(const Statement& s, int c, QDate& v) { v = s.date(c); }
inline void read(const Statement& s, int c, bool& v) { v = s.boolean(c); }
inline void read(const Statement& s, int c, int& v) { v = s.integer(c); }
inline void read(const Statement& s, int c, qint64& v) { v = s.int64(c); }
template <class T>
void read(const Statement& s, int c, std::optional<T>& v)
{
    if (s.isNull(c)) {
        v.reset();
    } else {
        T inner{};
        read(s, c, inner);
        v = inner;
    }
}
template <class E>
    requires std::is_enum_v<E>
void read(const Statement& s, int c, E& v)
{
    v = fromText<E>(s.text(c).toStdString()).value_or(E{});
}

// One column of an entity's table, bound to the member that holds it.
template <class T, class M>
struct Column
{
    const char* name;
    M T::*member;
};

template <class T, class M>
constexpr Column<T, M> column(const char* name, M T::*member)
{
    return {name, member};
}

} // namespace waymark::columns
