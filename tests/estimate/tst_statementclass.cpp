// Statement classes: what each statement of a migration makes PostgreSQL do (rewrite, scan,
// index build, backfill, or a catalog change only), and the tables its time scales with.

#include "catalog/catalog.h"
#include "fixtures.h"
#include "sql/statementclass.h"

#include <QtTest>

using namespace passlane;

namespace {

/// "index-build:users; backfill:users" for a whole migration.
QString summary(const QList<ClassifiedStatement> &list)
{
    QStringList parts;
    for (const ClassifiedStatement &s : list)
        parts << statementClassName(s.statementClass) + (s.tables.isEmpty() ? QString() : QLatin1Char(':') + s.tables.join(QLatin1Char(',')));
    return parts.join(QStringLiteral("; "));
}

} // namespace

class TestStatementClass : public QObject {
    Q_OBJECT
    std::optional<Catalog> m_catalog;

private Q_SLOTS:
    void initTestCase()
    {
        const QString fixtures = passlane::test::sourcegraphFixtures();
        if (fixtures.isEmpty())
            return;
        LoadRequest request;
        request.sources = {fixtures + QStringLiteral("/releases/migrations-v5.9.45.tar.gz"),
                           fixtures + QStringLiteral("/releases/migrations-v7.2.1943.tar.gz")};
        auto catalog = loadCatalog(request);
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        m_catalog = std::move(catalog).value();
    }

    void names()
    {
        QCOMPARE(allStatementClasses().size(), 6);
        for (StatementClass c : allStatementClasses())
            QCOMPARE(statementClassFromName(statementClassName(c)), std::optional<StatementClass>(c));
        QCOMPARE(statementClassName(StatementClass::TableRewrite), QStringLiteral("table-rewrite"));
        QVERIFY(!statementClassFromName(u"rewrite"));
    }

    void classify_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("expected");

        // ADD COLUMN: a constant or stable default is stored once (PostgreSQL 11 on); a volatile
        // one, an identity, a serial or a stored generated column is written into every row.
        QTest::newRow("add column no default") << QByteArray("ALTER TABLE users ADD COLUMN x text;") << QStringLiteral("metadata-only");
        QTest::newRow("add column constant default not null")
            << QByteArray("ALTER TABLE users ADD COLUMN IF NOT EXISTS completed BOOLEAN NOT NULL DEFAULT FALSE;")
            << QStringLiteral("metadata-only");
        QTest::newRow("add column now()") << QByteArray("alter table public.events add column at timestamptz default now()")
                                          << QStringLiteral("metadata-only");
        QTest::newRow("add column clock_timestamp()")
            << QByteArray("ALTER TABLE events ADD COLUMN at timestamptz DEFAULT clock_timestamp();") << QStringLiteral("table-rewrite:events");
        QTest::newRow("add column gen_random_uuid()")
            << QByteArray("ALTER TABLE \"Repo\" ADD COLUMN u uuid NOT NULL DEFAULT gen_random_uuid();") << QStringLiteral("table-rewrite:Repo");
        QTest::newRow("add column serial") << QByteArray("ALTER TABLE global_state ADD COLUMN IF NOT EXISTS id SERIAL NOT NULL;")
                                           << QStringLiteral("table-rewrite:global_state");
        QTest::newRow("add identity") << QByteArray("ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;")
                                      << QStringLiteral("table-rewrite:t");
        QTest::newRow("add stored generated") << QByteArray("ALTER TABLE t ADD COLUMN d int GENERATED ALWAYS AS (a * 2) STORED;")
                                              << QStringLiteral("table-rewrite:t");
        QTest::newRow("add column references") << QByteArray("ALTER TABLE t ADD COLUMN u int REFERENCES users(id) ON DELETE CASCADE;")
                                               << QStringLiteral("full-scan-under-lock:t");
        // ALTER COLUMN.
        QTest::newRow("alter column type, two actions")
            << QByteArray("ALTER TABLE repo_embedding_job_stats\n    ALTER COLUMN code_bytes_embedded TYPE bigint,\n"
                          "    ALTER COLUMN text_bytes_embedded TYPE bigint;")
            << QStringLiteral("table-rewrite:repo_embedding_job_stats");
        QTest::newRow("set data type") << QByteArray("ALTER TABLE ONLY s.t ALTER c SET DATA TYPE text") << QStringLiteral("table-rewrite:t");
        QTest::newRow("set default") << QByteArray("ALTER TABLE repo ALTER COLUMN fork SET DEFAULT false;") << QStringLiteral("metadata-only");
        QTest::newRow("set not null") << QByteArray("ALTER TABLE repo ALTER COLUMN fork SET NOT NULL;") << QStringLiteral("full-scan-under-lock:repo");
        QTest::newRow("drop not null") << QByteArray("ALTER TABLE repo ALTER COLUMN fork DROP NOT NULL;") << QStringLiteral("metadata-only");
        QTest::newRow("set logged") << QByteArray("ALTER TABLE IF EXISTS q SET LOGGED;") << QStringLiteral("table-rewrite:q");
        QTest::newRow("set unlogged") << QByteArray("ALTER TABLE q SET UNLOGGED;") << QStringLiteral("table-rewrite:q");
        // Constraints: validated now, later (NOT VALID), or through an index.
        QTest::newRow("check") << QByteArray("ALTER TABLE a ADD CONSTRAINT k CHECK (kind IN ('A', 'B'));") << QStringLiteral("full-scan-under-lock:a");
        QTest::newRow("check not valid") << QByteArray("ALTER TABLE a ADD CONSTRAINT k CHECK (kind IN ('A', 'B')) NOT VALID;")
                                         << QStringLiteral("metadata-only");
        QTest::newRow("validate") << QByteArray("ALTER TABLE a VALIDATE CONSTRAINT k;") << QStringLiteral("full-scan-under-lock:a");
        QTest::newRow("foreign key") << QByteArray("ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES users(id);")
                                     << QStringLiteral("full-scan-under-lock:a");
        QTest::newRow("foreign key not valid") << QByteArray("ALTER TABLE a ADD FOREIGN KEY (u) REFERENCES users(id) NOT VALID;")
                                               << QStringLiteral("metadata-only");
        QTest::newRow("primary key") << QByteArray("ALTER TABLE names ADD PRIMARY KEY (name, tenant_id);") << QStringLiteral("index-build:names");
        QTest::newRow("unique constraint") << QByteArray("ALTER TABLE g ADD CONSTRAINT g_u UNIQUE (site_id, tenant_id);") << QStringLiteral("index-build:g");
        QTest::newRow("primary key using index") << QByteArray("ALTER TABLE g ADD CONSTRAINT g_pk PRIMARY KEY USING INDEX g_idx;")
                                                 << QStringLiteral("metadata-only");
        QTest::newRow("drop constraint, rename") << QByteArray("ALTER TABLE a DROP CONSTRAINT IF EXISTS k; ALTER TABLE a RENAME TO b;")
                                                 << QStringLiteral("metadata-only; metadata-only");
        // Indexes.
        QTest::newRow("create index") << QByteArray("CREATE INDEX IF NOT EXISTS i ON lsif_uploads USING btree (state);")
                                      << QStringLiteral("index-build:lsif_uploads");
        QTest::newRow("create unique index concurrently")
            << QByteArray("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS d_t ON codeintel_scip_documents (payload_hash, tenant_id);")
            << QStringLiteral("concurrent-index-build:codeintel_scip_documents");
        QTest::newRow("index on only, qualified") << QByteArray("create index on only public.\"Events\" (at)") << QStringLiteral("index-build:Events");
        QTest::newRow("reindex table") << QByteArray("REINDEX TABLE CONCURRENTLY repo;") << QStringLiteral("concurrent-index-build:repo");
        // Data.
        QTest::newRow("update from")
            << QByteArray("UPDATE users\nSET completed_post_signup = TRUE\nFROM user_emails\nWHERE user_emails.user_id = users.id;")
            << QStringLiteral("backfill:users");
        QTest::newRow("delete") << QByteArray("DELETE FROM ONLY sessions WHERE expired;") << QStringLiteral("backfill:sessions");
        QTest::newRow("insert values") << QByteArray("INSERT INTO settings (k, v) VALUES ('a', 'b');") << QStringLiteral("metadata-only");
        QTest::newRow("insert select")
            << QByteArray("INSERT INTO t2 (id, name) SELECT r.id, r.name FROM repo r JOIN gitserver_repos g ON g.repo_id = r.id;")
            << QStringLiteral("backfill:repo,gitserver_repos");
        QTest::newRow("insert select from cte")
            << QByteArray("WITH c AS (SELECT id FROM changesets WHERE x) INSERT INTO t SELECT id FROM c;") << QStringLiteral("backfill:changesets");
        QTest::newRow("insert select generate_series") << QByteArray("INSERT INTO t SELECT g FROM generate_series(1, 10) g;")
                                                       << QStringLiteral("metadata-only");
        QTest::newRow("create table as") << QByteArray("CREATE TABLE t2 AS SELECT * FROM repo;") << QStringLiteral("backfill:repo");
        QTest::newRow("materialized view") << QByteArray("CREATE MATERIALIZED VIEW v AS SELECT a FROM big WITH NO DATA;")
                                           << QStringLiteral("metadata-only");
        QTest::newRow("refresh") << QByteArray("REFRESH MATERIALIZED VIEW CONCURRENTLY stats;") << QStringLiteral("backfill:stats");
        QTest::newRow("create table, comment, function")
            << QByteArray("CREATE TABLE t (id int);\nCOMMENT ON TABLE t IS 'x';\n"
                          "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN UPDATE other SET a = 1; RETURN NEW; END $$ LANGUAGE plpgsql;")
            << QStringLiteral("metadata-only; metadata-only; metadata-only");
        // A DO body runs; its PL/pgSQL control words are not commands.
        QTest::newRow("do block")
            << QByteArray("DO $$\nBEGIN\n  BEGIN\n    ALTER TABLE g ADD CONSTRAINT g_u UNIQUE (site_id);\n  EXCEPTION\n"
                          "    WHEN duplicate_object THEN RAISE NOTICE 'exists';\n  END;\n"
                          "  IF NOT EXISTS (SELECT 1 FROM pg_class) THEN\n    UPDATE users SET a = 1;\n  END IF;\nEND $$;")
            << QStringLiteral("index-build:g; backfill:users");
        // Row-level security, policies and privileges change catalog rows only: PostgreSQL checks
        // policies when rows are read or written, never against the rows already there.
        QTest::newRow("enable and force rls")
            << QByteArray("ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE ONLY t FORCE ROW LEVEL SECURITY;")
            << QStringLiteral("metadata-only; metadata-only");
        QTest::newRow("create, alter, drop policy")
            << QByteArray("CREATE POLICY p ON t USING (tenant_id = (SELECT current_setting('app.current_tenant')::integer));\n"
                          "ALTER POLICY p ON t RENAME TO q;\nDROP POLICY IF EXISTS q ON t;")
            << QStringLiteral("metadata-only; metadata-only; metadata-only");
        QTest::newRow("grant") << QByteArray("GRANT SELECT, INSERT ON TABLE t TO app_user;") << QStringLiteral("metadata-only");
        // Transaction control and session settings do no work of their own.
        QTest::newRow("commit and chain between calls")
            << QByteArray("SELECT migrate_enable_rls('a'); COMMIT AND CHAIN;\nSELECT migrate_enable_rls('b'); COMMIT AND CHAIN;")
            << QStringLiteral("metadata-only; metadata-only");
        QTest::newRow("savepoint, set local, commit")
            << QByteArray("SAVEPOINT s; SET LOCAL lock_timeout = '1s'; ALTER TABLE t DROP COLUMN x; RELEASE SAVEPOINT s; "
                          "RESET lock_timeout; COMMIT;")
            << QStringLiteral("metadata-only");
        // A stored generated column computes and writes its value into every existing row.
        QTest::newRow("add stored generated if not exists, jsonb expression")
            << QByteArray("ALTER TABLE agent_changesets ADD COLUMN IF NOT EXISTS is_open BOOLEAN "
                          "GENERATED ALWAYS AS ((data->>'state')::text = 'open') STORED;")
            << QStringLiteral("table-rewrite:agent_changesets");
        QTest::newRow("add virtual generated") << QByteArray("ALTER TABLE t ADD COLUMN d int GENERATED ALWAYS AS (a * 2) VIRTUAL;")
                                               << QStringLiteral("metadata-only"); // computed when read, nothing written
        QTest::newRow("set expression of a stored generated column")
            << QByteArray("ALTER TABLE t ALTER COLUMN d SET EXPRESSION AS (a * 3);") << QStringLiteral("table-rewrite:t");
        QTest::newRow("empty") << QByteArray("-- nothing\n") << QString();
        QTest::newRow("unterminated") << QByteArray("UPDATE t SET a = 'x") << QStringLiteral("backfill:t");
    }

    void classify()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, expected);
        QCOMPARE(summary(classifyStatements(sql)), expected);
    }

    void lines()
    {
        const auto list = classifyStatements("-- head\nCREATE TABLE t (id int);\n\nUPDATE t\nSET id = 2;\n");
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].line, 2);
        QCOMPARE(list[1].line, 4);
    }

    // Every migration of two real releases classifies; known real migrations land in their class.
    void realReleases()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QMap<StatementClass, int> counts;
        int migrations = 0;
        for (const ReleasePtr &release : m_catalog->releases)
            for (const SchemaSnapshot &schema : release->schemas)
                for (const MigrationPtr &m : schema.migrations) {
                    ++migrations;
                    for (const ClassifiedStatement &s : classifyStatements(m->upQuery)) {
                        ++counts[s.statementClass];
                        if (s.statementClass != StatementClass::MetadataOnly)
                            QVERIFY2(!s.tables.isEmpty(), qPrintable(m->path));
                    }
                }
        QVERIFY(migrations > 300);
        for (StatementClass c : allStatementClasses())
            QVERIFY2(counts.value(c) > 0 || c == StatementClass::TableRewrite || c == StatementClass::FullScanUnderLock,
                     qPrintable(statementClassName(c)));

        const Release *r = m_catalog->release(Version::parse(QStringLiteral("7.2.1943")).value());
        QVERIFY(r);
        auto classesOf = [r](const QString &schema, qint64 id) {
            const SchemaSnapshot *s = r->schema(schema);
            return s && s->migrations.contains(id) ? summary(classifyStatements(s->migrations.value(id)->upQuery)) : QStringLiteral("missing");
        };
        QCOMPARE(classesOf(QStringLiteral("codeintel"), 1729292007), QStringLiteral("concurrent-index-build:codeintel_scip_documents"));
        QCOMPARE(classesOf(QStringLiteral("frontend"), 1688649829), QStringLiteral("metadata-only; backfill:users"));
        QCOMPARE(classesOf(QStringLiteral("frontend"), 1692227847), QStringLiteral("table-rewrite:repo_embedding_job_stats"));
        QCOMPARE(classesOf(QStringLiteral("frontend"), 1698068529), QStringLiteral("metadata-only; full-scan-under-lock:repo"));
        QCOMPARE(classesOf(QStringLiteral("frontend"), 1771432043),
                 QStringLiteral("metadata-only; metadata-only; metadata-only; full-scan-under-lock:user_external_accounts"));
    }
};

QTEST_GUILESS_MAIN(TestStatementClass)
#include "tst_statementclass.moc"
