// Who is on roll: cohorts moving up a year group each year, in-year arrivals, Year 11 leavers, and
// each pupil's record and learning plan.
#include "demo/demobuilder.h"
#include "demo/democurriculum.h"
#include "demo/demonames.h"
#include "domain/upn.h"

#include <QStringList>

#include <algorithm>

namespace waymark::demo {

namespace {

const char* const kSensitiveNotes[] = {
    "Medical: severe nut allergy. Adrenaline pen kept in the medical room and in the pupil's bag.",
    "Asthma: inhaler kept in bag; a spare in the medical room.",
    "Contact mum first, not dad (court order on file with the safeguarding lead).",
    "Recently bereaved (grandparent). Check in gently; the family is happy for staff to know.",
    "Epilepsy: care plan with the school nurse. Avoid flashing images.",
    "Attends Saturday school for Arabic; may be tired on Mondays.",
};

// The last Friday in June: the legal leaving date for Year 11.
QDate leavingDate(int calendarYear)
{
    QDate d(calendarYear, 6, 30);
    while (d.dayOfWeek() != 5)
        d = d.addDays(-1);
    return d;
}

QStringList pickDistinct(Random& r, std::span<const char* const> from, int count)
{
    std::vector<const char*> pool(from.begin(), from.end());
    QStringList out;
    for (int i = 0; i < count && !pool.empty(); ++i) {
        const std::size_t k = r.below(quint32(pool.size()));
        out << QString::fromUtf8(pool[k]);
        pool.erase(pool.begin() + std::ptrdiff_t(k));
    }
    return out;
}

} // namespace

void Builder::planRoster()
{
    const int roll = options_.pupils;
    const int perYear = roll / 5;
    // Cohorts by the academic year they were in Year 7: the five on roll now, and the Year 11s
    // who left in each earlier generated year.
    std::vector<std::pair<int, int>> cohorts; // cohort, size
    for (int cohort = firstYear_ - 4; cohort <= lastYear_ - 5; ++cohort)
        cohorts.emplace_back(cohort, std::max(0, perYear + rng_.range(-perYear / 25, perYear / 25)));
    for (int cohort = lastYear_ - 4; cohort <= lastYear_; ++cohort) {
        const int yearGroup = 7 + lastYear_ - cohort;
        cohorts.emplace_back(cohort, perYear + (11 - yearGroup < roll % 5 ? 1 : 0)); // extra pupils go to Year 7 first
    }

    std::array<int, 9> optionPool{};
    int optionCount = 0;
    for (int s = 0; s < int(subjects().size()); ++s) {
        if (subjects()[std::size_t(s)].gcseOption)
            optionPool[std::size_t(optionCount++)] = s;
    }

    for (const auto& [cohort, size] : cohorts) {
        const QDate yearSevenStart = SchoolCalendar::defaultHalfTerms(cohort).front().start;
        for (int i = 0; i < size; ++i) {
            SimPupil p;
            p.key = rng_.next();
            Random r(p.key);
            p.cohort = cohort;
            p.serial = i;
            p.startedOn = yearSevenStart;
            // About one in twenty joins in a later year group, at the start of a half-term.
            const int latestJoin = std::min(cohort + 4, lastYear_);
            if (r.chance(0.05) && latestJoin > cohort) {
                const int year = r.range(cohort + 1, latestJoin);
                const auto halfTerms = SchoolCalendar::defaultHalfTerms(year);
                const QDate start = halfTerms[std::size_t(r.range(0, 5))].start;
                p.startedOn = start <= today_ ? start : halfTerms.front().start <= today_ ? halfTerms.front().start
                                                                                          : yearSevenStart;
            }
            if (cohort + 4 < lastYear_)
                p.leftOn = leavingDate(cohort + 5);
            p.tutorGroup = (i + cohort * 7) % tutorGroupCount_;
            p.female = r.chance(0.49);

            p.ability = r.normal();
            const double senRoll = r.real();
            p.sen = senRoll < 0.03 ? SenStatus::EhcPlan : senRoll < 0.16 ? SenStatus::SenSupport : SenStatus::None;
            if (p.sen != SenStatus::None)
                p.ability -= 0.6;
            const int area = r.range(0, 99);
            p.needArea = area < 35 ? NeedArea::Cognition
                         : area < (p.sen == SenStatus::EhcPlan ? 75 : 58) ? NeedArea::Communication
                         : area < 90                                        ? NeedArea::Wellbeing
                                                                            : NeedArea::Sensory;
            p.lookedAfter = r.chance(0.01);
            const bool everFreeMeals = r.chance(0.24);
            p.pupilPremium = everFreeMeals || p.lookedAfter || r.chance(0.03); // service children too
            p.eal = false; // decided with the name, which shows the family's heritage
            p.gifted = p.ability > 1.3 ? r.chance(0.5) : r.chance(0.01);
            p.youngCarer = r.chance(0.025);
            p.growth = std::clamp(1.0 + 0.3 * r.normal(), 0.3, 1.8);
            p.confidence = 0.6 * r.normal();
            if (r.chance(p.sen != SenStatus::None || p.lookedAfter ? 0.14 : 0.05)) {
                const int lo = days_.indexOnOrAfter(std::max(p.startedOn, QDate(firstYear_, 9, 1)));
                const int hi = days_.indexOnOrBefore(p.leftOn.isValid() ? std::min(p.leftOn, today_) : today_);
                if (hi > lo)
                    p.stuckFrom = days_.at(r.range(lo, hi));
            }
            p.options[0] = r.chance(0.55) ? kHistory : kGeography;
            for (std::size_t k = 1; k < p.options.size(); ++k) {
                int s = 0;
                do {
                    s = optionPool[r.below(quint32(optionCount))];
                } while (std::find(p.options.begin(), p.options.begin() + std::ptrdiff_t(k), s)
                         != p.options.begin() + std::ptrdiff_t(k));
                p.options[k] = s;
            }
            for (double& strength : p.strengths)
                strength = 0.45 * r.normal();
            pupils_.push_back(std::move(p));
        }
    }
}

Pupil Builder::pupilRecord(SimPupil& p, Random& r, std::unordered_set<QString>& namesInUse) const
{
    // Real schools have the odd pair of namesakes, not whole rows of them: a clash is redrawn, and
    // kept after a few tries (as a school would have to).
    PersonName name = pupilName(r, p.female);
    for (int attempt = 0; attempt < 8 && namesInUse.count(name.given + QLatin1Char('\t') + name.family) != 0;
         ++attempt) {
        name = pupilName(r, p.female);
    }
    namesInUse.insert(name.given + QLatin1Char('\t') + name.family);
    Pupil rec;
    // Characters 9-10 of a UPN are the year it was issued (Reception, seven years before Year 7);
    // a cohort of more than 999 borrows a year 25 further on for its next thousand.
    const int issued = (p.cohort - 7 + 25 * (p.serial / 999)) % 100;
    const QString twelve = laCode_ + estab_ + QStringLiteral("%1").arg(issued, 2, 10, QLatin1Char('0'))
                           + QStringLiteral("%1").arg(p.serial % 999 + 1, 3, 10, QLatin1Char('0'));
    rec.upn = upn::withCheckLetter(twelve);
    rec.legalGivenName = name.given;
    rec.legalMiddleNames = name.middle;
    rec.legalFamilyName = name.family;
    const QString shortForm = shortFormOf(name.given);
    if (!shortForm.isEmpty() && r.chance(0.45))
        rec.preferredGivenName = shortForm;
    if (r.chance(0.015)) {
        const QString other = pupilName(r, p.female).family;
        if (other != name.family)
            rec.preferredFamilyName = other;
    }
    if (r.chance(0.025))
        rec.pronouns = r.chance(0.4) ? QStringLiteral("they/them") : p.female ? QStringLiteral("she/her")
                                                                              : QStringLiteral("he/him");
    rec.dateOfBirth = QDate(p.cohort - 12, 9, 1).addDays(r.range(0, 364));
    rec.sex = p.female ? QStringLiteral("F") : QStringLiteral("M");
    rec.yearGroup = p.leftOn.isValid() ? 11 : p.yearGroupIn(lastYear_);
    rec.senStatus = p.sen;
    rec.pupilPremium = p.pupilPremium;
    rec.freeSchoolMeals = p.pupilPremium && !p.lookedAfter && r.chance(0.9);
    // Families who came to Britain more recently more often speak another language at home.
    p.eal = r.chance(name.heritage == 0 ? 0.03 : 0.5);
    rec.eal = p.eal;
    rec.lookedAfter = p.lookedAfter;
    rec.giftedTalented = p.gifted;
    rec.youngCarer = p.youngCarer;
    rec.reviewFlagged = r.chance(0.03) || (p.sen != SenStatus::None && p.needArea == NeedArea::Wellbeing && r.chance(0.3));
    rec.reviewIntervalDays = r.chance(0.01) ? 10 : 0;
    rec.learningGuideId = tutors_[std::size_t(p.tutorGroup)];
    rec.startedOn = p.startedOn;
    rec.leftOn = p.leftOn;
    if (r.chance(0.08))
        rec.notes = QString::fromUtf8(r.pick(kSensitiveNotes));
    return rec;
}

LearningPlan Builder::planFor(const SimPupil& p, Random& r) const
{
    QStringList strengths = pickDistinct(r, generalStrengths(), p.gifted ? 3 : 2);
    QStringList needs;
    QStringList strategies;
    QStringList provision;
    if (p.sen != SenStatus::None) {
        const PlanPhrases phrases = planPhrases(p.needArea);
        const bool ehc = p.sen == SenStatus::EhcPlan;
        needs = pickDistinct(r, phrases.needs, ehc ? 3 : 2);
        strategies = pickDistinct(r, phrases.strategies, ehc ? 4 : 3);
        if (ehc)
            provision = pickDistinct(r, ehcProvision(), 2);
        provision += pickDistinct(r, phrases.provision, ehc ? 1 : r.range(1, 2));
    } else {
        needs = pickDistinct(r, generalNeeds(), 1);
        strategies = pickDistinct(r, generalStrategies(), r.range(1, 2));
    }
    if (p.eal) {
        strengths << QStringLiteral("Speaks %1 at home and is growing in confidence in English.")
                         .arg(QString::fromUtf8(r.pick(homeLanguages())));
        needs << QStringLiteral("Still developing the academic English of some subjects.");
        provision += pickDistinct(r, ealProvision(), 1);
    }
    if (p.lookedAfter) {
        needs << QStringLiteral("Looked after by the local authority; changes at home can affect mood and attendance.");
        provision << QStringLiteral("Personal education plan (PEP) reviewed each term with the virtual school.");
    }
    if (p.youngCarer) {
        needs << QStringLiteral("Cares for a family member at home, which can affect homework and sleep.");
        provision << QStringLiteral("Young carers' group every fortnight; flexible homework deadlines agreed.");
    }
    if (p.pupilPremium)
        provision += pickDistinct(r, pupilPremiumProvision(), 1);
    if (p.gifted)
        provision << QStringLiteral("Most able programme: mentoring and a university visit.");
    if (provision.isEmpty())
        provision << QStringLiteral("Quality-first teaching in every lesson.");

    LearningPlan plan;
    plan.pupilId = p.id;
    plan.strengths = strengths.join(QLatin1Char('\n'));
    plan.needs = needs.join(QLatin1Char('\n'));
    plan.strategies = strategies.join(QLatin1Char('\n'));
    plan.provision = provision.join(QLatin1Char('\n'));
    return plan;
}

void Builder::addPupils()
{
    std::unordered_set<QString> namesInUse;
    namesInUse.reserve(pupils_.size());
    for (SimPupil& p : pupils_) {
        Random r(p.key, 1);
        Pupil rec = pupilRecord(p, r, namesInUse);
        writer_.insert(rec, p.leftOn.isValid() ? p.leftOn : p.startedOn);
        p.id = rec.id;
        LearningPlan plan = planFor(p, r);
        // Plans are kept up to date: last touched early in the pupil's final (or current) year.
        const int finalYear = p.leftOn.isValid() ? p.cohort + 4 : lastYear_;
        writer_.insert(plan, std::max(p.startedOn, days_.add(QDate(finalYear, 9, 1), 10)));
        advance(1);
    }
}

} // namespace waymark::demo
