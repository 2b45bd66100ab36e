#include "graph/stitchedgraph.h"

#include "synthetic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace passlane;
using namespace passlane::test;

namespace {
const QString fe = QStringLiteral("frontend");

QList<Finding> ofKind(const Findings &all, const char *kind)
{
    QList<Finding> out;
    for (const Finding &f : all)
        if (f.kind == QLatin1String(kind))
            out.append(f);
    return out;
}
} // namespace

class TestStitcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstDefinitionWinsAndEditReportedOnce()
    {
        const auto r1 = rel("6.0.0", {{fe, {mig(1, {}), mig(2, {1}, "CREATE TABLE a;")}}});
        const auto r2 = rel("6.1.0", {{fe, {mig(1, {}), mig(2, {1}, "CREATE TABLE IF NOT EXISTS a;"), mig(3, {2})}}});
        const auto r3 = rel("6.2.0", {{fe, {mig(1, {}), mig(2, {1}, "CREATE TABLE IF NOT EXISTS a;"), mig(3, {2})}}});
        const StitchedGraph g = StitchedGraph::build({r3, r1, r2});
        QCOMPARE(g.definition(fe, 2)->upQuery, QByteArray("CREATE TABLE a;"));
        const auto edits = ofKind(g.findings(), "edited-migration");
        QCOMPARE(edits.size(), 1); // 6.2.0 carries the same edited content: not reported again
        QCOMPARE(edits.first().release, u"6.1.0"_qs);
        QCOMPARE(edits.first().firstRelease, u"6.0.0"_qs);
        QCOMPARE(*edits.first().id, 2);
        QVERIFY(edits.first().message.contains(u"up.sql"));
        QVERIFY(!edits.first().message.contains(u"down.sql"));
        // What each release's own migrator runs:
        QCOMPARE(g.shippedDefinition(fe, 2, *Version::parse(u"6.0.0")), r1->schema(fe)->migrations.value(2));
        QCOMPARE(g.shippedDefinition(fe, 2, *Version::parse(u"6.1.5")), r2->schema(fe)->migrations.value(2));
        QVERIFY(!g.shippedDefinition(fe, 3, *Version::parse(u"6.0.0")));
        QCOMPARE(g.introducedIn(fe, 3), Version::parse(u"6.1.0"));
    }

    void acceptedEditWins()
    {
        const auto r1 = rel("6.0.0", {{fe, {mig(1, {}), mig(2, {1}, "CREATE TABLE a;")}}});
        const auto r2 = rel("6.1.0", {{fe, {mig(1, {}), mig(2, {1}, "CREATE TABLE IF NOT EXISTS a;")}}});
        const StitchedGraph g = StitchedGraph::build({r1, r2}, {AcceptedEdit{fe, 2, *Version::parse(u"6.1.0")}});
        QCOMPARE(g.definition(fe, 2)->upQuery, QByteArray("CREATE TABLE IF NOT EXISTS a;"));
        QVERIFY(ofKind(g.findings(), "edited-migration").isEmpty());
        // Accepting a later release that carries the same edited content works too.
        const auto r3 = rel("6.1.7", {{fe, {mig(1, {}), mig(2, {1}, "CREATE TABLE IF NOT EXISTS a;")}}});
        const StitchedGraph later = StitchedGraph::build({r1, r2, r3}, {AcceptedEdit{fe, 2, *Version::parse(u"6.1.7")}});
        QCOMPARE(later.definition(fe, 2)->upQuery, QByteArray("CREATE TABLE IF NOT EXISTS a;"));
        QVERIFY(ofKind(later.findings(), "edited-migration").isEmpty());
        // Accepting a different release does not apply.
        const StitchedGraph other = StitchedGraph::build({r1, r2}, {AcceptedEdit{fe, 2, *Version::parse(u"6.0.0")}});
        QCOMPARE(other.definition(fe, 2)->upQuery, QByteArray("CREATE TABLE a;"));
        QCOMPARE(ofKind(other.findings(), "edited-migration").size(), 1);
    }

    void squashedNeverOverwrites()
    {
        const auto r1 = rel("6.0.0", {{fe, {mig(1, {}), mig(2, {1}), mig(3, {2})}}});
        const auto squashed = mig(3, {}, "CREATE TABLE everything;", u"squashed migrations (unprivileged)"_qs);
        const auto r2 = rel("6.2.0", {{fe, {squashed, mig(4, {3})}}});
        const StitchedGraph g = StitchedGraph::build({r1, r2});
        QCOMPARE(g.definition(fe, 3)->parents, QList<qint64>{2});
        QVERIFY(g.findings().isEmpty());
        QCOMPARE(g.definitions(fe).keys(), (QList<qint64>{1, 2, 3, 4}));
        // 6.2.0's own root is the squashed id; the stitched closure reaches back to 1.
        QCOMPARE(g.bounds(fe, r2->version)->rootId, 3);
        QCOMPARE(g.appliedAt(fe, r2->version), (QSet<qint64>{1, 2, 3, 4}));
        QCOMPARE(g.topologicalOrder(fe, g.appliedAt(fe, r2->version)), (QList<qint64>{1, 2, 3, 4}));
        // The squashed release ships the squashed form, but the migrator of 6.2.0 needs the real one.
        QCOMPARE(g.shippedDefinition(fe, 3, r2->version)->parents, QList<qint64>{2});
    }

    // 5.9.17785 shipped after 6.0.0 (by date) but is older by version: it defines first.
    void versionOrderNotDateOrder()
    {
        const auto newer = rel("6.0.0", {{fe, {mig(1, {}), mig(2, {1}, "NEW;")}}});
        const auto older = rel("5.9.17785", {{fe, {mig(1, {}), mig(2, {1}, "OLD;")}}});
        const StitchedGraph g = StitchedGraph::build({newer, older}); // date order
        QCOMPARE(g.versions().first().toString(), u"5.9.17785"_qs);
        QCOMPARE(g.definition(fe, 2)->upQuery, QByteArray("OLD;"));
        const auto edits = ofKind(g.findings(), "edited-migration");
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().release, u"6.0.0"_qs);
        QCOMPARE(edits.first().firstRelease, u"5.9.17785"_qs);
    }

    void preCreationAndBounds()
    {
        const auto r1 = rel("6.0.0", {{fe, {mig(1, {}), mig(2, {1})}}});
        const auto r2 = rel("6.1.0", {{fe, {mig(1, {}), mig(2, {1}), mig(3, {1})}}, {u"codeintel"_qs, {mig(100, {})}}});
        const StitchedGraph g = StitchedGraph::build({r1, r2});
        QCOMPARE(g.schemas(), (QStringList{u"codeintel"_qs, fe}));
        QVERIFY(g.bounds(u"codeintel"_qs, r1->version)->preCreation);
        QVERIFY(g.appliedAt(u"codeintel"_qs, r1->version).isEmpty());
        QCOMPARE(g.bounds(u"codeintel"_qs, r2->version)->rootId, 100);
        QCOMPARE(g.bounds(fe, r2->version)->leafIds, (QList<qint64>{2, 3}));
        QVERIFY(!g.bounds(fe, *Version::parse(u"9.9.9")));
        QVERIFY(g.hasVersion(r2->version));
        QCOMPARE(g.ancestorClosure(fe, {3}), (QSet<qint64>{1, 3}));
    }

    void exportShape()
    {
        const auto r1 = rel("6.0.0", {{fe, {mig(1, {}), mig(2, {1})}}});
        const StitchedGraph g = StitchedGraph::build({r1});
        const QJsonObject root = QJsonDocument::fromJson(g.toStitchedJson()).object();
        const QJsonObject schema = root.value(fe).toObject();
        const QJsonArray defs = schema.value(u"Definitions"_qs).toArray();
        QCOMPARE(defs.size(), 2);
        const QJsonObject d = defs.at(1).toObject();
        for (const char *key : {"ID", "Name", "UpQuery", "DownQuery", "Privileged", "NonIdempotent", "Parents",
                                "IsCreateIndexConcurrently"})
            QVERIFY2(d.contains(QLatin1String(key)), key);
        QCOMPARE(d.value(u"Parents"_qs).toArray().first().toInteger(), 1);
        const QJsonObject b = schema.value(u"BoundsByRev"_qs).toObject().value(u"v6.0.0"_qs).toObject();
        QCOMPARE(b.value(u"RootID"_qs).toInteger(), 1);
        QCOMPARE(b.value(u"LeafIDs"_qs).toArray().first().toInteger(), 2);
        QCOMPARE(b.value(u"PreCreation"_qs).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestStitcher)
#include "tst_stitcher.moc"
