#include "liveinspector.h"

#include "customerexport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace passlane {

namespace {

const char *const kTs = "to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

QString ts(const char *column)
{
    return QString::fromLatin1(kTs).arg(QString::fromLatin1(column));
}

bool hasTable(PgSession &s, const QString &name)
{
    auto r = s.scalar(QStringLiteral("SELECT to_regclass(%1) IS NOT NULL").arg(PgSession::quoteLiteral(name)));
    return r && r.value() == u"true";
}

std::optional<int> optInt(const QString &s)
{
    return s.isNull() ? std::nullopt : std::optional<int>(s.toInt());
}

} // namespace

Result<QList<MigrationLogRow>> LiveInspector::readMigrationLogs(PgSession &session)
{
    auto logs = session.rows(QStringLiteral("SELECT id, migration_logs_schema_version, schema, version, up, %1, %2, "
                                            "success, error_message, backfilled FROM migration_logs ORDER BY id")
                                 .arg(ts("started_at"), ts("finished_at")));
    if (!logs)
        return logs.error();
    QList<MigrationLogRow> out;
    for (const QStringList &r : logs.value()) {
        MigrationLogRow row;
        row.id = r.at(0).toLongLong();
        row.migrationLogsSchemaVersion = r.at(1).toInt();
        row.schema = r.at(2);
        row.version = r.at(3).toLongLong();
        row.up = r.at(4) == u"true";
        row.startedAt = CustomerExport::parseTimestamp(r.at(5));
        if (!r.at(6).isNull())
            row.finishedAt = CustomerExport::parseTimestamp(r.at(6));
        if (!r.at(7).isNull())
            row.success = r.at(7) == u"true";
        row.errorMessage = r.at(8);
        row.backfilled = r.at(9) == u"true";
        out.append(row);
    }
    return out;
}

QString LiveInspector::tableStatsQuery()
{
    // reltuples is -1 until the table is first analysed (PostgreSQL 14 and later): unknown, not 0.
    // The schema database is what this database's migration_logs names (several when schemas
    // share a database).
    return QStringLiteral(
        "SELECT (SELECT string_agg(DISTINCT l.schema, ',' ORDER BY l.schema) FROM migration_logs l) AS schema,\n"
        "       c.relname AS table_name,\n"
        "       CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS estimated_rows,\n"
        "       pg_total_relation_size(c.oid) AS total_bytes,\n"
        "       pg_indexes_size(c.oid) AS index_bytes,\n"
        "       s.n_live_tup AS live_rows,\n"
        "       to_char(greatest(s.last_analyze, s.last_autoanalyze) AT TIME ZONE 'UTC',\n"
        "               'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS last_analyzed,\n"
        "       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS observed_at\n"
        "FROM pg_class c\n"
        "JOIN pg_namespace n ON n.oid = c.relnamespace\n"
        "LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid\n"
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')\n"
        "ORDER BY c.relname");
}

Result<QList<TableStats>> LiveInspector::readTableStats(PgSession &session, std::optional<QDateTime> *observedAt)
{
    // Read by column name, so the export's reader maps the columns the same way. migration_logs,
    // which read() requires, is itself a table: there is always a row to carry the clock.
    QSqlQuery q(session.database());
    q.setForwardOnly(true);
    if (!q.exec(tableStatsQuery()))
        return Error{session.info().display(), QStringLiteral("table statistics: %1").arg(q.lastError().databaseText().trimmed())};
    const QSqlRecord record = q.record();
    QList<TableStats> out;
    while (q.next()) {
        QMap<QString, QString> columns;
        for (int i = 0; i < record.count(); ++i) {
            const QVariant v = q.value(i);
            if (!v.isNull())
                columns.insert(record.fieldName(i), v.toString());
        }
        auto row = CustomerExport::tableStatsRow(columns);
        if (!row)
            return Error{session.info().display(), QStringLiteral("table statistics: %1").arg(row.error().message)};
        out.append(row.value());
        if (observedAt && !*observedAt) {
            const QDateTime at = CustomerExport::parseTimestamp(columns.value(QStringLiteral("observed_at")));
            if (at.isValid())
                *observedAt = at;
        }
    }
    return out;
}

Result<StartState> LiveInspector::read(PgSession &session)
{
    StartState state;
    state.origin = QStringLiteral("postgres %1").arg(session.info().display());
    if (!hasTable(session, QStringLiteral("migration_logs")))
        return Error{session.info().display(), QStringLiteral("no migration_logs table: not a migrated database")};
    auto logs = readMigrationLogs(session);
    if (!logs)
        return logs.error();
    state.logs = logs.value();
    if (hasTable(session, QStringLiteral("out_of_band_migrations"))) {
        auto oob = session.rows(QStringLiteral("SELECT id, team, component, description, progress, %1, %2, non_destructive, "
                                               "apply_reverse, is_enterprise, introduced_version_major, "
                                               "introduced_version_minor, deprecated_version_major, "
                                               "deprecated_version_minor, metadata::text FROM out_of_band_migrations ORDER BY id")
                                    .arg(ts("created"), ts("last_updated")));
        if (!oob)
            return oob.error();
        for (const QStringList &r : oob.value()) {
            OobRow row;
            row.id = r.at(0).toInt();
            row.team = r.at(1);
            row.component = r.at(2);
            row.description = r.at(3);
            row.progress = r.at(4).toDouble();
            row.created = CustomerExport::parseTimestamp(r.at(5));
            if (!r.at(6).isNull())
                row.lastUpdated = CustomerExport::parseTimestamp(r.at(6));
            row.nonDestructive = r.at(7) == u"true";
            row.applyReverse = r.at(8) == u"true";
            row.isEnterprise = r.at(9) == u"true";
            row.introducedMajor = r.at(10).toInt();
            row.introducedMinor = r.at(11).toInt();
            row.deprecatedMajor = optInt(r.at(12));
            row.deprecatedMinor = optInt(r.at(13));
            row.metadata = r.at(14).toUtf8();
            state.oob.append(row);
        }
    }
    if (hasTable(session, QStringLiteral("versions"))) {
        auto versions = session.rows(QStringLiteral("SELECT service, version, %1, first_version FROM versions ORDER BY service")
                                         .arg(ts("updated_at")));
        if (!versions)
            return versions.error();
        for (const QStringList &r : versions.value()) {
            state.versions.append(VersionRow{r.at(0), r.at(1), CustomerExport::parseTimestamp(r.at(2)), r.at(3)});
            if (r.at(0) == u"frontend")
                state.version = Version::parse(r.at(1));
        }
    }
    auto tables = readTableStats(session, &state.observedAt);
    if (!tables)
        return tables.error();
    state.tables = tables.value();
    return state;
}

Result<StartState> LiveInspector::inspect(const PgConnectionInfo &database)
{
    auto session = PgSession::open(database, true);
    if (!session)
        return session.error();
    return read(*session.value());
}

Result<StartState> LiveInspector::inspect(const QList<PgConnectionInfo> &databases)
{
    StartState merged;
    QStringList origins;
    for (const PgConnectionInfo &db : databases) {
        auto state = inspect(db);
        if (!state)
            return state.error();
        origins << state->origin;
        merged.logs += state->logs;
        if (merged.oob.isEmpty())
            merged.oob = state->oob;
        if (merged.versions.isEmpty())
            merged.versions = state->versions;
        if (!merged.version)
            merged.version = state->version;
        merged.tables += state->tables;
        if (!merged.observedAt || (state->observedAt && *state->observedAt > *merged.observedAt))
            merged.observedAt = state->observedAt;
    }
    merged.origin = origins.join(QStringLiteral(", "));
    return merged;
}

} // namespace passlane
