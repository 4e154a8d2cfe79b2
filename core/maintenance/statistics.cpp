// statistics(): how much a school file holds, under keys that scripts and tests can rely on.
#include "maintenance/maintenance.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <string>

namespace waymark {

namespace {
struct Counted
{
    const char* key; // the stable key (plural, as a person would say it)
    const char* table;
    bool tombstoned; // shared entities count only rows that are not deleted
};

// Order matters: it is the order callers (and the CLI's JSON) present.
constexpr Counted kCounted[] = {
    {"school", "school", true},
    {"staff", "staff", true},
    {"subjects", "subject", true},
    {"pupils", "pupil", true},
    {"groups", "pupil_group", true},
    {"group_members", "group_member", true},
    {"learning_plans", "learning_plan", true},
    {"targets", "target", true},
    {"reviews", "review", true},
    {"review_outcomes", "review_outcome", true},
    {"scales", "scale", true},
    {"rungs", "rung", true},
    {"tasks", "task", true},
    {"success_criteria", "success_criterion", true},
    {"evidence", "evidence", true},
    {"criterion_judgements", "criterion_judgement", true},
    {"feedback", "feedback", true},
    {"attachments", "attachment", false},
    {"evidence_attachments", "evidence_attachment", true},
    {"comment_bank", "comment_bank", true},
    {"calendar_half_terms", "calendar_half_term", true},
    {"calendar_closures", "calendar_closure", true},
    {"mis_identities", "mis_identity", true},
    {"pupil_periods", "pupil_period", true},
    {"criterion_assessments", "criterion_assessment", true},
    {"task_feedback", "task_feedback", true},
    {"history", "history", false},
};
} // namespace

std::vector<std::pair<QString, qint64>> statistics(Database& db)
{
    std::vector<std::pair<QString, qint64>> counts;
    counts.reserve(std::size(kCounted));
    Transaction snapshot(db, Transaction::Kind::Read); // one consistent view across all counts
    for (const Counted& c : kCounted) {
        const std::string sql =
            std::string("SELECT count(*) FROM ") + c.table + (c.tombstoned ? " WHERE deleted = 0" : "");
        auto stmt = db.prepare(sql);
        stmt.step();
        counts.emplace_back(QString::fromLatin1(c.key), stmt.int64(0));
    }
    snapshot.commit();
    return counts;
}

} // namespace waymark
