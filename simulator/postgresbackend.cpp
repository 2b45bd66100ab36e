#include "postgresbackend.h"

#include "liveinspector.h"
#include "postgresexecutor.h"
#include "schemacomparison.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

namespace passlane {

namespace {

/// PASSLANE_SIM_TRACE=1 prints phase timings to stderr (for tuning; off by default).
void trace(const QElapsedTimer &t, const QString &what)
{
    static const bool on = qEnvironmentVariableIsSet("PASSLANE_SIM_TRACE");
    if (on)
        std::fprintf(stderr, "passlane-sim: %6lld ms %s\n", static_cast<long long>(t.elapsed()), qUtf8Printable(what));
}

} // namespace

PostgresBackend::PostgresBackend(const Catalog &catalog, const SimulationRequest &request, const Version &target)
    : m_catalog(catalog), m_request(request), m_target(target)
{
}

PostgresBackend::~PostgresBackend()
{
    // Sessions close before their databases drop.
    for (auto &[schema, db] : m_dbs)
        db.session.reset();
    m_dbs.clear();
}

Result<PostgresBackend::SchemaDb> PostgresBackend::openSchemaDb(const QString &schema)
{
    SchemaDb db;
    if (!m_request.database.isEmpty()) {
        db.name = m_request.database;
    } else {
        auto scratch = ScratchDatabase::create(m_server, schema);
        if (!scratch)
            return scratch.error();
        db.scratch = std::move(scratch).value();
        db.name = db.scratch->name();
    }
    auto session = PgSession::open(m_server.withDatabase(db.name));
    if (!session)
        return session.error();
    db.session = std::move(session).value();
    return db;
}

Result<StartState> PostgresBackend::prepare(const std::optional<StartState> &requested, const Version &from,
                                            const QStringList &schemas, double oobProgress, const QDateTime &clockStart)
{
    m_from = from;
    auto server = PgConnectionInfo::parse(m_request.dsn);
    if (!server)
        return server.error();
    m_server = server.value();
    if (!m_request.database.isEmpty()) {
        if (!m_request.iOwnThisDatabase)
            return Error{m_request.database, QStringLiteral("refusing to write to an existing database without the "
                                                            "explicit confirmation (--i-own-this-database)")};
        if (schemas.size() != 1)
            return Error{m_request.database, QStringLiteral("an explicit database holds one schema: choose it with --schema")};
    } else if (requested) {
        return Error{requested->origin, QStringLiteral("the postgres backend executes real SQL from a release's schema; "
                                                       "start it from a release (--from), or simulate an export with sqlite")};
    }
    const Release *fromRelease = m_catalog.release(from);
    auto state = StartState::fromRelease(m_catalog, from, oobProgress, clockStart);
    if (!state)
        return state.error();
    StartState start = std::move(state).value();
    start.logs.clear();
    start.origin = QStringLiteral("release %1 installed on PostgreSQL").arg(from.toString());
    QElapsedTimer timer;
    timer.start();
    for (const QString &schema : schemas) {
        auto opened = openSchemaDb(schema);
        trace(timer, QStringLiteral("%1: database created").arg(schema));
        if (!opened)
            return opened.error();
        SchemaDb db = std::move(opened).value();
        PostgresExecutor exec(*db.session);
        if (m_dbs.empty())
            m_superuser = db.session->isSuperuser();
        bool existing = false;
        if (db.scratch == nullptr) {
            auto has = db.session->scalar(QStringLiteral("SELECT to_regclass('migration_logs') IS NOT NULL"));
            existing = has && has.value() == u"true";
        }
        if (existing) {
            start.origin = QStringLiteral("database %1").arg(db.name);
        } else {
            const Status st = exec.createBookkeeping();
            if (!st)
                return st.error();
            if (fromRelease) {
                auto installed = exec.install(*fromRelease, schema, m_superuser, &m_installManual);
                if (!installed) {
                    m_setupFailure = installed.error().message;
                    m_dbs.emplace(schema, std::move(db));
                    return start;
                }
                trace(timer, QStringLiteral("%1: %2 installed").arg(schema, from.toString()));
                QSet<qint64> ancestors = m_catalog.graph.appliedAt(schema, from);
                for (qint64 id : installed.value())
                    ancestors.remove(id);
                const Status bf = exec.backfill(schema, m_catalog.graph.topologicalOrder(schema, ancestors));
                if (!bf)
                    return bf.error();
            }
        }
        auto logs = exec.readLogs();
        if (!logs)
            return logs.error();
        start.logs += logs.value();
        if (m_request.roundTrip) {
            auto snap = SchemaReader::take(*db.session);
            if (snap)
                db.startSnapshot = snap.value();
            trace(timer, QStringLiteral("%1: start snapshot").arg(schema));
        }
        m_dbs.emplace(schema, std::move(db));
    }
    return start;
}

MigrationOutcome PostgresBackend::apply(const MigrationRun &run)
{
    auto it = m_dbs.find(run.schema);
    if (it == m_dbs.end()) {
        MigrationOutcome out;
        out.status = MigrationOutcome::Status::Failed;
        out.error = QStringLiteral("no database for schema %1").arg(run.schema);
        return out;
    }
    PostgresExecutor exec(*it->second.session);
    const MigrationOutcome out = exec.execute(run.schema, *run.definition, run.up, run.outsideTransaction,
                                              run.injectFailure, m_superuser);
    if (out.status == MigrationOutcome::Status::Applied && run.up)
        it->second.appliedInRun.append(run.definition);
    return out;
}

void PostgresBackend::recordOob(const OobRow &row, qint64)
{
    // The frontend migrations create and fill out_of_band_migrations; mirror the simulated progress
    // into rows that exist (never insert: registration is the migrations' business).
    auto it = m_dbs.find(QStringLiteral("frontend"));
    if (it == m_dbs.end())
        return;
    it->second.session->execRaw(QStringLiteral("DO $$ BEGIN IF to_regclass('out_of_band_migrations') IS NOT NULL THEN "
                                        "UPDATE out_of_band_migrations SET progress = %1, last_updated = now() "
                                        "WHERE id = %2; END IF; END $$")
                             .arg(row.progress, 0, 'g', 17).arg(row.id).toUtf8());
}

void PostgresBackend::recordVersion(const VersionRow &row)
{
    auto it = m_dbs.find(QStringLiteral("frontend"));
    if (it == m_dbs.end())
        return;
    it->second.session->execRaw(QStringLiteral("DO $$ BEGIN IF to_regclass('versions') IS NOT NULL THEN "
                                        "INSERT INTO versions (service, version, updated_at, first_version) "
                                        "VALUES ('frontend', %1, now(), %2) ON CONFLICT (service) DO UPDATE SET "
                                        "version = EXCLUDED.version, updated_at = now(); END IF; END $$")
                             .arg(PgSession::quoteLiteral(row.version), PgSession::quoteLiteral(m_from.toString()))
                             .toUtf8());
}

void PostgresBackend::compare(const QString &schema, SchemaDb &db, SimulationResult &result)
{
    QElapsedTimer timer;
    timer.start();
    auto upgraded = SchemaReader::take(*db.session);
    trace(timer, QStringLiteral("%1: upgraded snapshot").arg(schema));
    if (!upgraded) {
        result.findings.append(Finding{Severity::Warning, QStringLiteral("schema-comparison"), {}, schema, {}, {},
                                       upgraded.error().message, {}});
        return;
    }
    const QString leftLabel = QStringLiteral("upgrade %1 -> %2").arg(m_from.toString(), m_target.toString());
    const Release *target = m_catalog.release(m_target);
    if (!target || !target->schema(schema))
        return;
    // Fresh install of the target, on its own scratch database.
    {
        auto fresh = ScratchDatabase::create(m_server, schema + QStringLiteral("_fresh"));
        if (!fresh) {
            result.findings.append(Finding{Severity::Warning, QStringLiteral("schema-comparison"), {}, schema, {}, {},
                                           fresh.error().message, {}});
            return;
        }
        auto session = PgSession::open(fresh.value()->info());
        if (session) {
            PostgresExecutor exec(*session.value());
            exec.createBookkeeping();
            auto installed = exec.install(*target, schema, m_superuser);
            trace(timer, QStringLiteral("%1: fresh install").arg(schema));
            auto snap = installed ? SchemaReader::take(*session.value()) : Result<DbSchema>(installed.error());
            if (snap)
                result.comparisons.append(SchemaComparison::compare(upgraded.value(), snap.value(), schema, leftLabel,
                                                                    QStringLiteral("fresh install %1").arg(m_target.toString())));
            else
                result.findings.append(Finding{Severity::Warning, QStringLiteral("schema-comparison"), {}, schema, {}, {},
                                               snap.error().toString(), {}});
        }
    }
    // The release's squashed.sql dump, loaded as one script.
    const SchemaSnapshot *snapshot = target->schema(schema);
    if (snapshot->hasSquashedSql) {
        auto dumpDb = ScratchDatabase::create(m_server, schema + QStringLiteral("_squashed"));
        if (!dumpDb)
            return;
        auto session = PgSession::open(dumpDb.value()->info());
        if (!session)
            return;
        // The dump's seed rows take tenant_id from a DEFAULT reading app.current_tenant (set by the
        // product at run time): give the session a value so the dump loads as the product would.
        session.value()->execRaw("SELECT set_config('app.current_tenant', '1', false)");
        const PgExecResult r = session.value()->execRaw(snapshot->squashedSql);
        trace(timer, QStringLiteral("%1: squashed.sql loaded").arg(schema));
        if (!r.ok) {
            result.findings.append(Finding{Severity::Warning, QStringLiteral("schema-comparison"), m_target.toString(), schema,
                                           {}, snapshot->squashedSqlPath,
                                           QStringLiteral("squashed.sql does not load: %1").arg(r.message), {}});
            return;
        }
        auto snap = SchemaReader::take(*session.value());
        trace(timer, QStringLiteral("%1: squashed snapshot").arg(schema));
        if (snap)
            result.comparisons.append(SchemaComparison::compare(upgraded.value(), snap.value(), schema, leftLabel,
                                                                QStringLiteral("squashed.sql %1").arg(m_target.toString())));
    }
}

void PostgresBackend::roundTrip(const QString &schema, SchemaDb &db, SimulationResult &result)
{
    PostgresExecutor exec(*db.session);
    for (auto it = db.appliedInRun.crbegin(); it != db.appliedInRun.crend(); ++it) {
        // A downgrade runs the target release's migrator, hence the target's definitions (some
        // down.sql files were fixed after they first shipped).
        MigrationPtr down = m_catalog.graph.shippedDefinition(schema, (*it)->id, m_target);
        if (!down)
            down = *it;
        const MigrationOutcome out = exec.execute(schema, *down, false, false, false, m_superuser);
        if (out.status == MigrationOutcome::Status::Failed) {
            result.findings.append(Finding{Severity::Error, QStringLiteral("round-trip-failed"), {}, schema, (*it)->id,
                                           (*it)->path,
                                           QStringLiteral("down.sql of %1 migration %2 failed%3: %4")
                                               .arg(schema).arg((*it)->id)
                                               .arg(out.line > 0 ? QStringLiteral(" at line %1").arg(out.line) : QString(),
                                                    out.error), {}});
            break;
        }
    }
    auto after = SchemaReader::take(*db.session);
    if (after)
        result.comparisons.append(SchemaComparison::compare(after.value(), db.startSnapshot, schema,
                                                            QStringLiteral("round trip %1 -> %2 -> %1")
                                                                .arg(m_from.toString(), m_target.toString()),
                                                            QStringLiteral("start %1").arg(m_from.toString())));
}

Status PostgresBackend::finish(SimulationResult &result)
{
    result.manualSteps = m_installManual + result.manualSteps;
    result.totals.manualSteps = int(result.manualSteps.size());
    result.migrationLogs.clear();
    for (auto &[schema, db] : m_dbs) {
        result.databases.append(db.name);
        if (result.completed && m_request.compareSchema)
            compare(schema, db, result);
        if (result.completed && m_request.roundTrip)
            roundTrip(schema, db, result);
        auto logs = PostgresExecutor(*db.session).readLogs();
        if (logs)
            result.migrationLogs += logs.value();
        const bool keep = !result.completed || m_request.keepDatabase;
        if (db.scratch && keep)
            db.scratch->keep();
        result.databasesKept = result.databasesKept || keep || !db.scratch;
    }
    if (result.databasesKept && !m_dbs.empty() && !result.completed)
        result.operatorAdvice += QStringLiteral("\nDatabases kept for inspection: %1 (drop them with DROP DATABASE when done).")
                                     .arg(result.databases.join(QStringLiteral(", ")));
    QElapsedTimer timer;
    timer.start();
    for (auto &[schema, db] : m_dbs) {
        db.session.reset();
        if (db.scratch) {
            const Status st = db.scratch->drop();
            if (!st)
                result.findings.append(Finding{Severity::Warning, QStringLiteral("scratch-drop"), {}, {}, {}, db.name,
                                               st.error().message, {}});
        }
    }
    trace(timer, QStringLiteral("scratch databases dropped"));
    return success();
}

} // namespace passlane
