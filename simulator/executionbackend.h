#pragma once

#include "common/result.h"
#include "releases/migration.h"
#include "simulation.h"
#include "startstate.h"

#include <QString>

#include <functional>
#include <optional>

namespace passlane {

/// One migration the runner asks a backend to apply.
struct MigrationRun {
    QString schema;
    MigrationPtr definition;     ///< what the step's release ships
    QString release;             ///< the step's release
    bool up = true;              ///< false: run down.sql (downgrades, round trips)
    bool outsideTransaction = false;
    bool injectFailure = false;
    qint64 clockMs = 0;          ///< the run's clock when the migration starts
};

/// What happened to one MigrationRun.
struct MigrationOutcome {
    /// Canceled: stopped on request while it ran (rolled back unless it runs outside a transaction);
    /// ConnectionLost: the connection broke while it ran (`error` says what the server kept).
    enum class Status { Applied, Failed, Manual, Canceled, ConnectionLost };
    Status status = Status::Applied;
    qint64 durationMs = 0;
    QString error;     ///< failure message ("ERROR: relation ... does not exist")
    int line = 0;      ///< 1-based line in the SQL file, 0 when unknown
    QString sqlState;  ///< PostgreSQL SQLSTATE, when known
};

/// Where the UpgradeRunner's steps land: SQLite bookkeeping (simulated time) or PostgreSQL.
class ExecutionBackend {
public:
    virtual ~ExecutionBackend() = default;

    /// Sets up the bookkeeping and returns the effective starting state: `requested` when given,
    /// else `from` installed (PostgreSQL) or assumed (SQLite) with `oobProgress`.
    virtual Result<StartState> prepare(const std::optional<StartState> &requested, const Version &from,
                                       const QStringList &schemas, double oobProgress, const QDateTime &clockStart) = 0;
    /// Set when preparing the start failed part-way (a migration of the start release's install
    /// failed): the runner reports it as a stopped, dirty run instead of an error, so the result
    /// still carries the logs, manual steps and kept databases.
    virtual QString setupFailure() const { return {}; }
    /// Privileged migrations of the start's install were left as manual steps (so a setup failure
    /// may come from them).
    virtual bool skippedPrivileged() const { return false; }
    virtual MigrationOutcome apply(const MigrationRun &run) = 0;
    /// Polled while SQL runs (the runner's Progress::canceled): a backend that executes real SQL
    /// interrupts the running migration when it returns true.
    virtual void setCancelCheck(std::function<bool()> canceled) { Q_UNUSED(canceled) }
    virtual void recordOob(const OobRow &row, qint64 clockMs) = 0;
    virtual void recordVersion(const VersionRow &row) = 0;
    /// Fills the result's final rows, databases, comparisons. Called once, also after failures.
    virtual Status finish(SimulationResult &result) = 0;
};

} // namespace passlane
