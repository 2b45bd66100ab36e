#include "sources/sourcetree.h"

namespace passlane {

bool isSnapshotFile(QStringView path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const QStringView name = slash < 0 ? path : path.mid(slash + 1);
    if (name == u"up.sql" || name == u"down.sql" || name == u"metadata.yaml" || name == u"squashed.sql")
        return true;
    return name.endsWith(u".up.sql") || name.endsWith(u".down.sql");
}

bool isUnsafeEntryPath(QStringView path)
{
    if (path.isEmpty() || path.startsWith(u'/') || path.startsWith(u'\\'))
        return true;
    if (path.size() >= 2 && path[1] == u':') // C:\...
        return true;
    for (QStringView part : path.split(u'/')) {
        if (part == u".." || part.contains(u'\\'))
            return true;
    }
    return false;
}

} // namespace passlane
