#pragma once

#include <QStringList>

namespace passlane {

/// DDL of the product's bookkeeping tables, column for column: `migration_logs` (created by the
/// migrator in every schema database), `out_of_band_migrations` and `versions` (frontend, as in
/// the releases' squashed.sql).
class BookkeepingSchema {
public:
    /// SQLite statements creating all three tables.
    static QStringList sqlite();
    /// PostgreSQL: `migration_logs` as the migrator creates it (the other tables come from the
    /// frontend migrations themselves).
    static QString postgresMigrationLogs();
};

} // namespace passlane
