// Each pupil's year of personalised learning: targets agreed at the start of the year, a review in
// every half-term (a transition review on arrival, an annual review for an EHC plan) with an
// outcome for each open target, and the target's status following those outcomes.
#include "demo/demobuilder.h"

#include <algorithm>
#include <optional>

namespace waymark::demo {

namespace {

struct PlannedReview
{
    int halfTerm = 0; // 1..6
    QDate date;
    QDate due;
    ReviewKind kind = ReviewKind::HalfTermly;
    ReviewStatus status = ReviewStatus::Planned;
    RowId reviewer = 0;
};

struct PlannedTarget
{
    const TargetIdea* idea = nullptr;
    QDate setOn;
    int reviewHalfTerm = 6;
    TargetStatus status = TargetStatus::Active;
    QDate closedOn;
};

struct Outcome
{
    TargetStatus status;
    const char* note;
};

} // namespace

void Builder::addTargetsAndReviews(int academicYear, SimPupil& p)
{
    p.targets.clear();
    Random r(p.key, 100 + quint64(academicYear));
    const std::vector<HalfTerm> halfTerms = calendar_.halfTerms(academicYear);
    const RowId guide = tutors_[std::size_t(p.tutorGroup)];
    const bool sen = p.sen != SenStatus::None;
    const int todayIndex = days_.indexOnOrBefore(today_);

    // A review in the second half of every half-term the pupil is here for.
    std::vector<PlannedReview> reviews;
    const bool arrivedThisYear = SchoolCalendar::academicYearOf(p.startedOn) == academicYear;
    for (const HalfTerm& h : halfTerms) {
        const int lo = days_.indexOnOrAfter(std::max(h.start, p.startedOn));
        const int hi = days_.indexOnOrBefore(p.leftOn.isValid() ? std::min(h.end, p.leftOn) : h.end);
        if (hi < lo)
            continue;
        PlannedReview review;
        review.halfTerm = h.number;
        const int at = lo + (hi - lo) * r.range(50, 90) / 100;
        review.date = days_.at(at);
        review.due = h.end;
        review.kind = reviews.empty() && arrivedThisYear ? ReviewKind::Transition : ReviewKind::HalfTermly;
        review.reviewer = guide;
        if (review.date <= today_)
            review.status = todayIndex - at < 5 && r.chance(0.5) ? ReviewStatus::Draft : ReviewStatus::Final;
        reviews.push_back(review);
    }
    // An EHC plan is also reviewed once a year with the SENCo, shortly before a half-termly review.
    if (p.sen == SenStatus::EhcPlan && !reviews.empty()) {
        const PlannedReview& before = reviews[std::size_t(p.key % reviews.size())];
        PlannedReview annual = before;
        annual.kind = ReviewKind::Annual;
        annual.reviewer = sencoId_;
        const QDate date = days_.add(before.date, -r.range(3, 8));
        if (date.isValid() && date >= p.startedOn && SchoolCalendar::academicYearOf(date) == academicYear) {
            annual.date = date;
            annual.due = date;
            annual.status = date <= today_ ? ReviewStatus::Final : ReviewStatus::Planned;
            reviews.push_back(annual);
            std::stable_sort(reviews.begin(), reviews.end(),
                             [](const PlannedReview& a, const PlannedReview& b) { return a.date < b.date; });
        }
    }

    // Targets agreed in the first weeks of the year, or of the pupil's time here.
    std::vector<PlannedTarget> targets;
    const QDate setOn = days_.add(std::max(halfTerms.front().start, p.startedOn), r.range(5, 12));
    if (setOn.isValid() && setOn <= today_ && (!p.leftOn.isValid() || setOn <= p.leftOn)) {
        int setHalfTerm = 1;
        for (const HalfTerm& h : halfTerms)
            setHalfTerm = h.start <= setOn ? h.number : setHalfTerm;
        std::vector<const TargetIdea*> pool;
        auto offer = [&](std::span<const TargetIdea> ideas) {
            for (const TargetIdea& idea : ideas) {
                if (idea.subject < 0 || p.takes(idea.subject, academicYear))
                    pool.push_back(&idea);
            }
        };
        const int count = sen ? r.range(3, 4) : r.range(2, 4);
        // The first target speaks to the pupil's greatest need, or stretches the most able.
        if (sen)
            offer(senTargetIdeas());
        else if (p.gifted)
            offer(stretchTargetIdeas());
        else
            offer(targetIdeas());
        for (int j = 0; j < count && !pool.empty(); ++j) {
            const std::size_t k = r.below(quint32(pool.size()));
            PlannedTarget t;
            t.idea = pool[k];
            pool.erase(pool.begin() + std::ptrdiff_t(k));
            if (j == 0 && (sen || p.gifted))
                offer(targetIdeas());
            t.setOn = setOn;
            t.reviewHalfTerm = std::min(6, j == 0 ? setHalfTerm + r.range(1, 2)
                                           : j == 1 ? setHalfTerm + r.range(2, 4)
                                                    : 6);
            targets.push_back(t);
        }
    }

    // Outcomes, review by review, until each target's closing review.
    int lastHalfTermly = -1;
    for (int i = 0; i < int(reviews.size()); ++i) {
        if (reviews[std::size_t(i)].kind != ReviewKind::Annual)
            lastHalfTermly = i;
    }
    std::vector<std::vector<std::optional<Outcome>>> outcomes(reviews.size(),
                                                              std::vector<std::optional<Outcome>>(targets.size()));
    const double effort = std::clamp(0.55 + 0.1 * p.ability - (p.stuckFrom.isValid() ? 0.2 : 0.0), 0.15, 0.85);
    for (std::size_t t = 0; t < targets.size(); ++t) {
        PlannedTarget& target = targets[t];
        // The review in the half-term the target is due, or the last one if the pupil left first.
        int closing = -1;
        for (int i = 0; i < int(reviews.size()); ++i) {
            if (reviews[std::size_t(i)].kind != ReviewKind::Annual
                && reviews[std::size_t(i)].halfTerm == target.reviewHalfTerm)
                closing = i;
        }
        if (closing < 0)
            closing = lastHalfTermly;
        for (int i = 0; i <= closing && i < int(reviews.size()); ++i) {
            const PlannedReview& review = reviews[std::size_t(i)];
            if (review.date <= target.setOn || review.status == ReviewStatus::Planned)
                continue;
            Outcome o{TargetStatus::Active, r.pick(interimNotes())};
            if (i == closing) {
                const double roll = r.real();
                o = roll < effort           ? Outcome{TargetStatus::Achieved, r.pick(achievedNotes())}
                    : roll < effort + 0.28 ? Outcome{TargetStatus::PartlyAchieved, r.pick(partlyAchievedNotes())}
                                            : Outcome{TargetStatus::NotAchieved, r.pick(notAchievedNotes())};
            } else if (r.chance(0.02)) {
                o = {TargetStatus::Discontinued, r.pick(discontinuedNotes())};
            }
            outcomes[std::size_t(i)][t] = o;
            if (o.status != TargetStatus::Active && review.status == ReviewStatus::Final) {
                target.status = o.status;
                target.closedOn = review.date;
            }
            if (o.status != TargetStatus::Active)
                break;
        }
    }

    const auto agreed = agreedWith(p.lookedAfter, sen);
    const QString agreedWith = QString::fromUtf8(r.pick(agreed));
    std::vector<RowId> targetIds;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        const PlannedTarget& planned = targets[t];
        Target rec;
        rec.pupilId = p.id;
        if (planned.idea->subject >= 0)
            rec.subjectId = subjectIds_[std::size_t(planned.idea->subject)];
        rec.area = QString::fromUtf8(planned.idea->area);
        rec.text = QString::fromUtf8(planned.idea->text);
        rec.successMeasure = QString::fromUtf8(planned.idea->measure);
        rec.support = QString::fromUtf8(planned.idea->support);
        rec.setOn = planned.setOn;
        rec.reviewBy = halfTerms[std::size_t(planned.reviewHalfTerm - 1)].end;
        rec.status = planned.status;
        rec.agreedWith = agreedWith;
        rec.position = int(t);
        writer_.insert(rec, planned.closedOn.isValid() ? planned.closedOn : planned.setOn);
        targetIds.push_back(rec.id);
        p.targets.push_back({rec.id, planned.idea->subject, planned.setOn,
                             planned.closedOn.isValid() ? planned.closedOn : rec.reviewBy});
    }

    for (std::size_t i = 0; i < reviews.size(); ++i) {
        const PlannedReview& planned = reviews[i];
        Review rec;
        rec.pupilId = p.id;
        rec.kind = planned.kind;
        rec.dueOn = planned.due;
        rec.reviewerId = planned.reviewer;
        rec.status = planned.status;
        if (planned.status != ReviewStatus::Planned) {
            rec.heldOn = planned.date;
            if (r.chance(0.85))
                rec.pupilVoice = QString::fromUtf8(r.pick(pupilVoices()));
            if (r.chance(0.7))
                rec.parentVoice = QString::fromUtf8(r.pick(parentVoices(p.lookedAfter)));
            if (r.chance(planned.status == ReviewStatus::Final ? 0.9 : 0.4))
                rec.summary = QString::fromUtf8(r.pick(reviewSummaries()));
        }
        writer_.insert(rec, planned.status == ReviewStatus::Planned ? today_ : planned.date);
        for (std::size_t t = 0; t < targets.size(); ++t) {
            if (!outcomes[i][t])
                continue;
            ReviewOutcome outcome;
            outcome.reviewId = rec.id;
            outcome.targetId = targetIds[t];
            outcome.outcome = outcomes[i][t]->status;
            outcome.note = QString::fromUtf8(outcomes[i][t]->note);
            writer_.insert(outcome, planned.date);
        }
    }
}

} // namespace waymark::demo
