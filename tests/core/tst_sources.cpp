#include "sources/sourcescanner.h"

#include "testarchives.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane;
using namespace passlane::test;

namespace {
void touchMigration(const QString &dir)
{
    QDir().mkpath(dir);
    QFile f(dir + u"/up.sql"_qs);
    f.open(QIODevice::WriteOnly);
    f.write("SELECT 1;");
}
} // namespace

class TestSources : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Layout (files to create, '/'-separated; trailing '/' = migration folder), what to scan,
    // overrides, and the expected "version:date" list or an error part.
    void scan_data()
    {
        QTest::addColumn<QStringList>("layout");
        QTest::addColumn<QString>("scan");
        QTest::addColumn<QString>("overrideName");
        QTest::addColumn<QString>("overrideVersion");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("error");

        QTest::newRow("single archive") << QStringList{u"migrations-v6.3.0.tar.gz"_qs} << u"migrations-v6.3.0.tar.gz"_qs
                                        << QString() << QString() << QStringList{u"6.3.0:"_qs} << QString();
        QTest::newRow("folder of archives with dates")
            << QStringList{u"migrations-v6.3.0.tar.gz"_qs, u"migrations-v5.9.17785.tar.gz"_qs, u"README.md"_qs,
                           u"RELEASES.txt=v6.3.0 2025-05-01\nv5.9.17785 2025-06-01\n"_qs}
            << u"."_qs << QString() << QString() << QStringList{u"5.9.17785:2025-06-01"_qs, u"6.3.0:2025-05-01"_qs} << QString();
        QTest::newRow("release folder, schema folders directly")
            << QStringList{u"v6.1.0/frontend/1_a/"_qs} << u"v6.1.0"_qs << QString() << QString()
            << QStringList{u"6.1.0:"_qs} << QString();
        QTest::newRow("bare version folders")
            << QStringList{u"all/6.1.0/migrations/frontend/1_a/"_qs, u"all/6.2.0/migrations/frontend/1_a/"_qs}
            << u"all"_qs << QString() << QString() << QStringList{u"6.1.0:"_qs, u"6.2.0:"_qs} << QString();
        QTest::newRow("migrations folder named directly")
            << QStringList{u"v7.0.0/migrations/frontend/1_a/"_qs} << u"v7.0.0/migrations"_qs << QString() << QString()
            << QStringList{u"7.0.0:"_qs} << QString();
        QTest::newRow("override") << QStringList{u"snapshot.tar.gz"_qs} << u"snapshot.tar.gz"_qs << u"snapshot.tar.gz"_qs
                                  << u"6.5.0"_qs << QStringList{u"6.5.0:"_qs} << QString();
        QTest::newRow("no version") << QStringList{u"snapshot.tar.gz"_qs} << u"snapshot.tar.gz"_qs << QString() << QString()
                                    << QStringList{} << u"version"_qs;
        QTest::newRow("not an archive") << QStringList{u"notes.txt"_qs} << u"notes.txt"_qs << QString() << QString()
                                        << QStringList{} << u"not a snapshot archive"_qs;
        QTest::newRow("empty folder") << QStringList{u"empty/README.md"_qs} << u"empty"_qs << QString() << QString()
                                      << QStringList{} << u"no release snapshots"_qs;
        QTest::newRow("missing") << QStringList{} << u"nope"_qs << QString() << QString() << QStringList{}
                                 << u"no such file"_qs;
    }
    void scan()
    {
        QFETCH(QStringList, layout);
        QFETCH(QString, scan);
        QFETCH(QString, overrideName);
        QFETCH(QString, overrideVersion);
        QFETCH(QStringList, expected);
        QFETCH(QString, error);
        QTemporaryDir dir;
        for (const QString &item : layout) {
            const QString name = item.section(u'=', 0, 0);
            if (name.endsWith(u'/')) {
                touchMigration(dir.filePath(name));
                continue;
            }
            QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
            if (name.endsWith(u".tar.gz")) {
                QVERIFY(writeArchive(dir.filePath(name), migrationEntries(u"migrations/frontend"_qs, 1, {})));
                continue;
            }
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(item.section(u'=', 1).toUtf8());
        }
        QMap<QString, Version> overrides;
        if (!overrideName.isEmpty())
            overrides.insert(dir.filePath(overrideName), *Version::parse(overrideVersion));
        const QString path = scan == u"." ? dir.path() : dir.filePath(scan);
        const auto result = SourceScanner::scan(path, overrides);
        if (!error.isEmpty()) {
            QVERIFY(!result.ok());
            QVERIFY2(result.error().message.contains(error), qPrintable(result.error().toString()));
            QVERIFY(!result.error().file.isEmpty());
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QStringList got;
        for (const ReleaseSource &s : *result)
            got.append(s.version.toString() + u':' + s.date);
        got.sort();
        QCOMPARE(got, expected);
    }

    void releaseDates()
    {
        const auto dates = SourceScanner::parseReleaseDates("v5.8.1579 2024-10-25\n\ngarbage line\nv6.0.0 2025-01-02\n");
        QCOMPARE(dates.size(), 2);
        QCOMPARE(dates.value(*Version::parse(u"6.0.0")), u"2025-01-02"_qs);
    }
};

QTEST_GUILESS_MAIN(TestSources)
#include "tst_sources.moc"
