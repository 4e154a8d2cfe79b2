// libFuzzer target: reads mutated bytes as a roster CSV the way an import does (decoding, delimiter,
// quotes, ragged rows). A crash, a sanitizer report, a hang or any exception other than
// StorageError is a finding. Seeds: the cases in tests/exchange/csv. Build with the `fuzz` preset.
#include "exchange/csvtable.h"
#include "storage/storageerror.h"

#include <cstddef>
#include <cstdint>

using namespace waymark;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const exchange::CsvTable table = exchange::readCsv(bytes);
        // Every row is as wide as the header, whatever the file held.
        for (const exchange::CsvTable::Row& row : table.rows)
            if (row.cells.size() != table.header.size())
                __builtin_trap();
    } catch (const StorageError&) {
        // a clear refusal is a right answer
    }
    return 0;
}
