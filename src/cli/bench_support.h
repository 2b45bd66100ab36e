#pragma once

#include <QString>

// What every benchmark needs: where the real data is and how much memory the process used.
namespace passlane::cli {

/// The real snapshots: $PASSLANE_FIXTURES/releases, else `shared/fixtures/sourcegraph/releases`
/// beside any ancestor of the current or the program's folder. Empty when absent.
QString realReleasesFolder();

/// This process's peak resident set size so far, in MB.
double peakRssMb();

} // namespace passlane::cli
