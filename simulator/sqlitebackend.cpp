#include "sqlitebackend.h"

#include "bookkeepingschema.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QThread>
#include <QUuid>
#include <QVariant>

namespace passlane {

namespace {

QVariant ts(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

QVariant optTs(const std::optional<QDateTime> &t)
{
    return t ? ts(*t) : QVariant();
}

QDateTime readTs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

Status sqlError(const QString &what, const QSqlError &e)
{
    return Status(Error{QStringLiteral("sqlite"), QStringLiteral("%1: %2").arg(what, e.text())});
}

} // namespace

SqliteBackend::SqliteBackend(const Catalog &catalog, const SimulationRequest &request)
    : m_catalog(catalog)
    , m_request(request)
    , m_name(QStringLiteral("passlane-sim-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
{
}

SqliteBackend::~SqliteBackend()
{
    m_logInsert.reset();
    m_oobUpsert.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<StartState> SqliteBackend::prepare(const std::optional<StartState> &requested, const Version &from,
                                          const QStringList &, double oobProgress, const QDateTime &clockStart)
{
    m_clockStart = clockStart;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(QStringLiteral(":memory:"));
    if (!db.open())
        return Error{QStringLiteral("sqlite"), db.lastError().text()};
    QSqlQuery q(db);
    for (const QString &ddl : BookkeepingSchema::sqlite()) {
        if (!q.exec(ddl))
            return sqlError(QStringLiteral("create bookkeeping"), q.lastError()).error();
    }
    StartState state;
    if (requested) {
        state = *requested;
    } else {
        auto s = StartState::fromRelease(m_catalog, from, oobProgress, clockStart);
        if (!s)
            return s.error();
        state = std::move(s).value();
    }
    // One transaction for the whole run: the database lives in memory and dies with the run.
    db.transaction();
    m_logInsert = std::make_unique<QSqlQuery>(db);
    m_logInsert->prepare(QStringLiteral(
        "INSERT INTO migration_logs (id, migration_logs_schema_version, schema, version, up, started_at, finished_at,"
        " success, error_message, backfilled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_oobUpsert = std::make_unique<QSqlQuery>(db);
    m_oobUpsert->prepare(QStringLiteral(
        "INSERT OR REPLACE INTO out_of_band_migrations (id, team, component, description, progress, created,"
        " last_updated, non_destructive, apply_reverse, is_enterprise, introduced_version_major,"
        " introduced_version_minor, deprecated_version_major, deprecated_version_minor, metadata)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const MigrationLogRow &r : state.logs) {
        const Status st = insertLog(r);
        if (!st)
            return st.error();
    }
    for (const OobRow &r : state.oob)
        recordOob(r, -1);
    for (const VersionRow &v : state.versions)
        recordVersion(v);
    return state;
}

Status SqliteBackend::insertLog(const MigrationLogRow &r)
{
    QSqlQuery &q = *m_logInsert;
    q.addBindValue(r.id > 0 ? QVariant(r.id) : QVariant());
    q.addBindValue(r.migrationLogsSchemaVersion);
    q.addBindValue(r.schema);
    q.addBindValue(r.version);
    q.addBindValue(r.up);
    q.addBindValue(ts(r.startedAt));
    q.addBindValue(optTs(r.finishedAt));
    q.addBindValue(r.success ? QVariant(*r.success) : QVariant());
    q.addBindValue(r.errorMessage.isEmpty() ? QVariant() : QVariant(r.errorMessage));
    q.addBindValue(r.backfilled);
    if (!q.exec())
        return sqlError(QStringLiteral("insert migration_logs"), q.lastError());
    return success();
}

MigrationOutcome SqliteBackend::apply(const MigrationRun &run)
{
    MigrationOutcome out;
    out.durationMs = m_request.flatMigrationTime
        ? m_request.schemaMigrationMs
        : m_request.migrationMs.value(run.schema).value(run.definition->id, m_request.schemaMigrationMs);
    MigrationLogRow row;
    row.schema = run.schema;
    row.version = run.definition->id;
    row.up = run.up;
    row.startedAt = m_clockStart.addMSecs(run.clockMs);
    row.finishedAt = m_clockStart.addMSecs(run.clockMs + out.durationMs);
    if (run.injectFailure) {
        out.status = MigrationOutcome::Status::Failed;
        out.error = QStringLiteral("injected failure");
        row.success = false;
        row.errorMessage = out.error;
    } else {
        row.success = true;
    }
    const Status st = insertLog(row);
    if (!st) {
        out.status = MigrationOutcome::Status::Failed;
        out.error = st.error().message;
    }
    return out;
}

void SqliteBackend::recordOob(const OobRow &r, qint64)
{
    QSqlQuery &q = *m_oobUpsert;
    q.addBindValue(r.id);
    q.addBindValue(r.team.isEmpty() ? QStringLiteral("unknown") : r.team);
    q.addBindValue(r.component.isEmpty() ? QStringLiteral("unknown") : r.component);
    q.addBindValue(r.description.isEmpty() ? QStringLiteral("unknown") : r.description);
    q.addBindValue(r.progress);
    q.addBindValue(ts(r.created.isValid() ? r.created : m_clockStart));
    q.addBindValue(optTs(r.lastUpdated));
    q.addBindValue(r.nonDestructive);
    q.addBindValue(r.applyReverse);
    q.addBindValue(r.isEnterprise);
    q.addBindValue(r.introducedMajor);
    q.addBindValue(r.introducedMinor);
    q.addBindValue(r.deprecatedMajor ? QVariant(*r.deprecatedMajor) : QVariant());
    q.addBindValue(r.deprecatedMinor ? QVariant(*r.deprecatedMinor) : QVariant());
    q.addBindValue(QString::fromUtf8(r.metadata));
    q.exec();
}

void SqliteBackend::recordVersion(const VersionRow &row)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    q.prepare(QStringLiteral("INSERT INTO versions (service, version, updated_at, first_version) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT(service) DO UPDATE SET version = excluded.version,"
                             " updated_at = excluded.updated_at"));
    q.addBindValue(row.service);
    q.addBindValue(row.version);
    q.addBindValue(ts(row.updatedAt));
    q.addBindValue(row.firstVersion.isEmpty() ? row.version : row.firstVersion);
    q.exec();
}

Status SqliteBackend::finish(SimulationResult &result)
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (!db.isOpen())
        return success();
    m_logInsert.reset();
    m_oobUpsert.reset();
    db.commit();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, migration_logs_schema_version, schema, version, up, started_at, finished_at,"
                               " success, error_message, backfilled FROM migration_logs ORDER BY id")))
        return sqlError(QStringLiteral("read migration_logs"), q.lastError());
    result.migrationLogs.clear();
    while (q.next()) {
        MigrationLogRow r;
        r.id = q.value(0).toLongLong();
        r.migrationLogsSchemaVersion = q.value(1).toInt();
        r.schema = q.value(2).toString();
        r.version = q.value(3).toLongLong();
        r.up = q.value(4).toBool();
        r.startedAt = readTs(q.value(5));
        if (!q.value(6).isNull())
            r.finishedAt = readTs(q.value(6));
        if (!q.value(7).isNull())
            r.success = q.value(7).toBool();
        r.errorMessage = q.value(8).toString();
        r.backfilled = q.value(9).toBool();
        result.migrationLogs.append(r);
    }
    if (!q.exec(QStringLiteral("SELECT id, team, component, description, progress, created, last_updated, non_destructive,"
                               " apply_reverse, is_enterprise, introduced_version_major, introduced_version_minor,"
                               " deprecated_version_major, deprecated_version_minor, metadata"
                               " FROM out_of_band_migrations ORDER BY id")))
        return sqlError(QStringLiteral("read out_of_band_migrations"), q.lastError());
    result.oob.clear();
    while (q.next()) {
        OobRow r;
        r.id = q.value(0).toInt();
        r.team = q.value(1).toString();
        r.component = q.value(2).toString();
        r.description = q.value(3).toString();
        r.progress = q.value(4).toDouble();
        r.created = readTs(q.value(5));
        if (!q.value(6).isNull())
            r.lastUpdated = readTs(q.value(6));
        r.nonDestructive = q.value(7).toBool();
        r.applyReverse = q.value(8).toBool();
        r.isEnterprise = q.value(9).toBool();
        r.introducedMajor = q.value(10).toInt();
        r.introducedMinor = q.value(11).toInt();
        if (!q.value(12).isNull())
            r.deprecatedMajor = q.value(12).toInt();
        if (!q.value(13).isNull())
            r.deprecatedMinor = q.value(13).toInt();
        r.metadata = q.value(14).toString().toUtf8();
        result.oob.append(r);
    }
    q.finish();
    db.close();
    return success();
}

} // namespace passlane
