// Everything that reads SQL text gives one answer: the static checks, OOB registration in SQL,
// statement splitting for execution, and `passlane-cli validate`. Also the `outside-database`
// findings.
#include "testarchives.h"

#include "oob/oobsql.h"
#include "releases/staticchecks.h"
#include "simulator/sqlscript.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane;
using namespace passlane::test;

Q_DECLARE_METATYPE(QList<int>)

namespace {

QList<int> oobIds(const QByteArray &sql)
{
    QList<int> ids;
    for (const OobSqlStatement &st : parseOobSql(sql))
        ids << st.id;
    return ids;
}

QStringList privilegedIn(const QByteArray &sql)
{
    QStringList out;
    for (const QByteArray &s : StaticChecks::scan(sql).privileged)
        out << QString::fromLatin1(s);
    return out;
}

/// "line: text" for each statement SqlScript::split gives.
QStringList splitOf(const QByteArray &sql)
{
    QStringList out;
    for (const SqlStatement &st : SqlScript::split(sql))
        out << QString::number(st.line) + u": "_qs + st.text;
    return out;
}

Findings checkUp(const QByteArray &up, const QByteArray &down = "DROP TABLE t;")
{
    Migration m;
    m.id = 7;
    m.upQuery = up;
    m.downQuery = down;
    return StaticChecks::checkDefinition(m, {u"m/up.sql"_qs, u"m/down.sql"_qs, u"m/metadata.yaml"_qs});
}

const QByteArray registration(int id)
{
    return "INSERT INTO out_of_band_migrations (id, team, component, description, introduced) VALUES ("
        + QByteArray::number(id) + ", 't', 'c', 'd', '6.0.0')";
}

} // namespace

class TestSqlScanners : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void oneAnswer_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QStringList>("privileged");
        QTest::addColumn<QList<int>>("oob");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("privileged statement inside a nested comment")
            << QByteArray("/* outer /* inner */ CREATE EXTENSION pg_trgm; */ SELECT 1;") << QStringList{} << QList<int>{}
            << QStringList{u"1: SELECT 1"_qs};
        QTest::newRow("registration inside a nested comment")
            << QByteArray("/* a /* b */\n" + registration(99) + "; */\nSELECT 1;") << QStringList{} << QList<int>{}
            << QStringList{u"3: SELECT 1"_qs};
        QTest::newRow("registration after a nested comment")
            << QByteArray("/* a /* b */ c */\n" + registration(98) + ";") << QStringList{} << QList<int>{98}
            << QStringList{u"2: "_qs + QString::fromUtf8(registration(98))};
        QTest::newRow("dollar-quoted string literal")
            << QByteArray("SELECT $q$CREATE EXTENSION pg_trgm; " + registration(97) + ";$q$;") << QStringList{}
            << QList<int>{} << QStringList{u"1: SELECT $q$CREATE EXTENSION pg_trgm; "_qs + QString::fromUtf8(registration(97)) + u";$q$"_qs};
        QTest::newRow("DO body runs")
            << QByteArray("DO $$\nBEGIN\n  CREATE EXTENSION pg_trgm;\n  " + registration(96) + ";\nEND\n$$;\nSELECT 1;")
            << QStringList{u"CREATE EXTENSION"_qs} << QList<int>{96}
            << QStringList{u"1: DO $$\nBEGIN\n  CREATE EXTENSION pg_trgm;\n  "_qs + QString::fromUtf8(registration(96)) + u";\nEND\n$$"_qs,
                           u"7: SELECT 1"_qs};
        QTest::newRow("function body does not run")
            << QByteArray("CREATE FUNCTION f() RETURNS void AS $fn$ BEGIN CREATE ROLE r; " + registration(95)
                          + "; END $fn$ LANGUAGE plpgsql;")
            << QStringList{} << QList<int>{}
            << QStringList{u"1: CREATE FUNCTION f() RETURNS void AS $fn$ BEGIN CREATE ROLE r; "_qs + QString::fromUtf8(registration(95))
                           + u"; END $fn$ LANGUAGE plpgsql"_qs};
        QTest::newRow("E string with an escaped quote")
            << QByteArray("SELECT E'it\\'s; CREATE EXTENSION pg_trgm';\n" + registration(94) + ";") << QStringList{}
            << QList<int>{94} << QStringList{u"1: SELECT E'it\\'s; CREATE EXTENSION pg_trgm'"_qs, u"2: "_qs + QString::fromUtf8(registration(94))};
        QTest::newRow("backslash ends nothing in a standard string")
            << QByteArray("SELECT 'C:\\';\nCREATE EXTENSION pg_trgm;") << QStringList{u"CREATE EXTENSION"_qs}
            << QList<int>{} << QStringList{u"1: SELECT 'C:\\'"_qs, u"2: CREATE EXTENSION pg_trgm"_qs};
        QTest::newRow("$1 is no dollar quote")
            << QByteArray("PREPARE p AS SELECT $1;\nCREATE ROLE r;\nSELECT $1;") << QStringList{u"CREATE ROLE"_qs} << QList<int>{}
            << QStringList{u"1: PREPARE p AS SELECT $1"_qs, u"2: CREATE ROLE r"_qs, u"3: SELECT $1"_qs};
        QTest::newRow("quoted identifier holds a semicolon")
            << QByteArray("SELECT \"a;\"\"CREATE ROLE r\";\n" + registration(93)) << QStringList{} << QList<int>{93}
            << QStringList{u"1: SELECT \"a;\"\"CREATE ROLE r\""_qs, u"2: "_qs + QString::fromUtf8(registration(93))};
        QTest::newRow("unterminated comment hides the rest")
            << QByteArray("SELECT 1; /* /* */ CREATE ROLE r; " + registration(92)) << QStringList{} << QList<int>{}
            << QStringList{u"1: SELECT 1"_qs};
    }
    void oneAnswer()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QStringList, privileged);
        QFETCH(QList<int>, oob);
        QFETCH(QStringList, statements);
        QCOMPARE(privilegedIn(sql), privileged);
        QCOMPARE(oobIds(sql), oob);
        QCOMPARE(splitOf(sql), statements);
        // The privileged flag check agrees with the scan.
        Migration m;
        m.upQuery = sql;
        m.downQuery = "SELECT 1;";
        const Findings f = StaticChecks::checkDefinition(m, {u"up.sql"_qs, u"down.sql"_qs, u"metadata.yaml"_qs});
        const bool mismatch = std::any_of(f.cbegin(), f.cend(), [](const Finding &x) { return x.kind == u"privileged-flag-mismatch"; });
        QCOMPARE(mismatch, !privileged.isEmpty());
    }

    // A registration's values through the lexer: casts, quotes, escapes, several rows, UPDATE forms.
    void oobValues()
    {
        const QList<OobSqlStatement> st = parseOobSql(
            "INSERT INTO \"public\".\"out_of_band_migrations\" (\"id\", team, component, description, introduced, deprecated)\n"
            "VALUES (11, 'it''s', E'a\\'b', $d$desc; with semicolon$d$, '6.1.0'::text, NULL),\n"
            "       (12, 't', 'c', lower('X'), '6.2.0', '6.4.0');\n"
            "UPDATE out_of_band_migrations SET deprecated_version_major = 7, deprecated_version_minor = 1 WHERE id IN (11, 12);\n");
        QCOMPARE(st.size(), 4);
        QCOMPARE(st.at(0).id, 11);
        QCOMPARE(st.at(0).team, std::optional<QString>(u"it's"_qs));
        QCOMPARE(st.at(0).component, std::optional<QString>(u"a'b"_qs));
        QCOMPARE(st.at(0).description, std::optional<QString>(u"desc; with semicolon"_qs));
        QCOMPARE(st.at(0).introduced, std::optional<MinorVersion>(MinorVersion{6, 1}));
        QVERIFY(st.at(0).deprecatedCleared);
        QCOMPARE(st.at(1).id, 12);
        QVERIFY(!st.at(1).description); // an expression is not evaluated
        QCOMPARE(st.at(1).deprecated, std::optional<MinorVersion>(MinorVersion{6, 4}));
        QCOMPARE(st.at(2).kind, OobSqlStatement::Update);
        QCOMPARE(st.at(2).id, 11);
        QCOMPARE(st.at(3).id, 12);
        QCOMPARE(st.at(3).deprecated, std::optional<MinorVersion>(MinorVersion{7, 1}));
    }

    // The shape that took quadratic time: still read, still no registration, and bounded.
    void repeatedOpenRegistrations()
    {
        QByteArray sql;
        for (int i = 0; i < 20000; ++i)
            sql += "INSERT INTO out_of_band_migrations (";
        sql += "id) VALUES (5);";
        QCOMPARE(oobIds(sql), QList<int>{5});
    }

    void outsideDatabase_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QStringList>("found"); // "line: start of the message"
        QTest::newRow("COPY TO PROGRAM") << QByteArray("COPY t TO PROGRAM 'gzip > /tmp/t.gz';")
                                         << QStringList{u"1: COPY ... TO PROGRAM"_qs};
        QTest::newRow("COPY FROM PROGRAM") << QByteArray("SELECT 1;\ncopy t (a, b) from program 'curl x' with (format csv);")
                                           << QStringList{u"2: COPY ... FROM PROGRAM"_qs};
        QTest::newRow("COPY query to a server file")
            << QByteArray("COPY (SELECT a FROM b WHERE c = 'TO') TO '/tmp/out.csv';")
            << QStringList{u"1: COPY ... TO '/tmp/out.csv' writes"_qs};
        QTest::newRow("COPY from a server file") << QByteArray("COPY t FROM E'/data/t\\'s.csv';")
                                                 << QStringList{u"1: COPY ... FROM '/data/t's.csv' reads"_qs};
        QTest::newRow("COPY FROM STDIN stays inside") << QByteArray("COPY t FROM STDIN;") << QStringList{};
        QTest::newRow("COPY query TO STDOUT stays inside")
            << QByteArray("COPY (SELECT * FROM t) TO STDOUT WITH (FORMAT csv);") << QStringList{};
        QTest::newRow("a column named copy") << QByteArray("SELECT copy FROM t;") << QStringList{};
        QTest::newRow("DROP DATABASE") << QByteArray("\n\nDROP DATABASE IF EXISTS other;") << QStringList{u"3: DROP DATABASE"_qs};
        QTest::newRow("ALTER SYSTEM") << QByteArray("ALTER SYSTEM SET work_mem = '1GB';") << QStringList{u"1: ALTER SYSTEM"_qs};
        QTest::newRow("function in plpython3u")
            << QByteArray("CREATE OR REPLACE FUNCTION f(language text) RETURNS int AS $$ return 1 $$ LANGUAGE plpython3u;")
            << QStringList{u"1: CREATE ... LANGUAGE plpython3u"_qs};
        QTest::newRow("function in C, quoted language")
            << QByteArray("CREATE FUNCTION f() RETURNS int AS 'lib.so', 'f' LANGUAGE 'c' STRICT;")
            << QStringList{u"1: CREATE ... LANGUAGE c"_qs};
        QTest::newRow("procedure in plperlu") << QByteArray("CREATE PROCEDURE p() LANGUAGE plperlu AS $$ 1 $$;")
                                              << QStringList{u"1: CREATE ... LANGUAGE plperlu"_qs};
        QTest::newRow("function in plpgsql stays inside")
            << QByteArray("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql;") << QStringList{};
        QTest::newRow("CREATE LANGUAGE pltclu") << QByteArray("CREATE TRUSTED LANGUAGE pltclu;")
                                                << QStringList{u"1: CREATE ... LANGUAGE pltclu"_qs};
        QTest::newRow("extension of an untrusted language")
            << QByteArray("CREATE EXTENSION IF NOT EXISTS plpython3u;") << QStringList{u"1: CREATE EXTENSION plpython3u"_qs};
        QTest::newRow("DO in an untrusted language")
            << QByteArray("DO $$ import os $$ LANGUAGE plpythonu;") << QStringList{u"1: DO ... LANGUAGE plpythonu"_qs};
        QTest::newRow("LOAD") << QByteArray("LOAD 'auto_explain';") << QStringList{u"1: LOAD 'auto_explain'"_qs};
        QTest::newRow("COPY TO PROGRAM inside a DO body")
            << QByteArray("DO $$\nBEGIN\n  COPY t TO PROGRAM 'sh';\nEND $$;") << QStringList{u"3: COPY ... TO PROGRAM"_qs};
        QTest::newRow("COPY TO PROGRAM inside a function body stays a string")
            << QByteArray("CREATE FUNCTION f() RETURNS void AS $$ BEGIN COPY t TO PROGRAM 'sh'; END $$ LANGUAGE plpgsql;")
            << QStringList{};
        QTest::newRow("in comments and strings")
            << QByteArray("-- DROP DATABASE x\n/* COPY t TO PROGRAM 'x'; */ SELECT 'ALTER SYSTEM', $$DROP DATABASE y$$;")
            << QStringList{};
    }
    void outsideDatabase()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QStringList, found);
        const Findings up = checkUp(sql);
        const Findings down = checkUp("CREATE TABLE t (id int);", sql);
        QStringList got;
        for (const Finding &f : up) {
            if (f.kind != u"outside-database")
                continue;
            QCOMPARE(f.severity, Severity::Error);
            QCOMPARE(f.file, u"m/up.sql"_qs);
            got << f.message;
        }
        QCOMPARE(got.size(), found.size());
        for (qsizetype i = 0; i < found.size(); ++i)
            QVERIFY2(got.at(i).startsWith(u"line "_qs + found.at(i)), qPrintable(got.at(i)));
        // down.sql is checked alike and named as the file.
        QStringList downFiles;
        for (const Finding &f : down)
            if (f.kind == u"outside-database")
                downFiles << f.file;
        QCOMPARE(downFiles, QStringList(found.size(), u"m/down.sql"_qs));
    }

    // The same answers through the real CLI on a crafted snapshot.
    void validateJson()
    {
        const QString fe = QStringLiteral("migrations/frontend");
        auto withMeta = [&](qint64 id, qint64 parent, const QByteArray &up, bool privileged) {
            QList<ArchiveEntry> e = migrationEntries(fe, id, parent ? QList<qint64>{parent} : QList<qint64>{}, up);
            if (privileged)
                e[2].data += "privileged: true\n";
            return e;
        };
        QList<ArchiveEntry> entries;
        // 1: privileged statement only in a nested comment, unflagged: nothing to report.
        entries += withMeta(1, 0, "/* outer /* inner */ CREATE EXTENSION pg_trgm; */ SELECT 1;", false);
        // 2: a registration of 99 in a nested comment; 3 deprecates 99: an UPDATE before any registration.
        entries += withMeta(2, 1, "/* a /* b */ " + registration(99) + "; */ SELECT 1;", false);
        entries += withMeta(3, 2, "UPDATE out_of_band_migrations SET deprecated = '6.5.0' WHERE id = 99;", false);
        // 4: CREATE EXTENSION in a DO body, unflagged.
        entries += withMeta(4, 3, "DO $$ BEGIN CREATE EXTENSION pg_trgm; END $$;", false);
        // 5: flagged, but the extension is only in a function body.
        entries += withMeta(5, 4, "CREATE FUNCTION f() RETURNS void AS $$ BEGIN CREATE EXTENSION x; END $$ LANGUAGE plpgsql;", true);
        // 6: COPY to a program.
        entries += withMeta(6, 5, "CREATE TABLE t6 (id int);\nCOPY t6 TO PROGRAM 'gzip > /tmp/t6.gz';", false);
        const QString archive = m_dir.filePath(u"migrations-v6.0.0.tar.gz"_qs);
        QVERIFY(writeArchive(archive, entries));

        QProcess p;
        p.start(QStringLiteral(PASSLANE_BINARY_DIR "/src/cli/passlane-cli"), {u"validate"_qs, u"--json"_qs, archive});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 1); // error-level findings
        QStringList got;
        for (const QJsonValue &v : QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(u"findings"_qs).toArray()) {
            const QJsonObject f = v.toObject();
            got << QStringLiteral("%1 %2 %3 %4 %5")
                       .arg(f.value(u"severity"_qs).toString(), f.value(u"kind"_qs).toString(), f.value(u"release"_qs).toString(),
                            f.value(u"schema"_qs).toString(), QString::number(f.value(u"id"_qs).toInteger()));
            if (f.value(u"kind"_qs).toString() == u"outside-database") {
                QVERIFY(f.value(u"file"_qs).toString().endsWith(u"6_m/up.sql"));
                QVERIFY(f.value(u"message"_qs).toString().startsWith(u"line 2: COPY ... TO PROGRAM"));
            }
        }
        got.sort();
        const QStringList expected{
            u"error outside-database 6.0.0 frontend 6"_qs,
            u"error privileged-flag-mismatch 6.0.0 frontend 4"_qs,
            u"warning oob-conflict 6.0.0  99"_qs,
            u"warning privileged-flag-mismatch 6.0.0 frontend 5"_qs,
        };
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestSqlScanners)
#include "tst_sqlscanners.moc"
