#pragma once

#include "common/result.h"
#include "pgconnection.h"
#include "startstate.h"

#include <QList>

namespace passlane {

/// Reads a live instance's bookkeeping (migration_logs, out_of_band_migrations, versions) and its
/// tables' statistics into a StartState, through a read-only session: default_transaction_read_only=on in the connection
/// options plus SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY. Only SELECTs are sent.
class LiveInspector {
public:
    /// One database (frontend, codeintel or codeinsights). Tables it lacks are skipped, except
    /// migration_logs.
    static Result<StartState> inspect(const PgConnectionInfo &database);
    /// Several databases of one instance, merged (e.g. frontend + codeintel + codeinsights).
    static Result<StartState> inspect(const QList<PgConnectionInfo> &databases);
    /// Reads through an already open session (used by tests to check read-only-ness).
    static Result<StartState> read(PgSession &session);
    /// The migration_logs rows, oldest first (also how the executor reads back what it logged).
    static Result<QList<MigrationLogRow>> readMigrationLogs(PgSession &session);

    /// The one query that reads the statistics of the connected database's tables (pg_class,
    /// pg_stat_user_tables and the size functions, none of which needs more than CONNECT), with
    /// the server's clock. Customers run this very text for the export's "tables" section
    /// (docs/simulation.md); its column names are the export's.
    static QString tableStatsQuery();
    /// Runs tableStatsQuery(): the tables, and the server's now() into `observedAt`.
    static Result<QList<TableStats>> readTableStats(PgSession &session, std::optional<QDateTime> *observedAt = nullptr);
};

} // namespace passlane
