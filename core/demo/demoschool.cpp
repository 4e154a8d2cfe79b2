// The school itself: its name and numbers, staff, subjects, calendar, ladders and comment bank.
#include "demo/demobuilder.h"
#include "demo/democurriculum.h"
#include "demo/demonames.h"

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace waymark::demo {

namespace {

// The school's records were set up in the summer before its first generated year.
QDate setUpDay(int firstYear)
{
    return QDate(firstYear, 8, 28);
}

// For e-mail addresses: "Siân" -> "sian", "Łucja" -> "lucja". Letters that do not decompose into a
// base letter and an accent are spelt out.
QString asciiLetters(const QString& text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.unicode() < 128) {
            if (c.isLetterOrNumber())
                out += c.toLower();
            continue;
        }
        switch (c.toLower().unicode()) {
        case u'ł':
            out += QLatin1Char('l');
            break;
        case u'ø':
            out += QLatin1Char('o');
            break;
        case u'ı':
            out += QLatin1Char('i');
            break;
        case u'đ':
            out += QLatin1Char('d');
            break;
        case u'ß':
            out += QLatin1String("ss");
            break;
        default:
            break;
        }
    }
    return out;
}

QString staffTitle(Random& r, bool female)
{
    if (r.chance(0.01))
        return QStringLiteral("Mx");
    if (r.chance(0.05))
        return QStringLiteral("Dr");
    if (!female)
        return QStringLiteral("Mr");
    const int roll = r.range(0, 99);
    return roll < 48 ? QStringLiteral("Mrs") : roll < 78 ? QStringLiteral("Ms") : QStringLiteral("Miss");
}

} // namespace

void Builder::addSchool()
{
    const Place place = schoolPlace(rng_);
    School school;
    school.name = schoolName(rng_, place);
    school.urn = QString::number(rng_.range(136000, 149999));
    school.laCode = QString::number(place.laCode);
    school.estab = QString::number(rng_.range(4000, 4999));
    school.phase = SchoolPhase::Secondary;
    writer_.store(school, setUpDay(firstYear_));
    laCode_ = school.laCode;
    estab_ = school.estab;

    static const QStringList generic = {QStringLiteral("academy"), QStringLiteral("high"), QStringLiteral("school"),
                                        QStringLiteral("community"), QStringLiteral("college"),
                                        QStringLiteral("church"), QStringLiteral("of"), QStringLiteral("england")};
    QString stem;
    for (const QString& word : school.name.split(QLatin1Char(' '))) {
        if (!generic.contains(word.toLower()))
            stem += asciiLetters(word);
    }
    domain_ = (stem.isEmpty() ? QStringLiteral("school") : stem) + QStringLiteral(".sch.uk");
}

void Builder::addStaff()
{
    const int roll = options_.pupils;
    tutorGroupCount_ = std::max(1, (roll + 24) / 25);
    const int count = std::max(12, (roll + 7) / 15);
    const auto subjectList = subjects();
    const int subjectCount = int(subjectList.size());
    const std::size_t subjectSlots = subjectList.size();

    // Share the teachers between subjects by lessons a week; a small school has teachers who
    // cover two subjects.
    const int teaching = count - 2; // all but the headteacher and the SENCo
    int weightSum = 0;
    for (const SubjectInfo& s : subjectList)
        weightSum += s.lessonsPerWeek;
    std::vector<int> perSubject(subjectSlots);
    int slots = 0;
    for (int s = 0; s < subjectCount; ++s) {
        perSubject[std::size_t(s)] = std::max(1, teaching * subjectList[std::size_t(s)].lessonsPerWeek / weightSum);
        slots += perSubject[std::size_t(s)];
    }
    while (slots < teaching) {
        int best = 0;
        for (int s = 1; s < subjectCount; ++s) {
            // Compare lessons per teacher without division: w_s / n_s > w_b / n_b.
            if (subjectList[std::size_t(s)].lessonsPerWeek * perSubject[std::size_t(best)]
                > subjectList[std::size_t(best)].lessonsPerWeek * perSubject[std::size_t(s)])
                best = s;
        }
        ++perSubject[std::size_t(best)];
        ++slots;
    }
    std::vector<int> slotSubjects;
    for (int s = 0; s < subjectCount; ++s)
        slotSubjects.insert(slotSubjects.end(), std::size_t(perSubject[std::size_t(s)]), s);

    // Teaching staff in order: the deputy, the five heads of year, then the rest.
    std::vector<int> teachingStaff;
    for (int i = 0; i < count; ++i) {
        if (i != 0 && i != 2)
            teachingStaff.push_back(i);
    }
    teachersBySubject_.assign(subjectSlots, {});
    std::vector<std::vector<int>> staffBySubject(subjectSlots);
    for (std::size_t slot = 0; slot < slotSubjects.size(); ++slot) {
        const int person = teachingStaff[slot % teachingStaff.size()];
        const int subject = slotSubjects[slot];
        staffBySubject[std::size_t(subject)].push_back(person);
    }

    std::vector<QString> roles(static_cast<std::size_t>(count), QStringLiteral("Teacher"));
    roles[0] = QStringLiteral("Headteacher");
    roles[1] = QStringLiteral("Deputy Headteacher");
    roles[2] = QStringLiteral("SENCo");
    for (int y = 7; y <= 11; ++y)
        roles[std::size_t(y - 4)] = QStringLiteral("Head of Year %1").arg(y);
    std::vector<bool> headOfDepartment(static_cast<std::size_t>(count), false);
    for (int s : {kEnglish, kMaths, kScience}) {
        for (int person : staffBySubject[std::size_t(s)]) {
            if (roles[std::size_t(person)] == QLatin1String("Teacher")) {
                roles[std::size_t(person)] = QStringLiteral("Head of ") + QString::fromUtf8(subjectList[std::size_t(s)].name);
                headOfDepartment[std::size_t(person)] = true;
                break;
            }
        }
    }

    // Tutors: classroom teachers first, then heads of department and of year, then the deputy.
    std::vector<int> eligible;
    for (int pass = 0; pass < 4; ++pass) {
        for (int person : teachingStaff) {
            const bool isHeadOfYear = person >= 3 && person <= 7;
            const int rank = person == 1 ? 3 : isHeadOfYear ? 2 : headOfDepartment[std::size_t(person)] ? 1 : 0;
            if (rank == pass)
                eligible.push_back(person);
        }
    }
    std::vector<int> tutorOf(static_cast<std::size_t>(tutorGroupCount_));
    for (int g = 0; g < tutorGroupCount_; ++g) {
        tutorOf[std::size_t(g)] = eligible[std::size_t(g) % eligible.size()];
        if (roles[std::size_t(tutorOf[std::size_t(g)])] == QLatin1String("Teacher"))
            roles[std::size_t(tutorOf[std::size_t(g)])] = QStringLiteral("Teacher and tutor");
    }

    QSet<QString> emails;
    for (int i = 0; i < count; ++i) {
        const bool female = rng_.chance(0.63);
        const PersonName name = staffName(rng_, female);
        Staff s;
        s.title = staffTitle(rng_, female);
        s.givenName = name.given;
        s.familyName = name.family;
        s.displayName = s.title + QLatin1Char(' ') + name.given.left(1) + QLatin1Char(' ') + name.family;
        const QString local = asciiLetters(name.given.left(1)) + QLatin1Char('.') + asciiLetters(name.family);
        QString email = local + QLatin1Char('@') + domain_;
        for (int n = 2; emails.contains(email); ++n)
            email = local + QString::number(n) + QLatin1Char('@') + domain_;
        emails.insert(email);
        s.email = email;
        s.role = roles[std::size_t(i)];
        staffIds_.push_back(writer_.store(s, setUpDay(firstYear_)));
    }
    sencoId_ = staffIds_[2];
    for (int s = 0; s < subjectCount; ++s) {
        for (int person : staffBySubject[std::size_t(s)])
            teachersBySubject_[std::size_t(s)].push_back(staffIds_[std::size_t(person)]);
    }
    for (int g = 0; g < tutorGroupCount_; ++g)
        tutors_.push_back(staffIds_[std::size_t(tutorOf[std::size_t(g)])]);
}

void Builder::addSubjects()
{
    for (const SubjectInfo& info : subjects()) {
        Subject s;
        s.name = QString::fromUtf8(info.name);
        s.code = QString::fromUtf8(info.code);
        subjectIds_.push_back(writer_.store(s, setUpDay(firstYear_)));
    }
}

void Builder::addCalendar()
{
    for (int year = firstYear_; year <= lastYear_; ++year) {
        // Each year's dates are agreed in the July before it starts.
        const QDate agreed(year, 7, 10);
        for (const HalfTerm& h : SchoolCalendar::defaultHalfTerms(year)) {
            CalendarHalfTerm row;
            row.academicYear = h.academicYear;
            row.number = h.number;
            row.startOn = h.start;
            row.endOn = h.end;
            writer_.store(row, agreed);
        }
        for (const Closure& c : SchoolCalendar::defaultClosures(year)) {
            CalendarClosure row;
            row.fromOn = c.from;
            row.toOn = c.to;
            row.kind = c.kind;
            row.label = c.label;
            writer_.store(row, agreed);
        }
    }
}

void Builder::addLadders()
{
    auto load = [this](const char* code) {
        ScaleRungs out;
        auto scale = db_.prepare("SELECT id FROM scale WHERE code = ?1 AND deleted = 0");
        scale.bindAll(code);
        if (scale.step())
            out.scaleId = scale.int64(0);
        auto rungs = db_.prepare("SELECT id FROM rung WHERE scale_id = ?1 AND deleted = 0 ORDER BY position");
        rungs.bindAll(out.scaleId);
        while (rungs.step())
            out.rungs.push_back(rungs.int64(0));
        return out;
    };
    gcse_ = load("gcse");
    ksTeacherAssessment_ = load("ks-teacher-assessment");

    for (const LadderInfo& ladder : customLadders()) {
        Scale scale;
        scale.code = QString::fromUtf8(ladder.code);
        scale.name = QString::fromUtf8(ladder.name);
        scale.description = QString::fromUtf8(ladder.description);
        writer_.store(scale, setUpDay(firstYear_));
        int position = 0;
        for (const char* text : ladder.rungs) {
            const QStringList parts = QString::fromUtf8(text).split(QLatin1Char('|'));
            Rung rung;
            rung.scaleId = scale.id;
            rung.position = position++;
            rung.code = parts.value(0);
            rung.label = parts.value(1);
            rung.descriptor = parts.value(2);
            writer_.store(rung, setUpDay(firstYear_));
        }
    }
    ks3Steps_ = load("ks3-steps");
    ks3Reading_ = load("ks3-reading");
    ks3Reasoning_ = load("ks3-maths-reasoning");
}

void Builder::addCommentBank()
{
    auto add = [this](CommentCategory category, OptionalId subjectId, std::span<const char* const> texts) {
        int position = 0;
        for (const char* text : texts) {
            CommentBankEntry e;
            e.category = category;
            e.subjectId = subjectId;
            e.text = QString::fromUtf8(text);
            e.position = position++;
            writer_.store(e, setUpDay(firstYear_));
        }
    };
    const CommentSet generic = genericComments();
    add(CommentCategory::WhatWentWell, std::nullopt, generic.wentWell);
    add(CommentCategory::EvenBetterIf, std::nullopt, generic.evenBetterIf);
    add(CommentCategory::NextStep, std::nullopt, generic.nextStep);
    for (int s = 0; s < int(subjects().size()); ++s) {
        const CommentSet own = subjectComments(s);
        add(CommentCategory::WhatWentWell, subjectIds_[std::size_t(s)], own.wentWell);
        add(CommentCategory::EvenBetterIf, subjectIds_[std::size_t(s)], own.evenBetterIf);
        add(CommentCategory::NextStep, subjectIds_[std::size_t(s)], own.nextStep);
    }
}

} // namespace waymark::demo
