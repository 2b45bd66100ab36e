// libFuzzer: a customer export (JSON or CSV) -> CustomerExport::parse.
#include "simulator/customerexport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)passlane::CustomerExport::parse(bytes, QStringLiteral("export"));
    return 0;
}
