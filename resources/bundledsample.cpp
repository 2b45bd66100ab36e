#include "bundledsample.h"

#include <QtGlobal>

// Static libraries need their resources initialised explicitly, once.
static void initResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(passlane);
        return true;
    }();
    Q_UNUSED(done);
}

namespace passlane {

QString bundledSamplePath()
{
    initResources();
    return QStringLiteral(":/sample/releases");
}

QString bundledSampleOobPath()
{
    initResources();
    return QStringLiteral(":/sample/oobmigrations.yaml");
}

} // namespace passlane
