#pragma once

#include "common/finding.h"
#include "common/result.h"
#include "common/version.h"
#include "oob/oobmigration.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace passlane {

struct Catalog;

/// One row of the product's `migration_logs` table (one per schema database).
struct MigrationLogRow {
    qint64 id = 0;
    int migrationLogsSchemaVersion = 2;
    QString schema;             ///< "frontend", "codeintel", "codeinsights"
    qint64 version = 0;         ///< the migration id
    bool up = true;
    QDateTime startedAt;
    std::optional<QDateTime> finishedAt;
    std::optional<bool> success; ///< null: the attempt never finished (crashed mid-way)
    QString errorMessage;
    bool backfilled = false;    ///< inferred from a squashed root, not actually run
};

/// One row of the product's `out_of_band_migrations` table.
struct OobRow {
    int id = 0;
    QString team;
    QString component;
    QString description;
    double progress = 0;
    QDateTime created;
    std::optional<QDateTime> lastUpdated;
    bool nonDestructive = false;
    bool applyReverse = false;
    bool isEnterprise = false;
    int introducedMajor = 0;
    int introducedMinor = 0;
    std::optional<int> deprecatedMajor;
    std::optional<int> deprecatedMinor;
    QByteArray metadata = QByteArrayLiteral("{}"); ///< JSON text

    /// The row an instance's code registers for a registry entry, created at `at`, progress 0.
    static OobRow registered(const OobMigration &m, const QDateTime &at);

    MinorVersion introduced() const { return {introducedMajor, introducedMinor}; }
    std::optional<MinorVersion> deprecated() const;
    bool complete() const { return progress >= 1.0; }
};

/// One row of the product's `versions` table.
struct VersionRow {
    QString service;       ///< "frontend"
    QString version;       ///< "5.8.1579"
    QDateTime updatedAt;
    QString firstVersion;
};

/// Size of one table of one schema database, as PostgreSQL's statistics give it (read-only).
/// Statistics PostgreSQL does not have (a table never analysed, a view the role cannot read)
/// are unknown, never 0.
struct TableStats {
    QString schema;                    ///< schema database: "frontend", "codeintel", "codeinsights"
    QString table;                     ///< unqualified table name in the public schema: "changesets"
    std::optional<qint64> rows;        ///< pg_class.reltuples (unknown while it is -1: never analysed)
    std::optional<qint64> totalBytes;  ///< pg_total_relation_size: heap, TOAST and indexes
    std::optional<qint64> indexBytes;  ///< pg_indexes_size
    std::optional<qint64> liveRows;    ///< pg_stat_user_tables.n_live_tup, where readable
    std::optional<QDateTime> lastAnalyzed; ///< greatest of last_analyze and last_autoanalyze

    /// The best row count known: rows, else liveRows.
    std::optional<qint64> bestRows() const { return rows ? rows : liveRows; }
};

/// Where an instance stands before the simulation: its bookkeeping tables.
struct StartState {
    QString origin;                 ///< "release 5.8.1579", an export file, or "postgres <dsn>"
    QString customer;               ///< the instance's owner as a JSON export names it ("customer"), if any
    std::optional<Version> version; ///< the release it runs, when known
    QList<MigrationLogRow> logs;
    QList<OobRow> oob;
    QList<VersionRow> versions;
    QList<TableStats> tables;       ///< table statistics per schema database (optional in exports)
    /// When the state was read: the inspection's server clock, or the export's "exported_at";
    /// unset when unknown. Two states of one instance give observed OOB rates.
    std::optional<QDateTime> observedAt;

    /// Everything up to `release` applied (logged as succeeded; squashed-away ancestors as
    /// backfilled); OOB migrations introduced at or before it at `oobProgress` (0..1), except
    /// those deprecated at or before it, which a running instance must have completed (1.0).
    static Result<StartState> fromRelease(const Catalog &catalog, const Version &release,
                                          double oobProgress, const QDateTime &at);

    /// Ids whose latest log row for `schema` is a successful up migration.
    QSet<qint64> applied(const QString &schema) const;
    QStringList schemas() const; ///< schemas that appear in the logs, sorted
    /// applied() for every schema in the logs: the applied set a plan starts from
    /// (PlanOptions::applied). A schema absent from the logs has applied nothing.
    QMap<QString, QSet<qint64>> appliedBySchema() const;

    /// Dirty (success null) or failed latest rows, one error finding each: the real migrator
    /// refuses to proceed until an operator fixes them (kind "dirty-database"/"failed-migration").
    Findings problems() const;
    /// Rows whose latest attempt is dirty or failed.
    QList<MigrationLogRow> unfinished() const;
};

} // namespace passlane
