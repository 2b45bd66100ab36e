#include "postgresbackend.h"

#include "liveinspector.h"
#include "postgresexecutor.h"
#include "schemacomparison.h"

#include <QElapsedTimer>

#include <algorithm>
#include <limits>
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

Finding makeFinding(Severity severity, const QString &kind, const QString &release, const QString &schema,
                    std::optional<qint64> id, const QString &file, const QString &message)
{
    Finding f;
    f.severity = severity;
    f.kind = kind;
    f.release = release;
    f.schema = schema;
    f.id = id;
    f.file = file;
    f.message = message;
    return f;
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

PgConnectionInfo PostgresBackend::connectionTo(const QString &database) const
{
    return m_role ? m_role->connectionTo(database) : m_server.withDatabase(database);
}

Result<PostgresBackend::SchemaDb> PostgresBackend::openSchemaDb(const QString &schema)
{
    SchemaDb db;
    if (!m_request.database.isEmpty()) {
        db.name = m_request.database;
    } else {
        auto scratch = ScratchDatabase::create(m_server, schema, {}, m_role ? m_role->name() : QString());
        if (!scratch)
            return scratch.error();
        db.scratch = std::move(scratch).value();
        db.name = db.scratch->name();
    }
    auto session = PgSession::open(connectionTo(db.name));
    if (!session) {
        if (m_role)
            return Error{session.error().file,
                         QStringLiteral("%1 (as the throwaway role %2 that runs the migrations). Let it log in with a "
                                        "password (pg_hba.conf), connect as a role that is not a superuser, or pass "
                                        "--superuser to run everything as %3")
                             .arg(session.error().message, m_role->name(), m_connectedRole)};
        return session.error();
    }
    db.session = std::move(session).value();
    return db;
}

namespace {

/// The (schema, id) pairs a run from `from` to `target` may execute: what either release has
/// applied (install, upgrade, downgrade) plus both releases' own files.
QMap<QString, QSet<qint64>> runCandidates(const Catalog &catalog, const Version &from, const Version &target,
                                          const QStringList &schemas)
{
    QMap<QString, QSet<qint64>> out;
    for (const QString &schema : schemas) {
        QSet<qint64> ids = catalog.graph.appliedAt(schema, from) + catalog.graph.appliedAt(schema, target);
        for (const Version &v : {from, target}) {
            if (const Release *r = catalog.release(v); r && r->schema(schema)) {
                for (auto it = r->schema(schema)->migrations.cbegin(); it != r->schema(schema)->migrations.cend(); ++it)
                    ids.insert(it.key());
            }
        }
        out.insert(schema, ids);
    }
    return out;
}

} // namespace

Status PostgresBackend::vet(const Version &from, const QStringList &schemas) const
{
    const QMap<QString, QSet<qint64>> candidates = runCandidates(m_catalog, from, m_target, schemas);
    if (!m_request.allowOutsideDatabase) {
        for (const Finding &f : m_catalog.findings) {
            if (f.kind != u"outside-database" || !f.id || !candidates.value(f.schema).contains(*f.id))
                continue;
            return Status(Error{f.file, QStringLiteral("refusing to execute: %1 migration %2 reaches outside the database "
                                                       "(%3). Nothing ran. Review its SQL; --allow-outside-database "
                                                       "executes it anyway")
                                            .arg(f.schema).arg(*f.id).arg(f.message)});
        }
    }
    // The product's migration_logs.version is an integer column.
    for (auto it = candidates.cbegin(); it != candidates.cend(); ++it) {
        QList<qint64> ids(it.value().cbegin(), it.value().cend());
        std::sort(ids.begin(), ids.end());
        for (qint64 id : std::as_const(ids)) {
            if (id > std::numeric_limits<qint32>::max() || id < std::numeric_limits<qint32>::min()) {
                const MigrationPtr m = m_catalog.graph.definition(it.key(), id);
                return Status(Error{m ? m->path : QString(),
                                    QStringLiteral("%1 migration %2 has an id that migration_logs.version (integer) "
                                                   "cannot hold: the product's migrator could not record it, so the "
                                                   "postgres backend cannot rehearse schema %1. Nothing ran. Leave it "
                                                   "out with --schema, or simulate with sqlite")
                                        .arg(it.key()).arg(id)});
            }
        }
    }
    return success();
}

Status PostgresBackend::chooseRole()
{
    auto admin = PgSession::open(m_server);
    if (!admin)
        return Status(admin.error());
    m_connectedSuperuser = admin.value()->isSuperuser();
    auto role = admin.value()->scalar(QStringLiteral("SELECT current_user"));
    m_connectedRole = role ? role.value() : m_server.user();
    admin.value().reset();
    if (m_request.superuser) {
        if (!m_connectedSuperuser)
            return Status(Error{m_server.display(), QStringLiteral("superuser execution was asked for, but role %1 is "
                                                                   "not a superuser").arg(m_connectedRole)});
        m_superuser = true;
        return success();
    }
    if (!m_connectedSuperuser)
        return success(); // the user's own role, already without superuser rights
    if (!m_request.database.isEmpty())
        return Status(Error{m_request.database, QStringLiteral("role %1 is a superuser: connect to %2 as a role that is "
                                                               "not (its owner), or pass --superuser to run its "
                                                               "migrations as %1").arg(m_connectedRole, m_request.database)});
    auto created = ExecutionRole::create(m_server);
    if (!created)
        return Status(created.error());
    m_role = std::move(created).value();
    return success();
}

Status PostgresBackend::lockDatabase()
{
    // A separate session: a migration that releases its locks or loses its connection does not
    // release the run's.
    auto lock = PgSession::open(m_server.withDatabase(m_request.database));
    if (!lock)
        return Status(lock.error());
    auto got = lock.value()->scalar(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(runLockKey));
    if (!got)
        return Status(got.error());
    if (got.value() != u"true") {
        auto holder = lock.value()->scalar(
            QStringLiteral("SELECT string_agg(format('pid %%s, %%s, since %%s', a.pid, a.application_name, "
                           "date_trunc('second', a.backend_start)), '; ') FROM pg_locks l JOIN pg_stat_activity a "
                           "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
                           "(SELECT oid FROM pg_database WHERE datname = current_database()) "
                           "AND l.classid = %1 AND l.objid = %2 AND l.objsubid = 1")
                .arg(quint32(quint64(runLockKey) >> 32)).arg(quint32(quint64(runLockKey) & 0xffffffffu)));
        return Status(Error{m_request.database, QStringLiteral("another Passlane run is using database %1 (%2): wait "
                                                               "until it has finished")
                                                    .arg(m_request.database,
                                                         holder && !holder.value().isEmpty() ? holder.value()
                                                                                             : QStringLiteral("holder unknown"))});
    }
    m_lock = std::move(lock).value();
    return success();
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
        // Said for both front ends: no command-line flag, no widget name.
        return Error{requested->origin, QStringLiteral("the PostgreSQL backend runs the real SQL of a release on scratch "
                                                       "databases, so it starts from a release; simulate a customer export "
                                                       "or a live instance's state on SQLite")};
    }
    if (const Status st = vet(from, schemas); !st)
        return st.error();
    if (const Status st = chooseRole(); !st)
        return st.error();
    if (!m_request.database.isEmpty()) {
        if (const Status st = lockDatabase(); !st)
            return st.error();
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
        exec.setCancelCheck(m_canceled);
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
                    if (db.session->connectionLost() || (m_canceled && m_canceled()))
                        return installed.error();
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
    exec.setCancelCheck(m_canceled);
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
        result.findings.append(makeFinding(Severity::Warning, QStringLiteral("schema-comparison"), {}, schema, {}, {},
                                       upgraded.error().message));
        return;
    }
    const QString leftLabel = QStringLiteral("upgrade %1 -> %2").arg(m_from.toString(), m_target.toString());
    const Release *target = m_catalog.release(m_target);
    if (!target || !target->schema(schema))
        return;
    // Fresh install of the target, on its own scratch database.
    {
        auto fresh = ScratchDatabase::create(m_server, schema + QStringLiteral("_fresh"), {},
                                             m_role ? m_role->name() : QString());
        if (!fresh) {
            result.findings.append(makeFinding(Severity::Warning, QStringLiteral("schema-comparison"), {}, schema, {}, {},
                                           fresh.error().message));
            return;
        }
        auto session = PgSession::open(connectionTo(fresh.value()->name()));
        if (session) {
            PostgresExecutor exec(*session.value());
            exec.setCancelCheck(m_canceled);
            exec.createBookkeeping();
            auto installed = exec.install(*target, schema, m_superuser);
            trace(timer, QStringLiteral("%1: fresh install").arg(schema));
            auto snap = installed ? SchemaReader::take(*session.value()) : Result<DbSchema>(installed.error());
            if (snap)
                result.comparisons.append(SchemaComparison::compare(upgraded.value(), snap.value(), schema, leftLabel,
                                                                    QStringLiteral("fresh install %1").arg(m_target.toString())));
            else
                result.findings.append(makeFinding(Severity::Warning, QStringLiteral("schema-comparison"), {}, schema, {}, {},
                                               snap.error().toString()));
        }
    }
    // The release's squashed.sql dump, loaded as one script.
    const SchemaSnapshot *snapshot = target->schema(schema);
    bool outside = false;
    for (const Finding &f : m_catalog.findings)
        outside = outside || (f.kind == u"outside-database" && f.file == snapshot->squashedSqlPath);
    if (outside && !m_request.allowOutsideDatabase) {
        result.findings.append(makeFinding(Severity::Warning, QStringLiteral("schema-comparison"), m_target.toString(), schema,
                                       {}, snapshot->squashedSqlPath,
                                       QStringLiteral("squashed.sql not loaded: it reaches outside the database")));
        return;
    }
    if (snapshot->hasSquashedSql) {
        auto dumpDb = ScratchDatabase::create(m_server, schema + QStringLiteral("_squashed"), {},
                                              m_role ? m_role->name() : QString());
        if (!dumpDb)
            return;
        auto session = PgSession::open(connectionTo(dumpDb.value()->name()));
        if (!session)
            return;
        // The dump's seed rows take tenant_id from a DEFAULT reading app.current_tenant (set by the
        // product at run time): give the session a value so the dump loads as the product would.
        session.value()->execRaw("SELECT set_config('app.current_tenant', '1', false)");
        const PgExecResult r = session.value()->execRaw(snapshot->squashedSql, m_canceled);
        trace(timer, QStringLiteral("%1: squashed.sql loaded").arg(schema));
        if (!r.ok) {
            result.findings.append(makeFinding(Severity::Warning, QStringLiteral("schema-comparison"), m_target.toString(), schema,
                                           {}, snapshot->squashedSqlPath,
                                           QStringLiteral("squashed.sql does not load: %1").arg(r.message)));
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
    exec.setCancelCheck(m_canceled);
    for (auto it = db.appliedInRun.crbegin(); it != db.appliedInRun.crend(); ++it) {
        // A downgrade runs the target release's migrator, hence the target's definitions (some
        // down.sql files were fixed after they first shipped).
        MigrationPtr down = m_catalog.graph.shippedDefinition(schema, (*it)->id, m_target);
        if (!down)
            down = *it;
        const MigrationOutcome out = exec.execute(schema, *down, false, false, false, m_superuser);
        if (out.status == MigrationOutcome::Status::Failed) {
            result.findings.append(makeFinding(Severity::Error, QStringLiteral("round-trip-failed"), {}, schema, (*it)->id,
                                           (*it)->path,
                                           QStringLiteral("down.sql of %1 migration %2 failed%3: %4")
                                               .arg(schema).arg((*it)->id)
                                               .arg(out.line > 0 ? QStringLiteral(" at line %1").arg(out.line) : QString(),
                                                    out.error)));
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
    // Kept for inspection: a run that stopped on a migration (failure, lost connection, refusal),
    // or on request. A canceled run or a start that could not be installed leaves nothing behind.
    const bool keep = m_request.keepDatabase
        || (!result.completed && !result.canceled && m_setupFailure.isEmpty());
    for (auto &[schema, db] : m_dbs) {
        result.databases.append(db.name);
        if (result.completed && m_request.compareSchema)
            compare(schema, db, result);
        if (result.completed && m_request.roundTrip)
            roundTrip(schema, db, result);
        if (db.session->connectionLost()) {
            auto reopened = PgSession::open(connectionTo(db.name));
            if (reopened)
                db.session = std::move(reopened).value();
        }
        auto logs = PostgresExecutor(*db.session).readLogs();
        if (logs)
            result.migrationLogs += logs.value();
        if (db.scratch && keep)
            db.scratch->keep();
        result.databasesKept = result.databasesKept || keep || !db.scratch;
    }
    if (m_role) {
        result.findings.append(Finding::about(Severity::Info, QLatin1String("execution-role"), {},
                                              QStringLiteral("migrations ran as %1, a throwaway role without superuser "
                                                             "rights that owned the scratch databases; privileged "
                                                             "migrations were left as manual steps").arg(m_role->name())));
    } else {
        const QString who = m_connectedRole.isEmpty() ? QStringLiteral("the connected role") : m_connectedRole;
        result.findings.append(Finding::about(Severity::Info, QLatin1String("execution-role"), {},
                                              m_superuser ? QStringLiteral("migrations ran as %1, a superuser, privileged "
                                                                           "ones included (superuser execution)").arg(who)
                                                          : QStringLiteral("migrations ran as %1, which is not a superuser; "
                                                                           "privileged migrations were left as manual steps")
                                                                .arg(who)));
    }
    QElapsedTimer timer;
    timer.start();
    QStringList kept;
    QStringList leftBehind;
    for (auto &[schema, db] : m_dbs) {
        db.session.reset();
        if (!db.scratch)
            continue;
        if (db.scratch->kept()) {
            kept << db.name;
            continue;
        }
        const Status st = db.scratch->drop();
        if (!st) {
            leftBehind << db.name;
            result.findings.append(Finding::about(Severity::Warning, QLatin1String("scratch-drop"), db.name,
                                                  st.error().message));
        }
    }
    trace(timer, QStringLiteral("scratch databases dropped"));
    if (m_role) {
        const Status st = m_role->drop(kept);
        if (!st)
            result.findings.append(Finding::about(Severity::Warning, QLatin1String("execution-role"), {},
                                                  QStringLiteral("cannot drop the execution role %1: %2 (drop it with "
                                                                 "DROP ROLE)").arg(m_role->name(), st.error().message)));
    }
    m_lock.reset();
    if (!kept.isEmpty() && !result.completed)
        result.operatorAdvice += QStringLiteral("\nDatabases kept for inspection: %1 (drop them with DROP DATABASE when done).")
                                     .arg(kept.join(QStringLiteral(", ")));
    if (!leftBehind.isEmpty())
        result.operatorAdvice += QStringLiteral("\nScratch databases that could not be dropped: %1 (drop them with DROP "
                                                "DATABASE).").arg(leftBehind.join(QStringLiteral(", ")));
    result.databasesKept = !kept.isEmpty() || !leftBehind.isEmpty() || !m_request.database.isEmpty();
    return success();
}

} // namespace passlane
