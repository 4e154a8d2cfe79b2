// libFuzzer target: reads mutated bytes as a Common Transfer File the way an import does (the
// refusals of hostile XML, the parse, every pupil's details, histories and assessments). A crash, a
// sanitizer report, a hang or any exception other than StorageError is a finding. Seeds: the cases
// in tests/exchange/ctf. Build with the `fuzz` preset.
#include "exchange/ctfreader.h"
#include "storage/storageerror.h"

#include <cstddef>
#include <cstdint>

using namespace waymark;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const exchange::Roster roster = exchange::readCtf(bytes, QDate(2026, 11, 30));
        // What a reader promises whatever the file held: a CTF's records, each rejected or named,
        // on a line of the file, with any scale's rung beside it.
        if (roster.format != exchange::RosterFormat::Ctf)
            __builtin_trap();
        for (const exchange::RosterRecord& r : roster.records) {
            if (r.line < 1)
                __builtin_trap();
            if (r.rejected.isEmpty() && (r.legalFamilyName.isEmpty() || r.legalGivenName.isEmpty()))
                __builtin_trap();
            for (const exchange::RosterAssessment& a : r.assessments)
                if (a.result.isEmpty() || a.scaleCode.isEmpty() != a.rungCode.isEmpty())
                    __builtin_trap();
        }
    } catch (const StorageError&) {
        // a clear refusal is a right answer
    }
    return 0;
}
