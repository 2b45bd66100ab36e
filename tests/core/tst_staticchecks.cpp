#include "releases/staticchecks.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace passlane;

namespace {
QStringList kindsOf(const Findings &findings)
{
    QStringList kinds;
    for (const Finding &f : findings)
        kinds.append(severityName(f.severity) + u':' + f.kind);
    kinds.sort();
    return kinds;
}

Findings checkSql(const QByteArray &up, const QByteArray &down, bool privileged, bool concurrent)
{
    Migration m;
    m.id = 1;
    m.upQuery = up;
    m.downQuery = down;
    m.privileged = privileged;
    m.createIndexConcurrently = concurrent;
    return StaticChecks::checkDefinition(m, {u"m/up.sql"_qs, u"m/down.sql"_qs, u"m/metadata.yaml"_qs});
}
} // namespace

class TestStaticChecks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void definition_data()
    {
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<QByteArray>("down");
        QTest::addColumn<bool>("privileged");
        QTest::addColumn<bool>("concurrent");
        QTest::addColumn<QStringList>("kinds");
        const QByteArray drop("DROP TABLE t;");
        QTest::newRow("clean") << QByteArray("CREATE TABLE t (id int);") << drop << false << false << QStringList();
        QTest::newRow("empty up") << QByteArray("  -- nothing to do\n\n") << drop << false << false
                                  << QStringList{u"warning:empty-up"_qs};
        QTest::newRow("concurrent unflagged")
            << QByteArray("create index\nconcurrently if not exists i on t(x);") << drop << false << false
            << QStringList{u"error:concurrent-flag-mismatch"_qs};
        QTest::newRow("unique concurrent flagged")
            << QByteArray("CREATE UNIQUE INDEX CONCURRENTLY i ON t(x);") << drop << false << true << QStringList();
        QTest::newRow("flag without index") << QByteArray("CREATE INDEX i ON t(x);") << drop << false << true
                                            << QStringList{u"error:concurrent-flag-mismatch"_qs};
        QTest::newRow("concurrent in comment") << QByteArray("-- CREATE INDEX CONCURRENTLY i ON t(x);\nSELECT 1;")
                                               << drop << false << false << QStringList();
        QTest::newRow("concurrent in string") << QByteArray("SELECT 'CREATE INDEX CONCURRENTLY x';") << drop << false
                                              << false << QStringList();
        QTest::newRow("concurrent in down") << QByteArray("DROP INDEX i;")
                                            << QByteArray("CREATE INDEX CONCURRENTLY i ON t(x);") << false << false
                                            << QStringList{u"error:concurrent-index-in-down"_qs};
        QTest::newRow("extension unflagged") << QByteArray("CREATE EXTENSION IF NOT EXISTS pg_trgm;") << drop << false
                                             << false << QStringList{u"error:privileged-flag-mismatch"_qs};
        QTest::newRow("extension flagged") << QByteArray("CREATE EXTENSION IF NOT EXISTS pg_trgm;") << drop << true
                                           << false << QStringList();
        QTest::newRow("comment on extension") << QByteArray("COMMENT ON EXTENSION pg_trgm IS 'x';") << drop << false
                                              << false << QStringList{u"error:privileged-flag-mismatch"_qs};
        QTest::newRow("alter system") << QByteArray("ALTER   SYSTEM SET work_mem = '1MB';") << drop << false << false
                                      << QStringList{u"error:outside-database"_qs, u"error:privileged-flag-mismatch"_qs};
        QTest::newRow("event trigger") << QByteArray("CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f();")
                                       << drop << false << false << QStringList{u"error:privileged-flag-mismatch"_qs};
        QTest::newRow("flagged without need") << QByteArray("CREATE TABLE t (id int);") << drop << true << false
                                              << QStringList{u"warning:privileged-flag-mismatch"_qs};
        QTest::newRow("role word inside identifier") << QByteArray("CREATE TABLE user_roles (id int);") << drop << false
                                                     << false << QStringList();
        QTest::newRow("non-utf8") << QByteArray("SELECT '\xff\xfe';") << drop << false << false
                                  << QStringList{u"warning:non-utf8-sql"_qs};
        QTest::newRow("overlong utf8") << QByteArray("SELECT '\xc0\xaf';") << drop << false << false
                                       << QStringList{u"warning:non-utf8-sql"_qs};
        QTest::newRow("valid utf8") << QByteArray("SELECT 'gr\xc3\xbc\xc3\x9f \xf0\x9f\x98\x80';") << drop << false
                                    << false << QStringList();
    }
    void definition()
    {
        QFETCH(QByteArray, up);
        QFETCH(QByteArray, down);
        QFETCH(bool, privileged);
        QFETCH(bool, concurrent);
        QFETCH(QStringList, kinds);
        QCOMPARE(kindsOf(checkSql(up, down, privileged, concurrent)), kinds);
    }

    // A 50 MB up.sql is handled in linear time and its statements are still seen.
    void fiftyMegabytes()
    {
        QByteArray up;
        const QByteArray line("INSERT INTO t VALUES (1, 'some text -- not a comment');\n");
        up.reserve(50 * 1024 * 1024 + 64);
        while (up.size() < 50 * 1024 * 1024)
            up.append(line);
        up.append("CREATE INDEX CONCURRENTLY i ON t(x);\n");
        QElapsedTimer t;
        t.start();
        const Findings f = checkSql(up, QByteArray("DROP TABLE t;"), false, false);
        QCOMPARE(kindsOf(f), QStringList{u"error:concurrent-flag-mismatch"_qs});
        QVERIFY2(t.elapsed() < 20000, "linear scan of 50 MB took too long");
    }
};

QTEST_GUILESS_MAIN(TestStaticChecks)
#include "tst_staticchecks.moc"
