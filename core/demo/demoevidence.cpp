// The teaching record of one class for one year: a task every two or three weeks with its learning
// intention and success criteria, and for each pupil the evidence of how it went - judgements
// against the criteria, traffic lights (the teacher's, their own and a peer's), a rung on the
// task's ladder that climbs as the pupil progresses, feedback, and now and then a photo.
#include "attachments/attachmentstore.h"
#include "demo/demobuilder.h"
#include "demo/democurriculum.h"
#include "demo/demoimages.h"

#include <algorithm>
#include <cmath>

namespace waymark::demo {

namespace {

// Where a pupil sits on a ladder of n rungs: n * (base + perAbility * ability + perYear * years of
// progress since starting Year 7), plus a little noise per piece of work.
struct LadderModel
{
    double base;
    double perAbility;
    double perYear;
};
constexpr LadderModel kGcseModel{0.26, 0.15, 0.06};       // average grade 4 in Year 10, 5 by the end of Year 11
constexpr LadderModel kKs3LadderModel{0.20, 0.15, 0.15};  // "Developing" in Year 7, "Extending" by Year 9
constexpr LadderModel kTeacherAssessmentModel{0.42, 0.14, 0.06};

struct TaskKind
{
    EvidenceKind kind;
    int weight;
    const char* title;
};
const TaskKind kWrittenKinds[] = {
    {EvidenceKind::WorkSample, 55, "assessed piece"}, {EvidenceKind::Quiz, 20, "quiz"},
    {EvidenceKind::SelfAssessment, 8, "self-assessment"}, {EvidenceKind::PeerAssessment, 8, "peer assessment"},
    {EvidenceKind::Observation, 5, "practical"},          {EvidenceKind::Conversation, 4, "discussion"},
};
const TaskKind kPracticalKinds[] = {
    {EvidenceKind::Observation, 50, "performance"},     {EvidenceKind::SelfAssessment, 15, "self-assessment"},
    {EvidenceKind::PeerAssessment, 15, "peer assessment"}, {EvidenceKind::WorkSample, 10, "written task"},
    {EvidenceKind::Quiz, 5, "quiz"},                    {EvidenceKind::Conversation, 5, "discussion"},
};

const TaskKind& pickKind(Random& r, bool practical)
{
    const std::span<const TaskKind> kinds = practical ? std::span<const TaskKind>(kPracticalKinds)
                                                      : std::span<const TaskKind>(kWrittenKinds);
    int roll = r.range(0, 99);
    for (const TaskKind& k : kinds) {
        if (roll < k.weight)
            return k;
        roll -= k.weight;
    }
    return kinds.front();
}

TrafficLight shifted(TrafficLight light, int by)
{
    const int v = std::clamp(int(light) + by, int(TrafficLight::Red), int(TrafficLight::Green));
    return TrafficLight(v);
}

const char* pickComment(Random& r, std::span<const char* const> own, std::span<const char* const> generic)
{
    return !own.empty() && r.chance(0.5) ? r.pick(own) : r.pick(generic);
}

} // namespace

void Builder::addTasks(int academicYear, const SimGroup& group, quint64 stream)
{
    Random r(options_.seed, stream);
    const int s = group.subject;
    const SubjectInfo& info = subjects()[std::size_t(s)];
    const bool keyStage4 = group.yearGroup >= 10;
    const bool practical = s == kPe || s == kMusic || s == kDrama;

    const ScaleRungs& scale = keyStage4          ? gcse_
                              : s == kEnglish    ? ks3Reading_
                              : s == kMaths      ? ks3Reasoning_
                              : s == kScience || s == kHistory || s == kGeography || s == kFrench ? ksTeacherAssessment_
                                                                                                    : ks3Steps_;
    const LadderModel model = keyStage4                        ? kGcseModel
                              : &scale == &ksTeacherAssessment_ ? kTeacherAssessmentModel
                                                                : kKs3LadderModel;
    const int rungCount = int(scale.rungs.size());

    std::vector<const Topic*> topics;
    for (const Topic& t : topicsFor(s)) {
        if (t.keyStage4 == keyStage4)
            topics.push_back(&t);
    }
    const int yearInStage = keyStage4 ? group.yearGroup - 10 : group.yearGroup - 7;
    const std::span<const char* const> criteriaPool = criteriaFor(s);
    const CommentSet own = subjectComments(s);
    const CommentSet generic = genericComments();

    // A task every two or three weeks in a subject taught four times a week, less often otherwise.
    const int gapLo = info.lessonsPerWeek >= 4 ? 8 : info.lessonsPerWeek >= 2 ? 11 : 18;
    const int gapHi = info.lessonsPerWeek >= 4 ? 12 : info.lessonsPerWeek >= 2 ? 15 : 26;
    const std::vector<HalfTerm> halfTerms = calendar_.halfTerms(academicYear);
    const int firstIndex = days_.indexOnOrAfter(halfTerms.front().start);
    // Year 11 go on study leave for their exams in May.
    const QDate stop = std::min(group.yearGroup == 11 ? QDate(academicYear + 1, 5, 15) : halfTerms.back().end, today_);
    const int stopIndex = days_.indexOnOrBefore(stop);

    for (int index = firstIndex + r.range(4, 9); index <= stopIndex; index += r.range(gapLo, gapHi)) {
        const QDate setOn = days_.at(index);
        // A topic a half-term, starting further along the list each year of the key stage.
        int halfTerm = 0;
        for (const HalfTerm& h : halfTerms)
            halfTerm = h.start <= setOn ? h.number - 1 : halfTerm;
        const Topic& topic = *topics[std::size_t(halfTerm + yearInStage * 2) % topics.size()];
        const TaskKind& kind = pickKind(r, practical);

        Task task;
        task.groupId = group.id;
        task.subjectId = subjectIds_[std::size_t(s)];
        task.title = QString::fromUtf8(topic.title) + QStringLiteral(": ") + QString::fromUtf8(kind.title);
        task.learningIntention = QString::fromUtf8(topic.intention);
        task.setOn = setOn;
        task.scaleId = scale.scaleId;
        task.setById = group.teacherId;
        writer_.insert(task, setOn);

        std::vector<RowId> criteria;
        std::vector<const char*> pool(criteriaPool.begin(), criteriaPool.end());
        const int criteriaCount = r.range(2, 4);
        for (int c = 0; c < criteriaCount; ++c) {
            const std::size_t k = r.below(quint32(pool.size()));
            SuccessCriterion sc;
            sc.taskId = task.id;
            sc.position = c;
            sc.text = QString::fromUtf8(pool[k]);
            pool.erase(pool.begin() + std::ptrdiff_t(k));
            criteria.push_back(writer_.insert(sc, setOn));
        }

        const double difficulty = 0.06 * r.normal();
        const bool peerMarked = kind.kind == EvidenceKind::PeerAssessment || r.chance(0.3);
        // Now and then a photo of group work goes on the evidence of everyone in the group: the
        // same content, stored once.
        QByteArray groupPhoto;
        std::size_t groupFrom = 0;
        std::size_t groupTo = 0;
        if (kind.kind == EvidenceKind::WorkSample && r.chance(0.08)) {
            groupFrom = r.below(quint32(group.pupils.size()));
            groupTo = std::min(group.pupils.size(), groupFrom + std::size_t(r.range(2, 4)));
        }

        for (std::size_t member = 0; member < group.pupils.size(); ++member) {
            const int i = group.pupils[member];
            const SimPupil& p = pupils_[std::size_t(i)];
            const int dayIndex = index + r.range(0, 5);
            const QDate on = days_.at(dayIndex);
            if (!on.isValid() || on > today_ || !p.onRollOn(setOn) || !p.onRollOn(on) || r.chance(0.04))
                continue; // not marked yet, not here then, or absent

            const bool stuck = p.stuckFrom.isValid() && on > p.stuckFrom;
            const double ability = p.ability + p.strengths[std::size_t(s)];
            const double years = double(QDate(p.cohort, 9, 1).daysTo(stuck ? p.stuckFrom : on)) / 365.25;
            const double level = rungCount * (model.base + model.perAbility * ability + model.perYear * p.growth * years)
                                 + 0.35 * r.normal();
            const int rung = std::clamp(int(std::floor(level)), 0, std::max(0, rungCount - 1));
            const double performance =
                std::clamp(0.68 + 0.16 * ability - difficulty - (stuck ? 0.12 : 0.0) + 0.12 * r.normal(), 0.05, 0.97);

            std::vector<Judgement> judgements;
            double score = 0;
            for (std::size_t c = 0; c < criteria.size(); ++c) {
                const double u = r.real();
                const Judgement j = u < performance - 0.1 ? Judgement::Met
                                    : u < performance + 0.15 ? Judgement::Partly
                                                             : Judgement::NotYet;
                score += j == Judgement::Met ? 1.0 : j == Judgement::Partly ? 0.5 : 0.0;
                judgements.push_back(j);
            }
            score /= double(criteria.size());

            Evidence e;
            e.pupilId = p.id;
            e.taskId = task.id;
            e.subjectId = task.subjectId;
            e.kind = kind.kind;
            e.recordedOn = on;
            e.recordedById = group.teacherId;
            const TrafficLight light = score >= 0.7 ? TrafficLight::Green : score >= 0.35 ? TrafficLight::Amber
                                                                                            : TrafficLight::Red;
            e.light = r.chance(0.97) ? light : TrafficLight::None;
            if (r.chance(0.85)) {
                // Confident pupils rate themselves a light higher, anxious ones a light lower.
                const int bias = p.confidence > 0.4 && r.chance(0.5)    ? 1
                                 : p.confidence < -0.4 && r.chance(0.5) ? -1
                                 : r.chance(0.2)                         ? (r.chance(0.5) ? 1 : -1)
                                                                         : 0;
                e.selfLight = shifted(light, bias);
            }
            if (peerMarked)
                e.peerLight = r.chance(0.8) ? light : shifted(light, r.chance(0.5) ? 1 : -1);
            if (rungCount > 0 && (kind.kind == EvidenceKind::WorkSample || kind.kind == EvidenceKind::Quiz
                                  || kind.kind == EvidenceKind::Observation) && r.chance(0.92))
                e.rungId = scale.rungs[std::size_t(rung)];
            if (r.chance(0.08))
                e.note = QString::fromUtf8(r.pick(evidenceNotes()));
            for (const TargetLink& t : p.targets) {
                if (t.subject == s && on >= t.from && on <= t.to && r.chance(0.3)) {
                    e.targetId = t.id;
                    break;
                }
            }
            writer_.insert(e, on);

            for (std::size_t c = 0; c < criteria.size(); ++c) {
                CriterionJudgement cj;
                cj.evidenceId = e.id;
                cj.criterionId = criteria[c];
                cj.judgement = judgements[c];
                writer_.insert(cj, on);
            }

            const bool written = kind.kind != EvidenceKind::Observation && kind.kind != EvidenceKind::Conversation;
            if (r.chance(written ? 0.7 : 0.3)) {
                Feedback f;
                f.evidenceId = e.id;
                f.whatWentWell = QString::fromUtf8(pickComment(r, own.wentWell, generic.wentWell));
                f.evenBetterIf = QString::fromUtf8(pickComment(r, own.evenBetterIf, generic.evenBetterIf));
                f.nextStep = QString::fromUtf8(pickComment(r, own.nextStep, generic.nextStep));
                if (r.chance(0.45)) {
                    // Time in the next lessons to respond to the next step (DIRT).
                    const QDate responded = days_.at(dayIndex + r.range(1, 5));
                    if (responded.isValid() && responded <= today_ && p.onRollOn(responded)) {
                        f.pupilResponse = QString::fromUtf8(r.pick(pupilResponses()));
                        f.respondedOn = responded;
                    }
                }
                writer_.insert(f, f.respondedOn.isValid() ? f.respondedOn : on);
            }

            const bool shared = member >= groupFrom && member < groupTo;
            if (shared || (kind.kind == EvidenceKind::WorkSample && r.chance(0.04))) {
                if (shared && groupPhoto.isEmpty())
                    groupPhoto = workPhoto(r);
                EvidenceAttachment a;
                a.evidenceId = e.id;
                a.sha256 = attachments_->putBytes(shared ? groupPhoto : workPhoto(r), QStringLiteral("image/png"));
                a.fileName = shared ? QStringLiteral("group-work.png") : QStringLiteral("photo-of-work.png");
                writer_.insert(a, on);
            }
        }
    }
}

} // namespace waymark::demo
