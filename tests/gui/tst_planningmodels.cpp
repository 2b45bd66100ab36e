// The planning item models over real planner and simulator output on the bundled sample:
// structure against the values they adapt, and QAbstractItemModelTester on each.
#include "planningtestutil.h"

#include "models/plantreemodel.h"
#include "models/timelinemodel.h"
#include "models/windowanalysismodel.h"
#include "plan/planner.h"
#include "plan/windowanalysis.h"
#include "simulator/simulation.h"

#include <QAbstractItemModelTester>

using namespace passlane;

class TestPlanningModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void planTree_data();
    void planTree();
    void planTreeClear();
    void timeline();
    void windowAnalysis();

private:
    std::shared_ptr<const Catalog> m_sample;
};

void TestPlanningModels::initTestCase()
{
    m_sample = test::loadBundledSample();
    QVERIFY(m_sample);
    QVERIFY(m_sample->releases.size() >= 6);
}

void TestPlanningModels::planTree_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("full upgrade") << "1.0.0" << "2.1.0";
    QTest::newRow("patch") << "1.1.0" << "1.1.4";
    QTest::newRow("standard") << "1.3.0" << "2.0.0";
    QTest::newRow("across squash") << "1.1.4" << "2.0.2";
    QTest::newRow("downgrade") << "2.1.0" << "1.2.0";
    QTest::newRow("same") << "1.2.0" << "1.2.0";
}

void TestPlanningModels::planTree()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    const Planner planner(m_sample->graph, m_sample->oob);
    const Result<UpgradePlan> plan = planner.plan(*Version::parse(from), *Version::parse(to));
    QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));

    PlanTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(*plan, &m_sample->graph, &m_sample->oob);
    QCOMPARE(model.rowCount(), plan->steps.size());
    QCOMPARE(model.columnCount(), int(PlanTreeModel::ColumnCount));

    for (int s = 0; s < plan->steps.size(); ++s) {
        const PlanStep &step = plan->steps[s];
        const QModelIndex stepIndex = model.index(s, 0);
        QCOMPARE(PlanTreeModel::Kind(stepIndex.data(PlanTreeModel::KindRole).toInt()), PlanTreeModel::Kind::Step);
        QCOMPARE(stepIndex.data(PlanTreeModel::ReleaseRole).toString(), step.release.toString());
        QCOMPARE(stepIndex.data(PlanTreeModel::IsTargetRole).toBool(), step.isTarget);
        QVERIFY(stepIndex.data().toString().contains(step.release.toString()));

        // Children: manual steps, then schemas (with their migrations in order), then OOB waits.
        QList<qint64> manualIds, oobIds;
        QMap<QString, QList<qint64>> schemas;
        QMap<QString, QList<qint64>> outside;
        for (int r = 0; r < model.rowCount(stepIndex); ++r) {
            const QModelIndex child = model.index(r, 0, stepIndex);
            switch (PlanTreeModel::Kind(child.data(PlanTreeModel::KindRole).toInt())) {
            case PlanTreeModel::Kind::Manual:
                manualIds << child.data(PlanTreeModel::MigrationIdRole).toLongLong();
                break;
            case PlanTreeModel::Kind::Schema: {
                const QString schema = child.data(PlanTreeModel::SchemaRole).toString();
                for (int m = 0; m < model.rowCount(child); ++m) {
                    const QModelIndex mig = model.index(m, 0, child);
                    QCOMPARE(PlanTreeModel::Kind(mig.data(PlanTreeModel::KindRole).toInt()), PlanTreeModel::Kind::Migration);
                    schemas[schema] << mig.data(PlanTreeModel::MigrationIdRole).toLongLong();
                    if (mig.data(PlanTreeModel::OutsideTransactionRole).toBool())
                        outside[schema] << mig.data(PlanTreeModel::MigrationIdRole).toLongLong();
                    QCOMPARE(mig.data(PlanTreeModel::DownRole).toBool(), step.down);
                }
                break;
            }
            case PlanTreeModel::Kind::OobWait:
                oobIds << child.data(PlanTreeModel::OobIdRole).toInt();
                break;
            default:
                QFAIL("unexpected node kind under a step");
            }
        }
        QList<qint64> expectedManual;
        for (const ManualStep &m : step.manual)
            expectedManual << m.id;
        QList<qint64> expectedOob;
        for (int id : step.oob)
            expectedOob << id;
        QCOMPARE(manualIds, expectedManual);
        QCOMPARE(oobIds, expectedOob);
        // The tree leaves out schemas with nothing to run only if the plan does.
        QCOMPARE(schemas.keys(), step.schemas.keys());
        for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it) {
            QCOMPARE(schemas.value(it.key()), it.value());
            QList<qint64> expectedOutside = step.outsideTransaction.value(it.key());
            QList<qint64> gotOutside = outside.value(it.key());
            std::sort(expectedOutside.begin(), expectedOutside.end());
            std::sort(gotOutside.begin(), gotOutside.end());
            QCOMPARE(gotOutside, expectedOutside);
        }
    }
}

void TestPlanningModels::planTreeClear()
{
    const Planner planner(m_sample->graph, m_sample->oob);
    const auto plan = planner.plan(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    QVERIFY(plan.ok());
    PlanTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(*plan);
    QVERIFY(model.hasPlan());
    QVERIFY(model.rowCount() > 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasPlan());
}

void TestPlanningModels::timeline()
{
    const Planner planner(m_sample->graph, m_sample->oob);
    const auto plan = planner.plan(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    QVERIFY(plan.ok());
    const Result<SimulationResult> result = Simulation::run(*m_sample, *plan, SimulationRequest{});
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QVERIFY(!result->timeline.isEmpty());

    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents(result->timeline);
    QCOMPARE(model.rowCount(), result->timeline.size());
    for (int r = 0; r < model.rowCount(); ++r) {
        const TimelineEvent &e = result->timeline[r];
        QCOMPARE(model.index(r, TimelineModel::KindColumn).data().toString(), eventKindName(e.kind));
        QCOMPARE(model.index(r, 0).data(TimelineModel::AtMsRole).toLongLong(), e.atMs);
        QCOMPARE(model.index(r, 0).data(TimelineModel::OobIdRole).isValid(), e.oobId.has_value());
        QCOMPARE(model.index(r, TimelineModel::MessageColumn).data().toString(), e.message);
    }
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestPlanningModels::windowAnalysis()
{
    const WindowAnalysis analysis{VersionIndex(m_sample->graph.versions())};
    // Deprecating OOB 3 (open-ended) at 2.0: every source before 2.0 already stops at 1.3, where 3
    // now completes too. Same stops, other ids: reassigned, not affected.
    const WindowReport report = analysis.analyze(m_sample->oob, {DeprecationProposal{3, MinorVersion{2, 0}}});
    QVERIFY(!report.rows.isEmpty());

    WindowAnalysisModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(report);
    QCOMPARE(model.rowCount(), report.rows.size());
    int reassigned = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const WindowRow &row = report.rows[r];
        const QModelIndex idx = model.index(r, 0);
        QCOMPARE(idx.data(WindowAnalysisModel::SourceRole).toString(), row.source.toString());
        QCOMPARE(idx.data(WindowAnalysisModel::AddedStopsRole).toInt(), row.addedStops());
        QCOMPARE(idx.data(WindowAnalysisModel::StopsAfterRole).toStringList().size(), row.after.size());
        QCOMPARE(idx.data(WindowAnalysisModel::ChangeRole).toString(), windowChangeName(row.change()));
        QCOMPARE(model.index(r, WindowAnalysisModel::ChangeColumn).data().toString(), windowChangeName(row.change()));
        QCOMPARE(idx.data(WindowAnalysisModel::AffectedRole).toBool(), windowChangeAffects(row.change()));
        QCOMPARE(model.index(r, WindowAnalysisModel::AfterColumn).data().toString(), stopsText(row.after));
        reassigned += row.change() == WindowChange::Reassigned ? 1 : 0;
    }
    QCOMPARE(reassigned, 5); // 1.0.0 1.1.0 1.1.4 1.2.0 1.3.0
    QCOMPARE(report.affectedInstances, 0);
}

QTEST_MAIN(TestPlanningModels)
#include "tst_planningmodels.moc"
