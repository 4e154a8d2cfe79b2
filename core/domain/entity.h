#pragma once

#include <QString>
#include <QUuid>

#include <optional>

namespace waymark {

using RowId = qint64;
using OptionalId = std::optional<RowId>;

// What every shared record carries so that it can travel between schools and merge: a stable UUID,
// the hybrid-logical-clock stamp of its last change, the device that made it, and a tombstone flag.
struct Entity
{
    RowId id = 0;   // local key; 0 until stored
    QUuid uuid;     // stable everywhere; assigned when stored
    qint64 stamp = 0;
    QString origin;
    bool deleted = false;
};

} // namespace waymark
