#pragma once

#include <QUuid>
#include <QtGlobal>

#include <array>
#include <cstdint>
#include <span>

namespace waymark::demo {

// The demo school's only source of chance: xoshiro256** seeded through splitmix64, with its own
// integer ranges, so the same seed gives the same school with every compiler and standard library
// (std::uniform_int_distribution does not).
class Random
{
public:
    // Independent streams from one seed: stream 7 of seed 1 never overlaps stream 8.
    explicit Random(quint64 seed, quint64 stream = 0);

    quint64 next();
    // 0 <= result < n (n > 0); Lemire's multiply-shift, unbiased enough for demo data.
    quint32 below(quint32 n);
    int range(int lo, int hi); // lo <= result <= hi
    double real();             // [0, 1)
    bool chance(double p) { return real() < p; }
    double normal();           // mean 0, sd 1, within about +-3.5

    template <class T>
    const T& pick(std::span<const T> items)
    {
        return items[below(quint32(items.size()))];
    }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& items)
    {
        return items[below(quint32(N))];
    }
    template <class T, std::size_t N>
    const T& pick(const T (&items)[N])
    {
        return items[below(quint32(N))];
    }

    // A random (version 4) UUID drawn from this stream.
    QUuid uuid();

    static quint64 mix(quint64 x); // splitmix64's finaliser, for deriving seeds

private:
    std::array<quint64, 4> s_{};
};

} // namespace waymark::demo
