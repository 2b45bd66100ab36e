#pragma once

#include <QString>

namespace passlane {
struct Catalog;
struct Version;
}

// What every benchmark needs: where the real data is and how much memory the process used.
namespace passlane::cli {

/// The real snapshots: $PASSLANE_FIXTURES/releases, else `shared/fixtures/sourcegraph/releases`
/// beside any ancestor of the current or the program's folder. Empty when absent.
QString realReleasesFolder();

/// bench simulate --predict (bench_predict.cpp): estimates against the real upgrade from -> to on
/// `rows` generated rows, with the calibration in `calibrationFile` (empty: this machine's).
int benchPredict(const Catalog &catalog, const Version &from, const Version &to, const QString &dsn, qint64 rows,
                 const QString &calibrationFile);

/// This process's peak resident set size so far, in MB.
double peakRssMb();

} // namespace passlane::cli
