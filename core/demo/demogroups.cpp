// Each year's groups: vertical tutor groups (a few pupils from every year group, the same tutor
// year after year), sets for English, maths and science, and classes for everything else.
#include "demo/demobuilder.h"
#include "demo/democurriculum.h"
#include "demo/demonames.h"

#include <algorithm>

namespace waymark::demo {

namespace {
constexpr int kClassSize = 30;

QString shortCode(const char* code) // "MA" -> "Ma", as timetables write it
{
    const QString c = QString::fromUtf8(code);
    return c.left(1) + c.mid(1).toLower();
}
} // namespace

std::vector<SimGroup> Builder::planGroups(int academicYear) const
{
    std::vector<SimGroup> out;
    std::vector<SimGroup> tutorGroups(static_cast<std::size_t>(tutorGroupCount_));
    for (int g = 0; g < tutorGroupCount_; ++g) {
        tutorGroups[std::size_t(g)].name = houseName(g);
        tutorGroups[std::size_t(g)].kind = GroupKind::Tutor;
        tutorGroups[std::size_t(g)].teacherId = tutors_[std::size_t(g)];
    }
    for (int i = 0; i < int(pupils_.size()); ++i) {
        if (pupils_[std::size_t(i)].onRollIn(academicYear))
            tutorGroups[std::size_t(pupils_[std::size_t(i)].tutorGroup)].pupils.push_back(i);
    }
    for (SimGroup& g : tutorGroups) {
        if (!g.pupils.empty())
            out.push_back(std::move(g));
    }

    const auto subjectList = subjects();
    std::vector<int> classesOfSubject(subjectList.size(), 0);
    for (int yearGroup = 7; yearGroup <= 11; ++yearGroup) {
        std::vector<int> cohort;
        for (int i = 0; i < int(pupils_.size()); ++i) {
            const SimPupil& p = pupils_[std::size_t(i)];
            if (p.onRollIn(academicYear) && p.yearGroupIn(academicYear) == yearGroup)
                cohort.push_back(i);
        }
        if (cohort.empty())
            continue;
        const int bands = std::max(1, (int(cohort.size()) + kClassSize - 1) / kClassSize);
        for (int s = 0; s < int(subjectList.size()); ++s) {
            const SubjectInfo& info = subjectList[std::size_t(s)];
            std::vector<int> members;
            for (int i : cohort) {
                if (pupils_[std::size_t(i)].takes(s, academicYear))
                    members.push_back(i);
            }
            if (members.empty())
                continue;
            const auto& teachers = teachersBySubject_[std::size_t(s)];
            auto addGroup = [&](QString name, GroupKind kind, std::vector<int> pupils) {
                SimGroup g;
                g.name = std::move(name);
                g.kind = kind;
                g.subject = s;
                g.yearGroup = yearGroup;
                g.teacherId = teachers[std::size_t(classesOfSubject[std::size_t(s)]++ + academicYear) % teachers.size()];
                g.pupils = std::move(pupils);
                out.push_back(std::move(g));
            };
            const bool byBand = !info.setByAbility && (yearGroup <= 9 || !info.gcseOption);
            if (byBand) {
                // Mixed-ability classes follow the pupil's band, the same in every subject.
                for (int band = 0; band < bands; ++band) {
                    std::vector<int> pupils;
                    for (std::size_t k = 0; k < cohort.size(); ++k) {
                        if (int(k) % bands == band)
                            pupils.push_back(cohort[k]);
                    }
                    addGroup(QStringLiteral("%1%2/%3").arg(yearGroup).arg(QChar(u'A' + band)).arg(shortCode(info.code)),
                             GroupKind::Class, std::move(pupils));
                }
                continue;
            }
            if (info.setByAbility) {
                std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
                    const SimPupil& pa = pupils_[std::size_t(a)];
                    const SimPupil& pb = pupils_[std::size_t(b)];
                    return pa.ability + pa.strengths[std::size_t(s)] > pb.ability + pb.strengths[std::size_t(s)];
                });
            }
            const int count = std::max(1, (int(members.size()) + kClassSize - 1) / kClassSize);
            for (int k = 0; k < count; ++k) {
                const std::size_t from = members.size() * std::size_t(k) / std::size_t(count);
                const std::size_t to = members.size() * std::size_t(k + 1) / std::size_t(count);
                addGroup(QStringLiteral("%1%2%3").arg(yearGroup).arg(shortCode(info.code)).arg(k + 1),
                         info.setByAbility ? GroupKind::Set : GroupKind::Class,
                         std::vector<int>(members.begin() + std::ptrdiff_t(from), members.begin() + std::ptrdiff_t(to)));
            }
        }
    }
    return out;
}

void Builder::addGroups(int academicYear, std::vector<SimGroup>& groups)
{
    const QDate timetabled(academicYear, 8, 30); // groups are made up before term starts
    for (SimGroup& g : groups) {
        Group rec;
        rec.name = g.name;
        rec.kind = g.kind;
        if (g.subject >= 0)
            rec.subjectId = subjectIds_[std::size_t(g.subject)];
        if (g.yearGroup > 0)
            rec.yearGroup = g.yearGroup;
        rec.academicYear = academicYear;
        rec.teacherId = g.teacherId;
        g.id = writer_.insert(rec, timetabled);
        for (int i : g.pupils) {
            GroupMember m;
            m.groupId = g.id;
            m.pupilId = pupils_[std::size_t(i)].id;
            writer_.insert(m, std::max(timetabled, pupils_[std::size_t(i)].startedOn));
        }
    }
}

} // namespace waymark::demo
