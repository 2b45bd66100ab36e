// libFuzzer: a customers CSV -> CustomersCsv::parse; accepted rows must hold no negative count.
#include "project/customerscsv.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto rows = passlane::CustomersCsv::parse(bytes, QStringLiteral("customers.csv"));
    if (rows)
        for (const passlane::SourceWeight &w : rows.value())
            if (w.instances < 0)
                std::abort();
    return 0;
}
