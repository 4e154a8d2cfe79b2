#pragma once

#include "domain/entity.h"

#include <QDate>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace waymark {

class Database;

// What the marking grid, the feedback slips and the whole-class sheet show of one task: the task,
// its criteria and scale, and a row per pupil with every mark they have. Read in a handful of
// queries however large the group; one pupil's row can be read again alone after a change.
namespace marking {

struct SheetCriterion
{
    RowId id = 0;
    QString text;
};

struct SheetRung
{
    RowId id = 0;
    QString code;  // what the grid shows and a teacher types ("6", "EXS", "17")
    QString label; // a longer name ("Grade 6", "Expected standard")
};

struct SheetRow
{
    RowId pupilId = 0;
    QString givenName; // preferred first name
    QString legalGivenName;
    QString name;      // preferred first and family name
    QString sortName;
    QString upn;
    QString pronouns;
    QString sen; // "", "sen_support" or "ehc_plan"
    bool eal = false;
    bool pupilPremium = false;
    bool lookedAfter = false;
    bool left = false; // left the school, or the group, and kept for the marks they had

    RowId evidenceId = 0; // 0: not marked yet
    QString light, selfLight, peerLight; // "red", "amber", "green" or ""
    std::optional<RowId> rungId;
    std::map<RowId, QString> judgements;   // criterion id -> "met", "partly", "not_yet"
    std::map<RowId, QString> selfCriteria; // criterion id -> light
    std::map<RowId, QString> peerCriteria;
    QString whatWentWell, evenBetterIf, nextStep, pupilResponse;
    QDate respondedOn;
    std::optional<bool> nextStepMet;
    int attachments = 0;
};

struct MarkSheet
{
    RowId taskId = 0;
    QString title;
    QString learningIntention;
    QDate setOn;
    RowId groupId = 0;
    QString group;
    std::optional<RowId> subjectId;
    QString subject;
    QString setBy;
    std::optional<RowId> scaleId;
    QString scaleName;
    std::vector<SheetRung> rungs; // in order, lowest first
    std::vector<SheetCriterion> criteria;
    std::vector<SheetRow> rows; // by family name, then first name
};

// The whole sheet, or nothing when the task is not (or no longer) in the file. Pupils are the
// group's current members, and anyone with a mark for the task.
// A pupil counts as left from their leaving date on (`today`: the computer's date if not given).
std::optional<MarkSheet> markSheet(Database& db, RowId taskId, QDate today = {});

// One pupil's row, read again.
std::optional<SheetRow> sheetRow(Database& db, RowId taskId, RowId pupilId, QDate today = {});

// A rung's text for people: its code, and its label when that says more ("EXS (Expected standard)").
QString rungText(const SheetRung& rung);

} // namespace marking
} // namespace waymark
