#include "bookkeepingschema.h"

namespace passlane {

QStringList BookkeepingSchema::sqlite()
{
    return {
        QStringLiteral("CREATE TABLE migration_logs ("
                       " id INTEGER PRIMARY KEY,"
                       " migration_logs_schema_version INTEGER NOT NULL,"
                       " schema TEXT NOT NULL,"
                       " version INTEGER NOT NULL,"
                       " up BOOLEAN NOT NULL,"
                       " started_at TEXT NOT NULL,"
                       " finished_at TEXT,"
                       " success BOOLEAN,"
                       " error_message TEXT,"
                       " backfilled BOOLEAN NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE out_of_band_migrations ("
                       " id INTEGER PRIMARY KEY,"
                       " team TEXT NOT NULL CHECK (team <> ''),"
                       " component TEXT NOT NULL CHECK (component <> ''),"
                       " description TEXT NOT NULL CHECK (description <> ''),"
                       " progress DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),"
                       " created TEXT NOT NULL,"
                       " last_updated TEXT,"
                       " non_destructive BOOLEAN NOT NULL,"
                       " apply_reverse BOOLEAN NOT NULL DEFAULT 0,"
                       " is_enterprise BOOLEAN NOT NULL DEFAULT 0,"
                       " introduced_version_major INTEGER NOT NULL,"
                       " introduced_version_minor INTEGER NOT NULL,"
                       " deprecated_version_major INTEGER,"
                       " deprecated_version_minor INTEGER,"
                       " metadata TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE TABLE versions ("
                       " service TEXT NOT NULL PRIMARY KEY,"
                       " version TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL,"
                       " first_version TEXT NOT NULL)"),
    };
}

QString BookkeepingSchema::postgresMigrationLogs()
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS migration_logs ("
                          " id SERIAL PRIMARY KEY,"
                          " migration_logs_schema_version integer NOT NULL,"
                          " schema text NOT NULL,"
                          " version integer NOT NULL,"
                          " up bool NOT NULL,"
                          " started_at timestamptz NOT NULL,"
                          " finished_at timestamptz,"
                          " success boolean,"
                          " error_message text,"
                          " backfilled boolean NOT NULL DEFAULT FALSE)");
}

} // namespace passlane
