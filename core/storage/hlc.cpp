#include "storage/hlc.h"

#include <QDateTime>

#include <algorithm>

namespace waymark {

HybridClock::HybridClock(WallClock wall)
    : wall_(std::move(wall))
{
}

qint64 HybridClock::systemMilliseconds()
{
    return QDateTime::currentMSecsSinceEpoch();
}

HybridClock::Stamp HybridClock::now()
{
    const Stamp physical = make(wall_(), 0);
    // A wall clock that jumps back (or a stamp from a device ahead of us) only advances the counter.
    last_ = std::max(physical, last_ + 1);
    return last_;
}

void HybridClock::observe(Stamp remote)
{
    last_ = std::max(last_, remote);
}

} // namespace waymark
