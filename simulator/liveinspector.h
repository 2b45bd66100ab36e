#pragma once

#include "common/result.h"
#include "pgconnection.h"
#include "startstate.h"

#include <QList>

namespace passlane {

/// Reads a live instance's bookkeeping (migration_logs, out_of_band_migrations, versions) into a
/// StartState, through a read-only session: default_transaction_read_only=on in the connection
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
};

} // namespace passlane
