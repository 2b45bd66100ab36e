// The 70 real Sourcegraph release snapshots (../shared/fixtures/sourcegraph). Expected values
// are derived independently of Passlane's readers: GNU tar (via QProcess) lists and extracts
// each archive, and a small regex reads `parents`, so no result is copied from our own output.
// Facts that are stated by hand say in a comment how they were derived.
#include "catalog/catalog.h"
#include "fixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace passlane;

namespace {

struct TarFacts {
    QMap<QString, QMap<qint64, QList<qint64>>> parents; // schema -> id -> parents
    bool consistent = false; // the listing's sizes account for every extracted byte
};

QByteArray runTar(const QStringList &args)
{
    QProcess tar;
    tar.start(QStringLiteral("tar"), args);
    if (!tar.waitForFinished(60000) || tar.exitCode() != 0)
        return {};
    return tar.readAllStandardOutput();
}

/// `tar tzvf` (names and sizes, in archive order), once per archive.
QString listing(const QString &archive)
{
    static QHash<QString, QString> cache;
    auto it = cache.find(archive);
    if (it == cache.end())
        it = cache.insert(archive, QString::fromUtf8(runTar({QStringLiteral("tzvf"), archive})));
    return *it;
}

/// Migration folders from the listing; parents from metadata.yaml read by regex. The metadata
/// files come concatenated from `tar xzOf` (nothing is written to disk) and are split by the
/// sizes in the verbose listing, which follows the same archive order.
TarFacts tarFacts(const QString &archive)
{
    TarFacts facts;
    const QByteArray allMeta = runTar({QStringLiteral("xzOf"), archive, QStringLiteral("--wildcards"),
                                       QStringLiteral("*/metadata.yaml")});
    static const QRegularExpression lineRe(QStringLiteral(R"(^\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(migrations/([^/]+)/(\d+)_[^/]+/metadata\.yaml)$)"));
    static const QRegularExpression flowRe(QStringLiteral(R"(^parents?:\s*\[([^\]]*)\])"), QRegularExpression::MultilineOption);
    static const QRegularExpression scalarRe(QStringLiteral(R"(^parents?:\s*(\d+)\s*$)"), QRegularExpression::MultilineOption);
    static const QRegularExpression blockRe(QStringLiteral(R"(^parents?:\s*\n((?:\s*-\s*\d+\s*\n?)+))"), QRegularExpression::MultilineOption);
    static const QRegularExpression numRe(QStringLiteral(R"(\d+)"));
    qsizetype offset = 0;
    for (const QString &line : listing(archive).split(u'\n', Qt::SkipEmptyParts)) {
        const auto m = lineRe.match(line);
        if (!m.hasMatch())
            continue;
        const qsizetype size = m.captured(1).toLongLong();
        const QString text = QString::fromUtf8(allMeta.mid(offset, size));
        offset += size;
        QString list;
        if (auto f = flowRe.match(text); f.hasMatch())
            list = f.captured(1);
        else if (auto s = scalarRe.match(text); s.hasMatch())
            list = s.captured(1);
        else if (auto b = blockRe.match(text); b.hasMatch())
            list = b.captured(1);
        QList<qint64> ps;
        for (auto it = numRe.globalMatch(list); it.hasNext();)
            ps.append(it.next().captured().toLongLong());
        std::sort(ps.begin(), ps.end());
        facts.parents[m.captured(3)].insert(m.captured(4).toLongLong(), ps);
    }
    facts.consistent = offset == allMeta.size() && offset > 0;
    return facts;
}

QList<qint64> rootsOf(const QMap<qint64, QList<qint64>> &g)
{
    QList<qint64> roots;
    for (auto it = g.cbegin(); it != g.cend(); ++it)
        if (it->isEmpty())
            roots.append(it.key());
    return roots;
}

QList<qint64> leavesOf(const QMap<qint64, QList<qint64>> &g)
{
    QSet<qint64> referenced;
    for (const auto &ps : g)
        for (qint64 p : ps)
            referenced.insert(p);
    QList<qint64> leaves;
    for (auto it = g.cbegin(); it != g.cend(); ++it)
        if (!referenced.contains(it.key()))
            leaves.append(it.key());
    return leaves;
}

} // namespace

class TestRealData : public QObject {
    Q_OBJECT
    std::optional<Catalog> m_catalog;
    QString m_releasesDir;

private Q_SLOTS:
    void initTestCase()
    {
        const QString fixtures = passlane::test::sourcegraphFixtures();
        if (fixtures.isEmpty())
            return; // each test skips (or fails under CI) through PASSLANE_REQUIRE_FIXTURES
        m_releasesDir = fixtures + QStringLiteral("/releases");
        LoadRequest request;
        request.sources = {m_releasesDir};
        auto catalog = loadCatalog(request);
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        m_catalog = std::move(catalog).value();
    }

    void releasesInVersionOrderWithDates()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        const QStringList archives = QDir(m_releasesDir).entryList({QStringLiteral("migrations-v*.tar.gz")}, QDir::Files);
        QCOMPARE(archives.size(), 70);
        QCOMPARE(m_catalog->releases.size(), 70);
        for (qsizetype i = 1; i < m_catalog->releases.size(); ++i)
            QVERIFY(m_catalog->releases[i - 1]->version < m_catalog->releases[i]->version);
        // RELEASES.txt is in date order; every line's date lands on its release.
        QFile list(m_releasesDir + QStringLiteral("/RELEASES.txt"));
        QVERIFY(list.open(QIODevice::ReadOnly));
        int checked = 0;
        for (const QByteArray &line : list.readAll().split('\n')) {
            const auto parts = line.simplified().split(' ');
            if (parts.size() != 2)
                continue;
            const Release *r = m_catalog->release(*Version::parse(QString::fromLatin1(parts[0])));
            QVERIFY2(r, parts[0].constData());
            QCOMPARE(r->date, QString::fromLatin1(parts[1]));
            ++checked;
        }
        QCOMPARE(checked, 70);
        // By date 5.9.17785 shipped after 6.0.0; by version it comes first.
        QVERIFY(m_catalog->graph.versions().indexOf(*Version::parse(u"5.9.17785")) <
                m_catalog->graph.versions().indexOf(*Version::parse(u"6.0.0")));
    }

    void perRelease_data()
    {
        QTest::addColumn<QString>("archive");
        const QString fixtures = passlane::test::sourcegraphFixtures();
        if (fixtures.isEmpty()) {
            QTest::newRow("no fixtures") << QString();
            return;
        }
        for (const QString &name : QDir(fixtures + QStringLiteral("/releases"))
                                       .entryList({QStringLiteral("migrations-v*.tar.gz")}, QDir::Files))
            QTest::newRow(qPrintable(name)) << fixtures + QStringLiteral("/releases/") + name;
    }
    // Counts, roots and leaves of every schema of every release, and the stitched bounds.
    void perRelease()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QFETCH(QString, archive);
        const Version v = *Version::fromSourceName(QFileInfo(archive).fileName());
        const TarFacts facts = tarFacts(archive);
        QVERIFY(facts.consistent);
        const Release *r = m_catalog->release(v);
        QVERIFY(r);
        QCOMPARE(QStringList(r->schemas.keys()), QStringList(facts.parents.keys()));
        for (auto it = facts.parents.cbegin(); it != facts.parents.cend(); ++it) {
            const SchemaSnapshot *s = r->schema(it.key());
            QVERIFY(s);
            QCOMPARE(s->migrations.size(), it->size());
            for (auto m = it->cbegin(); m != it->cend(); ++m)
                QCOMPARE(s->migrations.value(m.key())->parents, *m);
            const QList<qint64> roots = rootsOf(*it);
            QCOMPARE(roots.size(), 1); // every real release has one root per schema
            const auto bounds = m_catalog->graph.bounds(it.key(), v);
            QVERIFY(bounds);
            QVERIFY(!bounds->preCreation);
            QCOMPARE(bounds->rootId, roots.first());
            QCOMPARE(bounds->leafIds, leavesOf(*it));
            // Everything the release has applied at its leaves is its own migrations.
            QCOMPARE(m_catalog->graph.appliedAt(it.key(), v).size(), it->size());
        }
    }

    // Hand-checked facts (counted with `ls -d migrations/<schema>/*/ | wc -l` on extracted archives).
    void knownCounts_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<int>("count");
        QTest::newRow("5.8.1579 frontend") << u"5.8.1579"_qs << u"frontend"_qs << 81;
        QTest::newRow("5.8.1579 codeintel") << u"5.8.1579"_qs << u"codeintel"_qs << 8;
        QTest::newRow("6.7.0 frontend") << u"6.7.0"_qs << u"frontend"_qs << 255;
        QTest::newRow("6.7.0 codeinsights") << u"6.7.0"_qs << u"codeinsights"_qs << 32;
        QTest::newRow("7.2.1943 frontend") << u"7.2.1943"_qs << u"frontend"_qs << 340;
        QTest::newRow("7.2.1943 codeintel") << u"7.2.1943"_qs << u"codeintel"_qs << 33;
    }
    void knownCounts()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QFETCH(QString, version);
        QFETCH(QString, schema);
        QFETCH(int, count);
        QCOMPARE(m_catalog->release(*Version::parse(version))->schema(schema)->migrations.size(), count);
    }

    void stitchedDefinitionsAreTheUnion()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QMap<QString, QSet<qint64>> all;
        static const QRegularExpression re(QStringLiteral(R"( migrations/([^/]+)/(\d+)_[^/]+/up\.sql$)"), QRegularExpression::MultilineOption);
        for (const QString &name : QDir(m_releasesDir).entryList({QStringLiteral("*.tar.gz")}, QDir::Files)) {
            for (auto it = re.globalMatch(listing(m_releasesDir + u'/' + name)); it.hasNext();) {
                const auto m = it.next();
                all[m.captured(1)].insert(m.captured(2).toLongLong());
            }
        }
        QCOMPARE(m_catalog->graph.schemas(), QStringList(all.keys()));
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            const auto keys = m_catalog->graph.definitions(it.key()).keys();
            QCOMPARE(QSet<qint64>(keys.begin(), keys.end()), *it);
        }
    }

    // The singular `parent:` appears in frontend 1754948630 from 6.7.0 on: reported once.
    void parentAlias()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        int carriers = 0;
        for (const QString &name : QDir(m_releasesDir).entryList({QStringLiteral("*.tar.gz")}, QDir::Files)) {
            if (!listing(m_releasesDir + u'/' + name).contains(u"migrations/frontend/1754948630_"))
                continue;
            const QByteArray meta = runTar({QStringLiteral("xzOf"), m_releasesDir + u'/' + name, QStringLiteral("--wildcards"),
                                            QStringLiteral("migrations/frontend/1754948630_*/metadata.yaml")});
            if (meta.contains("\nparent:") || meta.startsWith("parent:"))
                ++carriers;
        }
        QList<Finding> alias;
        for (const Finding &f : m_catalog->findings)
            if (f.kind == u"parent-alias")
                alias.append(f);
        QCOMPARE(alias.size(), 1);
        QCOMPARE(alias.first().release, u"6.7.0"_qs);
        QCOMPARE(alias.first().schema, u"frontend"_qs);
        QCOMPARE(*alias.first().id, 1754948630);
        QVERIFY(alias.first().file.endsWith(u"metadata.yaml"));
        QVERIFY2(alias.first().message.contains(QStringLiteral("carried by %1 releases").arg(carriers)),
                 qPrintable(alias.first().message));
        // The alias is read as parents.
        QCOMPARE(m_catalog->graph.definition(u"frontend"_qs, 1754948630)->parents, QList<qint64>{1754683409});
    }

    // Derived by extracting all 70 archives with GNU tar and comparing, per (schema, id) in
    // version order, up.sql, down.sql, parents and flags with the first definition and with the
    // previous release (a throwaway script outside the project): 22 edits after release.
    void editedMigrations_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<qint64>("id");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("changed");
        const struct { const char *schema; qint64 id; const char *first, *changed; } edits[] = {
            {"codeinsights", 1723117231, "5.8.1579", "5.9.45"}, {"codeintel", 1723117227, "5.8.1579", "5.9.45"},
            {"frontend", 1722961262, "5.8.1579", "5.9.45"},     {"frontend", 1729579045, "5.9.45", "5.11.0"},
            {"frontend", 1711003437, "5.8.1579", "6.3.0"},      {"frontend", 1721251474, "5.8.1579", "6.3.0"},
            {"frontend", 1740649479, "6.2.0", "6.3.0"},         {"frontend", 1741434181, "6.2.0", "6.3.0"},
            {"frontend", 1741620649, "6.2.0", "6.3.0"},         {"frontend", 1741669067, "6.2.0", "6.3.0"},
            {"frontend", 1741881212, "6.2.0", "6.3.0"},         {"frontend", 1746211334, "6.4.0", "6.5.0"},
            {"frontend", 1736991602, "5.9.17785", "7.0.0"},     {"frontend", 1737640407, "6.1.0", "7.0.0"},
            {"frontend", 1729862219, "5.9.17785", "7.2.0"},     {"frontend", 1732012685, "5.9.17785", "7.2.0"},
            {"frontend", 1743888862, "6.3.0", "7.2.0"},         {"frontend", 1750164372, "6.5.0", "7.2.0"},
            {"frontend", 1756143187, "6.8.0", "7.2.0"},         {"frontend", 1766115541, "7.0.0", "7.2.0"},
            {"frontend", 1771954856, "7.1.0", "7.2.0"},         {"frontend", 1772020933, "7.1.0", "7.2.0"},
        };
        for (const auto &e : edits)
            QTest::addRow("%s %lld", e.schema, e.id) << QString::fromLatin1(e.schema) << e.id
                                                     << QString::fromLatin1(e.first) << QString::fromLatin1(e.changed);
    }
    void editedMigrations()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QFETCH(QString, schema);
        QFETCH(qint64, id);
        QFETCH(QString, first);
        QFETCH(QString, changed);
        int matches = 0;
        for (const Finding &f : m_catalog->findings)
            if (f.kind == u"edited-migration" && f.schema == schema && f.id == id) {
                ++matches;
                QCOMPARE(f.release, changed);
                QCOMPARE(f.firstRelease, first);
            }
        QCOMPARE(matches, 1);
        QCOMPARE(m_catalog->graph.introducedIn(schema, id)->toString(), first);
    }
    void editCount()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        const auto edits = std::count_if(m_catalog->findings.begin(), m_catalog->findings.end(),
                                         [](const Finding &f) { return f.kind == u"edited-migration"; });
        QCOMPARE(edits, 22);
    }

    // Nine distinct migrations have an up.sql that is empty or only comments (found with a
    // script that strips `--` comments and whitespace from every extracted up.sql); each is
    // reported once although it ships in many releases.
    void emptyUpReportedOnce()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QSet<QString> seen;
        for (const Finding &f : m_catalog->findings)
            if (f.kind == u"empty-up") {
                const QString key = f.schema + u' ' + QString::number(*f.id);
                QVERIFY2(!seen.contains(key), qPrintable(key));
                seen.insert(key);
            }
        QCOMPARE(seen.size(), 9);
    }
};

QTEST_GUILESS_MAIN(TestRealData)
#include "tst_realdata.moc"
