// The real SQL on a real PostgreSQL (tests/support/pgcluster.sh): the 5.8.1579 -> 7.2.1943
// upgrade of all three schemas (run once per binary, reused by every check), the schema
// comparison with its genuine column-order difference, read-only inspection, error lines,
// failure injection and a role without superuser.
#include "plan/planner.h"
#include "simsupport.h"
#include "simulator/liveinspector.h"
#include "simulator/postgresexecutor.h"
#include "simulator/scratchdatabase.h"
#include "simulator/simulation.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

using namespace passlane;
using passlane::test::ver;

namespace {

/// Drops databases a run kept (only names the tool itself gives).
void dropKept(const PgConnectionInfo &server, const QStringList &names)
{
    auto admin = PgSession::open(server);
    if (!admin)
        return;
    for (const QString &name : names) {
        if (ScratchDatabase::isScratchName(name))
            admin.value()->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(PgSession::quoteIdent(name)));
    }
}

/// Rows written in the database so far, by the statistics collector (tuples inserted, updated,
/// deleted in the database and in its user tables).
QList<qint64> writeCounters(PgSession &observer)
{
    observer.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
    auto db = observer.rows(QStringLiteral("SELECT tup_inserted, tup_updated, tup_deleted FROM pg_stat_database "
                                           "WHERE datname = current_database()"));
    auto tables = observer.rows(QStringLiteral("SELECT coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), "
                                               "coalesce(sum(n_tup_del), 0) FROM pg_stat_user_tables"));
    QList<qint64> out;
    if (db && !db->isEmpty())
        for (const QString &v : db->first())
            out << v.toLongLong();
    if (tables && !tables->isEmpty())
        for (const QString &v : tables->first())
            out << v.toLongLong();
    return out;
}

/// Statistics reach the shared counters when a session ends or after a short delay: wait until
/// two reads a while apart agree.
QList<qint64> settledCounters(PgSession &observer)
{
    QList<qint64> last = writeCounters(observer);
    for (int i = 0; i < 20; ++i) {
        QThread::msleep(250);
        const QList<qint64> now = writeCounters(observer);
        if (now == last && i >= 3)
            return now;
        last = now;
    }
    return last;
}

} // namespace

class TestSimulatorPostgres : public QObject {
    Q_OBJECT
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<Planner> m_planner;
    PgConnectionInfo m_server;
    QString m_dsn;
    SimulationResult m_upgrade; // 5.8.1579 -> 7.2.1943, all schemas, compared, databases kept

    QSet<qint64> delta(const QString &schema) const
    {
        return m_catalog->graph.appliedAt(schema, ver("7.2.1943")) - m_catalog->graph.appliedAt(schema, ver("5.8.1579"));
    }
    QString databaseFor(const QString &schema) const
    {
        for (const QString &name : m_upgrade.databases) {
            if (name.endsWith(u'_' + schema))
                return name;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        PASSLANE_REQUIRE_PG(dsn);
        m_dsn = dsn;
        auto server = PgConnectionInfo::parse(dsn);
        QVERIFY2(server.ok(), qPrintable(dsn));
        m_server = server.value();
        auto catalog = passlane::test::loadRealCatalog(fixtures);
        QVERIFY(catalog.ok());
        m_catalog = std::make_unique<Catalog>(std::move(catalog).value());
        m_planner = std::make_unique<Planner>(m_catalog->graph, m_catalog->oob);
        auto plan = m_planner->plan(ver("5.8.1579"), ver("7.2.1943"));
        QVERIFY(plan.ok());
        SimulationRequest request;
        request.backend = SimulationBackend::Postgres;
        request.dsn = dsn;
        request.superuser = true; // the real migrations create extensions
        request.compareSchema = true;
        request.keepDatabase = true; // inspected below, dropped in cleanupTestCase()
        auto result = Simulation::run(*m_catalog, plan.value(), request);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        m_upgrade = result.value();
        QVERIFY2(m_upgrade.completed, qPrintable(m_upgrade.failure));
        QCOMPARE(m_upgrade.databases.size(), 3);
    }

    void cleanupTestCase()
    {
        if (!m_upgrade.databases.isEmpty())
            dropKept(m_server, m_upgrade.databases);
    }

    void everyMigrationLoggedOnce_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::newRow("frontend") << QStringLiteral("frontend");
        QTest::newRow("codeintel") << QStringLiteral("codeintel");
        QTest::newRow("codeinsights") << QStringLiteral("codeinsights");
    }
    void everyMigrationLoggedOnce()
    {
        QFETCH(QString, schema);
        const QSet<qint64> expected = delta(schema);
        QVERIFY(!expected.isEmpty());
        // Read the database itself, not only the result's copy.
        auto session = PgSession::open(m_server.withDatabase(databaseFor(schema)));
        QVERIFY(session.ok());
        auto rows = session.value()->rows(QStringLiteral(
            "SELECT version, count(*), bool_and(success), bool_and(up), bool_or(backfilled), "
            "bool_and(finished_at >= started_at) FROM migration_logs GROUP BY version"));
        QVERIFY(rows.ok());
        QSet<qint64> logged;
        for (const QStringList &r : rows.value()) {
            QCOMPARE(r.at(1), QStringLiteral("1")); // every migration exactly once
            QCOMPARE(r.at(2), QStringLiteral("true"));
            QCOMPARE(r.at(3), QStringLiteral("true"));
            QCOMPARE(r.at(5), QStringLiteral("true"));
            if (expected.contains(r.at(0).toLongLong())) {
                QCOMPARE(r.at(4), QStringLiteral("false")); // run for real, not backfilled
                logged.insert(r.at(0).toLongLong());
            }
        }
        QCOMPARE(logged, expected);
        // The applied set equals a fresh 7.2.1943's, backfilled ancestors included.
        QSet<qint64> all;
        for (const QStringList &r : rows.value())
            all.insert(r.at(0).toLongLong());
        QCOMPARE(all, m_catalog->graph.appliedAt(schema, ver("7.2.1943")));
    }

    void upgradeMatchesFreshInstall()
    {
        // In the product's apply order, the upgrade adds codeinsights' tenants columns in the order
        // 7.2.1943's squashed schema declares them (Kahn's smallest-id order did not): every
        // schema, column order included, equals a fresh install of the target.
        int compared = 0;
        for (const SchemaComparisonResult &c : m_upgrade.comparisons) {
            qInfo("%s vs %s: %d difference(s)", qPrintable(c.left + u' ' + c.schema), qPrintable(c.right),
                  int(c.differences.size()));
            if (!c.right.startsWith(QLatin1String("fresh install")))
                continue;
            ++compared;
            for (const SchemaDifference &d : c.differences)
                qWarning("%s: %s %s", qPrintable(c.schema), qPrintable(differenceKindName(d.kind)), qPrintable(d.name));
            QVERIFY2(c.identical(), qPrintable(c.schema));
        }
        QCOMPARE(compared, 3);
    }

    void comparedWithSquashedSql()
    {
        QStringList schemas;
        for (const SchemaComparisonResult &c : m_upgrade.comparisons) {
            if (!c.right.startsWith(QLatin1String("squashed.sql")))
                continue;
            schemas << c.schema;
            // codeinsights' dump is exactly its upgraded schema (tenants' columns in the same order).
            if (c.schema == u"codeinsights")
                QVERIFY2(c.identical(), qPrintable(c.schema));
        }
        schemas.sort();
        QCOMPARE(schemas, (QStringList{QStringLiteral("codeinsights"), QStringLiteral("codeintel"), QStringLiteral("frontend")}));
    }

    void lintAndDefinitions()
    {
        // Real migrations commit part-way (COMMIT AND CHAIN) and some were edited after release.
        QStringList kinds;
        for (const Finding &f : m_upgrade.lint)
            kinds << f.kind;
        QVERIFY(kinds.contains(QStringLiteral("partial-commit")));
        QVERIFY(kinds.contains(QStringLiteral("lock-heavy-ddl")));
        bool shippedDiffers = false;
        for (const Finding &f : m_upgrade.findings)
            shippedDiffers = shippedDiffers || f.kind == u"shipped-definition-differs";
        QVERIFY(shippedDiffers);
    }

    void roundTrip()
    {
        // Upgrade, then every down.sql (the target's definitions) in reverse order, compared with
        // the start. codeintel and codeinsights come back identical; frontend's downs leave real
        // differences, which the comparison classifies.
        auto plan = m_planner->plan(ver("5.8.1579"), ver("7.2.1943"));
        QVERIFY(plan.ok());
        SimulationRequest request;
        request.backend = SimulationBackend::Postgres;
        request.dsn = m_dsn;
        request.superuser = true;
        request.roundTrip = true;
        auto result = Simulation::run(*m_catalog, plan.value(), request);
        QVERIFY(result.ok());
        const SimulationResult &r = result.value();
        QVERIFY(r.completed);
        QVERIFY(!r.databasesKept);
        QCOMPARE(r.comparisons.size(), 3);
        for (const Finding &f : r.findings)
            QVERIFY2(f.kind != u"round-trip-failed", qPrintable(f.message));
        for (const SchemaComparisonResult &c : r.comparisons) {
            QVERIFY(c.left.startsWith(QLatin1String("round trip")));
            if (c.schema != u"frontend") {
                QVERIFY2(c.identical(), qPrintable(c.schema));
                continue;
            }
            QSet<SchemaDifference::Kind> kinds;
            for (const SchemaDifference &d : c.differences) {
                kinds.insert(d.kind);
                QVERIFY2(d.kind != SchemaDifference::Kind::Missing, qPrintable(d.name));
            }
            QVERIFY(kinds.contains(SchemaDifference::Kind::ColumnOrderOnly));
            QVERIFY(kinds.contains(SchemaDifference::Kind::WhitespaceOnly));
        }
        // Down migrations are logged too.
        int downs = 0;
        for (const MigrationLogRow &row : r.migrationLogs)
            downs += row.up ? 0 : 1;
        QCOMPARE(downs, r.totals.migrationsApplied);
    }

    void inspectionWritesNothing()
    {
        const PgConnectionInfo db = m_server.withDatabase(databaseFor(QStringLiteral("frontend")));
        auto observer = PgSession::open(db);
        QVERIFY(observer.ok());
        // The method can see writes: a plain session's insert moves the counters.
        const QList<qint64> start = settledCounters(*observer.value());
        {
            auto writer = PgSession::open(db);
            QVERIFY(writer.ok());
            QVERIFY(writer.value()->exec(QStringLiteral("CREATE TABLE passlane_probe (x int)")).ok());
            QVERIFY(writer.value()->exec(QStringLiteral("INSERT INTO passlane_probe VALUES (1)")).ok());
        }
        const QList<qint64> before = settledCounters(*observer.value());
        QVERIFY(before != start);

        auto state = LiveInspector::inspect(db);
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().toString()));
        QVERIFY(state->logs.size() > 300);
        QVERIFY(state->problems().isEmpty());
        QCOMPARE(state->applied(QStringLiteral("frontend")), m_catalog->graph.appliedAt(QStringLiteral("frontend"), ver("7.2.1943")));
        QCOMPARE(state->version, std::optional<Version>(ver("7.2.1943")));
        // The table statistics came through the same read-only session.
        QVERIFY(state->tables.size() > 100);
        QVERIFY(state->observedAt);

        // An attempted write through an inspection session fails.
        auto readOnly = PgSession::open(db, true);
        QVERIFY(readOnly.ok());
        const PgExecResult write = readOnly.value()->execRaw("INSERT INTO passlane_probe VALUES (2)");
        QVERIFY(!write.ok);
        QCOMPARE(write.sqlState, QStringLiteral("25006")); // read_only_sql_transaction
        const PgExecResult update = readOnly.value()->execRaw("UPDATE migration_logs SET success = false");
        QCOMPARE(update.sqlState, QStringLiteral("25006"));
        readOnly.value().reset();

        QCOMPARE(settledCounters(*observer.value()), before);
        QVERIFY(observer.value()->exec(QStringLiteral("DROP TABLE passlane_probe")).ok());
    }

    void qsqlQueryRunsWholeFiles()
    {
        // Checked fact behind PgSession: QPSQL sends a string without bound values as one simple
        // query, so a whole multi-statement file runs; its QSqlError carries no error position,
        // hence execRaw() through the libpq handle for migration files.
        auto scratch = ScratchDatabase::create(m_server, QStringLiteral("qsql"));
        QVERIFY(scratch.ok());
        auto session = PgSession::open(scratch.value()->info());
        QVERIFY(session.ok());
        {
            QSqlQuery q(session.value()->database());
            QVERIFY2(q.exec(QStringLiteral("CREATE TABLE q1 (a int);\nCREATE TABLE q2 (b int);\nINSERT INTO q1 VALUES (1)")),
                     qPrintable(q.lastError().text()));
            QVERIFY(!q.exec(QStringLiteral("CREATE TABLE q3 (a int);\nSELEC 1")));
            QVERIFY(q.lastError().databaseText().contains(QLatin1String("syntax error")));
        }
        auto count = session.value()->scalar(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname IN ('q1', 'q2', 'q3')"));
        QVERIFY(count.ok());
        QCOMPARE(count.value(), QStringLiteral("2")); // the failed string ran as one implicit transaction
        const PgExecResult raw = session.value()->execRaw("CREATE TABLE q3 (a int);\nSELEC 1");
        QVERIFY(!raw.ok);
        QCOMPARE(raw.position, 26); // "SELEC" starts at character 26: line 2
        session.value().reset();
    }

    void errorNamesTheLine_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("concurrently");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("leftBehind"); // a relation that survives the failure, if any
        QTest::newRow("syntax error") << QStringLiteral("CREATE TABLE a1 (id int);\n\nSELEC 1;") << false << 3 << QString();
        QTest::newRow("missing relation") << QStringLiteral("CREATE TABLE a2 (id int);\nINSERT INTO nope VALUES (1);")
                                          << false << 2 << QString();
        QTest::newRow("runtime error, no position")
            << QStringLiteral("CREATE TABLE a3 (id int PRIMARY KEY);\nINSERT INTO a3 VALUES (1);\n\nINSERT INTO a3 VALUES (1);")
            << false << 4 << QString();
        QTest::newRow("commit part-way keeps the first half")
            << QStringLiteral("CREATE TABLE a4 (id int);\nCOMMIT AND CHAIN;\nINSERT INTO nope VALUES (1);")
            << false << 3 << QStringLiteral("a4");
        QTest::newRow("concurrent index outside a transaction")
            << QStringLiteral("CREATE TABLE a5 (id int);\nCREATE INDEX CONCURRENTLY a5_id ON a5 (id);\n"
                              "CREATE INDEX CONCURRENTLY a5_x ON a5 (x);")
            << true << 3 << QStringLiteral("a5_id");
    }
    void errorNamesTheLine()
    {
        QFETCH(QString, sql);
        QFETCH(bool, concurrently);
        QFETCH(int, line);
        QFETCH(QString, leftBehind);
        auto scratch = ScratchDatabase::create(m_server, QStringLiteral("lines"));
        QVERIFY(scratch.ok());
        auto session = PgSession::open(scratch.value()->info());
        QVERIFY(session.ok());
        PostgresExecutor exec(*session.value());
        QVERIFY(exec.createBookkeeping().ok());
        Migration m;
        m.id = 1700000001;
        m.name = QStringLiteral("synthetic");
        m.upQuery = sql.toUtf8();
        m.createIndexConcurrently = concurrently;
        const MigrationOutcome out = exec.execute(QStringLiteral("frontend"), m, true, concurrently, false, true);
        QCOMPARE(out.status, MigrationOutcome::Status::Failed);
        QCOMPARE(out.line, line);
        auto logs = exec.readLogs();
        QVERIFY(logs.ok());
        QCOMPARE(logs->size(), 1);
        QCOMPARE(logs->first().success, std::optional<bool>(false));
        QCOMPARE(logs->first().errorMessage, out.error);
        auto survivors = session.value()->rows(QStringLiteral("SELECT relname FROM pg_class WHERE relname LIKE 'a_%' "
                                                              "AND relnamespace = 'public'::regnamespace ORDER BY 1"));
        QVERIFY(survivors.ok());
        QStringList names;
        for (const QStringList &r : survivors.value())
            names << r.first();
        if (leftBehind.isEmpty())
            QVERIFY2(names.isEmpty(), qPrintable(names.join(u',')));
        else
            QVERIFY2(names.contains(leftBehind), qPrintable(names.join(u',')));
        session.value().reset();
    }

    void injectedFailureKeepsTheDirtyDatabase()
    {
        auto plan = m_planner->plan(ver("7.1.2426"), ver("7.2.1943"));
        QVERIFY(plan.ok());
        const QList<qint64> ids = plan->steps.last().schemas.value(QStringLiteral("frontend"));
        QVERIFY(ids.size() > 3);
        const qint64 failing = ids.at(2);
        SimulationRequest request;
        request.backend = SimulationBackend::Postgres;
        request.dsn = m_dsn;
        request.superuser = true;
        request.schemas = {QStringLiteral("frontend")};
        request.failures.append(FailureInjection{QStringLiteral("frontend"), failing, {}});
        auto result = Simulation::run(*m_catalog, plan.value(), request);
        QVERIFY(result.ok());
        const SimulationResult &r = result.value();
        const auto cleanup = qScopeGuard([&] { dropKept(m_server, r.databases); });
        QVERIFY(!r.completed);
        QVERIFY(r.dirty);
        QVERIFY(r.databasesKept);
        QCOMPARE(r.databases.size(), 1);
        QVERIFY(r.operatorAdvice.contains(r.databases.first()));
        QCOMPARE(r.resume->remainingMigrations.first(), failing);
        QCOMPARE(r.resume->lastGoodVersion, QStringLiteral("7.1.2426"));
        // The kept database holds the failed attempt as the last row, and nothing after it.
        auto session = PgSession::open(m_server.withDatabase(r.databases.first()));
        QVERIFY(session.ok());
        auto last = session.value()->rows(QStringLiteral("SELECT version, success, error_message FROM migration_logs "
                                                         "ORDER BY id DESC LIMIT 1"));
        QVERIFY(last.ok() && !last->isEmpty());
        QCOMPARE(last->first().at(0).toLongLong(), failing);
        QCOMPARE(last->first().at(1), QStringLiteral("false"));
        QVERIFY(last->first().at(2).contains(QLatin1String("injected failure")));
        // A live inspection of it is a dirty start: the migrator would refuse to proceed.
        session.value().reset();
        auto state = LiveInspector::inspect(m_server.withDatabase(r.databases.first()));
        QVERIFY(state.ok());
        QCOMPARE(state->problems().size(), 1);
        QCOMPARE(state->problems().first().kind, QStringLiteral("failed-migration"));
    }

    void explicitDatabase()
    {
        auto plan = m_planner->plan(ver("6.0.2687"), ver("7.2.1943")); // 8 codeinsights migrations
        QVERIFY(plan.ok());
        SimulationRequest request;
        request.backend = SimulationBackend::Postgres;
        request.dsn = m_dsn;
        request.superuser = true; // the test's role is one; a named database needs it said
        request.schemas = {QStringLiteral("codeinsights")};
        // A database the test owns (a scratch one, so that it is dropped at the end).
        auto owned = ScratchDatabase::create(m_server, QStringLiteral("owned"));
        QVERIFY(owned.ok());
        request.database = owned.value()->name();
        // Without the confirmation nothing is touched.
        auto refused = Simulation::run(*m_catalog, plan.value(), request);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QLatin1String("i-own-this-database")));
        request.iOwnThisDatabase = true;
        auto first = Simulation::run(*m_catalog, plan.value(), request);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        QVERIFY2(first->completed, qPrintable(first->failure));
        QCOMPARE(first->databases, QStringList{owned.value()->name()});
        QVERIFY(first->databasesKept); // never dropped: the tool did not create it
        QVERIFY(first->totals.migrationsApplied > 0);
        // Run again: the database's own migration_logs is the start, nothing is left to do.
        auto second = Simulation::run(*m_catalog, plan.value(), request);
        QVERIFY(second.ok());
        QVERIFY(second->completed);
        QCOMPARE(second->totals.migrationsApplied, 0);
        QVERIFY(second->timeline.first().message.contains(owned.value()->name()));
    }

    void privilegedWithoutSuperuser()
    {
        // A role that may create databases but is no superuser: privileged migrations become
        // manual steps, and the run shows what fails without them.
        auto admin = PgSession::open(m_server);
        QVERIFY(admin.ok());
        admin.value()->exec(QStringLiteral("DROP ROLE IF EXISTS passlane_test_nosuper"));
        QVERIFY(admin.value()->exec(QStringLiteral("CREATE ROLE passlane_test_nosuper LOGIN NOSUPERUSER CREATEDB")).ok());
        const PgConnectionInfo limited = m_server.withUser(QStringLiteral("passlane_test_nosuper"), {});
        auto plan = m_planner->plan(ver("5.8.1579"), ver("7.2.1943"));
        QVERIFY(plan.ok());
        SimulationRequest request;
        request.backend = SimulationBackend::Postgres;
        request.dsn = limited.conninfo();
        request.schemas = {QStringLiteral("codeinsights")};
        auto result = Simulation::run(*m_catalog, plan.value(), request);
        QVERIFY(result.ok());
        const SimulationResult &r = result.value();
        dropKept(m_server, r.databases);
        admin.value()->exec(QStringLiteral("DROP ROLE IF EXISTS passlane_test_nosuper"));
        QVERIFY(!r.completed);
        QVERIFY(!r.manualSteps.isEmpty());
        QVERIFY(r.manualSteps.first().sql.contains(QLatin1String("CREATE EXTENSION")));
        QCOMPARE(r.totals.manualSteps, int(r.manualSteps.size()));
        QVERIFY2(r.failure.contains(QLatin1String("does not exist")), qPrintable(r.failure));
    }
};

QTEST_GUILESS_MAIN(TestSimulatorPostgres)
#include "tst_postgres.moc"
