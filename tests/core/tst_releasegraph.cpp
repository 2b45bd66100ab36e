#include "graph/releasegraph.h"

#include "synthetic.h"

#include <QtTest>

using namespace passlane;
using namespace passlane::test;

using IdLists = QList<QList<qint64>>;
using ParentMap = QMap<qint64, QList<qint64>>;

class TestReleaseGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shape_data()
    {
        QTest::addColumn<ParentMap>("graph");
        QTest::addColumn<QList<qint64>>("roots");
        QTest::addColumn<QList<qint64>>("leaves");
        QTest::addColumn<QList<qint64>>("order");
        QTest::addColumn<IdLists>("cycles");
        QTest::addColumn<int>("missing");

        QTest::newRow("chain") << ParentMap{{1, {}}, {2, {1}}, {3, {2}}} << QList<qint64>{1} << QList<qint64>{3}
                               << QList<qint64>{1, 2, 3} << IdLists{} << 0;
        // Two branches from one root: ties go to the smallest id, whatever the insertion order.
        QTest::newRow("tie smallest first") << ParentMap{{10, {}}, {30, {10}}, {20, {10}}, {40, {20, 30}}}
                                            << QList<qint64>{10} << QList<qint64>{40} << QList<qint64>{10, 20, 30, 40}
                                            << IdLists{} << 0;
        // A deeper small-id branch still waits for its parent: 5 comes after 50.
        QTest::newRow("tie respects parents") << ParentMap{{1, {}}, {50, {1}}, {5, {50}}, {7, {1}}} << QList<qint64>{1}
                                              << QList<qint64>{5, 7} << QList<qint64>{1, 7, 50, 5} << IdLists{} << 0;
        QTest::newRow("two roots") << ParentMap{{1, {}}, {2, {}}, {3, {1, 2}}} << QList<qint64>{1, 2}
                                   << QList<qint64>{3} << QList<qint64>{1, 2, 3} << IdLists{} << 0;
        QTest::newRow("cycle") << ParentMap{{1, {}}, {2, {1, 4}}, {3, {2}}, {4, {3}}, {5, {1}}} << QList<qint64>{1}
                               << QList<qint64>{5} << QList<qint64>{1, 5} << IdLists{{2, 3, 4}} << 0;
        QTest::newRow("self parent") << ParentMap{{1, {}}, {2, {1, 2}}} << QList<qint64>{1} << QList<qint64>{}
                                     << QList<qint64>{1} << IdLists{{2}} << 0;
        QTest::newRow("missing parent") << ParentMap{{1, {}}, {2, {99}}} << QList<qint64>{1} << QList<qint64>{1, 2}
                                        << QList<qint64>{1, 2} << IdLists{} << 1;
    }
    void shape()
    {
        QFETCH(ParentMap, graph);
        QFETCH(QList<qint64>, roots);
        QFETCH(QList<qint64>, leaves);
        QFETCH(QList<qint64>, order);
        QFETCH(IdLists, cycles);
        QFETCH(int, missing);
        QList<MigrationPtr> ms;
        for (auto it = graph.cbegin(); it != graph.cend(); ++it)
            ms.append(mig(it.key(), *it));
        const ReleaseGraph g(schemaOf(ms));
        QCOMPARE(g.roots(), roots);
        QCOMPARE(g.leaves(), leaves);
        QCOMPARE(g.topologicalOrder(), order);
        QCOMPARE(g.cycles(), cycles);
        QCOMPARE(g.missingParents().size(), missing);
        QCOMPARE(ReleaseGraph::order(graph), order);
    }

    void findings_data()
    {
        QTest::addColumn<ParentMap>("graph");
        QTest::addColumn<QStringList>("kinds");
        QTest::newRow("clean") << ParentMap{{1, {}}, {2, {1}}} << QStringList{};
        QTest::newRow("missing") << ParentMap{{1, {}}, {2, {1, 7}}} << QStringList{u"missing-parent"_qs};
        QTest::newRow("cycle") << ParentMap{{1, {}}, {2, {1, 3}}, {3, {2}}} << QStringList{u"cycle"_qs};
        QTest::newRow("roots") << ParentMap{{1, {}}, {2, {}}} << QStringList{u"multiple-roots"_qs};
        QTest::newRow("no root") << ParentMap{{2, {3}}, {3, {2}}} << QStringList{u"cycle"_qs, u"no-root"_qs};
    }
    void findings()
    {
        QFETCH(ParentMap, graph);
        QFETCH(QStringList, kinds);
        QList<MigrationPtr> ms;
        for (auto it = graph.cbegin(); it != graph.cend(); ++it)
            ms.append(mig(it.key(), *it));
        const ReleasePtr r = rel("6.0.0", {{u"frontend"_qs, ms}});
        QStringList got;
        for (const KeyedFinding &kf : ReleaseGraph::check(*r, *r->schema(u"frontend"_qs))) {
            got.append(kf.finding.kind);
            QCOMPARE(kf.finding.release, u"6.0.0"_qs);
            QCOMPARE(kf.finding.severity, Severity::Error);
        }
        QCOMPARE(got, kinds);
    }

    void cycleMessageNamesIds()
    {
        const ReleasePtr r = rel("6.0.0", {{u"frontend"_qs, {mig(1, {}), mig(2, {1, 3}), mig(3, {2})}}});
        const auto f = ReleaseGraph::check(*r, *r->schema(u"frontend"_qs));
        QCOMPARE(f.size(), 1);
        QVERIFY2(f.first().finding.message.contains(u"2, 3"), qPrintable(f.first().finding.message));
    }
};

QTEST_GUILESS_MAIN(TestReleaseGraph)
#include "tst_releasegraph.moc"
