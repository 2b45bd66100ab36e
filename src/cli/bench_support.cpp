#include "bench_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <sys/resource.h>

namespace passlane::cli {

QString realReleasesFolder()
{
    const QString env = qEnvironmentVariable("PASSLANE_FIXTURES");
    if (!env.isEmpty())
        return QDir(env).filePath(QStringLiteral("releases"));
    for (QString start : {QDir::currentPath(), QCoreApplication::applicationDirPath()}) {
        QDir dir(start);
        for (;;) {
            const QString candidate = dir.filePath(QStringLiteral("shared/fixtures/sourcegraph/releases"));
            if (QFileInfo(candidate).isDir())
                return candidate;
            if (!dir.cdUp())
                break;
        }
    }
    return {};
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

} // namespace passlane::cli
