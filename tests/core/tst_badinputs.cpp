// Bad inputs: each is generated here into a QTemporaryDir and must give a
// clear error or finding: no crash, no hang, nothing written outside.
#include "catalog/catalog.h"
#include "sources/archivereader.h"

#include "testarchives.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane;
using namespace passlane::test;

Q_DECLARE_METATYPE(QList<passlane::test::ArchiveEntry>)

namespace {

const QString fe = QStringLiteral("migrations/frontend");

QList<ArchiveEntry> baseline()
{
    return migrationEntries(fe, 1, {}) + migrationEntries(fe, 2, {1});
}

QStringList kindsOf(const Findings &findings)
{
    QStringList kinds;
    for (const Finding &f : findings)
        if (f.kind != u"squashed-sql")
            kinds.append(f.kind);
    kinds.sort();
    return kinds;
}

Result<Catalog> loadOne(const QString &path)
{
    LoadRequest r;
    r.sources = {path};
    return loadCatalog(r);
}

} // namespace

class TestBadInputs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void archiveFailures_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("truncated") << u"truncate"_qs << u"truncated"_qs;
        QTest::newRow("corrupt bytes") << u"corrupt"_qs << u"archive"_qs;
        QTest::newRow("not an archive") << u"garbage"_qs << u"archive"_qs;
        QTest::newRow("empty file") << u"empty"_qs << u"empty"_qs;
    }
    void archiveFailures()
    {
        QFETCH(QString, damage);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"migrations-v6.0.0.tar.gz"_qs);
        QList<ArchiveEntry> entries = baseline();
        // Enough incompressible content that truncation lands inside the data.
        QByteArray noise;
        for (int i = 0; i < 200000; ++i)
            noise.append(char((i * 7919) ^ (i >> 3)));
        entries.append({fe + u"/3_big/up.sql"_qs, noise});
        QVERIFY(writeArchive(path, entries));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        if (damage == u"truncate") {
            bytes.truncate(bytes.size() / 2);
        } else if (damage == u"corrupt") {
            // Inside the deflate stream of the first headers. (libarchive does not check the
            // gzip CRC, so damage inside a stored file body would go unnoticed, as with zcat -q.)
            for (qsizetype i = 20; i < 84; ++i)
                bytes[i] = char(~bytes[i]);
        } else if (damage == u"garbage") {
            bytes = QByteArray(4096, 'x');
        } else {
            bytes.clear();
        }
        f.resize(0);
        f.write(bytes);
        f.close();

        const auto result = loadOne(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().file, path);
        QVERIFY2(result.error().message.contains(messagePart, Qt::CaseInsensitive), qPrintable(result.error().message));
    }

    void findings_data()
    {
        QTest::addColumn<QList<ArchiveEntry>>("entries");
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<int>("frontendCount");

        QTest::newRow("clean") << baseline() << QStringList{} << 2;
        QTest::newRow("dotdot entry") << baseline() + QList<ArchiveEntry>{{u"../../evil/up.sql"_qs, "x"}}
                                      << QStringList{u"unsafe-entry"_qs} << 2;
        QTest::newRow("inner dotdot") << baseline() + QList<ArchiveEntry>{{fe + u"/../../../evil.up.sql"_qs, "x"}}
                                      << QStringList{u"unsafe-entry"_qs} << 2;
        QTest::newRow("absolute entry")
            << baseline() + QList<ArchiveEntry>{{u"/tmp/passlane-evil/1_x/up.sql"_qs, "x"}}
            << QStringList{u"unsafe-entry"_qs} << 2;
        QTest::newRow("symlink") << baseline()
                + QList<ArchiveEntry>{{fe + u"/3_link/up.sql"_qs, {}, ArchiveEntry::Symlink, u"/etc/passwd"_qs}}
                                 << QStringList{u"unsafe-entry"_qs} << 2;
        QTest::newRow("hardlink") << baseline()
                + QList<ArchiveEntry>{{fe + u"/3_link/down.sql"_qs, {}, ArchiveEntry::Hardlink, fe + u"/1_m/up.sql"_qs}}
                                  << QStringList{u"unsafe-entry"_qs} << 2;
        QTest::newRow("non-utf8 sql") << migrationEntries(fe, 1, {}) + migrationEntries(fe, 2, {1}, "SELECT '\xff\xfe';")
                                      << QStringList{u"non-utf8-sql"_qs} << 2;
        QTest::newRow("metadata not a map")
            << migrationEntries(fe, 1, {}) + QList<ArchiveEntry>{{fe + u"/2_m/up.sql"_qs, "SELECT 1;"},
                                                                 {fe + u"/2_m/down.sql"_qs, "SELECT 1;"},
                                                                 {fe + u"/2_m/metadata.yaml"_qs, "- just\n- a list\n"}}
            << QStringList{u"invalid-metadata"_qs, u"multiple-roots"_qs} << 2;
        QTest::newRow("non-integer parents")
            << migrationEntries(fe, 1, {}) + QList<ArchiveEntry>{{fe + u"/2_m/up.sql"_qs, "SELECT 1;"},
                                                                 {fe + u"/2_m/down.sql"_qs, "SELECT 1;"},
                                                                 {fe + u"/2_m/metadata.yaml"_qs, "name: m\nparents: [1, one]\n"}}
            << QStringList{u"invalid-metadata"_qs} << 2;
        QTest::newRow("duplicate id") << baseline()
                + QList<ArchiveEntry>{{fe + u"/2_other/up.sql"_qs, "SELECT 2;"},
                                      {fe + u"/2_other/down.sql"_qs, "SELECT 2;"},
                                      {fe + u"/2_other/metadata.yaml"_qs, "name: other\nparents: [1]\n"}}
                                      << QStringList{u"duplicate-id"_qs} << 2;
        QTest::newRow("cycle") << migrationEntries(fe, 1, {}) + migrationEntries(fe, 2, {1, 3}) + migrationEntries(fe, 3, {2})
                               << QStringList{u"cycle"_qs} << 3;
        // Longer than ustar's 100-byte name field: the writer uses a pax path record.
        QTest::newRow("long path") << baseline()
                + QList<ArchiveEntry>{{fe + u"/3_"_qs + QString(150, u'y') + u"/up.sql"_qs, "SELECT 3;"},
                                      {fe + u"/3_"_qs + QString(150, u'y') + u"/down.sql"_qs, "SELECT 3;"},
                                      {fe + u"/3_"_qs + QString(150, u'y') + u"/metadata.yaml"_qs, "parents: [2]\n"}}
                                   << QStringList{} << 3;
        QTest::newRow("missing parent") << migrationEntries(fe, 1, {}) + migrationEntries(fe, 2, {1, 42})
                                        << QStringList{u"missing-parent"_qs} << 2;
        QTest::newRow("missing files") << migrationEntries(fe, 1, {}) + QList<ArchiveEntry>{{fe + u"/2_m/metadata.yaml"_qs, "parents: [1]\n"}}
                                       << QStringList{u"empty-up"_qs, u"missing-file"_qs, u"missing-file"_qs} << 2;
    }
    void findings()
    {
        QFETCH(QList<ArchiveEntry>, entries);
        QFETCH(QStringList, kinds);
        QFETCH(int, frontendCount);
        QTemporaryDir dir;
        const QString sub = dir.filePath(u"a/b"_qs); // ".." entries would land in dir or above
        QVERIFY(QDir().mkpath(sub));
        const QString path = sub + u"/migrations-v6.0.0.tar.gz"_qs;
        QVERIFY(writeArchive(path, entries));
        const auto result = loadOne(path);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(kindsOf(result->findings), kinds);
        QCOMPARE(result->releases.size(), 1);
        QCOMPARE(result->releases.first()->schema(u"frontend"_qs)->migrations.size(), frontendCount);
        // Nothing is ever extracted.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{u"a"_qs});
        QCOMPARE(QDir(dir.filePath(u"a"_qs)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{u"b"_qs});
        QVERIFY(!QFile::exists(u"/tmp/passlane-evil"_qs));
        for (const Finding &f : result->findings)
            QVERIFY2(!f.file.isEmpty() && !f.message.isEmpty(), qPrintable(f.kind));
    }

    void fiftyMegabyteUpSql()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"migrations-v6.0.0.tar.gz"_qs);
        QByteArray big;
        big.reserve(50 * 1024 * 1024 + 100);
        while (big.size() < 50 * 1024 * 1024)
            big.append("INSERT INTO t VALUES (1, 'abcdefghijklmnopqrstuvwxyz');\n");
        QVERIFY(writeArchive(path, migrationEntries(fe, 1, {}) + migrationEntries(fe, 2, {1}, big)));
        const auto result = loadOne(path);
        QVERIFY(result.ok());
        QCOMPARE(result->graph.definition(u"frontend"_qs, 2)->upQuery.size(), big.size());
        QCOMPARE(kindsOf(result->findings), QStringList{});
    }

    void zipAndPlainTar_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("zip") << int(ArchiveFormat::Zip) << u"migrations-v6.0.0.zip"_qs;
        QTest::newRow("tar") << int(ArchiveFormat::Tar) << u"migrations-v6.0.0.tar"_qs;
    }
    void zipAndPlainTar()
    {
        QFETCH(int, format);
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QList<ArchiveEntry> evil{{u"../evil/1_x.up.sql"_qs, "x"},
                                       {fe + u"/9_link/up.sql"_qs, {}, ArchiveEntry::Symlink, u"/etc/passwd"_qs}};
        QVERIFY(writeArchive(dir.filePath(name), baseline() + evil, ArchiveFormat(format)));
        const auto result = loadOne(dir.filePath(name));
        QVERIFY(result.ok());
        QCOMPARE(result->releases.first()->schema(u"frontend"_qs)->migrations.size(), 2);
        QCOMPARE(kindsOf(result->findings), (QStringList{u"unsafe-entry"_qs, u"unsafe-entry"_qs}));
    }

    void folderSymlinkNotFollowed()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(u"v6.0.0/migrations/frontend"_qs);
        for (qint64 id : {1, 2}) {
            QVERIFY(QDir().mkpath(root + u'/' + QString::number(id) + u"_m"_qs));
            const QString base = root + u'/' + QString::number(id) + u"_m/"_qs;
            QFile up(base + u"up.sql"_qs), down(base + u"down.sql"_qs), meta(base + u"metadata.yaml"_qs);
            QVERIFY(up.open(QIODevice::WriteOnly) && down.open(QIODevice::WriteOnly) && meta.open(QIODevice::WriteOnly));
            up.write("SELECT 1;");
            down.write("SELECT 1;");
            meta.write(id == 1 ? "name: a\nparents: []\n" : "name: b\nparents: [1]\n");
        }
        QVERIFY(QDir().mkpath(dir.filePath(u"outside/3_x"_qs)));
        QVERIFY(QFile::link(dir.filePath(u"outside/3_x"_qs), root + u"/3_x"_qs));
        QVERIFY(QFile::link(u"/etc/hostname"_qs, root + u"/4_y.up.sql"_qs));
        const auto result = loadOne(dir.filePath(u"v6.0.0"_qs));
        QVERIFY(result.ok());
        QCOMPARE(kindsOf(result->findings), (QStringList{u"unsafe-entry"_qs, u"unsafe-entry"_qs}));
        QCOMPARE(result->releases.first()->schema(u"frontend"_qs)->migrations.size(), 2);
    }

    void unreadableSourceNamesTheFile()
    {
        const auto result = loadOne(u"/nonexistent/migrations-v6.0.0.tar.gz"_qs);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().file, u"/nonexistent/migrations-v6.0.0.tar.gz"_qs);
        QTemporaryDir dir;
        QVERIFY(writeArchive(dir.filePath(u"snapshot.tar.gz"_qs), baseline()));
        const auto noVersion = loadOne(dir.filePath(u"snapshot.tar.gz"_qs));
        QVERIFY(!noVersion.ok());
        QVERIFY(noVersion.error().message.contains(u"version"));
    }

    void cancelStops()
    {
        QTemporaryDir dir;
        QVERIFY(writeArchive(dir.filePath(u"migrations-v6.0.0.tar.gz"_qs), baseline()));
        LoadRequest r;
        r.sources = {dir.path()};
        Progress p;
        p.canceled = [] { return true; };
        const auto result = loadCatalog(r, p);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, u"canceled"_qs);
    }
};

QTEST_GUILESS_MAIN(TestBadInputs)
#include "tst_badinputs.moc"
