#include "liveinspector.h"

#include "customerexport.h"

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
    }
    merged.origin = origins.join(QStringLiteral(", "));
    return merged;
}

} // namespace passlane
