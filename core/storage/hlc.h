#pragma once

#include <QtGlobal>

#include <functional>

namespace waymark {

// Hybrid logical clock: stamps that follow wall-clock milliseconds but never run backwards and
// order events across devices. A stamp packs milliseconds since the Unix epoch (upper 48 bits) and
// a logical counter (lower 16 bits), so stamps compare as plain integers.
class HybridClock
{
public:
    using Stamp = qint64;
    using WallClock = std::function<qint64()>; // milliseconds since the epoch

    explicit HybridClock(WallClock wall = systemMilliseconds);

    Stamp now();                // a stamp greater than every stamp seen so far
    void observe(Stamp remote); // fold in a stamp from another device (import)
    Stamp last() const { return last_; }

    static Stamp make(qint64 milliseconds, int counter) { return (milliseconds << 16) | (counter & 0xffff); }
    static qint64 milliseconds(Stamp s) { return s >> 16; }
    static int counter(Stamp s) { return int(s & 0xffff); }
    static qint64 systemMilliseconds();

private:
    WallClock wall_;
    Stamp last_ = 0;
};

} // namespace waymark
