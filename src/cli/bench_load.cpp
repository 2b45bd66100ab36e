// passlane-cli bench load: read + validate + stitch every snapshot, against `gzip -dc` of the
// same archives measured in the same run (decompression is the floor). Not a test: it prints.
#include "bench_support.h"
#include "cliio.h"
#include "commands.h"

#include "catalog/catalog.h"
#include "sources/sourcescanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

namespace passlane::cli {

namespace {

constexpr double ratioTarget = 1.0;
constexpr double memoryTargetMb = 150.0;
constexpr int runs = 3; // best of three for both sides: the machine is shared

} // namespace

int benchLoad(const QStringList &args)
{
    if (args.contains(QStringLiteral("--help"))) {
        std::printf("usage: passlane-cli bench load [SOURCE]\n"
                    "Times read+validate+stitch of SOURCE (default: the real fixtures) against\n"
                    "single-threaded gzip -dc of the same archives; target ratio <= %.1f, peak RSS < %.0f MB.\n",
                    ratioTarget, memoryTargetMb);
        return 0;
    }
    const QString source = args.isEmpty() ? realReleasesFolder() : args.first();
    if (source.isEmpty()) {
        printError(QStringLiteral("no SOURCE given and ../shared/fixtures/sourcegraph/releases not found"));
        return 2;
    }
    const auto scanned = SourceScanner::scan(source);
    if (!scanned) {
        printError(scanned.error().toString());
        return 2;
    }
    QStringList archives;
    for (const ReleaseSource &s : *scanned)
        if (s.isArchive && !s.path.startsWith(u':'))
            archives.append(s.path);

    LoadRequest request;
    request.sources = {source};
    qint64 bestLoad = -1;
    qint64 bestGzip = -1;
    bool gzipOk = !archives.isEmpty();
    qsizetype findings = 0, releases = 0, definitions = 0;
    // Alternate the two so that a change in machine load hits both alike; keep the best of each.
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const auto catalog = loadCatalog(request);
        const qint64 ns = t.nsecsElapsed();
        if (!catalog) {
            printError(catalog.error().toString());
            return 2;
        }
        bestLoad = bestLoad < 0 ? ns : qMin(bestLoad, ns);
        findings = catalog->findings.size();
        releases = catalog->releases.size();
        definitions = catalog->migrationCount();

        if (!gzipOk)
            continue;
        QProcess gzip;
        gzip.setStandardOutputFile(QProcess::nullDevice());
        t.restart();
        gzip.start(QStringLiteral("gzip"), QStringList{QStringLiteral("-dc")} + archives);
        if (!gzip.waitForFinished(600000) || gzip.exitStatus() != QProcess::NormalExit || gzip.exitCode() != 0) {
            printError(QStringLiteral("gzip -dc failed: ") + gzip.errorString());
            gzipOk = false;
            bestGzip = -1;
            continue;
        }
        const qint64 gz = t.nsecsElapsed();
        bestGzip = bestGzip < 0 ? gz : qMin(bestGzip, gz);
    }
    const double peakMb = peakRssMb(); // our own process only: gzip runs as a child

    std::printf("bench load: %s\n", qUtf8Printable(source));
    std::printf("  releases %lld, stitched definitions %lld, findings %lld\n", qint64(releases), qint64(definitions),
                qint64(findings));
    std::printf("  read+validate+stitch: %.1f ms (best of %d)\n", double(bestLoad) / 1e6, runs);
    bool ok = peakMb < memoryTargetMb;
    if (bestGzip > 0) {
        const double ratio = double(bestLoad) / double(bestGzip);
        std::printf("  gzip -dc of %lld archives: %.1f ms (best of %d)\n", qint64(archives.size()), double(bestGzip) / 1e6, runs);
        std::printf("  ratio: %.2f (target <= %.1f): %s\n", ratio, ratioTarget, ratio <= ratioTarget ? "met" : "NOT met");
        ok = ok && ratio <= ratioTarget;
    } else {
        std::printf("  ratio: n/a (no gzip archives in the source)\n");
    }
    std::printf("  peak memory: %.1f MB (target < %.0f MB): %s\n", peakMb, memoryTargetMb,
                peakMb < memoryTargetMb ? "met" : "NOT met");
    std::printf("  targets %s\n", ok ? "met" : "NOT met");
    return 0;
}

} // namespace passlane::cli
