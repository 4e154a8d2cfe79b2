#pragma once

#include "domain/entities.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// One piece of evidence as a pupil's timeline shows it, with the words from the task, subject,
// recorder, rung and feedback already joined in.
struct TimelineEntry
{
    RowId evidenceId = 0;
    QDate recordedOn;
    EvidenceKind kind = EvidenceKind::Observation;
    QString subjectName;
    QString taskTitle;
    QString learningIntention;
    QString recordedBy;
    QString note;
    TrafficLight light = TrafficLight::None;
    TrafficLight selfLight = TrafficLight::None;
    TrafficLight peerLight = TrafficLight::None;
    QString rungCode;
    QString rungLabel;
    QString scaleName;
    QString targetText; // the target this evidence is linked to, if any
    QString whatWentWell;
    QString evenBetterIf;
    QString nextStep;
    QString pupilResponse;
    int attachmentCount = 0;
};

// Where a page of the timeline ends: the next page starts strictly after (older than) this entry.
struct TimelineCursor
{
    QDate recordedOn;
    RowId evidenceId = 0;
};

// Up to `limit` of the pupil's live evidence, newest first (by date, then by id), starting after
// `after` (or from the newest). Keyset paging, so a page deep in five years of history costs the
// same as the first.
std::vector<TimelineEntry> loadTimelinePage(Database& db, RowId pupilId, std::optional<TimelineCursor> after,
                                            int limit);

} // namespace waymark
