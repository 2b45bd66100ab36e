// Planner steps on synthetic stitched graphs: hand-checked plans and seeded property tests.
#include "plan/planner.h"
#include "synthetic.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace passlane;
using passlane::test::MigrationSpec;
using passlane::test::makeOob;
using passlane::test::makeRelease;

namespace {

const QString F = QStringLiteral("frontend");

/// 6.0.0: 1 <- 2. 6.1.0: + 3 (after 2), 4 privileged (after 3). 6.2.0: + 5 concurrent index.
/// 6.3.0: + 6. 6.4.0: + 7 and 8 both after 6 (a branch), 9 merges them.
QList<ReleasePtr> smallReleases()
{
    QList<MigrationSpec> ms{{1, {}}, {2, {1}}};
    QList<ReleasePtr> out;
    out << makeRelease(QStringLiteral("6.0.0"), {{F, ms}});
    ms << MigrationSpec{3, {2}} << MigrationSpec{4, {3}, true};
    out << makeRelease(QStringLiteral("6.1.0"), {{F, ms}});
    ms << MigrationSpec{5, {4}, false, true};
    out << makeRelease(QStringLiteral("6.2.0"), {{F, ms}});
    ms << MigrationSpec{6, {5}};
    out << makeRelease(QStringLiteral("6.3.0"), {{F, ms}});
    ms << MigrationSpec{8, {6}} << MigrationSpec{7, {6}} << MigrationSpec{9, {7, 8}};
    out << makeRelease(QStringLiteral("6.4.0"), {{F, ms}});
    return out;
}

QSet<qint64> setOf(const QList<qint64> &l)
{
    return QSet<qint64>(l.cbegin(), l.cend());
}

} // namespace

class TestSteps : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handChecked()
    {
        const StitchedGraph graph = StitchedGraph::build(smallReleases());
        OobRegistry reg;
        reg.insert(makeOob(25, QStringLiteral("6.0"), QStringLiteral("6.3")));
        const Planner planner(graph, reg);
        const auto plan = planner.plan(Version{6, 0, 0}, Version{6, 4, 0});
        QVERIFY(plan.ok());
        QCOMPARE(plan->kind, PairKind::MultiVersion);
        // Window of 25: [6.0, 6.2] -> one stop at 6.2.0 where 25 must reach 100%.
        QCOMPARE(plan->stops.size(), 1);
        QCOMPARE(plan->stops.first().release, (Version{6, 2, 0}));
        QCOMPARE(plan->stops.first().oob, QList<int>{25});
        QCOMPARE(plan->steps.size(), 2);
        const PlanStep &stop = plan->steps.at(0);
        QCOMPARE(stop.schemas.value(F), (QList<qint64>{3, 4, 5}));
        QCOMPARE(stop.outsideTransaction.value(F), QList<qint64>{5});
        QCOMPARE(stop.manual.size(), 1);
        QCOMPARE(stop.manual.first().id, 4);
        QCOMPARE(stop.manual.first().reason, QStringLiteral("privileged"));
        QCOMPARE(stop.manual.first().sql, QStringLiteral("-- up 4"));
        QCOMPARE(stop.oob, QList<int>{25});
        // Target: 6, then its children 7 and 8 (the walk visits 8 first, records 9 and 8 after it,
        // then 7; reversed: 7 before 8), then the merge 9.
        QCOMPARE(plan->steps.at(1).schemas.value(F), (QList<qint64>{6, 7, 8, 9}));
        QVERIFY(plan->steps.at(1).isTarget);
        QCOMPARE(plan->hops, 4); // 6.1.0, 6.2.0, 6.3.0, 6.4.0
        QVERIFY(plan->appliedNotInTarget.isEmpty());
    }

    void downgradeHandChecked()
    {
        const StitchedGraph graph = StitchedGraph::build(smallReleases());
        OobRegistry reg;
        reg.insert(makeOob(26, QStringLiteral("6.2"), {}, false)); // destructive: revert at 6.2
        const Planner planner(graph, reg);
        const auto plan = planner.plan(Version{6, 4, 0}, Version{6, 0, 0});
        QVERIFY(plan.ok());
        QCOMPARE(plan->kind, PairKind::Downgrade);
        QCOMPARE(plan->stops.size(), 1);
        QCOMPARE(plan->stops.first().release, (Version{6, 2, 0}));
        // Down to 6.2.0: children first, the reverse of 6 7 8 9.
        QCOMPARE(plan->steps.at(0).schemas.value(F), (QList<qint64>{9, 8, 7, 6}));
        QVERIFY(plan->steps.at(0).down);
        QCOMPARE(plan->steps.at(0).oob, QList<int>{26});
        QCOMPARE(plan->steps.at(1).schemas.value(F), (QList<qint64>{5, 4, 3}));
        QCOMPARE(plan->steps.at(1).manual.first().sql, QStringLiteral("-- down 4"));
    }

    void productOrderIsNotKahn()
    {
        // 1 has children 2 and 3; 4 continues 2. The walk from 1 visits 3 (recorded), then 2 and
        // its child 4 (4, 2 recorded), then 1: record 3 4 2 1, reversed 1 2 4 3. Kahn's order with
        // the smallest ready id first would run 3 before 4.
        QList<MigrationSpec> ms{{1, {}}, {2, {1}}, {3, {1}}, {4, {2}}};
        const StitchedGraph graph = StitchedGraph::build(
            {makeRelease(QStringLiteral("6.0.0"), {{F, {{1, {}}}}}), makeRelease(QStringLiteral("6.1.0"), {{F, ms}})});
        const Planner planner(graph, OobRegistry());
        const auto up = planner.plan(Version{6, 0, 0}, Version{6, 1, 0});
        QVERIFY(up.ok());
        QCOMPARE(up->steps.first().schemas.value(F), (QList<qint64>{2, 4, 3}));
        const auto down = planner.plan(Version{6, 1, 0}, Version{6, 0, 0});
        QCOMPARE(down->steps.first().schemas.value(F), (QList<qint64>{3, 4, 2}));
    }

    void appliedSet()
    {
        const StitchedGraph graph = StitchedGraph::build(smallReleases());
        const Planner planner(graph, OobRegistry());
        // The customer's migration_logs lack 2 and carry an id no release knows.
        PlanOptions options;
        options.applied = QMap<QString, QSet<qint64>>{{F, {1, 777}}};
        const auto plan = planner.plan(Version{6, 1, 0}, Version{6, 2, 0}, options);
        QVERIFY(plan.ok());
        QCOMPARE(plan->steps.size(), 1);
        QCOMPARE(plan->steps.first().schemas.value(F), (QList<qint64>{2, 3, 4, 5}));
        QCOMPARE(plan->appliedNotInTarget.value(F), QList<qint64>{777});
    }

    void contentAheadOfVersion()
    {
        // 5.9.900 ships migration 50 that 6.0.0 (cut earlier) lacks: not a forward upgrade.
        QList<ReleasePtr> releases;
        releases << makeRelease(QStringLiteral("5.9.0"), {{F, {{1, {}}}}});
        releases << makeRelease(QStringLiteral("5.9.900"), {{F, {{1, {}}, {50, {1}}}}});
        releases << makeRelease(QStringLiteral("6.0.0"), {{F, {{1, {}}, {2, {1}}}}});
        const StitchedGraph graph = StitchedGraph::build(releases);
        const Planner planner(graph, OobRegistry());
        const auto plan = planner.plan(Version{5, 9, 900}, Version{6, 0, 0});
        QVERIFY(plan.ok());
        QCOMPARE(plan->kind, PairKind::Standard);
        QCOMPARE(plan->appliedNotInTarget.value(F), QList<qint64>{50});
        QVERIFY(plan->problems.first().message.contains(QLatin1String("not a forward upgrade")));
        QCOMPARE(plan->steps.first().schemas.value(F), QList<qint64>{2});
        QVERIFY(planner.plan(Version{5, 9, 0}, Version{6, 0, 0})->appliedNotInTarget.isEmpty());
    }

    void unknownVersionFails()
    {
        const StitchedGraph graph = StitchedGraph::build(smallReleases());
        const Planner planner(graph, OobRegistry());
        QVERIFY(!planner.plan(Version{6, 0, 0}, Version{6, 9, 0}).ok());
    }

    void randomProperties()
    {
        QRandomGenerator rng(3202411);
        int plans = 0;
        for (int round = 0; round < 30; ++round) {
            QList<Version> versions;
            for (int minor = 0; minor < 9; ++minor) {
                if (rng.bounded(5) == 0)
                    continue;
                versions << Version{6, minor, rng.bounded(3) ? 0 : 200};
                if (rng.bounded(3) == 0)
                    versions << Version{6, minor, 900};
            }
            if (versions.size() < 2)
                continue;
            const QList<ReleasePtr> releases = passlane::test::randomReleases(rng, versions);
            const StitchedGraph graph = StitchedGraph::build(releases);
            OobRegistry reg;
            for (int id = 1; id <= 1 + rng.bounded(5); ++id) {
                OobMigration m = makeOob(id, QStringLiteral("6.0"));
                m.introduced = {6, rng.bounded(8)};
                if (rng.bounded(4))
                    m.deprecated = MinorVersion{6, int(m.introduced.minor) + 1 + rng.bounded(4)};
                m.nonDestructive = rng.bounded(2);
                reg.insert(m);
            }
            const Planner planner(graph, reg);
            for (int k = 0; k < 12; ++k) {
                const Version from = versions.at(rng.bounded(int(versions.size())));
                const Version to = versions.at(rng.bounded(int(versions.size())));
                const auto plan = planner.plan(from, to);
                QVERIFY(plan.ok());
                ++plans;
                const bool down = to < from;
                QCOMPARE(plan->steps.size(), plan->stops.size() + 1);
                for (const QString &schema : graph.schemas()) {
                    const QSet<qint64> src = graph.appliedAt(schema, from);
                    const QSet<qint64> dst = graph.appliedAt(schema, to);
                    QSet<qint64> done = src;
                    QSet<qint64> seen;
                    for (const PlanStep &step : plan->steps) {
                        const QList<qint64> ids = step.schemas.value(schema);
                        QCOMPARE(step.down, down);
                        for (qint64 id : ids) {
                            QVERIFY2(!seen.contains(id), "a migration appears twice");
                            seen.insert(id);
                            const MigrationPtr def = graph.definition(schema, id);
                            QVERIFY(def);
                            if (!down) {
                                for (qint64 p : def->parents) // parents already applied or earlier
                                    QVERIFY2(done.contains(p), "step is not a topological order");
                                done.insert(id);
                            } else {
                                done.remove(id);
                                for (qint64 other : std::as_const(done)) // nothing still applied needs it
                                    QVERIFY2(!graph.definition(schema, other)->parents.contains(id),
                                             "down step removes a parent before its child");
                            }
                        }
                        // The step runs its migrations in the schema's one apply order (reversed down).
                        QList<qint64> expectedOrder = passlane::test::restricted(
                            passlane::test::referenceApplyOrder(graph, schema), setOf(ids));
                        if (down)
                            std::reverse(expectedOrder.begin(), expectedOrder.end());
                        QCOMPARE(ids, expectedOrder);
                    }
                    const QSet<qint64> expected = down ? (src - dst) : (dst - src);
                    QCOMPARE(seen, expected);
                }
            }
        }
        QVERIFY(plans > 200);
    }
};

QTEST_GUILESS_MAIN(TestSteps)
#include "tst_steps.moc"
