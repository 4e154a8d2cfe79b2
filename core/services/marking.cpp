#include "services/marking.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace waymark::marking {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Marking", text);
}

bool isText(MarkField f)
{
    return f == MarkField::WhatWentWell || f == MarkField::EvenBetterIf || f == MarkField::NextStep ||
           f == MarkField::PupilResponse;
}

bool isLight(MarkField f)
{
    return f == MarkField::Light || f == MarkField::SelfLight || f == MarkField::PeerLight;
}

bool isCriterionLight(MarkField f)
{
    return f == MarkField::SelfCriterion || f == MarkField::PeerCriterion;
}

bool isPerCriterion(MarkField f)
{
    return f == MarkField::Judgement || isCriterionLight(f);
}

// The pupil's record of the task: the first live evidence for it, if any.
std::optional<Evidence> evidenceOf(Database& db, RowId taskId, RowId pupilId)
{
    return Repository<Evidence>(db).first("task_id = ?1 AND pupil_id = ?2 ORDER BY id", taskId, pupilId);
}

QString lightText(TrafficLight light)
{
    return QString::fromLatin1(toText(light).data());
}

TrafficLight& lightOf(Evidence& e, MarkField f)
{
    return f == MarkField::SelfLight ? e.selfLight : f == MarkField::PeerLight ? e.peerLight : e.light;
}

QString& textOf(Feedback& fb, MarkField f)
{
    switch (f) {
    case MarkField::WhatWentWell:
        return fb.whatWentWell;
    case MarkField::EvenBetterIf:
        return fb.evenBetterIf;
    case MarkField::NextStep:
        return fb.nextStep;
    default:
        return fb.pupilResponse;
    }
}

// A value in the one form each field is compared in.
QVariant normalised(MarkField f, const QVariant& v)
{
    if (isText(f) || isLight(f) || isPerCriterion(f))
        return v.isNull() ? QString() : v.toString();
    if (f == MarkField::Rung)
        return v.isNull() || v.toLongLong() == 0 ? QVariant() : QVariant(v.toLongLong());
    if (f == MarkField::NextStepMet)
        return v.isNull() ? QVariant() : QVariant(v.toBool());
    return v.isNull() || !v.toDate().isValid() ? QVariant() : QVariant(v.toDate());
}

QString pupilName(Database& db, RowId pupilId)
{
    const std::optional<Pupil> p = Repository<Pupil>(db).find(pupilId);
    return p ? p->displayName() : QString();
}
} // namespace

QVariant markOf(Database& db, RowId taskId, RowId pupilId, MarkField field, RowId criterionId)
{
    std::optional<Evidence> e = evidenceOf(db, taskId, pupilId);
    if (isLight(field))
        return e ? lightText(lightOf(*e, field)) : QString();
    if (field == MarkField::Rung)
        return e && e->rungId ? QVariant(*e->rungId) : QVariant();
    if (field == MarkField::Judgement) {
        if (!e)
            return QString();
        const std::optional<CriterionJudgement> j =
            Repository<CriterionJudgement>(db).first("evidence_id = ?1 AND criterion_id = ?2", e->id, criterionId);
        return j ? QString::fromLatin1(toText(j->judgement).data()) : QString();
    }
    if (isCriterionLight(field)) {
        if (!e)
            return QString();
        const std::optional<CriterionAssessment> a =
            Repository<CriterionAssessment>(db).first("evidence_id = ?1 AND criterion_id = ?2", e->id, criterionId);
        return a ? (field == MarkField::SelfCriterion ? a->selfLight : a->peerLight) : QString();
    }
    std::optional<Feedback> fb = e ? Repository<Feedback>(db).first("evidence_id = ?1", e->id) : std::nullopt;
    if (field == MarkField::RespondedOn)
        return fb && fb->respondedOn.isValid() ? QVariant(fb->respondedOn) : QVariant();
    if (field == MarkField::NextStepMet)
        return fb && fb->nextStepMet ? QVariant(*fb->nextStepMet) : QVariant();
    return fb ? textOf(*fb, field) : QString();
}

std::vector<MarkChange> setMarks(Database& db, RowId taskId, const std::vector<MarkChange>& changes, QDate today)
{
    Transaction transaction(db);
    const std::optional<Task> task = Repository<Task>(db).find(taskId);
    if (!task)
        throw StorageError(StorageError::Kind::Invalid, tr("That task is no longer in this school file."));
    Repository<Evidence> evidence(db);
    Repository<Feedback> feedback(db);
    Repository<CriterionJudgement> judgements(db);
    std::vector<MarkChange> made;
    for (const MarkChange& change : changes) {
        const Mark& m = change.mark;
        const QVariant stored = normalised(m.field, markOf(db, taskId, m.pupilId, m.field, m.criterionId));
        const QVariant wanted = normalised(m.field, m.value);
        if (stored == wanted)
            continue; // already so: nothing to write, nothing to undo
        if (stored != normalised(m.field, change.before))
            throw StorageError(StorageError::Kind::Invalid,
                               tr("%1's mark was changed elsewhere (perhaps in another window) since you saw it, so "
                                  "nothing was changed. Look at it again and mark once more.")
                                   .arg(pupilName(db, m.pupilId)));
        if (isText(m.field) && wanted.toString().size() > limits::kText)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("Feedback can have at most %1 characters.").arg(limits::kText));
        if (isPerCriterion(m.field) &&
            !Repository<SuccessCriterion>(db).first("id = ?1 AND task_id = ?2", m.criterionId, taskId))
            throw StorageError(StorageError::Kind::Invalid, tr("That success criterion is not one of this task's."));

        // The pupil's record of the task, made on their first mark.
        std::optional<Evidence> e = evidence.find(evidenceFor(db, taskId, m.pupilId, today));
        if (isLight(m.field)) {
            const std::optional<TrafficLight> light = wanted.toString().isEmpty()
                                                          ? std::optional<TrafficLight>(TrafficLight::None)
                                                          : fromText<TrafficLight>(wanted.toString().toStdString());
            if (!light)
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("A traffic light is red, amber or green, not “%1”.").arg(wanted.toString()));
            lightOf(*e, m.field) = *light;
            evidence.update(*e);
        } else if (m.field == MarkField::Rung) {
            if (!wanted.isNull()) {
                const std::optional<Rung> rung = Repository<Rung>(db).find(wanted.toLongLong());
                if (!rung || (task->scaleId && rung->scaleId != *task->scaleId))
                    throw StorageError(StorageError::Kind::Invalid, tr("That grade is not on this task's scale."));
                e->rungId = rung->id;
            } else {
                e->rungId.reset();
            }
            evidence.update(*e);
        } else if (m.field == MarkField::Judgement) {
            std::optional<CriterionJudgement> j =
                judgements.first("evidence_id = ?1 AND criterion_id = ?2", e->id, m.criterionId);
            if (wanted.toString().isEmpty()) {
                if (j)
                    judgements.setDeleted(j->id, true); // cleared: tombstoned, never erased
            } else {
                const std::optional<Judgement> value = fromText<Judgement>(wanted.toString().toStdString());
                if (!value)
                    throw StorageError(StorageError::Kind::Invalid,
                                       tr("A judgement is met, partly or not yet, not “%1”.").arg(wanted.toString()));
                if (j) {
                    j->judgement = *value;
                    judgements.update(*j);
                } else {
                    CriterionJudgement fresh;
                    fresh.evidenceId = e->id;
                    fresh.criterionId = m.criterionId;
                    fresh.judgement = *value;
                    judgements.insert(fresh);
                }
            }
        } else if (isCriterionLight(m.field)) {
            const QString light = wanted.toString();
            if (!light.isEmpty() && !fromText<TrafficLight>(light.toStdString()))
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("A traffic light is red, amber or green, not “%1”.").arg(light));
            Repository<CriterionAssessment> assessments(db);
            std::optional<CriterionAssessment> a =
                assessments.first("evidence_id = ?1 AND criterion_id = ?2", e->id, m.criterionId);
            CriterionAssessment row = a ? *a : CriterionAssessment{};
            row.evidenceId = e->id;
            row.criterionId = m.criterionId;
            (m.field == MarkField::SelfCriterion ? row.selfLight : row.peerLight) = light;
            if (a)
                assessments.update(row);
            else
                assessments.insert(row);
        } else {
            std::optional<Feedback> fb = feedback.first("evidence_id = ?1", e->id);
            Feedback row = fb ? *fb : Feedback{};
            row.evidenceId = e->id;
            if (m.field == MarkField::RespondedOn)
                row.respondedOn = wanted.isNull() ? QDate() : wanted.toDate();
            else if (m.field == MarkField::NextStepMet)
                row.nextStepMet = wanted.isNull() ? std::nullopt : std::optional<bool>(wanted.toBool());
            else
                textOf(row, m.field) = wanted.toString();
            if (fb)
                feedback.update(row);
            else
                feedback.insert(row);
        }
        MarkChange done;
        done.mark = m;
        done.mark.value = wanted;
        done.before = stored;
        made.push_back(done);
    }
    transaction.commit();
    return made;
}

RowId evidenceFor(Database& db, RowId taskId, RowId pupilId, QDate today)
{
    Transaction transaction(db);
    const std::optional<Task> task = Repository<Task>(db).find(taskId);
    if (!task)
        throw StorageError(StorageError::Kind::Invalid, tr("That task is no longer in this school file."));
    std::optional<Evidence> e = evidenceOf(db, taskId, pupilId);
    if (!e) {
        if (!Repository<Pupil>(db).find(pupilId))
            throw StorageError(StorageError::Kind::Invalid, tr("That pupil is no longer in this school file."));
        Evidence fresh;
        fresh.pupilId = pupilId;
        fresh.taskId = taskId;
        fresh.subjectId = task->subjectId;
        fresh.kind = EvidenceKind::WorkSample;
        fresh.recordedOn = today;
        fresh.recordedById = task->setById;
        Repository<Evidence>(db).insert(fresh);
        e = fresh;
    }
    transaction.commit();
    return e->id;
}

std::vector<MarkChange> inverse(const std::vector<MarkChange>& changes)
{
    std::vector<MarkChange> out;
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
        MarkChange back;
        back.mark = it->mark;
        back.mark.value = it->before;
        back.before = it->mark.value;
        out.push_back(back);
    }
    return out;
}

std::vector<MarkChange> fill(Database& db, RowId taskId, const std::vector<RowId>& pupilIds, MarkField field,
                             const QVariant& value, RowId criterionId)
{
    std::vector<MarkChange> out;
    for (const RowId pupil : pupilIds) {
        MarkChange c;
        c.mark = Mark{pupil, field, criterionId, value};
        c.before = markOf(db, taskId, pupil, field, criterionId);
        out.push_back(c);
    }
    return out;
}

} // namespace waymark::marking
