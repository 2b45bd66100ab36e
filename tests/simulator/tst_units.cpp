// Unit tests of the simulator's building blocks that need neither fixtures nor a server:
// SQL splitting, lint, the OOB progress model, the start-up rule, the customer export format and
// its table statistics (the very query the documentation gives customers).
#include "findingkinds.h"
#include "simulator/customerexport.h"
#include "simulator/liveinspector.h"
#include "lint/migrationlint.h"
#include "oob/oobregistry.h"
#include "simulator/oobprogress.h"
#include "simulator/sqlscript.h"

#include <QtTest>

using namespace passlane;

Q_DECLARE_METATYPE(QList<int>)

namespace {

OobRow oobRow(int id, double progress, int introMinor, std::optional<int> deprMinor)
{
    OobRow r;
    r.id = id;
    r.team = QStringLiteral("t");
    r.component = QStringLiteral("c");
    r.description = QStringLiteral("d");
    r.progress = progress;
    r.introducedMajor = 6;
    r.introducedMinor = introMinor;
    if (deprMinor) {
        r.deprecatedMajor = 6;
        r.deprecatedMinor = *deprMinor;
    }
    return r;
}

} // namespace

using passlane::test::kinds;

class TestSimulatorUnits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitStatements_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("final statement without semicolon")
            << QStringLiteral("CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN b int")
            << QStringList{QStringLiteral("CREATE TABLE a (id int)"), QStringLiteral("ALTER TABLE a ADD COLUMN b int")}
            << QList<int>{1, 2};
        QTest::newRow("dollar quotes hide semicolons")
            << QStringLiteral("CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $fn$ LANGUAGE plpgsql;\n\nSELECT 1;")
            << QStringList{QStringLiteral("CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $fn$ LANGUAGE plpgsql"),
                           QStringLiteral("SELECT 1")}
            << QList<int>{1, 3};
        QTest::newRow("quotes and comments")
            << QStringLiteral("-- leading; comment\nINSERT INTO t VALUES ('a;b', E'c\\';d');\n/* block; /* nested; */ */ SELECT \"x;y\" FROM t;")
            << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b', E'c\\';d')"), QStringLiteral("SELECT \"x;y\" FROM t")}
            << QList<int>{2, 3};
        QTest::newRow("empty statements vanish") << QStringLiteral(";;\n;SELECT 2;;")
                                                 << QStringList{QStringLiteral("SELECT 2")} << QList<int>{2};
    }
    void splitStatements()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, statements);
        QFETCH(QList<int>, lines);
        const QList<SqlStatement> split = SqlScript::split(sql, true);
        QStringList texts;
        QList<int> got;
        for (const SqlStatement &s : split) {
            texts << s.text;
            got << s.line;
        }
        QCOMPARE(texts, statements);
        QCOMPARE(got, lines);
    }

    void lint_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("commit part-way") << QStringLiteral("BEGIN;\nUPDATE a SET x = 1;\nCOMMIT;\nUPDATE a SET x = 2;")
                                         << QStringList{QStringLiteral("partial-commit")};
        QTest::newRow("commit and chain") << QStringLiteral("UPDATE a SET b = 1;\nCOMMIT AND CHAIN;\nUPDATE a SET b = 2;")
                                          << QStringList{QStringLiteral("partial-commit")};
        QTest::newRow("trailing commit is atomic") << QStringLiteral("BEGIN;\nUPDATE a SET b = 1;\nCOMMIT;") << QStringList{};
        QTest::newRow("commit inside a string") << QStringLiteral("INSERT INTO t VALUES ('COMMIT;');\nSELECT 1;")
                                                << QStringList{};
        QTest::newRow("index without concurrently") << QStringLiteral("CREATE INDEX IF NOT EXISTS foo_bar ON foo (bar);")
                                                    << QStringList{QStringLiteral("lock-heavy-ddl")};
        QTest::newRow("unique index on public.foo") << QStringLiteral("CREATE UNIQUE INDEX foo_u ON public.foo USING btree (a);")
                                                    << QStringList{QStringLiteral("lock-heavy-ddl")};
        QTest::newRow("index concurrently") << QStringLiteral("CREATE INDEX CONCURRENTLY IF NOT EXISTS foo_bar ON foo (bar);")
                                            << QStringList{};
        QTest::newRow("index on a table created here")
            << QStringLiteral("CREATE TABLE IF NOT EXISTS foo (id int);\nCREATE INDEX foo_id ON foo (id);") << QStringList{};
        QTest::newRow("not null without default") << QStringLiteral("ALTER TABLE foo ADD COLUMN bar text NOT NULL;")
                                                  << QStringList{QStringLiteral("not-null-without-default")};
        QTest::newRow("not null with default")
            << QStringLiteral("ALTER TABLE foo ADD COLUMN IF NOT EXISTS bar text NOT NULL DEFAULT '';") << QStringList{};
        QTest::newRow("nullable column") << QStringLiteral("ALTER TABLE foo ADD COLUMN bar text;") << QStringList{};
        QTest::newRow("two actions, one bad")
            << QStringLiteral("ALTER TABLE foo ADD COLUMN a int, ADD COLUMN b int NOT NULL;")
            << QStringList{QStringLiteral("not-null-without-default")};
        QTest::newRow("foreign key without not valid")
            << QStringLiteral("ALTER TABLE foo ADD CONSTRAINT foo_fk FOREIGN KEY (b) REFERENCES bar(id);")
            << QStringList{QStringLiteral("lock-heavy-ddl")};
        QTest::newRow("foreign key not valid")
            << QStringLiteral("ALTER TABLE foo ADD CONSTRAINT foo_fk FOREIGN KEY (b) REFERENCES bar(id) NOT VALID;")
            << QStringList{};
        QTest::newRow("set not null") << QStringLiteral("ALTER TABLE foo ALTER COLUMN b SET NOT NULL;")
                                      << QStringList{QStringLiteral("lock-heavy-ddl")};
        QTest::newRow("column type change") << QStringLiteral("ALTER TABLE foo ALTER COLUMN b TYPE bigint;")
                                            << QStringList{QStringLiteral("lock-heavy-ddl")};
        QTest::newRow("alter table created here")
            << QStringLiteral("CREATE TABLE foo (a int);\nALTER TABLE foo ADD COLUMN b int NOT NULL;") << QStringList{};
    }
    void lint()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, expected);
        const Findings findings = MigrationLint::lintSql(QStringLiteral("frontend"), 42, sql.toUtf8());
        QCOMPARE(kinds(findings), expected);
        for (const Finding &f : findings) {
            QCOMPARE(f.id, std::optional<qint64>(42));
            QCOMPARE(f.schema, QStringLiteral("frontend"));
            QVERIFY(f.message.startsWith(QLatin1String("line ")));
        }
    }

    void progressModel_data()
    {
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("batch");
        QTest::addColumn<double>("interval");
        QTest::addColumn<double>("progress");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("empty table completes at once") << qint64(0) << qint64(500) << 3.0 << 0.0 << qint64(0);
        QTest::newRow("default model: 1000 rows, 500 per 3 s") << qint64(1000) << qint64(500) << 3.0 << 0.0 << qint64(6000);
        QTest::newRow("a partial batch costs a whole interval") << qint64(1001) << qint64(500) << 3.0 << 0.0 << qint64(9000);
        QTest::newRow("half done") << qint64(1000) << qint64(500) << 3.0 << 0.5 << qint64(3000);
        QTest::newRow("already complete") << qint64(1000) << qint64(500) << 3.0 << 1.0 << qint64(0);
        QTest::newRow("thirty hours") << qint64(18000000) << qint64(500) << 3.0 << 0.0 << qint64(30LL * 3600 * 1000);
        QTest::newRow("sub-second interval") << qint64(100) << qint64(10) << 0.25 << 0.0 << qint64(2500);
    }
    void progressModel()
    {
        QFETCH(qint64, rows);
        QFETCH(qint64, batch);
        QFETCH(double, interval);
        QFETCH(double, progress);
        QFETCH(qint64, expectedMs);
        const OobProgressModel model{rows, batch, interval};
        QCOMPARE(OobProgress::msToComplete(model, progress), expectedMs);
        QCOMPARE(OobProgress::progressAfter(model, progress, expectedMs), 1.0);
        if (expectedMs > qint64(interval * 1000))
            QVERIFY(OobProgress::progressAfter(model, progress, expectedMs - qint64(interval * 1000)) < 1.0);
    }

    void progressOverrides()
    {
        OobProgress p(OobProgressModel{1000, 500, 3.0}, {{7, OobProgressModel{50, 10, 1.0}}}, {{7, 200}, {8, 0}});
        QCOMPARE(p.modelFor(1).rows, qint64(1000));
        QCOMPARE(p.modelFor(7).batchSize, qint64(10));
        QCOMPARE(p.modelFor(7).rows, qint64(200)); // per-customer rows win over the override's
        QCOMPARE(p.modelFor(8).rows, qint64(0));
    }

    void startupRule_data()
    {
        QTest::addColumn<double>("progress");
        QTest::addColumn<int>("deprecatedMinor"); // -1: never
        QTest::addColumn<int>("atMinor");
        QTest::addColumn<bool>("refuses");
        QTest::newRow("deprecated at the version, incomplete") << 0.4 << 5 << 5 << true;
        QTest::newRow("deprecated before the version, incomplete") << 0.99 << 3 << 5 << true;
        QTest::newRow("deprecated later") << 0.0 << 6 << 5 << false;
        QTest::newRow("complete") << 1.0 << 5 << 5 << false;
        QTest::newRow("never deprecated") << 0.0 << -1 << 9 << false;
    }
    void startupRule()
    {
        QFETCH(double, progress);
        QFETCH(int, deprecatedMinor);
        QFETCH(int, atMinor);
        QFETCH(bool, refuses);
        QMap<int, OobRow> rows;
        rows.insert(3, oobRow(3, progress, 1, deprecatedMinor < 0 ? std::nullopt : std::optional<int>(deprecatedMinor)));
        const QList<int> blocking = StartupRule::blocking(rows, OobRegistry(), MinorVersion{6, atMinor});
        QCOMPARE(blocking, refuses ? QList<int>{3} : QList<int>{});
    }

    void requiredBeforeNextStop()
    {
        QMap<int, OobRow> rows;
        rows.insert(1, oobRow(1, 0.2, 1, 4));         // active at 6.2, deprecated at the next stop: wait
        rows.insert(2, oobRow(2, 0.2, 1, 7));         // deprecated later: no wait
        rows.insert(3, oobRow(3, 1.0, 1, 4));         // complete
        rows.insert(4, oobRow(4, 0.0, 3, 4));         // not yet introduced at 6.2: cannot run here
        QCOMPARE(StartupRule::requiredBefore(rows, MinorVersion{6, 2}, MinorVersion{6, 4}), QList<int>{1});
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");
        QTest::newRow("postgres text") << QStringLiteral("2024-05-01 10:00:00.123456+00") << QStringLiteral("2024-05-01T10:00:00.123Z");
        QTest::newRow("offset") << QStringLiteral("2024-05-01 12:00:00+02") << QStringLiteral("2024-05-01T10:00:00.000Z");
        QTest::newRow("iso utc") << QStringLiteral("2024-05-01T10:00:00Z") << QStringLiteral("2024-05-01T10:00:00.000Z");
        QTest::newRow("no zone is utc") << QStringLiteral("2024-05-01 10:00:00") << QStringLiteral("2024-05-01T10:00:00.000Z");
    }
    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        QCOMPARE(CustomerExport::parseTimestamp(text).toString(Qt::ISODateWithMs), iso);
    }

    void exportJson()
    {
        const QByteArray json = R"({
          "customer": "example",
          "migration_logs": [
            {"id": 1, "migration_logs_schema_version": 2, "schema": "frontend", "version": 100, "up": true,
             "started_at": "2024-05-01 10:00:00+00", "finished_at": "2024-05-01 10:00:01+00", "success": true,
             "error_message": null, "backfilled": false},
            {"id": 2, "migration_logs_schema_version": 2, "schema": "frontend", "version": 101, "up": true,
             "started_at": "2024-05-01 10:00:02+00", "finished_at": null, "success": null,
             "error_message": null, "backfilled": false}
          ],
          "out_of_band_migrations": [
            {"id": 7, "team": "search", "component": "db.repo", "description": "x", "progress": 0.25,
             "created": "2024-01-01T00:00:00Z", "last_updated": null, "non_destructive": true, "apply_reverse": false,
             "is_enterprise": false, "introduced_version_major": 6, "introduced_version_minor": 1,
             "deprecated_version_major": 6, "deprecated_version_minor": 4, "metadata": {"k": 1}}
          ],
          "versions": [{"service": "frontend", "version": "6.2.0", "updated_at": "2024-05-01T10:00:00Z", "first_version": "5.0.0"}]
        })";
        auto state = CustomerExport::parse(json, QStringLiteral("example.json"));
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().toString()));
        QCOMPARE(state->logs.size(), 2);
        QCOMPARE(state->applied(QStringLiteral("frontend")), QSet<qint64>{100});
        QCOMPARE(state->oob.first().progress, 0.25);
        QCOMPARE(state->oob.first().deprecated(), std::optional<MinorVersion>(MinorVersion{6, 4}));
        QCOMPARE(state->version, Version::parse(u"6.2.0"));
        const Findings problems = state->problems();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().kind, QStringLiteral("dirty-database"));
        QCOMPARE(problems.first().id, std::optional<qint64>(101));

        // Written back and read again, JSON and CSV alike, nothing is lost.
        for (const QByteArray &again : {CustomerExport::toJson(*state), CustomerExport::toCsv(*state)}) {
            auto reread = CustomerExport::parse(again, QStringLiteral("again"));
            QVERIFY2(reread.ok(), qPrintable(reread.ok() ? QString() : reread.error().toString()));
            QCOMPARE(reread->logs.size(), 2);
            QCOMPARE(reread->logs.at(1).success, std::optional<bool>());
            QCOMPARE(reread->logs.at(0).finishedAt->toString(Qt::ISODate), QStringLiteral("2024-05-01T10:00:01Z"));
            QCOMPARE(reread->oob.first().progress, 0.25);
            QCOMPARE(reread->oob.first().deprecatedMinor, std::optional<int>(4));
            QCOMPARE(reread->problems().size(), 1);
        }
    }

    void exportCsv()
    {
        // What `\copy (SELECT * FROM t) TO f CSV HEADER` writes, two tables separated by a blank line.
        const QByteArray csv =
            "id,migration_logs_schema_version,schema,version,up,started_at,finished_at,success,error_message,backfilled\n"
            "1,2,frontend,100,t,2024-05-01 10:00:00+00,2024-05-01 10:00:01+00,t,,f\n"
            "2,2,codeintel,200,t,2024-05-01 10:00:00+00,2024-05-01 10:00:01+00,f,\"ERROR: boom, \"\"quoted\"\"\",f\n"
            "\n"
            "id,team,component,description,progress,created,last_updated,non_destructive,apply_reverse,is_enterprise,"
            "introduced_version_major,introduced_version_minor,deprecated_version_major,deprecated_version_minor,metadata\n"
            "7,search,db.repo,\"multi\nline\",1,2024-01-01 00:00:00+00,,t,f,f,6,1,,,\"{\"\"a\"\": 1}\"\n";
        auto state = CustomerExport::parse(csv, QStringLiteral("example.csv"));
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().toString()));
        QCOMPARE(state->logs.size(), 2);
        QCOMPARE(state->logs.at(1).errorMessage, QStringLiteral("ERROR: boom, \"quoted\""));
        QCOMPARE(state->logs.at(1).success, std::optional<bool>(false));
        QCOMPARE(state->oob.size(), 1);
        QCOMPARE(state->oob.first().description, QStringLiteral("multi\nline"));
        QVERIFY(!state->oob.first().deprecated());
        QCOMPARE(state->oob.first().metadata, QByteArray("{\"a\": 1}"));
        QCOMPARE(kinds(state->problems()), QStringList{QStringLiteral("failed-migration")});
    }

    void exportTables_data()
    {
        // What `psql --csv -f tables.sql` and `json_agg` print for LiveInspector::tableStatsQuery():
        // one analysed table, one never analysed (no estimate), one whose statistics are NULL.
        const QByteArray logs =
            "id,migration_logs_schema_version,schema,version,up,started_at,finished_at,success,error_message,backfilled\n"
            "1,2,frontend,100,t,2024-05-01 10:00:00+00,2024-05-01 10:00:01+00,t,,f\n";
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("csv") << QByteArray(logs + "\n"
            "schema,table_name,estimated_rows,total_bytes,index_bytes,live_rows,last_analyzed,observed_at\n"
            "frontend,changesets,250000,81920000,32768000,249000,2026-11-30T04:50:46.907Z,2026-11-30T04:50:47.121Z\n"
            "frontend,migration_logs,,16384,0,1,,2026-11-30T04:50:47.121Z\n"
            "\n"
            "schema,table_name,estimated_rows,total_bytes,index_bytes,live_rows,last_analyzed,observed_at\n"
            "codeintel,lsif_uploads,-1,,,,,2026-11-30T04:50:48.000Z\n");
        QTest::newRow("json") << QByteArray(R"({"migration_logs": [{"schema": "frontend", "version": 100, "up": true,
            "started_at": "2024-05-01 10:00:00+00", "success": true}],
          "tables": [
            {"schema":"frontend","table_name":"changesets","estimated_rows":250000,"total_bytes":81920000,
             "index_bytes":32768000,"live_rows":249000,"last_analyzed":"2026-11-30T04:50:46.907Z","observed_at":"2026-11-30T04:50:47.121Z"},
            {"schema":"frontend","table_name":"migration_logs","estimated_rows":null,"total_bytes":16384,"index_bytes":0,
             "live_rows":1,"last_analyzed":null,"observed_at":"2026-11-30T04:50:47.121Z"},
            {"schema":"codeintel","table_name":"lsif_uploads","estimated_rows":-1,"total_bytes":null,"index_bytes":null,
             "live_rows":null,"last_analyzed":null,"observed_at":"2026-11-30T04:50:48.000Z"}]})");
    }
    void exportTables()
    {
        QFETCH(QByteArray, data);
        auto state = CustomerExport::parse(data, QStringLiteral("tables"));
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().toString()));
        // The latest server clock of the rows is when the export was taken.
        const QDateTime observed = QDateTime::fromString(QStringLiteral("2026-11-30T04:50:48.000Z"), Qt::ISODateWithMs);
        const auto check = [&](const StartState &s) {
            QCOMPARE(s.tables.size(), 3);
            const TableStats &analysed = s.tables.at(0);
            QCOMPARE(analysed.schema, QStringLiteral("frontend"));
            QCOMPARE(analysed.table, QStringLiteral("changesets"));
            QCOMPARE(analysed.rows, std::optional<qint64>(250000));
            QCOMPARE(analysed.totalBytes, std::optional<qint64>(81920000));
            QCOMPARE(analysed.indexBytes, std::optional<qint64>(32768000));
            QCOMPARE(analysed.liveRows, std::optional<qint64>(249000));
            QCOMPARE(analysed.lastAnalyzed->toString(Qt::ISODateWithMs), QStringLiteral("2026-11-30T04:50:46.907Z"));
            // Never analysed: the estimate is unknown, not 0; the live count stands in for it.
            QCOMPARE(s.tables.at(1).rows, std::optional<qint64>());
            QCOMPARE(s.tables.at(1).bestRows(), std::optional<qint64>(1));
            QVERIFY(!s.tables.at(1).lastAnalyzed);
            const TableStats &unknown = s.tables.at(2);
            QCOMPARE(unknown.schema, QStringLiteral("codeintel"));
            QVERIFY(!unknown.rows && !unknown.totalBytes && !unknown.indexBytes && !unknown.liveRows && !unknown.bestRows());
            QCOMPARE(s.observedAt, std::optional<QDateTime>(observed));
        };
        check(*state);
        if (QTest::currentTestFailed())
            return;
        for (const QByteArray &again : {CustomerExport::toJson(*state), CustomerExport::toCsv(*state)}) {
            auto reread = CustomerExport::parse(again, QStringLiteral("again"));
            QVERIFY2(reread.ok(), qPrintable(reread.ok() ? QString() : reread.error().toString()));
            check(*reread);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void exportedAtWins()
    {
        const QByteArray json = R"({"exported_at": "2026-01-02 03:04:05+00", "migration_logs": [{"schema": "frontend",
            "version": 100, "up": true, "started_at": "2024-05-01 10:00:00+00", "success": true}],
            "tables": [{"schema": "frontend", "table_name": "t", "observed_at": "2026-11-30T00:00:00Z"}]})";
        auto state = CustomerExport::parse(json, QStringLiteral("at.json"));
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().toString()));
        QCOMPARE(state->observedAt->toString(Qt::ISODate), QStringLiteral("2026-01-02T03:04:05Z"));
        // Without either, when the export was taken stays unknown.
        auto bare = CustomerExport::parse(R"({"migration_logs": []})", QStringLiteral("bare.json"));
        QVERIFY(bare.ok());
        QVERIFY(!bare->observedAt);
        QVERIFY(bare->tables.isEmpty());
    }

    void tableStatsColumnsAreTheQuerys()
    {
        // The export's column names are the query's own aliases, in its order.
        const QString query = LiveInspector::tableStatsQuery();
        qsizetype at = 0;
        for (const QString &column : CustomerExport::tableStatsColumns()) {
            const qsizetype found = query.indexOf(QStringLiteral(" AS %1").arg(column), at);
            QVERIFY2(found > at, qPrintable(column));
            at = found;
        }
        QVERIFY(!query.contains(u';')); // runs inside COPY (...) and json_agg((...) t) as given
    }

    void documentationGivesTheInspectorsQuery()
    {
        // Customers run what the documentation shows: it must be the very text the inspector runs.
        QFile doc(QStringLiteral(PASSLANE_SOURCE_DIR "/docs/simulation.md"));
        QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
        const QString text = QString::fromUtf8(doc.readAll());
        QVERIFY2(text.contains(QStringLiteral("```sql\n") + LiveInspector::tableStatsQuery() + QStringLiteral("\n```")),
                 "docs/simulation.md does not hold LiveInspector::tableStatsQuery() verbatim");
    }

    void exportErrors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("needle");
        QTest::newRow("json without logs") << QByteArray("{\"versions\": []}") << QStringLiteral("migration_logs");
        QTest::newRow("log row without version")
            << QByteArray("{\"migration_logs\": [{\"schema\": \"frontend\"}]}") << QStringLiteral("migration_logs[0]");
        QTest::newRow("unknown csv header") << QByteArray("a,b\n1,2\n") << QStringLiteral("header");
        QTest::newRow("table size not a number")
            << QByteArray("{\"migration_logs\": [], \"tables\": [{\"table_name\": \"t\", \"total_bytes\": \"big\"}]}")
            << QStringLiteral("tables[0]: total_bytes 'big'");
        QTest::newRow("table row without name")
            << QByteArray("id,schema,version,up\n1,frontend,100,t\n\nschema,table_name,total_bytes\nfrontend,,5\n")
            << QStringLiteral("line 5: 'table_name' is missing");
        QTest::newRow("tables not an array")
            << QByteArray("{\"migration_logs\": [], \"tables\": {}}") << QStringLiteral("\"tables\" must be an array");
        QTest::newRow("broken json") << QByteArray("{\"migration_logs\": [") << QStringLiteral("JSON");
    }
    void exportErrors()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, needle);
        auto state = CustomerExport::parse(data, QStringLiteral("bad"));
        QVERIFY(!state.ok());
        QVERIFY2(state.error().message.contains(needle), qPrintable(state.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSimulatorUnits)
#include "tst_units.moc"
