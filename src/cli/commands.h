#pragma once

#include <QStringList>

// One function per subcommand, each in its own file (cmd_<name>.cpp). `args` excludes the
// program and the subcommand. Return the process exit code:
// 0 ok, 1 error-level findings / failed plan or simulation, 2 bad usage or unreadable input.
namespace passlane::cli {

int runReleases(const QStringList &args);
int runValidate(const QStringList &args);
int runStitch(const QStringList &args);
int runPlan(const QStringList &args);
int runWindows(const QStringList &args);
int runSimulate(const QStringList &args);
int runBench(const QStringList &args); ///< dispatches to the bench* functions below

int benchLoad(const QStringList &args);     ///< bench_load.cpp: read+validate+stitch vs gzip -dc
int benchPlan(const QStringList &args);     ///< bench_plan.cpp: every ordered pair of releases
int benchSimulate(const QStringList &args); ///< bench_simulate.cpp: SQLite and PostgreSQL runs
int benchScan(const QStringList &args);     ///< bench_scan.cpp: SQL scans of a load against up.sql size
int benchCsv(const QStringList &args);
int benchCalibrate(const QStringList &args); ///< bench_calibrate.cpp: per statement class costs on a PostgreSQL server      ///< bench_csv.cpp: a 1,000,000-row customers CSV, read and analysed

} // namespace passlane::cli
