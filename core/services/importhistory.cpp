#include "services/importhistory.h"

#include "repo/repository.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace waymark::importing {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("RosterImport", text);
}
} // namespace

QString assessmentNote(const exchange::RosterAssessment& a)
{
    QString what = a.stage;
    if (!a.subject.isEmpty())
        what += QLatin1Char(' ') + a.subject;
    if (!a.component.isEmpty() && a.component != a.method && a.component != a.subject)
        what += QLatin1Char(' ') + a.component;
    const QString method = a.method == QLatin1String("TT")   ? tr("test")
                           : a.method == QLatin1String("TA") ? tr("teacher assessment")
                                                             : a.method;
    return method.isEmpty() ? tr("Statutory assessment, %1: %2").arg(what, a.result)
                            : tr("Statutory assessment, %1 (%2): %3").arg(what, method, a.result);
}

// The stage assessment results of a record that the pupil does not have yet (by date and wording).
// A pupil id of 0 (a pupil not in the school, or just added) has none yet.
std::vector<const exchange::RosterAssessment*> newResults(Database& db, RowId pupilId, const exchange::RosterRecord& r)
{
    std::vector<const exchange::RosterAssessment*> out;
    for (const exchange::RosterAssessment& a : r.assessments) {
        if (a.result.isEmpty() || !a.on.isValid())
            continue; // a result with no date says nothing of when: flagged in the plan
        if (pupilId != 0) {
            auto s = db.prepare("SELECT 1 FROM evidence WHERE pupil_id = ?1 AND deleted = 0 AND recorded_on IS ?2 "
                                "AND note = ?3");
            s.bindAll(pupilId, a.on, assessmentNote(a));
            if (s.step())
                continue;
        }
        out.push_back(&a);
    }
    return out;
}

// The SEN and FSM periods of a record that the pupil does not have yet (by kind, start and status).
std::vector<PupilPeriod> newPeriods(Database& db, RowId pupilId, const exchange::RosterRecord& r)
{
    std::vector<PupilPeriod> wanted;
    const auto& sen = r.senHistory;
    for (std::size_t i = 0; i < sen.size(); ++i) {
        if (!sen[i].startOn.isValid())
            continue;
        PupilPeriod p;
        p.kind = QStringLiteral("sen");
        p.status = QString::fromLatin1(toText(sen[i].status).data());
        p.startOn = sen[i].startOn;
        // Until the next entry that starts later, if any.
        for (const exchange::RosterSenEntry& later : sen)
            if (later.startOn.isValid() && later.startOn > p.startOn &&
                (!p.endOn.isValid() || later.startOn.addDays(-1) < p.endOn))
                p.endOn = later.startOn.addDays(-1);
        wanted.push_back(p);
    }
    for (const exchange::RosterFsmPeriod& f : r.fsmHistory) {
        if (!f.startOn.isValid())
            continue;
        PupilPeriod p;
        p.kind = QStringLiteral("fsm");
        p.status = QStringLiteral("eligible");
        p.startOn = f.startOn;
        p.endOn = f.endOn;
        wanted.push_back(p);
    }
    std::vector<PupilPeriod> out;
    for (PupilPeriod& p : wanted) {
        p.pupilId = pupilId;
        p.source = QStringLiteral("ctf");
        if (pupilId != 0) {
            auto s = db.prepare("SELECT 1 FROM pupil_period WHERE pupil_id = ?1 AND deleted = 0 AND kind = ?2 AND "
                                "start_on = ?3 AND status = ?4");
            s.bindAll(pupilId, p.kind, p.startOn, p.status);
            if (s.step())
                continue;
        }
        out.push_back(p);
    }
    return out;
}

} // namespace waymark::importing
