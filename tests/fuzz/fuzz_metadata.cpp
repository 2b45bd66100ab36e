// libFuzzer: metadata.yaml text -> MetadataParser (never throws, never fails).
#include "releases/metadataparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)passlane::MetadataParser::parse(bytes, QStringLiteral("metadata.yaml"));
    return 0;
}
