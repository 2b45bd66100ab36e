// libFuzzer: *.passlane text -> Project::parse; whatever parses must also save and reparse.
#include "project/project.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace passlane;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto project = Project::parse(bytes, QStringLiteral("/fuzz/p.passlane"));
    if (!project)
        return 0;
    // A project that loads must emit YAML that loads again (saving must never lose the file).
    const QByteArray again = project->toYaml(QStringLiteral("/fuzz"));
    if (!Project::parse(again, QStringLiteral("/fuzz/p.passlane")).ok())
        std::abort();
    return 0;
}
