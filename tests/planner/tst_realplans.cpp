// Plans over the 70 real Sourcegraph release snapshots with the real and what-if registries.
// Every expected value below was derived by hand from the fixtures, as the comments explain.
#include "catalog/catalog.h"
#include "fixtures.h"
#include "plan/planner.h"
#include "plan/windowanalysis.h"
#include "project/customerscsv.h"
#include "synthetic.h"

#include <QtTest>

#include <memory>

using namespace passlane;
using passlane::test::stopsString;

namespace {

Version v(const char *text)
{
    return *Version::parse(QString::fromLatin1(text));
}

} // namespace

class TestRealPlans : public QObject {
    Q_OBJECT
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<Planner> m_whatIf;
    QString m_fixtures;

private Q_SLOTS:
    void initTestCase()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        m_fixtures = fixtures;
        LoadRequest request;
        request.sources << fixtures + QStringLiteral("/releases");
        request.oobFiles << fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml");
        auto catalog = loadCatalog(request);
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        m_catalog = std::make_unique<Catalog>(std::move(catalog).value());
        QCOMPARE(m_catalog->graph.versions().size(), 70);
        m_whatIf = std::make_unique<Planner>(m_catalog->graph, m_catalog->oob);
    }

    void whatIfLongUpgrade()
    {
        // what-if registry (id: introduced -> deprecated): 21: 4.5->6.0, 22: 5.0->6.2, 23: 5.0->never,
        // 25: 5.9->6.4, 26: 6.1->6.6, 27: 6.3->7.0, 28: 6.5->6.9, 29: 6.7->7.1, 30: 6.8->never,
        // 31: 6.10->6.11, 32: 7.0->7.2. From 5.9 to 7.2, windows [max(i, 5.9), minor before d]:
        // 21 [5.9,5.11] 22 [5.9,6.1] 25 [5.9,6.3] 26 [6.1,6.5] 28 [6.5,6.8] 31 [6.10,6.10]
        // 27 [6.3,6.12] 29 [6.7,7.0] 32 [7.0,7.1]. Windows 21, 26, 31 and 32 are pairwise disjoint,
        // so 4 stops is the minimum; by end: 5.11, 6.5, 6.10, 7.1, each migration at the latest
        // stop inside its window.
        const auto plan = m_whatIf->plan(v("5.9.45"), v("7.2.1943"));
        QVERIFY(plan.ok());
        QCOMPARE(plan->kind, PairKind::MultiVersion);
        QCOMPARE(stopsString(plan->stops), QStringLiteral("5.11.0[21,22,25] 6.5.0[26,28] 6.10.0[27,29,31] 7.1.0[32]"));
        QVERIFY(!hasErrors(plan->problems));
        // 31 is deprecated at the very next minor after its introduction.
        QCOMPARE(plan->problems.size(), 1);
        QVERIFY(plan->problems.first().message.contains(QLatin1String("OOB migration 31")));
        // Standard path: 5.10, 5.11, 6.0..6.12 (13), 7.0, 7.1, then 7.2.1943: 18 hops.
        QCOMPARE(plan->hops, 18);

        // Step sizes from the snapshots' up.sql lists (`tar tzf | grep up.sql`, then `comm -13`
        // against the cumulative previous list; the squashed roots are the same in 5.9..7.2, so
        // each snapshot's list is its closure): 47, 118, 30, 59, 19 = 273 in total, of which
        // frontend 237, codeintel 18, codeinsights 18.
        const QList<qsizetype> sizes{47, 118, 30, 59, 19};
        QCOMPARE(plan->steps.size(), sizes.size());
        QMap<QString, qsizetype> perSchema;
        for (qsizetype i = 0; i < sizes.size(); ++i) {
            QCOMPARE(plan->steps.at(i).migrationCount(), sizes.at(i));
            for (auto it = plan->steps.at(i).schemas.cbegin(); it != plan->steps.at(i).schemas.cend(); ++it)
                perSchema[it.key()] += it.value().size();
        }
        QCOMPARE(perSchema.value(QStringLiteral("frontend")), 237);
        QCOMPARE(perSchema.value(QStringLiteral("codeintel")), 18);
        QCOMPARE(perSchema.value(QStringLiteral("codeinsights")), 18);
        // The 6.10.0 stop only adds frontend migrations (30).
        QCOMPARE(plan->steps.at(2).schemas.keys(), QStringList{QStringLiteral("frontend")});
        QVERIFY(plan->appliedNotInTarget.isEmpty());
    }

    void applyOrderLongUpgrade()
    {
        // Each step of 5.9.45 -> 7.2.1943 runs its frontend migrations in the product migrator's
        // order, derived here by the test's own walk over every stitched definition
        // (referenceApplyOrder: from the root, children largest id first, record after children,
        // reverse). The first 20 ids of the run are those of the first step in that order.
        const QString fe = QStringLiteral("frontend");
        const auto plan = m_whatIf->plan(v("5.9.45"), v("7.2.1943"));
        QVERIFY(plan.ok());
        const QList<qint64> reference = passlane::test::referenceApplyOrder(m_catalog->graph, fe);
        QList<qint64> run;
        int kahnDiffers = 0;
        for (const PlanStep &step : plan->steps) {
            const QList<qint64> ids = step.schemas.value(fe);
            const QSet<qint64> set(ids.cbegin(), ids.cend());
            QCOMPARE(ids, passlane::test::restricted(reference, set));
            // Kahn's order inside the step, smallest ready id first: what steps used to run.
            QMap<qint64, int> indegree;
            for (qint64 id : ids)
                for (qint64 p : m_catalog->graph.definition(fe, id)->parents)
                    indegree[id] += set.contains(p) ? 1 : 0;
            QList<qint64> kahn;
            QSet<qint64> done;
            while (kahn.size() < ids.size()) {
                qint64 next = -1;
                for (qint64 id : ids) // ids are few; a linear scan for the smallest ready one
                    if (!done.contains(id) && indegree.value(id) == 0 && (next < 0 || id < next))
                        next = id;
                QVERIFY(next >= 0);
                done.insert(next);
                kahn << next;
                for (qint64 c : ids)
                    if (m_catalog->graph.definition(fe, c)->parents.contains(next))
                        --indegree[c];
            }
            for (qsizetype i = 0; i < ids.size(); ++i)
                kahnDiffers += ids.at(i) != kahn.at(i) ? 1 : 0;
            run << ids;
        }
        QCOMPARE(run.size(), 237);
        const QList<qint64> first = plan->steps.first().schemas.value(fe);
        QCOMPARE(run.mid(0, 20), passlane::test::restricted(reference, QSet<qint64>(first.cbegin(), first.cend())).mid(0, 20));
        // Structurally: each of the first 20 has its parents applied at 5.9.45 or earlier in the run.
        const QSet<qint64> before = m_catalog->graph.appliedAt(fe, v("5.9.45"));
        for (qsizetype i = 0; i < 20; ++i)
            for (qint64 p : m_catalog->graph.definition(fe, run.at(i))->parents)
                QVERIFY(before.contains(p) || run.mid(0, i).contains(p));
        // The two orders hold the same sets per step, but 113 of the 237 positions differ.
        QCOMPARE(kahnDiffers, 113);
    }

    void whatIfLongDowngrade()
    {
        // Destructive entries introduced in (5.9, 7.2]: 26 (6.1, revert before 6.6: [6.1,6.5]),
        // 27 (6.3: [6.3,6.12]), 29 (6.7: [6.7,7.0]). By start, descending: 6.7 covers 29 and 27,
        // 6.1 covers 26. Non-destructive ones need no revert.
        const auto plan = m_whatIf->plan(v("7.2.1943"), v("5.9.45"));
        QVERIFY(plan.ok());
        QCOMPARE(plan->kind, PairKind::Downgrade);
        QCOMPARE(stopsString(plan->stops), QStringLiteral("6.7.0[27,29] 6.1.0[26]"));
        qsizetype total = 0;
        for (const PlanStep &s : plan->steps) {
            QVERIFY(s.down);
            total += s.migrationCount();
        }
        QCOMPARE(total, 273); // the mirror of the upgrade
    }

    void contentAheadOfVersion_data()
    {
        // 5.9.17785 shipped after 6.0.0 and carries exactly 6.0.0's migrations (same 195 up.sql
        // ids; `comm` of the two lists is empty). Against 5.10.x it has 49 migrations those lack,
        // against 5.11.x 16 (comm -23 of the id lists).
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("ahead");
        QTest::addColumn<int>("migrations");
        QTest::newRow("5.9.17785->6.0.0") << "5.9.17785" << "6.0.0" << 0 << 0;
        QTest::newRow("5.9.17785->5.10.0") << "5.9.17785" << "5.10.0" << 49 << 0;
        QTest::newRow("5.9.17785->5.11.6271") << "5.9.17785" << "5.11.6271" << 16 << 0;
        QTest::newRow("5.9.1590->6.0.0") << "5.9.1590" << "6.0.0" << 0 << 63;
    }
    void contentAheadOfVersion()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, ahead);
        QFETCH(int, migrations);
        const Planner planner(m_catalog->graph, OobRegistry());
        const auto plan = planner.plan(*Version::parse(from), *Version::parse(to));
        QVERIFY(plan.ok());
        qsizetype n = 0;
        for (const auto &ids : plan->appliedNotInTarget)
            n += ids.size();
        QCOMPARE(int(n), ahead);
        QCOMPARE(plan->isContentDowngrade(), ahead > 0);
        if (ahead > 0)
            QVERIFY(plan->problems.first().message.contains(QLatin1String("not a forward upgrade")));
        if (migrations >= 0 && ahead == 0)
            QCOMPARE(int(plan->steps.last().migrationCount()), migrations);
    }

    void realRegistriesNeedNoStopsHere_data()
    {
        QTest::addColumn<QString>("file");
        // Every deprecation in the real registries is at 5.3 or earlier: below 5.8.
        QTest::newRow("3.3x-era") << "oobmigrations-3.3x-era.yaml";
        QTest::newRow("5.1-era") << "oobmigrations-5.1-era.yaml";
    }
    void realRegistriesNeedNoStopsHere()
    {
        QFETCH(QString, file);
        const auto entries = OobRegistry::readYamlFile(m_fixtures + QStringLiteral("/oob/") + file);
        QVERIFY(entries.ok());
        OobRegistry reg;
        for (const OobMigration &m : entries.value())
            reg.insert(m);
        const Planner planner(m_catalog->graph, reg);
        const auto up = planner.plan(v("5.8.1579"), v("7.2.1943"));
        QVERIFY(up.ok());
        QVERIFY(up->stops.isEmpty());
        QVERIFY(up->ok());
        // Downgrades revert nothing either: every destructive entry was introduced before 5.8.
        QVERIFY(planner.plan(v("7.2.1943"), v("5.8.1579"))->stops.isEmpty());
    }

    void windowsMove25()
    {
        // "If we deprecate 25 at 6.9 instead of 6.4?" Sources before 6.4 already stop at 5.11 or
        // 6.x inside [5.9, 6.8]; sources in 6.4..6.8 gain window [from, 6.8], which the stop that
        // 28 ([from, 6.8]) already needs covers. So no path gains a stop and none becomes
        // impossible; only the assignment of 25 moves. The earliest free deprecation is 5.10
        // (the minor after its introduction): 5.8 and 5.9 sources then stop at 5.9 instead of
        // 5.11, and that one stop still covers 21 [.., 5.11] and 22 [.., 6.1]; later sources
        // never cross 5.10. Same number of stops for every source.
        const WindowAnalysis analysis{VersionIndex(m_catalog->graph.versions())};
        const auto report = analysis.analyze(m_catalog->oob, {{25, MinorVersion{6, 9}}});
        QCOMPARE(report.target, v("7.2.1943"));
        QCOMPARE(report.rows.size(), 69);
        QCOMPARE(report.instancesWith(WindowChange::GainsStop), 0);
        QCOMPARE(report.instancesWith(WindowChange::Impossible), 0);
        QVERIFY(report.affectedInstances > 0);
        QCOMPARE(report.advice.size(), 1);
        QCOMPARE(report.advice.first().earliestNoExtraStop, (std::optional<MinorVersion>(MinorVersion{5, 10})));

        // Deprecating 31 at its own introduction makes every path across 6.10 impossible:
        // sources before 6.10 (5.8.1579 .. 6.9.2509: 50 of the 70 releases, counted in RELEASES.txt).
        const auto broken = analysis.analyze(m_catalog->oob, {{31, MinorVersion{6, 10}}});
        QCOMPARE(broken.instancesWith(WindowChange::Impossible), 50);
    }

    void windows25At66IdenticalStopsAreNotAffected()
    {
        // Deprecating 25 at 6.6 instead of 6.4, with the customer CSV: sources before 6.4 keep
        // their stop releases (5.11, 6.5, 6.10, 7.1) and only 25 completes at 6.5 instead of 5.11.
        // Those rows are not affected: nothing the instances do changes but which id finishes where.
        const auto weights = CustomersCsv::readFile(m_fixtures + QStringLiteral("/customers-example.csv"));
        QVERIFY(weights.ok());
        const WindowAnalysis analysis{VersionIndex(m_catalog->graph.versions())};
        const WindowReport report = analysis.analyze(m_catalog->oob, {{25, MinorVersion{6, 6}}}, weights.value());
        QVERIFY(!report.rows.isEmpty());

        int sameReleases = 0;
        qint64 byClass = 0;
        for (const WindowRow &row : std::as_const(report.rows)) {
            const WindowChange change = row.change();
            QList<Version> before, after;
            for (const Stop &s : row.before)
                before << s.release;
            for (const Stop &s : row.after)
                after << s.release;
            if (before == after && row.impossibleBefore == row.impossibleAfter) {
                ++sameReleases;
                const QByteArray what = row.source.toString().toUtf8() + ": " + windowChangeName(change).toUtf8();
                QVERIFY2(change == WindowChange::Reassigned || change == WindowChange::Unchanged, what.constData());
                QVERIFY2(!windowChangeAffects(change), what.constData());
                QCOMPARE(change == WindowChange::Reassigned, row.before != row.after);
            }
            if (windowChangeAffects(change))
                byClass += row.instances;
        }
        QVERIFY(sameReleases > 0);
        QVERIFY(report.instancesWith(WindowChange::Reassigned) > 0); // the case this is about happens
        QCOMPARE(report.instancesWith(WindowChange::StopMoves), 0);
        QCOMPARE(report.affectedInstances, byClass);
        QCOMPARE(report.affectedInstances,
                 report.instancesWith(WindowChange::GainsStop) + report.instancesWith(WindowChange::LosesStop)
                     + report.instancesWith(WindowChange::StopMoves) + report.instancesWith(WindowChange::Impossible));
        qint64 all = 0;
        for (WindowChange c : allWindowChanges())
            all += report.instancesWith(c);
        QCOMPARE(all, report.totalInstances);

        // 5.9.45 keeps 5.11.0, 6.5.0, 6.10.0 and 7.1.0; 25 completes at 6.5 instead of 5.11.
        const auto row = std::find_if(report.rows.cbegin(), report.rows.cend(),
                                      [](const WindowRow &r) { return r.source == v("5.9.45"); });
        QVERIFY(row != report.rows.cend());
        QCOMPARE(row->change(), WindowChange::Reassigned);
        QCOMPARE(stopsString(row->before), QStringLiteral("5.11.0[21,22,25] 6.5.0[26,28] 6.10.0[27,29,31] 7.1.0[32]"));
        QCOMPARE(stopsString(row->after), QStringLiteral("5.11.0[21,22] 6.5.0[25,26,28] 6.10.0[27,29,31] 7.1.0[32]"));
        // 6.2.3841 stopped at 6.3 (25, 26) and 6.8 (28); one stop at 6.5 now covers all three.
        const auto later = std::find_if(report.rows.cbegin(), report.rows.cend(),
                                        [](const WindowRow &r) { return r.source == v("6.2.3841"); });
        QVERIFY(later != report.rows.cend());
        QCOMPARE(later->change(), WindowChange::LosesStop);
    }

    void customersCsvWeights()
    {
        const auto weights = CustomersCsv::readFile(m_fixtures + QStringLiteral("/customers-example.csv"));
        QVERIFY(weights.ok());
        QVERIFY(!weights->isEmpty());
        int total = 0;
        for (const SourceWeight &w : weights.value())
            if (w.version < v("7.2.1943"))
                total += w.instances;
        const WindowAnalysis analysis{VersionIndex(m_catalog->graph.versions())};
        const auto report = analysis.analyze(m_catalog->oob, {{25, MinorVersion{6, 9}}}, weights.value());
        QCOMPARE(report.totalInstances, total);
    }

    void everyPairIsConsistent()
    {
        // All 4830 ordered pairs: no plan fails, stops lie between the two versions.
        const QList<Version> versions = m_catalog->graph.versions();
        for (const Version &a : versions)
            for (const Version &b : versions) {
                if (a == b)
                    continue;
                PlanOptions o;
                o.includeSql = false;
                const auto plan = m_whatIf->plan(a, b, o);
                QVERIFY(plan.ok());
                // Upgrades stop in [from, to), downgrades in (to, from] (minors).
                for (const Stop &s : plan->stops) {
                    if (a < b)
                        QVERIFY(a.minorVersion() <= s.minor && s.minor < b.minorVersion());
                    else
                        QVERIFY(b.minorVersion() < s.minor && s.minor <= a.minorVersion());
                    QCOMPARE(s.atSource, s.minor == a.minorVersion());
                }
            }
    }
};

QTEST_GUILESS_MAIN(TestRealPlans)
#include "tst_realplans.moc"
