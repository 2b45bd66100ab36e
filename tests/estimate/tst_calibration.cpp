// Calibration files: the documented defaults, a save and load round trip (atomic, in a new
// folder), and bad files refused with a message naming the file and what is wrong.

#include "estimate/calibration.h"
#include "project/project.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane;

class TestCalibration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsCoverEveryClass()
    {
        const Calibration d = Calibration::defaults();
        QVERIFY(!d.measured);
        QCOMPARE(d.describe(), QStringLiteral("documented defaults"));
        for (StatementClass c : allStatementClasses())
            QVERIFY2(d.costs.contains(c), qPrintable(statementClassName(c)));
        // Catalog changes do not scale with rows; everything else does.
        QCOMPARE(d.cost(StatementClass::MetadataOnly).msPerThousandRows, 0.0);
        for (StatementClass c : allStatementClasses())
            if (c != StatementClass::MetadataOnly)
                QVERIFY(d.cost(c).msPerThousandRows > 0);
        // A rewrite of a million rows costs more than a scan of them.
        QVERIFY(d.cost(StatementClass::TableRewrite).estimateMs(1000000) > d.cost(StatementClass::FullScanUnderLock).estimateMs(1000000));
        QCOMPARE((ClassCost{100, 10}.estimateMs(250000)), 2600.0);
        // The migrator's own work per migration is a few round trips and a commit: milliseconds.
        QVERIFY(d.perMigrationMs > 0 && d.perMigrationMs < 20);
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Calibration c;
        c.measured = true;
        c.machine = QStringLiteral("host-a");
        c.server = QStringLiteral("PostgreSQL 15.8");
        c.measuredAt = QDateTime(QDate(2026, 11, 30), QTime(4, 5, 6), Qt::UTC);
        c.rowsPerTable = 200000;
        c.perMigrationMs = 3.25;
        for (StatementClass k : allStatementClasses())
            c.costs.insert(k, ClassCost{1.5 + int(k), 0.25 * (int(k) + 1)});
        const QString path = dir.filePath(QStringLiteral("calibration/host-a.json")); // the folder is made
        const Status saved = c.save(path);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
        const Result<Calibration> loaded = Calibration::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY(loaded->measured);
        QCOMPARE(loaded->file, path);
        QCOMPARE(loaded->machine, c.machine);
        QCOMPARE(loaded->server, c.server);
        QCOMPARE(loaded->measuredAt, c.measuredAt);
        QCOMPARE(loaded->rowsPerTable, c.rowsPerTable);
        QCOMPARE(loaded->perMigrationMs, 3.25);
        for (StatementClass k : allStatementClasses()) {
            QCOMPARE(loaded->cost(k).fixedMs, c.cost(k).fixedMs);
            QCOMPARE(loaded->cost(k).msPerThousandRows, c.cost(k).msPerThousandRows);
        }
        QCOMPARE(loaded->describe(), QStringLiteral("calibrated on host-a, PostgreSQL 15.8, 2026-11-30"));
        // No temporary file is left beside it.
        QCOMPARE(QDir(dir.filePath(QStringLiteral("calibration"))).entryList(QDir::Files), QStringList{QStringLiteral("host-a.json")});
    }

    void defaultPathIsPerHost()
    {
        const QString p = Calibration::defaultPath();
        QVERIFY(p.contains(QStringLiteral("/calibration/")));
        QVERIFY(p.endsWith(QStringLiteral(".json")));
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        const QByteArray good = R"({"format":"passlane-calibration","version":1,"costs":{)"
                                R"("metadata-only":{"fixed_ms":1,"ms_per_thousand_rows":0},)"
                                R"("table-rewrite":{"fixed_ms":1,"ms_per_thousand_rows":2},)"
                                R"("full-scan-under-lock":{"fixed_ms":1,"ms_per_thousand_rows":2},)"
                                R"("index-build":{"fixed_ms":1,"ms_per_thousand_rows":2},)"
                                R"("concurrent-index-build":{"fixed_ms":1,"ms_per_thousand_rows":2},)"
                                R"("backfill":{"fixed_ms":1,"ms_per_thousand_rows":2}}})";
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a calibration file: JSON error");
        QTest::newRow("not json") << QByteArray("fixed_ms: 3\n") << QStringLiteral("not a calibration file: JSON error");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("top level is not a JSON object");
        QTest::newRow("other format") << QByteArray(R"({"format":"passlane-project","version":1})") << QStringLiteral("\"format\" is not");
        QTest::newRow("future version") << QByteArray(good).replace("\"version\":1", "\"version\":9")
                                        << QStringLiteral("calibration format version 9 is not supported");
        QTest::newRow("no costs") << QByteArray(R"({"format":"passlane-calibration","version":1})") << QStringLiteral("\"costs\" is missing");
        QTest::newRow("missing class") << QByteArray(good).replace("\"backfill\"", "\"backfil\"")
                                       << QStringLiteral("unknown statement class \"backfil\"");
        QTest::newRow("string cost") << QByteArray(good).replace("\"fixed_ms\":1,\"ms_per_thousand_rows\":0", "\"fixed_ms\":\"1\",\"ms_per_thousand_rows\":0")
                                     << QStringLiteral("costs.metadata-only: \"fixed_ms\" and \"ms_per_thousand_rows\" must be numbers");
        QTest::newRow("negative cost") << QByteArray(good).replace("\"fixed_ms\":1,\"ms_per_thousand_rows\":0", "\"fixed_ms\":-1,\"ms_per_thousand_rows\":0")
                                       << QStringLiteral("costs.metadata-only: costs must be finite and not negative");
        QTest::newRow("bad time") << QByteArray(good).replace("\"version\":1", "\"version\":1,\"measured_at\":\"yesterday\"")
                                  << QStringLiteral("\"measured_at\" is not an ISO 8601 time");
        QTest::newRow("string per migration") << QByteArray(good).replace("\"version\":1", "\"version\":1,\"per_migration_ms\":\"3\"")
                                              << QStringLiteral("\"per_migration_ms\" must be a finite number");
        QTest::newRow("negative per migration") << QByteArray(good).replace("\"version\":1", "\"version\":1,\"per_migration_ms\":-2")
                                                << QStringLiteral("\"per_migration_ms\" must be a finite number");
        QTest::newRow("good") << good << QString();
        QTest::newRow("good, per migration measured") << QByteArray(good).replace("\"version\":1", "\"version\":1,\"per_migration_ms\":2.5")
                                                      << QString();
    }

    void badFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cal.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const Result<Calibration> r = Calibration::load(path);
        if (message.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
            QVERIFY(r->measured);
            QCOMPARE(r->cost(StatementClass::Backfill).msPerThousandRows, 2.0);
            // A file from before the per-migration figure was measured keeps the default.
            QCOMPARE(r->perMigrationMs, content.contains("per_migration_ms") ? 2.5 : Calibration::kDefaultPerMigrationMs);
            return;
        }
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, path);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().toString()));
    }

    // The project's calibration key: a path relative to the project file, written back relative,
    // a second key refused like every duplicate.
    void projectKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.passlane"));
        const Result<Project> p = Project::parse("sources: []\ncalibration: cal/host-a.json\n", path);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
        QCOMPARE(p->calibration, dir.filePath(QStringLiteral("cal/host-a.json")));
        QVERIFY(p->toYaml(dir.path()).contains("calibration: cal/host-a.json"));
        const Result<Project> twice = Project::parse("sources: []\ncalibration: a.json\ncalibration: b.json\n", path);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().file, path);
        QVERIFY2(twice.error().message.contains(QStringLiteral("calibration")), qPrintable(twice.error().toString()));
        QVERIFY(Project::parse("sources: []\n", path)->calibration.isEmpty());
    }

    void notAFile()
    {
        QTemporaryDir dir;
        const Result<Calibration> missing = Calibration::load(dir.filePath(QStringLiteral("none.json")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().toString().contains(QStringLiteral("none.json")));
        const Result<Calibration> folder = Calibration::load(dir.path());
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().toString().contains(dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
