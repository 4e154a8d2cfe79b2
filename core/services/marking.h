#pragma once

#include "domain/entity.h"
#include "domain/enums.h"

#include <QDate>
#include <QString>
#include <QVariant>

#include <vector>

namespace waymark {

class Database;

// The marking workflow's core service: every mark a teacher gives a pupil for a task (traffic
// lights, the grade on the task's scale, a judgement per success criterion, the three parts of
// feedback, the pupil's response) is set through here, by the marking grid's undo commands and by
// waymark-cli alike. Many marks at once (a filled column) are one transaction.
namespace marking {

enum class MarkField {
    Light,         // the teacher's traffic light: "red", "amber", "green" or "" (none)
    SelfLight,     // the pupil's own
    PeerLight,     // a peer's
    Rung,          // the grade or level: a rung id of the task's scale, or null
    Judgement,     // per criterion: "met", "partly", "not_yet" or "" (none)
    WhatWentWell,  // text
    EvenBetterIf,  // text
    NextStep,      // text
    PupilResponse, // text: the pupil's response to the next step
    RespondedOn,   // QDate, or null
    NextStepMet,   // bool once decided, or null
    SelfCriterion, // per criterion: the pupil's own light, as Light
    PeerCriterion, // per criterion: a peer's light
};

// One mark: which pupil, which field (and, for a judgement, which criterion), and its value in
// the form MarkField describes.
struct Mark
{
    RowId pupilId = 0;
    MarkField field = MarkField::Light;
    RowId criterionId = 0; // MarkField::Judgement, SelfCriterion and PeerCriterion only
    QVariant value;
};

// A mark to set and the value it must replace: what the teacher saw. A value stored since by
// someone else is never written over.
struct MarkChange
{
    Mark mark;
    QVariant before;
};

// The value of a mark as stored (an empty text, "" or a null QVariant when none is given).
QVariant markOf(Database& db, RowId taskId, RowId pupilId, MarkField field, RowId criterionId = 0);

// Sets the marks in one transaction: each where the stored value still equals its `before`, else
// nothing at all is written and StorageError(Kind::Invalid) names the pupil whose mark changed
// elsewhere. A pupil's record of the task (their evidence) is made on their first mark, dated
// `today`. Marks that already hold their value are skipped. Returns the changes made, so that
// inverse() of them is the undo.
std::vector<MarkChange> setMarks(Database& db, RowId taskId, const std::vector<MarkChange>& changes, QDate today);

// The pupil's record of the task (their evidence), made now (dated `today`) if they have none.
// Throws StorageError if the task or pupil is no longer in the file.
RowId evidenceFor(Database& db, RowId taskId, RowId pupilId, QDate today);

// The changes that put back what `changes` replaced (in reverse order).
std::vector<MarkChange> inverse(const std::vector<MarkChange>& changes);

// Every pupil gets the same mark (fill down, fill a selection): one change per pupil, each
// replacing the value the caller read.
std::vector<MarkChange> fill(Database& db, RowId taskId, const std::vector<RowId>& pupilIds, MarkField field,
                             const QVariant& value, RowId criterionId = 0);

} // namespace marking
} // namespace waymark
