#pragma once

#include "domain/entity.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// Closing the loop (DIRT: dedicated improvement and reflection time): the next steps teachers gave
// that still wait for the pupil to act on them, per class or per pupil. A next step waits until
// the pupil's response is recorded or the teacher decides whether it was met.
namespace marking {

struct AwaitedStep
{
    RowId taskId = 0;
    QString task;
    QString group;
    QDate setOn;
    RowId pupilId = 0;
    QString pupil; // preferred first and family name
    QString upn;
    QString nextStep;
};

// Awaited next steps of one group's tasks (groupId), one pupil's (pupilId), or everyone's (neither),
// oldest task first, then by pupil. Tombstoned tasks, evidence and pupils are left out, and pupils
// who have left by `today` (the computer's date if not given): they can no longer respond.
std::vector<AwaitedStep> awaitedNextSteps(Database& db, std::optional<RowId> groupId, std::optional<RowId> pupilId,
                                          QDate today = {});

} // namespace marking
} // namespace waymark
