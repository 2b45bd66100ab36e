// libFuzzer: the OOB registry inputs: oobmigrations.yaml text, and SQL scanned for registrations.
#include "oob/oobregistry.h"
#include "oob/oobsql.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)passlane::OobRegistry::parseYaml(bytes, QStringLiteral("oobmigrations.yaml"));
    (void)passlane::parseOobSql(bytes);
    return 0;
}
