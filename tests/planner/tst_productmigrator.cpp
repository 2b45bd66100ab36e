// What the product's own migrator would do, against Passlane's plans, and the stitched export
// it reads, over the 70 real Sourcegraph release snapshots.
#include "catalog/catalog.h"
#include "fixtures.h"
#include "graph/editdiff.h"
#include "graph/migrationcanon.h"
#include "plan/planner.h"
#include "plan/productmigrator.h"
#include "report/migratorreport.h"
#include "report/planreport.h"
#include "synthetic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <memory>

using namespace passlane;

namespace {

const QString FE = QStringLiteral("frontend");

Version v(const char *text)
{
    return *Version::parse(QString::fromLatin1(text));
}

QList<MigratorDifference> ofKind(const ProductMigratorView &view, const QString &kind)
{
    QList<MigratorDifference> out;
    for (const MigratorDifference &d : view.differences)
        if (d.kind == kind)
            out << d;
    return out;
}

/// Strict descendants of `roots` in the stitched graph (children of children ...).
QSet<qint64> descendantsOf(const StitchedGraph &g, const QString &schema, const QList<qint64> &roots)
{
    QMap<qint64, QList<qint64>> children;
    for (auto it = g.definitions(schema).cbegin(); it != g.definitions(schema).cend(); ++it)
        for (qint64 p : (*it)->parents)
            children[p] << it.key();
    QSet<qint64> seen;
    QList<qint64> stack = roots;
    while (!stack.isEmpty())
        for (qint64 c : children.value(stack.takeLast()))
            if (!seen.contains(c)) {
                seen.insert(c);
                stack << c;
            }
    return seen;
}

} // namespace

class TestProductMigrator : public QObject {
    Q_OBJECT
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<Planner> m_whatIf;

private Q_SLOTS:
    void initTestCase()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        LoadRequest request;
        request.sources << fixtures + QStringLiteral("/releases");
        request.oobFiles << fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml");
        auto catalog = loadCatalog(request);
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        m_catalog = std::make_unique<Catalog>(std::move(catalog).value());
        m_whatIf = std::make_unique<Planner>(m_catalog->graph, m_catalog->oob);
    }

    void downgradeLeavesDrift()
    {
        // 7.2.1943 -> 7.1.0: Passlane undoes every applied frontend migration 7.1.0 lacks (18); the
        // product undoes only applied descendants of 7.1.0's leaves (12). The other 6 hang off
        // migrations below those leaves, so they stay applied: drift.
        const auto plan = m_whatIf->plan(v("7.2.1943"), v("7.1.0"));
        QVERIFY(plan.ok());
        const ProductMigratorView view = productMigratorView(*m_whatIf, *plan);
        QVERIFY(view.canPlan());
        QCOMPARE(plan->steps.last().schemas.value(FE).size(), 18);
        QCOMPARE(view.steps.size(), 1);
        QCOMPARE(view.steps.first().tag, QStringLiteral("v7.1.0"));
        QCOMPARE(view.steps.first().schemas.value(FE).size(), 12);
        const auto drift = ofKind(view, QStringLiteral("drift"));
        QCOMPARE(drift.size(), 1);
        QCOMPARE(drift.first().schema, FE);
        QCOMPARE(drift.first().ids,
                 (QList<qint64>{1771432017, 1771432043, 1771435941, 1772717355, 1773151323, 1773276886}));
        // Derivation: in 7.2.1943's closure, not in 7.1.0's, and no descendant of a 7.1.0 leaf.
        const auto &g = m_catalog->graph;
        const QSet<qint64> below = descendantsOf(g, FE, g.bounds(FE, v("7.1.0"))->leafIds);
        const QSet<qint64> extra = g.appliedAt(FE, v("7.2.1943")) - g.appliedAt(FE, v("7.1.0"));
        QSet<qint64> expected;
        for (qint64 id : extra)
            if (!below.contains(id))
                expected << id;
        QCOMPARE(QSet<qint64>(drift.first().ids.cbegin(), drift.first().ids.cend()), expected);
        // The down.sql to run by hand names every id, children first.
        for (qint64 id : drift.first().ids)
            QVERIFY(drift.first().sql.contains(QStringLiteral("-- frontend %1\n").arg(id)));
    }

    void oobAtItsDeprecation()
    {
        // 5.9.45 -> 7.2.1943 with the what-if registry: the product's points are the minors before
        // each uncovered deprecation (5.11, 6.5, 6.10, 7.1), and it gives each migration the latest
        // point in [introduced, deprecated] with the deprecation included: 29 (6.7 -> 7.1) lands at
        // 7.1, its own deprecation. Passlane completes it at 6.10.
        const auto plan = m_whatIf->plan(v("5.9.45"), v("7.2.1943"));
        QVERIFY(plan.ok());
        const ProductMigratorView view = productMigratorView(*m_whatIf, *plan);
        const auto late = ofKind(view, QStringLiteral("oob-at-deprecation"));
        QCOMPARE(late.size(), 1);
        QCOMPARE(late.first().oob, QList<int>{29});
        QVERIFY(late.first().message.contains(QLatin1String("7.1")));
        QVERIFY(late.first().message.contains(QLatin1String("6.10")));
        QStringList tags;
        for (const MigratorStep &s : view.steps)
            tags << s.tag + u'[' + [&] {
                QStringList ids;
                for (int id : s.oob)
                    ids << QString::number(id);
                return ids.join(u',');
            }() + u']';
        QCOMPARE(tags.join(u' '), QStringLiteral("v5.11.0[21,22,25] v6.5.0[26,28] v6.10.0[27,31] v7.1.0[29,32] v7.2.0[]"));
    }

    void cannotPlanMissingDotZero()
    {
        // 5.9 has no .0 release in the data (5.9.45 is its lowest patch), and the product's version
        // table has no last minor for 5.x and 6.x: its migrator cannot plan 5.9 -> 7.2 at all.
        const auto plan = m_whatIf->plan(v("5.9.45"), v("7.2.1943"));
        const ProductMigratorView view = productMigratorView(*m_whatIf, *plan);
        QVERIFY(!view.canPlan());
        const auto missing = ofKind(view, QStringLiteral("missing-release"));
        QCOMPARE(missing.size(), 1);
        QVERIFY(missing.first().blocking);
        QVERIFY(missing.first().message.contains(QLatin1String("v5.9.0 (Passlane uses 5.9.45)")));
        QVERIFY(missing.first().message.contains(QLatin1String("v6.6.0 (Passlane uses 6.6.868)")));
        QVERIFY(!missing.first().message.contains(QLatin1String("v5.8.0"))); // below the range
        QCOMPARE(ofKind(view, QStringLiteral("version-table")).size(), 1);
    }

    void oobDifferencesAcrossMinorPairs()
    {
        // Every pair of the 20 known minors (each by its representative release), both ways.
        const VersionIndex &index = m_whatIf->versions();
        QCOMPARE(index.minors().size(), 20);
        int atDeprecation = 0, upAny = 0, window = 0, downAny = 0;
        for (qsizetype i = 0; i < index.minors().size(); ++i)
            for (qsizetype j = i + 1; j < index.minors().size(); ++j) {
                const Version a = *index.representative(index.minors().at(i));
                const Version b = *index.representative(index.minors().at(j));
                const auto up = m_whatIf->plan(a, b);
                const auto down = m_whatIf->plan(b, a);
                QVERIFY(up->productMigrator && down->productMigrator);
                auto has = [](const ProductMigratorView &view, const QStringList &kinds) {
                    return std::any_of(view.differences.cbegin(), view.differences.cend(),
                                       [&](const MigratorDifference &d) { return kinds.contains(d.kind); });
                };
                atDeprecation += has(*up->productMigrator, {QStringLiteral("oob-at-deprecation")});
                upAny += has(*up->productMigrator, {QStringLiteral("oob-at-deprecation"), QStringLiteral("oob-stop")});
                window += has(*down->productMigrator, {QStringLiteral("oob-not-reverted"), QStringLiteral("oob-extra-revert")});
                downAny += has(*down->productMigrator, {QStringLiteral("oob-not-reverted"), QStringLiteral("oob-extra-revert"),
                                                        QStringLiteral("oob-stop")});
            }
        qInfo("upgrade pairs: %d with an OOB at its deprecation, %d with any OOB difference; downgrade pairs: %d "
              "with a window difference, %d with any OOB difference",
              atDeprecation, upAny, window, downAny);
        // 17 upgrade pairs put a migration at its own deprecation (29 at 7.1 is one of them).
        QCOMPARE(atDeprecation, 17);
        // The window rules differ exactly when an end of the pair is the minor that introduced a
        // destructive migration (26 at 6.1, 27 at 6.3, 29 at 6.7): the product reverts one
        // introduced at `to` and skips one introduced at `from`.
        QSet<MinorVersion> destructive;
        for (const OobMigration &m : m_whatIf->registry().migrations())
            if (!m.nonDestructive)
                destructive << m.introduced;
        int expected = 0;
        for (qsizetype i = 0; i < index.minors().size(); ++i)
            for (qsizetype j = i + 1; j < index.minors().size(); ++j)
                expected += destructive.contains(index.minors().at(i)) || destructive.contains(index.minors().at(j));
        QCOMPARE(expected, 54);
        QCOMPARE(window, expected);
    }

    void panics()
    {
        // Downgrade 7.2.1943 -> 6.5.0: 30 (introduced 6.8, never deprecated) is taken as deprecated
        // at 6.6, the minor after the target: its interval [6.8, 6.6] is empty and nothing covers it.
        const auto down = m_whatIf->plan(v("7.2.1943"), v("6.5.0"));
        const ProductMigratorView view = productMigratorView(*m_whatIf, *down);
        const auto panic = ofKind(view, QStringLiteral("panic"));
        QCOMPARE(panic.size(), 1);
        QCOMPARE(panic.first().oob, QList<int>{30});
        QVERIFY(panic.first().blocking && !view.canPlan());
        // Upgrade with 31 (introduced 6.10) deprecated at 6.9, before its introduction.
        const Planner broken(m_catalog->graph, m_catalog->oob.withDeprecation(31, MinorVersion{6, 9}));
        const auto up = broken.plan(v("6.0.0"), v("7.0.0"));
        const auto upPanic = ofKind(*up->productMigrator, QStringLiteral("panic"));
        QCOMPARE(upPanic.size(), 1);
        QCOMPARE(upPanic.first().oob, QList<int>{31});
        QVERIFY(upPanic.first().message.contains(QLatin1String("at or before its introduction")));
    }

    void noDifferenceWhenTheRulesAgree()
    {
        // 6.7.0 -> 6.8.0: one minor, no OOB deprecated at 6.8, both .0 releases exist.
        const auto plan = m_whatIf->plan(v("6.7.0"), v("6.8.0"));
        const ProductMigratorView view = productMigratorView(*m_whatIf, *plan);
        QVERIFY2(view.noDifference(), view.differences.isEmpty() ? "" : qPrintable(view.differences.first().message));
        QCOMPARE(view.steps.size(), 1);
        QCOMPARE(view.steps.first().schemas, plan->steps.first().schemas);
    }

    void reportCarriesTheView()
    {
        const auto plan = m_whatIf->plan(v("7.2.1943"), v("7.1.0"));
        ReportWriter writer;
        addPlanReport(writer, *plan, m_whatIf->registry(), m_whatIf->versions());
        const QJsonObject pm = writer.json().value(QStringLiteral("product_migrator")).toObject();
        QCOMPARE(pm.value(QStringLiteral("can_plan")).toBool(), true);
        QCOMPARE(pm.value(QStringLiteral("differences")).toArray().first().toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("drift"));
        const QByteArray md = writer.render(ReportFormat::Markdown);
        QVERIFY(md.contains("## The product's migrator"));
        QVERIFY(md.contains("1773276886"));
    }

    void exportFollowsTheProductsRules()
    {
        const auto &g = m_catalog->graph;
        Findings standIns;
        const QJsonObject root = QJsonDocument::fromJson(g.toStitchedJson(StitchedGraph::BoundsKeys::PerMinor, &standIns)).object();
        // Minors without a .0 release: 5.8, 5.9 and 6.6, each keyed with its lowest patch.
        QStringList named;
        for (const Finding &f : standIns)
            named << f.release;
        QCOMPARE(named, (QStringList{QStringLiteral("5.8.1579"), QStringLiteral("5.9.45"), QStringLiteral("6.6.868")}));
        int concurrent = 0, frontendConcurrent = 0;
        for (const QString &schema : g.schemas()) {
            const QJsonObject s = root.value(schema).toObject();
            const QJsonObject bounds = s.value(QStringLiteral("BoundsByRev")).toObject();
            QCOMPARE(bounds.size(), 20); // one key per minor, 5.8 .. 7.2
            for (const QString &key : bounds.keys())
                QVERIFY2(key.endsWith(QLatin1String(".0")), qPrintable(key));
            const QJsonObject b59 = bounds.value(QStringLiteral("v5.9.0")).toObject();
            QCOMPARE(b59.value(QStringLiteral("RootID")).toInteger(), g.bounds(schema, v("5.9.45"))->rootId);
            // Definitions and every release's leaves in the product's order.
            const QList<qint64> reference = passlane::test::referenceApplyOrder(g, schema);
            const QJsonArray defs = s.value(QStringLiteral("Definitions")).toArray();
            QList<qint64> ids;
            for (const QJsonValue &d : defs)
                ids << d.toObject().value(QStringLiteral("ID")).toInteger();
            QCOMPARE(ids, reference);
            for (const QString &key : bounds.keys()) {
                QList<qint64> leaves;
                for (const QJsonValue &l : bounds.value(key).toObject().value(QStringLiteral("LeafIDs")).toArray())
                    leaves << l.toInteger();
                QCOMPARE(leaves, passlane::test::restricted(reference, QSet<qint64>(leaves.cbegin(), leaves.cend())));
            }
            for (const QJsonValue &dv : defs) {
                const QJsonObject d = dv.toObject();
                const QString up = d.value(QStringLiteral("UpQuery")).toString();
                // Canonical: trimmed, no outer BEGIN;/COMMIT;, no metadata fence.
                QCOMPARE(up, up.trimmed());
                QVERIFY(!up.startsWith(QLatin1String("BEGIN;")) && !up.endsWith(QLatin1String("COMMIT;")));
                QVERIFY(!up.contains(QLatin1String("-- +++\n")));
                const bool flagged = d.value(QStringLiteral("IsCreateIndexConcurrently")).toBool();
                const QJsonValue meta = d.value(QStringLiteral("IndexMetadata"));
                QCOMPARE(meta.isObject(), flagged);
                if (!flagged)
                    continue;
                ++concurrent;
                frontendConcurrent += schema == FE;
                // Independently: the word after CONCURRENTLY (after IF NOT EXISTS) and the word after ON.
                const QStringList words = up.simplified().split(u' ');
                qsizetype at = words.indexOf(QStringLiteral("CONCURRENTLY")) + 1;
                if (words.value(at) == u"IF")
                    at += 3;
                const QString index = words.value(at);
                QCOMPARE(words.value(at + 1), QStringLiteral("ON"));
                QString table = words.value(at + 2);
                table.truncate(table.indexOf(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]"))) < 0
                                   ? table.size()
                                   : table.indexOf(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]"))));
                QCOMPARE(meta.toObject().value(QStringLiteral("IndexName")).toString(), index);
                QCOMPARE(meta.toObject().value(QStringLiteral("TableName")).toString(), table);
                if (d.value(QStringLiteral("ID")).toInteger() == 1691759644) {
                    QCOMPARE(table, QStringLiteral("lsif_indexes"));
                    QCOMPARE(index, QStringLiteral("lsif_indexes_dequeue_order_idx"));
                }
            }
        }
        QCOMPARE(concurrent, 30); // frontend 1691759644 and 25 more, 3 in codeinsights, 1 in codeintel
        QCOMPARE(frontendConcurrent, 26);
        // Per release: today's keys, one per release.
        const QJsonObject perRelease = QJsonDocument::fromJson(g.toStitchedJson(StitchedGraph::BoundsKeys::PerRelease)).object();
        QCOMPARE(perRelease.value(FE).toObject().value(QStringLiteral("BoundsByRev")).toObject().size(), 70);
    }

    void editsClassified()
    {
        // Eight of the 22 edits only touch comments: 7 drop the template comment from up.sql in
        // 6.3.0, one drops a comment from down.sql in 6.5.0. They are info; the rest warnings.
        int cosmetic = 0, substantive = 0, rejected = 0;
        for (const Finding &f : m_catalog->findings) {
            if (f.kind == u"edit-rejected-by-product") {
                ++rejected;
                continue;
            }
            if (f.kind != u"edited-migration")
                continue;
            QVERIFY2(f.diff.startsWith(QLatin1String("--- ")), qPrintable(f.message));
            QVERIFY(findingToJson(f).value(QStringLiteral("diff")).toString() == f.diff);
            // The changed lines of the diff: comments or blank lines only, for the cosmetic ones.
            bool onlyComments = true;
            for (const QString &line : f.diff.split(u'\n')) {
                if (line.startsWith(QLatin1String("--- ")) || line.startsWith(QLatin1String("+++ "))
                    || !(line.startsWith(u'-') || line.startsWith(u'+')))
                    continue;
                const QString body = line.mid(1).trimmed();
                onlyComments = onlyComments && (body.isEmpty() || body.startsWith(QLatin1String("--")));
            }
            if (f.severity == Severity::Info) {
                ++cosmetic;
                QVERIFY(f.message.contains(QLatin1String("cosmetic")));
                QVERIFY2(onlyComments, qPrintable(f.diff));
                QVERIFY(f.release == u"6.3.0" || f.release == u"6.5.0");
                QVERIFY(f.diff.contains(f.release == u"6.3.0" ? QLatin1String("/up.sql") : QLatin1String("/down.sql")));
            } else {
                ++substantive;
                QCOMPARE(f.severity, Severity::Warning);
                QVERIFY(f.message.contains(QLatin1String("substantive")));
            }
            // None of the edited ids is on the product's list of accepted edits.
            QVERIFY(!productAllowsEdit(*f.id));
        }
        QCOMPARE(cosmetic, 8);
        QCOMPARE(substantive, 14);
        // The product compares canonical SQL with comments kept: every one of them stops its stitcher.
        QCOMPARE(rejected, 22);
    }

    void unifiedDiffShape()
    {
        const QString d = unifiedDiff("a\nb\nc\n", "a\nB\nc\n", QStringLiteral("old"), QStringLiteral("new"));
        QCOMPARE(d, QStringLiteral("--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"));
        QVERIFY(unifiedDiff("same", "same", QStringLiteral("x"), QStringLiteral("y")).isEmpty());
        QCOMPARE(unifiedDiff("", "x\n", QStringLiteral("o"), QStringLiteral("n")), QStringLiteral("--- o\n+++ n\n@@ -0,0 +1 @@\n+x\n"));
    }

    void canonicalQuery_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("plain") << QByteArray("  CREATE TABLE t();\n") << QStringLiteral("CREATE TABLE t();");
        QTest::newRow("transaction") << QByteArray("BEGIN;\nCREATE TABLE t();\nCOMMIT;\n") << QStringLiteral("CREATE TABLE t();");
        QTest::newRow("fence") << QByteArray("-- +++\n-- parent: 1\n-- +++\nBEGIN;\nSELECT 1;\nCOMMIT;")
                               << QStringLiteral("SELECT 1;");
        QTest::newRow("inner commit kept") << QByteArray("SELECT 1;\nCOMMIT;\nSELECT 2;") << QStringLiteral("SELECT 1;\nCOMMIT;\nSELECT 2;");
    }
    void canonicalQuery()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, canonical);
        QCOMPARE(passlane::canonicalQuery(sql), canonical);
    }
};

QTEST_GUILESS_MAIN(TestProductMigrator)
#include "tst_productmigrator.moc"
