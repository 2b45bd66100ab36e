#pragma once

#include "common/finding.h"
#include "common/progress.h"
#include "common/result.h"
#include "common/version.h"
#include "plan/upgradeplan.h"
#include "project/project.h"
#include "startstate.h"
#include "timeline.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace passlane {

struct Catalog;

enum class SimulationBackend {
    Sqlite,   ///< bookkeeping tables only, simulated time (default)
    Postgres, ///< real up.sql on a scratch (or explicitly owned) database, real time
};
QString backendName(SimulationBackend b); ///< "sqlite", "postgres"
std::optional<SimulationBackend> backendFromName(QStringView name);

/// A failure to inject: the schema migration `migrationId` (in `schema`, or any schema when
/// empty) or the OOB migration `oobId` fails on its first attempt.
struct FailureInjection {
    QString schema;
    std::optional<qint64> migrationId;
    std::optional<int> oobId;
};

/// Everything a run needs besides the catalog and the plan. A value: safe to copy to a thread.
struct SimulationRequest {
    SimulationBackend backend = SimulationBackend::Sqlite;

    /// Starting state. Unset: the plan's source release with every OOB migration introduced at or
    /// before it at `startOobProgress`.
    std::optional<StartState> start;
    double startOobProgress = 0.0;

    /// OOB progress model: default, per-migration overrides, per-customer row counts (rows only).
    OobProgressModel defaultProgress;
    QMap<int, OobProgressModel> progressOverrides;
    QMap<int, qint64> oobRows;

    /// Simulated duration of one schema migration in the SQLite backend, for migrations without
    /// an estimate in `migrationMs`.
    qint64 schemaMigrationMs = 1000;
    /// Per schema and migration id, the estimated duration (ms) the SQLite backend simulates:
    /// evaluate() fills it from the time model unless `flatMigrationTime` is set.
    QMap<QString, QMap<qint64, qint64>> migrationMs;
    /// `schemaMigrationMs` was given explicitly (--migration-time): every migration takes it.
    bool flatMigrationTime = false;
    /// Origin of simulated time (timestamps written to the bookkeeping tables).
    QDateTime clockStart = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);

    QStringList schemas;              ///< schemas to run; empty: every schema of the target release
    QList<FailureInjection> failures;
    bool lint = true;                 ///< static lint of every migration the run applies
    /// Called on the running thread as each timeline event is recorded, so that a view can follow
    /// a long run; the result's timeline (sorted by time) stays the record.
    std::function<void(const TimelineEvent &)> onEvent;

    // PostgreSQL backend only.
    QString dsn;                      ///< libpq conninfo "host=... port=... user=... dbname=..."
    QString database;                 ///< explicit existing database (needs iOwnThisDatabase)
    bool iOwnThisDatabase = false;    ///< the user confirms the named database may be written
    bool keepDatabase = false;        ///< keep the scratch databases even after success
    bool compareSchema = false;       ///< compare with a fresh install of the target (and squashed.sql)
    bool roundTrip = false;           ///< after the upgrade, run every down.sql and compare with the start
    /// Run migrations as the connected role, which must be a superuser, privileged ones included
    /// (--superuser). Off: a superuser connection creates a throwaway non-superuser role that owns
    /// the scratch databases and runs every migration; privileged migrations become manual steps.
    bool superuser = false;
    /// Execute migrations whose static checks found statements that reach outside the database
    /// (`outside-database` findings: COPY ... PROGRAM, server files, DROP DATABASE, ALTER SYSTEM,
    /// untrusted languages) instead of refusing the run (--allow-outside-database).
    bool allowOutsideDatabase = false;
};

/// What an operator does after a failed run, and what the run would do next.
struct ResumePlan {
    QString schema;                  ///< the dirty schema
    std::optional<qint64> migrationId;
    std::optional<int> oobId;
    QString lastGoodVersion;         ///< the last stop fully reached
    QString failedAtVersion;         ///< the stop being migrated when it failed
    QStringList operatorSteps;       ///< numbered human steps
    QList<qint64> remainingMigrations; ///< in the failed schema, in order, starting with the failed one
    QStringList remainingStops;      ///< versions still to reach, starting with the failed stop
    QString command;                 ///< the command that resumes the upgrade
};

/// One classified difference between two schemas.
struct SchemaDifference {
    enum class Kind { Missing, Extra, DefinitionChanged, ColumnOrderOnly, WhitespaceOnly };
    Kind kind = Kind::DefinitionChanged;
    QString objectType; ///< "table", "column", "index", "constraint", "function", "view", ...
    QString name;       ///< qualified object name
    QString left;       ///< definition on the left (upgraded) side, when present
    QString right;      ///< definition on the right (reference) side, when present
};
QString differenceKindName(SchemaDifference::Kind kind); ///< "missing", "extra", "definition", "column-order", "whitespace"

/// A schema comparison: `left` (the upgraded database) against `right` (a reference).
struct SchemaComparisonResult {
    QString schema;     ///< "codeinsights"
    QString left;       ///< "upgrade 5.8.1579 -> 7.2.1943"
    QString right;      ///< "fresh install 7.2.1943", "squashed.sql 7.2.1943", "start 5.8.1579"
    QList<SchemaDifference> differences;
    bool identical() const { return differences.isEmpty(); }
};

/// The outcome of one run.
struct SimulationResult {
    SimulationBackend backend = SimulationBackend::Sqlite;
    QString from;          ///< start release (or "export <file>")
    QString to;            ///< target release
    QStringList stops;     ///< versions of the stops, in order (the last is the target)
    QList<TimelineEvent> timeline;
    SimulationTotals totals;

    bool completed = false;      ///< the target was reached and the instance can start there
    bool dirty = false;          ///< a schema migration failed part-way: migration_logs holds a failed row
    bool refusedToStart = false; ///< the start-up rule refused some version
    bool canceled = false;
    QString failure;             ///< why the run stopped, one sentence ("frontend 1700000000 failed at line 3: ...")
    QString operatorAdvice;      ///< what an operator must do now (markdown-free text, several lines)
    std::optional<ResumePlan> resume;

    QList<ManualStep> manualSteps;   ///< privileged migrations the role could not run (plan/upgradeplan.h)
    Findings findings;           ///< start-state problems, start-up refusals, definition differences
    Findings lint;               ///< MigrationLint findings for the migrations the run applied

    QList<MigrationLogRow> migrationLogs; ///< final migration_logs rows (all schemas)
    QList<OobRow> oob;                     ///< final out_of_band_migrations rows

    QStringList databases;       ///< PostgreSQL databases used (one per schema)
    bool databasesKept = false;  ///< scratch databases kept (failure or keepDatabase): inspect them
    QList<SchemaComparisonResult> comparisons;
};

/// The facade: runs a plan with the requested backend. Thread-safe: every run uses its own
/// connections (unique names), so runs can proceed in parallel threads. Progress reports one
/// step per schema migration; cancellation is checked between migrations.
class Simulation {
public:
    static Result<SimulationResult> run(const Catalog &catalog, const UpgradePlan &plan,
                                        const SimulationRequest &request, const Progress &progress = {});

    /// Same, with the stops given directly (ascending releases after the start; the last is the
    /// target). Used when there is no UpgradePlan, e.g. a plain from/to run.
    static Result<SimulationResult> runStops(const Catalog &catalog, const Version &from,
                                             const QList<Version> &stops,
                                             const SimulationRequest &request,
                                             const Progress &progress = {});
};

} // namespace passlane
