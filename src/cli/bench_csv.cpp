// passlane-cli bench csv: a 1,000,000-row customers CSV, read by CustomersCsv and analysed by
// WindowAnalysis against the real releases (or the bundled sample). Not a test: it prints.
#include "bench_support.h"
#include "cliio.h"
#include "commands.h"

#include "bundledsample.h"
#include "catalog/catalog.h"
#include "plan/windowanalysis.h"
#include "project/customerscsv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

namespace passlane::cli {

namespace {

constexpr qint64 defaultRows = 1000000;
constexpr double secondsTarget = 5.0;
constexpr double memoryTargetMb = 500.0;

/// One row per instance, as a fleet export would list them: mostly released versions, with one
/// row in ten on a patch that was never released (the analysis plans it by its minor).
QByteArray fleetCsv(const QList<ReleasePtr> &releases, qint64 rows)
{
    QByteArray csv;
    csv.reserve(rows * 16);
    csv += "version,instances\r\n";
    for (qint64 i = 0; i < rows; ++i) {
        const Version &v = releases.at(qsizetype(i % releases.size()))->version;
        const int patch = i % 10 == 9 ? 900000 + int(i % 97) : v.patch;
        csv += QByteArray::number(v.major) + '.' + QByteArray::number(v.minor) + '.' + QByteArray::number(patch) + ','
               + QByteArray::number(1 + i % 5) + "\r\n";
    }
    return csv;
}

} // namespace

int benchCsv(const QStringList &args)
{
    if (args.contains(QStringLiteral("--help"))) {
        std::printf("usage: passlane-cli bench csv [ROWS]\n"
                    "Writes a customers CSV of ROWS rows (default %lld) to a temporary folder, reads it and\n"
                    "runs the window analysis on the real releases (the bundled sample when they are absent).\n"
                    "Targets: read + analyse < %.0f s, peak RSS < %.0f MB.\n",
                    defaultRows, secondsTarget, memoryTargetMb);
        return 0;
    }
    qint64 rows = defaultRows;
    if (!args.isEmpty()) {
        bool ok = false;
        rows = args.first().toLongLong(&ok);
        if (!ok || rows <= 0) {
            printError(QStringLiteral("bench csv: '%1' is not a row count").arg(args.first()));
            return 2;
        }
    }
    LoadRequest request;
    const QString real = realReleasesFolder();
    if (!real.isEmpty()) {
        request.sources = {real};
        request.oobFiles = {QDir(real).filePath(QStringLiteral("../oob/oobmigrations-whatif-6x.yaml"))};
    } else {
        request.sources = {bundledSamplePath()};
        request.oobFiles = {bundledSampleOobPath()};
    }
    const auto catalog = loadCatalog(request);
    if (!catalog) {
        printError(catalog.error().toString());
        return 2;
    }
    const double loadedMb = peakRssMb();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fleet.csv"));
    {
        const QByteArray csv = fleetCsv(catalog->releases, rows);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(csv) != csv.size()) {
            printError(path + QStringLiteral(": cannot write: ") + out.errorString());
            return 2;
        }
    }
    const qint64 fileBytes = QFileInfo(path).size();

    QElapsedTimer t;
    t.start();
    const auto weights = CustomersCsv::readFile(path);
    const qint64 readNs = t.nsecsElapsed();
    if (!weights) {
        printError(weights.error().toString());
        return 2;
    }
    QList<Version> versions;
    for (const ReleasePtr &r : catalog->releases)
        versions.append(r->version);
    const WindowAnalysis analysis{VersionIndex(versions)};
    t.restart();
    const WindowReport report = analysis.analyze(catalog->oob, {}, weights.value());
    const qint64 analyzeNs = t.nsecsElapsed();
    const double seconds = double(readNs + analyzeNs) / 1e9;
    const double peakMb = peakRssMb();

    std::printf("bench csv: %s\n", qUtf8Printable(request.sources.first()));
    std::printf("  %lld rows, %.1f MB, %lld distinct versions, %lld instances, %lld analysed rows\n", rows,
                double(fileBytes) / 1e6, qint64(weights->size()), report.totalInstances, qint64(report.rows.size()));
    std::printf("  read %.3f s, analyse %.3f s, total %.3f s (target < %.0f s): %s\n", double(readNs) / 1e9,
                double(analyzeNs) / 1e9, seconds, secondsTarget, seconds < secondsTarget ? "met" : "NOT met");
    std::printf("  peak memory: %.1f MB, %.1f MB of it for the releases (target < %.0f MB): %s\n", peakMb, loadedMb,
                memoryTargetMb, peakMb < memoryTargetMb ? "met" : "NOT met");
    std::printf("  targets %s\n", seconds < secondsTarget && peakMb < memoryTargetMb ? "met" : "NOT met");
    return 0;
}

} // namespace passlane::cli
