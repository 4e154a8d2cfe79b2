#pragma once

#include "calendar/schoolcalendar.h"
#include "demo/demogenerator.h"
#include "demo/demophrases.h"
#include "demo/demorandom.h"
#include "demo/demowriter.h"
#include "domain/entities.h"

#include <QDate>
#include <QString>

#include <array>
#include <unordered_set>
#include <memory>
#include <vector>

namespace waymark {
class AttachmentStore;
}

namespace waymark::demo {

// Every school day of the generated years, for fast "n school days after" arithmetic.
class SchoolDays
{
public:
    SchoolDays(const SchoolCalendar& calendar, QDate from, QDate to);
    int indexOnOrAfter(QDate d) const; // size() if there is none
    int indexOnOrBefore(QDate d) const; // -1 if there is none
    QDate at(int index) const { return index >= 0 && index < size() ? days_[std::size_t(index)] : QDate(); }
    QDate add(QDate schoolDay, int n) const { return at(indexOnOrAfter(schoolDay) + n); }
    int size() const { return int(days_.size()); }

private:
    QDate from_;
    std::vector<QDate> days_;
    std::vector<int> onOrAfter_; // by day offset from from_
};

struct TargetLink
{
    RowId id = 0;
    int subject = -1;
    QDate from;
    QDate to;
};

// A pupil as the simulation sees them: who they are, when they were at the school, and the hidden
// attainment that their evidence reflects.
struct SimPupil
{
    RowId id = 0;
    quint64 key = 0;   // seeds this pupil's own random stream
    int cohort = 0;    // academic year in which the pupil is, was or would have been in Year 7
    int serial = 0;    // place in the cohort, for the UPN
    QDate startedOn;
    QDate leftOn;      // invalid while on roll
    int tutorGroup = 0;
    bool female = false;
    SenStatus sen = SenStatus::None;
    NeedArea needArea = NeedArea::Cognition;
    bool lookedAfter = false;
    bool eal = false;
    bool pupilPremium = false;
    bool gifted = false;
    bool youngCarer = false;
    double ability = 0;    // against the national picture, about N(0, 1)
    double growth = 1;     // progress per year compared with a typical pupil
    double confidence = 0; // above 0: rates their own work higher than the teacher does
    QDate stuckFrom;       // stops climbing from this date; invalid if never
    std::array<int, 3> options{}; // GCSE option subjects
    std::array<double, 16> strengths{}; // a stable strength or weakness in each subject
    std::vector<TargetLink> targets; // this year's, to link evidence to

    int yearGroupIn(int academicYear) const { return 7 + academicYear - cohort; }
    bool onRollOn(QDate d) const { return d >= startedOn && (!leftOn.isValid() || d <= leftOn); }
    bool onRollIn(int academicYear) const; // at any time in that academic year
    bool takes(int subject, int academicYear) const;
};

// A class, set or tutor group of one academic year, before and after it is stored.
struct SimGroup
{
    RowId id = 0;
    QString name;
    GroupKind kind = GroupKind::Class;
    int subject = -1; // -1 for tutor groups
    int yearGroup = 0; // 0 for vertical tutor groups
    RowId teacherId = 0;
    std::vector<int> pupils; // indexes into Builder::pupils_
};

// Builds the demo school step by step; generateDemoSchool() drives it inside one transaction.
class Builder
{
public:
    Builder(Database& db, const DemoOptions& options);
    ~Builder();

    void run();

private:
    // demobuilder.cpp
    void advance(qint64 units);

    // demoschool.cpp
    void addSchool();
    void addStaff();
    void addSubjects();
    void addCalendar();
    void addLadders();
    void addCommentBank();

    // demopupils.cpp
    void planRoster();
    void addPupils();
    // namesInUse: "given<TAB>family" of the pupils made so far; a clash is drawn again (a few times)
    // so that the lists do not fill up with namesakes.
    Pupil pupilRecord(SimPupil& p, Random& r, std::unordered_set<QString>& namesInUse) const;
    LearningPlan planFor(const SimPupil& p, Random& r) const;

    // demogroups.cpp
    std::vector<SimGroup> planGroups(int academicYear) const;
    void addGroups(int academicYear, std::vector<SimGroup>& groups);

    // demoreviews.cpp
    void addTargetsAndReviews(int academicYear, SimPupil& p);

    // demoevidence.cpp
    void addTasks(int academicYear, const SimGroup& group, quint64 stream);

    Database& db_;
    const DemoOptions& options_;
    Writer writer_;
    Random rng_;
    SchoolCalendar calendar_;
    QDate today_;
    int firstYear_ = 0;
    int lastYear_ = 0;
    SchoolDays days_;
    std::unique_ptr<AttachmentStore> attachments_;

    // The school.
    QString domain_;
    QString laCode_;
    QString estab_;
    std::vector<RowId> staffIds_;
    std::vector<std::vector<RowId>> teachersBySubject_;
    std::vector<RowId> tutors_; // by tutor group
    RowId sencoId_ = 0;
    std::vector<RowId> subjectIds_;
    struct ScaleRungs
    {
        RowId scaleId = 0;
        std::vector<RowId> rungs;
    };
    ScaleRungs gcse_, ksTeacherAssessment_, ks3Steps_, ks3Reading_, ks3Reasoning_;

    std::vector<SimPupil> pupils_;
    int tutorGroupCount_ = 1;

    qint64 done_ = 0;
    qint64 total_ = 1;
    int reportedPercent_ = -1;
};

} // namespace waymark::demo
