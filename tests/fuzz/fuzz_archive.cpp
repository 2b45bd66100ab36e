// libFuzzer: archive bytes -> ArchiveReader (libarchive + our gzip checks, limits, name checks).
#include "sources/archivereader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace passlane;
    LoadBudget budget(64 * limits::MiB); // a fuzzer process must stay small
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)ArchiveReader::readMemory(bytes, QStringLiteral("fuzz.tar.gz"), &budget);
    return 0;
}
