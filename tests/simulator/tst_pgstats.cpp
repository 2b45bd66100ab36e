// Table statistics of a live instance on a real server (tests/support/pgcluster.sh): the one query
// (LiveInspector::tableStatsQuery) runs as a role that may only connect and SELECT the instance's
// tables, gives no row count before ANALYZE (unknown, not 0) and the generated counts after it,
// with the sizes and the server's clock; and the same figures survive the customer export.
#include "simsupport.h"
#include "simulator/customerexport.h"
#include "simulator/liveinspector.h"
#include "simulator/postgresexecutor.h"
#include "simulator/scratchdatabase.h"

#include <QScopeGuard>

using namespace passlane;

namespace {

const TableStats *find(const StartState &state, const QString &table)
{
    for (const TableStats &t : state.tables) {
        if (t.table == table)
            return &t;
    }
    return nullptr;
}

} // namespace

class TestPgStats : public QObject {
    Q_OBJECT
    PgConnectionInfo m_server;
    std::unique_ptr<PgSession> m_admin;

private Q_SLOTS:
    void initTestCase()
    {
        PASSLANE_REQUIRE_PG(dsn);
        auto server = PgConnectionInfo::parse(dsn);
        QVERIFY2(server.ok(), qPrintable(dsn));
        m_server = server.value();
        auto admin = PgSession::open(m_server);
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().toString()));
        m_admin = std::move(admin).value();
        QVERIFY(m_admin->isSuperuser());
    }

    void statisticsForARoleThatOnlySelects()
    {
        auto scratch = ScratchDatabase::create(m_server, QStringLiteral("stats"));
        QVERIFY2(scratch.ok(), qPrintable(scratch.ok() ? QString() : scratch.error().toString()));
        const QString reader = QStringLiteral("passlane_test_reader_%1").arg(QCoreApplication::applicationPid());
        m_admin->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(reader));
        QVERIFY(m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE").arg(reader)).ok());
        // The database goes first: the role's grants on it go with it.
        const auto dropRole = qScopeGuard([&] {
            scratch.value()->drop();
            m_admin->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(reader));
        });
        {
            auto owner = PgSession::open(scratch.value()->info());
            QVERIFY(owner.ok());
            PgSession &s = *owner.value();
            PostgresExecutor exec(s);
            QVERIFY(exec.createBookkeeping().ok());
            QVERIFY(s.exec(QStringLiteral("INSERT INTO migration_logs (migration_logs_schema_version, schema, version, up, "
                                          "started_at, finished_at, success) VALUES (2, 'frontend', 1, true, now(), now(), true)")).ok());
            // Autovacuum stays out, so only the test's ANALYZE gives estimates; the index exists
            // before the rows because building one on a filled table records an estimate too.
            for (const QString &sql : {
                     QStringLiteral("CREATE TABLE big (id bigint PRIMARY KEY, name text NOT NULL, at timestamptz) "
                                    "WITH (autovacuum_enabled = false)"),
                     QStringLiteral("CREATE INDEX big_name ON big (name)"),
                     QStringLiteral("CREATE TABLE small (id int, note text) WITH (autovacuum_enabled = false)"),
                     QStringLiteral("INSERT INTO big SELECT g, 'name ' || g, now() FROM generate_series(1, 20000) g"),
                     QStringLiteral("INSERT INTO small SELECT g, 'x' FROM generate_series(1, 700) g"),
                     QStringLiteral("ALTER TABLE migration_logs SET (autovacuum_enabled = false)"),
                     QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(PgSession::quoteIdent(scratch.value()->name()), reader),
                     QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(reader),
                     QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(reader)}) {
                const Status st = s.exec(sql);
                QVERIFY2(st.ok(), qPrintable(sql + QStringLiteral(": ") + (st.ok() ? QString() : st.error().message)));
            }
        }
        // What the role may do: SELECT only (no superuser, no statistics role, no write).
        auto rights = m_admin->rows(QStringLiteral("SELECT rolsuper, pg_has_role(%1, 'pg_read_all_stats', 'USAGE'), "
                                                   "pg_has_role(%1, 'pg_monitor', 'USAGE') FROM pg_roles WHERE rolname = %1")
                                        .arg(PgSession::quoteLiteral(reader)));
        QVERIFY(rights.ok() && rights->size() == 1);
        QCOMPARE(rights->first(), (QStringList{QStringLiteral("false"), QStringLiteral("false"), QStringLiteral("false")}));
        const PgConnectionInfo asReader = scratch.value()->info().withUser(reader, {});

        const QDateTime before = QDateTime::currentDateTimeUtc();
        auto unknown = LiveInspector::inspect(asReader);
        QVERIFY2(unknown.ok(), qPrintable(unknown.ok() ? QString() : unknown.error().toString()));
        QCOMPARE(unknown->tables.size(), 3); // big, migration_logs, small
        for (const TableStats &t : unknown->tables) {
            QCOMPARE(t.schema, QStringLiteral("frontend"));
            QVERIFY2(!t.rows, qPrintable(t.table)); // never analysed: unknown, not 0
            QVERIFY2(!t.lastAnalyzed, qPrintable(t.table));
            QVERIFY2(t.totalBytes && *t.totalBytes > 0, qPrintable(t.table));
            QVERIFY2(t.indexBytes.has_value(), qPrintable(t.table));
        }
        const TableStats *big = find(*unknown, QStringLiteral("big"));
        QVERIFY(big);
        QVERIFY(*big->totalBytes > 20000 * 20); // 20,000 rows of a few dozen bytes, and two indexes
        QVERIFY(*big->indexBytes > 0);
        QCOMPARE(*find(*unknown, QStringLiteral("small"))->indexBytes, qint64(0));
        // The server's clock, read in the same query.
        QVERIFY(unknown->observedAt);
        QVERIFY2(qAbs(unknown->observedAt->secsTo(before)) < 120, qPrintable(unknown->observedAt->toString(Qt::ISODate)));

        {
            auto owner = PgSession::open(scratch.value()->info());
            QVERIFY(owner.ok());
            QVERIFY(owner.value()->exec(QStringLiteral("ANALYZE")).ok());
        }
        auto analysed = LiveInspector::inspect(asReader);
        QVERIFY2(analysed.ok(), qPrintable(analysed.ok() ? QString() : analysed.error().toString()));
        const TableStats *bigNow = find(*analysed, QStringLiteral("big"));
        const TableStats *smallNow = find(*analysed, QStringLiteral("small"));
        QVERIFY(bigNow && smallNow);
        QCOMPARE(bigNow->rows, std::optional<qint64>(20000));
        QCOMPARE(smallNow->rows, std::optional<qint64>(700));
        QCOMPARE(find(*analysed, QStringLiteral("migration_logs"))->rows, std::optional<qint64>(1));
        QVERIFY(bigNow->lastAnalyzed);
        QVERIFY(*bigNow->lastAnalyzed >= *unknown->observedAt);
        QVERIFY(*analysed->observedAt >= *bigNow->lastAnalyzed);

        // The customer export carries the very same figures.
        const QByteArray json = CustomerExport::toJson(analysed.value());
        auto reread = CustomerExport::parse(json, QStringLiteral("export.json"));
        QVERIFY2(reread.ok(), qPrintable(reread.ok() ? QString() : reread.error().toString()));
        QCOMPARE(reread->tables.size(), analysed->tables.size());
        QCOMPARE(find(*reread, QStringLiteral("big"))->rows, bigNow->rows);
        QCOMPARE(find(*reread, QStringLiteral("big"))->totalBytes, bigNow->totalBytes);
        QCOMPARE(reread->observedAt, analysed->observedAt);
    }
};

QTEST_GUILESS_MAIN(TestPgStats)
#include "tst_pgstats.moc"
