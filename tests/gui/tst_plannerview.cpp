// The Planner tab driven like a user: pick from/to (or a customer), and the tree shows exactly
// the Planner's answer; the Document's plan request follows so the graph can highlight it.
#include "planningtestutil.h"

#include "document/document.h"
#include "models/plantreemodel.h"
#include "models/productmigratormodel.h"
#include "plan/planner.h"
#include "document/scenariorunner.h"
#include "planner/customerdistribution.h"
#include "planner/plannerview.h"
#include "planner/tworoadspanel.h"
#include "scenario/evaluate.h"
#include "scenario/timereport.h"
#include "simulator/timeline.h"
#include "report/planreport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>

using namespace passlane;

class TestPlannerView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pickPair_data();
    void pickPair();
    void realPair_data();
    void realPair();
    void twoRoads_data();
    void twoRoads();
    void customerFromCsv();
    void customerCsvRefusesOtherFiles_data();
    void customerCsvRefusesOtherFiles();
    void selectingManualStepShowsSql();
    void whatIfAndFindingsAreVisible();

private:
    static void comparePlanTree(const PlanTreeModel &model, const UpgradePlan &plan);
    static void compareMigratorTab(PlannerView &view, const UpgradePlan &plan, const StitchedGraph &graph);
    static void pick(PlannerView &view, const QString &from, const QString &to);
    std::shared_ptr<const Catalog> m_sample;
};

void TestPlannerView::initTestCase()
{
    test::isolatePlanningSettings();
    m_sample = test::loadBundledSample();
    QVERIFY(m_sample);
}

void TestPlannerView::pick(PlannerView &view, const QString &from, const QString &to)
{
    auto *fromCombo = view.findChild<QComboBox *>(QStringLiteral("fromCombo"));
    auto *toCombo = view.findChild<QComboBox *>(QStringLiteral("toCombo"));
    QVERIFY(fromCombo && toCombo);
    const int f = fromCombo->findData(from);
    const int t = toCombo->findData(to);
    QVERIFY2(f >= 0 && t >= 0, qPrintable(from + QStringLiteral(" / ") + to));
    fromCombo->setCurrentIndex(f);
    toCombo->setCurrentIndex(t);
}

void TestPlannerView::comparePlanTree(const PlanTreeModel &model, const UpgradePlan &plan)
{
    QCOMPARE(model.rowCount(), plan.steps.size());
    for (int s = 0; s < plan.steps.size(); ++s) {
        const QModelIndex step = model.index(s, 0);
        QCOMPARE(step.data(PlanTreeModel::ReleaseRole).toString(), plan.steps[s].release.toString());
        int migrations = 0;
        int waits = 0;
        for (int r = 0; r < model.rowCount(step); ++r) {
            const QModelIndex child = model.index(r, 0, step);
            const auto kind = PlanTreeModel::Kind(child.data(PlanTreeModel::KindRole).toInt());
            if (kind == PlanTreeModel::Kind::Schema) {
                const QString schema = child.data(PlanTreeModel::SchemaRole).toString();
                const QList<qint64> expected = plan.steps[s].schemas.value(schema);
                QCOMPARE(model.rowCount(child), expected.size());
                for (int m = 0; m < expected.size(); ++m)
                    QCOMPARE(model.index(m, 0, child).data(PlanTreeModel::MigrationIdRole).toLongLong(), expected[m]);
                migrations += model.rowCount(child);
            } else if (kind == PlanTreeModel::Kind::OobWait) {
                QVERIFY(plan.steps[s].oob.contains(child.data(PlanTreeModel::OobIdRole).toInt()));
                ++waits;
            }
        }
        QCOMPARE(qsizetype(migrations), plan.steps[s].migrationCount());
        QCOMPARE(qsizetype(waits), plan.steps[s].oob.size());
    }
}

/// The product migrator's tab holds exactly the plan's ProductMigratorView: its verdict first,
/// every difference (blocking ones first) with the migrations and OOB ids it names, by name,
/// then its steps; selecting a drift shows the down.sql to run by hand.
void TestPlannerView::compareMigratorTab(PlannerView &view, const UpgradePlan &plan, const StitchedGraph &graph)
{
    QVERIFY(plan.productMigrator);
    const ProductMigratorView &expected = *plan.productMigrator;
    ProductMigratorModel *model = view.migratorModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->view(), expected);

    const QModelIndex summary = model->index(0, ProductMigratorModel::ItemColumn);
    QCOMPARE(summary.data(ProductMigratorModel::BlockingRole).toBool(), !expected.canPlan());
    QCOMPARE(summary.data().toString() == u"No difference", expected.noDifference());

    auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    auto *tab = view.findChild<QWidget *>(QStringLiteral("migratorTab"));
    const QString title = tabs->tabText(tabs->indexOf(tab));
    QCOMPARE(title.contains(QStringLiteral("(%1)").arg(expected.differences.size())), !expected.noDifference());

    int row = 1;
    if (!expected.differences.isEmpty()) {
        const QModelIndex group = model->index(row++, 0);
        QCOMPARE(model->rowCount(group), expected.differences.size());
        bool seenNonBlocking = false;
        for (int r = 0; r < model->rowCount(group); ++r) {
            const QModelIndex d = model->index(r, 0, group);
            const bool blocking = d.data(ProductMigratorModel::BlockingRole).toBool();
            QVERIFY2(!(blocking && seenNonBlocking), "blocking differences come first");
            seenNonBlocking = seenNonBlocking || !blocking;
            const auto match = std::find_if(expected.differences.cbegin(), expected.differences.cend(), [&](const MigratorDifference &e) {
                return e.kind == d.data(ProductMigratorModel::DifferenceKindRole).toString()
                    && e.message == d.siblingAtColumn(ProductMigratorModel::DetailColumn).data().toString();
            });
            QVERIFY2(match != expected.differences.cend(), qPrintable(d.data().toString()));
            QCOMPARE(model->rowCount(d), match->ids.size() + match->oob.size());
            for (int m = 0; m < match->ids.size(); ++m) {
                const QModelIndex child = model->index(m, 0, d);
                QCOMPARE(child.data(ProductMigratorModel::MigrationIdRole).toLongLong(), match->ids[m]);
                const MigrationPtr def = graph.definition(match->schema, match->ids[m]);
                QVERIFY(def);
                QCOMPARE(child.siblingAtColumn(ProductMigratorModel::DetailColumn).data().toString(), def->name);
            }
            if (!match->sql.isEmpty()) {
                view.migratorTree()->setCurrentIndex(d);
                const QString shown = view.findChild<QPlainTextEdit *>(QStringLiteral("migratorSqlView"))->toPlainText();
                QVERIFY(shown.contains(match->message));
                QVERIFY(shown.contains(match->sql.trimmed()));
            }
        }
    }
    if (!expected.steps.isEmpty()) {
        const QModelIndex group = model->index(row++, 0);
        QCOMPARE(model->rowCount(group), expected.steps.size());
        for (int s = 0; s < expected.steps.size(); ++s) {
            const QModelIndex step = model->index(s, 0, group);
            qsizetype ids = 0;
            for (int c = 0; c < model->rowCount(step); ++c) {
                const QModelIndex child = model->index(c, 0, step);
                if (ProductMigratorModel::Kind(child.data(ProductMigratorModel::KindRole).toInt()) == ProductMigratorModel::Kind::Schema) {
                    const QList<qint64> order = expected.steps[s].schemas.value(child.data(ProductMigratorModel::SchemaRole).toString());
                    QCOMPARE(model->rowCount(child), order.size());
                    for (int m = 0; m < order.size(); ++m)
                        QCOMPARE(model->index(m, 0, child).data(ProductMigratorModel::MigrationIdRole).toLongLong(), order[m]);
                    ids += order.size();
                }
            }
            qsizetype expectedIds = 0;
            for (const QList<qint64> &order : expected.steps[s].schemas)
                expectedIds += order.size();
            QCOMPARE(ids, expectedIds);
        }
    }
    QCOMPARE(model->rowCount(), row);
}

void TestPlannerView::pickPair_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("stops");
    QTest::newRow("1.0.0 -> 2.1.0") << "1.0.0" << "2.1.0" << 2;
    QTest::newRow("1.1.4 -> 2.0.2") << "1.1.4" << "2.0.2" << 1;
    QTest::newRow("1.2.0 -> 1.3.0 standard") << "1.2.0" << "1.3.0" << 0;
    QTest::newRow("2.0.0 -> 2.0.2 patch") << "2.0.0" << "2.0.2" << 0;
    QTest::newRow("2.1.0 -> 1.1.0 downgrade") << "2.1.0" << "1.1.0" << -1;
}

void TestPlannerView::pickPair()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, stops);

    Document doc;
    doc.setCatalog(m_sample);
    PlannerView view(&doc);
    view.resize(1100, 650);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    pick(view, from, to);
    QCOMPARE(doc.planFrom()->toString(), from);
    QCOMPARE(doc.planTo()->toString(), to);
    ScenarioRunner *runner = doc.runner();
    QVERIFY(runner->waitForIdle());
    QVERIFY((runner->evaluation() && runner->evaluation()->plan));

    const Planner planner(m_sample->graph, doc.effectiveRegistry());
    const Result<UpgradePlan> expected = planner.plan(*Version::parse(from), *Version::parse(to));
    QVERIFY(expected.ok());
    QCOMPARE(runner->evaluation()->plan->stops, expected->stops);
    if (stops >= 0)
        QCOMPARE(expected->stops.size(), stops);
    comparePlanTree(*view.planModel(), *expected);
    compareMigratorTab(view, *expected, m_sample->graph);

    // The summary names the pair; the hop list has one line per standard hop.
    auto *summary = view.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(summary->text().contains(from) && summary->text().contains(to));
    QCOMPARE(view.standardHops()->topLevelItemCount(), expected->standardPath.size());
    // The alternative is named as every report names it: a downgrade's hops are downgrades.
    auto *hopsLabel = view.findChild<QLabel *>(QStringLiteral("hopsLabel"));
    QVERIFY2(hopsLabel->text().contains(alternativeHops(*expected)), qPrintable(hopsLabel->text()));
    QCOMPARE(hopsLabel->text().contains(QStringLiteral("upgrade")), expected->kind != PairKind::Downgrade);
    QCOMPARE(hopsLabel->text().contains(QStringLiteral("downgrade")), expected->kind == PairKind::Downgrade);
    auto *messages = view.findChild<QListWidget *>(QStringLiteral("messagesList"));
    QVERIFY(messages->count() >= expected->problems.size());
}

void TestPlannerView::realPair_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("drift");
    QTest::newRow("5.9.45 -> latest") << "5.9.45" << "" << false;
    QTest::newRow("6.0.2687 -> 6.3.4167") << "6.0.2687" << "6.3.4167" << false;
    QTest::newRow("downgrade 6.3.4167 -> 6.1.5633") << "6.3.4167" << "6.1.5633" << false;
    // The product's downgrade leaves migrations applied here: the tab shows the drift.
    QTest::newRow("downgrade 7.2.1943 -> 7.1.0") << "7.2.1943" << "7.1.0" << true;
}

void TestPlannerView::realPair()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, drift);
    const auto catalog = test::loadSourcegraph(fixtures);
    QVERIFY(catalog);
    if (to.isEmpty())
        to = catalog->graph.versions().last().toString();

    Document doc;
    doc.setCatalog(catalog);
    PlannerView view(&doc);
    view.resize(1100, 650);
    view.show();
    pick(view, from, to);
    ScenarioRunner *runner = doc.runner();
    QVERIFY(runner->waitForIdle(60000));
    QVERIFY2((runner->evaluation() && runner->evaluation()->plan), qPrintable(runner->error()));

    const Planner planner(catalog->graph, doc.effectiveRegistry());
    const Result<UpgradePlan> expected = planner.plan(*Version::parse(from), *Version::parse(to));
    QVERIFY(expected.ok());
    QCOMPARE(runner->evaluation()->plan->stops, expected->stops);
    comparePlanTree(*view.planModel(), *expected);
    compareMigratorTab(view, *expected, catalog->graph);
    if (drift) {
        const auto &differences = expected->productMigrator->differences;
        QVERIFY(std::any_of(differences.cbegin(), differences.cend(),
                            [](const MigratorDifference &d) { return d.kind == u"drift" && !d.ids.isEmpty() && !d.sql.isEmpty(); }));
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        tabs->setCurrentWidget(view.findChild<QWidget *>(QStringLiteral("migratorTab")));
    }
    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-planner-%1-%2.png").arg(from, to)));
    qInfo("%s -> %s: %d stops, planned in %lld ms", qPrintable(from), qPrintable(to), int(expected->stops.size()),
          runner->lastElapsedMs());
}

void TestPlannerView::twoRoads_data()
{
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<QString>("recommended"); // roadChoiceName(); empty: whatever the model says
    QTest::addColumn<bool>("roadsDiffer");
    QTest::newRow("empty OOB tables") << qint64(0) << QString() << false;
    // A million rows per OOB migration: waiting offline at the stops costs more than hopping online.
    QTest::newRow("1,000,000 rows per OOB migration") << qint64(1000000) << u"standard"_qs << true;
}

/// The two roads on the real releases with the what-if registry: every figure of the panel and of
/// the standard hops is the one evaluate() computes for the same project (as the CLI does), and
/// what each road rests on is shown beside it.
void TestPlannerView::twoRoads()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    QFETCH(qint64, rows);
    QFETCH(QString, recommended);
    QFETCH(bool, roadsDiffer);
    const auto catalog = test::loadSourcegraph(fixtures);
    QVERIFY(catalog);
    Document doc;
    doc.setCatalog(catalog);
    Project project = doc.project();
    project.defaultProgress.rows = rows;
    doc.setProject(project);
    PlannerView view(&doc);
    view.resize(1100, 700);
    view.show();
    pick(view, QStringLiteral("5.9.45"), QStringLiteral("7.2.1943"));
    QVERIFY(doc.runner()->waitForIdle(60000));
    QVERIFY2(doc.runner()->evaluation() && doc.runner()->evaluation()->plan, qPrintable(doc.runner()->error()));

    Scenario scenario;
    scenario.project = doc.project();
    scenario.from = Version::parse(u"5.9.45");
    scenario.to = Version::parse(u"7.2.1943");
    const Result<Evaluation> cli = evaluate(scenario, catalog);
    QVERIFY2(cli.ok() && cli->time, qPrintable(cli.ok() ? QString() : cli.error().toString()));
    const TwoRoads &roads = cli->time->roads;
    QVERIFY(!roads.multiVersion.hops.isEmpty() && !roads.standard.hops.isEmpty());
    if (!recommended.isEmpty())
        QCOMPARE(roadChoiceName(roads.recommended), recommended);
    QCOMPARE(roads.multiVersion.downtime.ms != roads.standard.downtime.ms, roadsDiffer);

    const TwoRoadsPanel *panel = view.roadsPanel();
    QVERIFY(panel->isVisible());
    using W = TwoRoadsPanel::Which;
    using F = TwoRoadsPanel::Figure;
    for (const auto &[which, road] : {std::pair{W::MultiVersion, &roads.multiVersion}, std::pair{W::Standard, &roads.standard}}) {
        QCOMPARE(panel->figureText(which, F::Downtime), road->downtime.rangeText());
        QCOMPARE(panel->figureText(which, F::LongestOutage), formatDuration(road->longestHop.ms));
        QCOMPARE(panel->figureText(which, F::Calendar), formatDuration(road->calendarMs));
        QCOMPARE(panel->figureText(which, F::Done), timeDateText(road->finishAt, road->calendarMs));
        QCOMPARE(panel->figureText(which, F::Hops), QString::number(road->hops.size()));
        // What the road rests on, in the time model's words: documented costs, rows unknown here.
        QCOMPARE(panel->figureText(which, F::RestsOn), road->downtime.basisText());
        QVERIFY2(panel->figureText(which, F::RestsOn).contains(u"costs: documented default"_qs), qPrintable(panel->figureText(which, F::RestsOn)));
    }
    QVERIFY2(panel->recommendationText().contains(roadChoiceText(roads.recommended).toHtmlEscaped())
                 && panel->recommendationText().contains(roads.reason.toHtmlEscaped()),
             qPrintable(panel->recommendationText()));
    QCOMPARE(panel->groundsText(), timeGroundsText(*cli->time));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("groundsLabel"))->isVisible());

    // The standard hops, each with its earliest start (after the start: a release has no observation time).
    const RoadHopsTable *hops = view.standardHops();
    QCOMPARE(hops->topLevelItemCount(), roads.standard.hops.size());
    bool waits = false;
    qint64 previousStart = -1;
    for (int i = 0; i < hops->topLevelItemCount(); ++i) {
        const RoadHop &h = roads.standard.hops[i];
        const QTreeWidgetItem *item = hops->topLevelItem(i);
        QCOMPARE(item->text(RoadHopsTable::HopColumn), h.from.toString() + u" → "_qs + h.to.toString());
        QCOMPARE(item->text(RoadHopsTable::DowntimeColumn), h.downtime.rangeText());
        QCOMPARE(item->text(RoadHopsTable::EarliestStartColumn), timeDateText(h.earliestStart, h.earliestStartMs));
        QCOMPARE(item->text(RoadHopsTable::WhyColumn), h.startBasis);
        QCOMPARE(item->text(RoadHopsTable::RestsOnColumn), h.downtime.basisText());
        QVERIFY(!h.earliestStart);
        QVERIFY(h.earliestStartMs > previousStart); // each hop after the one before
        previousStart = h.earliestStartMs;
        waits = waits || h.startBasis.contains(u"OOB"_qs);
    }
    // With OOB rows to migrate, some hop waits for them and says so.
    if (rows > 0)
        QVERIFY(waits);
    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-planner-two-roads-%1.png").arg(rows)));
}

void TestPlannerView::customerFromCsv()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    const auto catalog = test::loadSourcegraph(fixtures);
    QVERIFY(catalog);
    Document doc;
    doc.setCatalog(catalog);
    Project project = doc.project();
    project.customersCsv = fixtures + QStringLiteral("/customers-example.csv");
    doc.setProject(project);

    PlannerView view(&doc);
    auto *customers = view.findChild<QComboBox *>(QStringLiteral("customerCombo"));
    QVERIFY(customers->count() > 10); // "(none)" plus the CSV rows
    const int row = customers->findText(QStringLiteral("5.9.45"), Qt::MatchStartsWith);
    QVERIFY(row > 0);
    customers->setCurrentIndex(row);
    Q_EMIT customers->activated(row);
    QCOMPARE(doc.planFrom()->toString(), QStringLiteral("5.9.45"));
    QVERIFY(doc.runner()->waitForIdle(60000));
    QCOMPARE(view.planModel()->plan().from.toString(), QStringLiteral("5.9.45"));
}

void TestPlannerView::customerCsvRefusesOtherFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error"); // what the message says after the file name; empty: accepted
    QFile registry(bundledSampleOobPath());
    QVERIFY(registry.open(QIODevice::ReadOnly));
    const QByteArray yaml = registry.readAll();
    const int firstEntry = int(yaml.left(yaml.indexOf("- id:")).count('\n')) + 1;
    QTest::newRow("OOB registry") << yaml << QStringLiteral("line %1: expected 2 fields").arg(firstEntry);
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", 18)
                            << QStringLiteral("line 2: expected 2 fields"); // line 1 reads as a header
    QTest::newRow("third column") << QByteArray("version,instances\n1.0.0,5\n2.0.0,7,x\n")
                                  << QStringLiteral("line 3: expected 2 fields");
    QTest::newRow("distribution") << QByteArray("version,instances\n1.0.0,5\n2.0.0,7\n") << QString();
}

void TestPlannerView::customerCsvRefusesOtherFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("chosen.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    Document doc;
    doc.setCatalog(m_sample);
    PlannerView view(&doc);
    const Project before = doc.project();
    const QString message = setCustomerDistribution(&doc, path);
    if (!error.isEmpty()) {
        QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message));
        QVERIFY2(message.contains(error), qPrintable(message));
        QCOMPARE(doc.project().customersCsv, before.customersCsv);
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
        return;
    }
    QVERIFY2(message.isEmpty(), qPrintable(message));
    QCOMPARE(doc.project().customersCsv, path);
    QCOMPARE(doc.undoStack()->count(), 1);
    auto *customers = view.findChild<QComboBox *>(QStringLiteral("customerCombo"));
    QCOMPARE(customers->count(), 3); // "(none)" plus the two rows
    doc.undoStack()->undo();
    QCOMPARE(doc.project().customersCsv, before.customersCsv);
}

void TestPlannerView::selectingManualStepShowsSql()
{
    // The sample's squashed privileged migration makes a manual step on the way to 2.x.
    Document doc;
    doc.setCatalog(m_sample);
    PlannerView view(&doc);
    view.show();
    pick(view, QStringLiteral("1.0.0"), QStringLiteral("2.1.0"));
    QVERIFY(doc.runner()->waitForIdle());
    const PlanTreeModel *model = view.planModel();
    QModelIndex manual;
    for (int s = 0; s < model->rowCount() && !manual.isValid(); ++s)
        for (int r = 0; r < model->rowCount(model->index(s, 0)); ++r) {
            const QModelIndex c = model->index(r, 0, model->index(s, 0));
            if (PlanTreeModel::Kind(c.data(PlanTreeModel::KindRole).toInt()) == PlanTreeModel::Kind::Manual) {
                manual = c;
                break;
            }
        }
    if (!manual.isValid())
        QSKIP("the sample's plan has no manual step");
    view.planTree()->setCurrentIndex(manual);
    auto *sql = view.findChild<QPlainTextEdit *>(QStringLiteral("sqlView"));
    QCOMPARE(sql->toPlainText(), manual.data(PlanTreeModel::SqlRole).toString());
    QVERIFY(!sql->toPlainText().isEmpty());
}

void TestPlannerView::whatIfAndFindingsAreVisible()
{
    Document doc;
    doc.setCatalog(m_sample);
    PlannerView view(&doc);
    view.show();
    pick(view, QStringLiteral("1.0.0"), QStringLiteral("2.1.0"));
    QVERIFY(doc.runner()->waitForIdle());
    auto *summary = view.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(!summary->text().contains(QStringLiteral("What-if")));

    // The sample's telemetry 2000000002 has an error-level finding: its step and row are flagged.
    const PlanTreeModel *model = view.planModel();
    int flagged = 0;
    for (int s = 0; s < model->rowCount(); ++s) {
        const QModelIndex step = model->index(s, 0);
        for (int k = 0; k < model->rowCount(step); ++k) {
            const QModelIndex schema = model->index(k, 0, step);
            for (int m = 0; m < model->rowCount(schema); ++m) {
                const QModelIndex migration = model->index(m, 0, schema);
                if (migration.data(PlanTreeModel::FindingSeverityRole).toInt() != int(Severity::Error))
                    continue;
                ++flagged;
                QCOMPARE(migration.data(PlanTreeModel::MigrationIdRole).toLongLong(), 2000000002LL);
                QCOMPARE(step.data(PlanTreeModel::FindingSeverityRole).toInt(), int(Severity::Error));
                QVERIFY(migration.data(Qt::ToolTipRole).toString().contains(QStringLiteral("concurrent-flag-mismatch")));
            }
        }
    }
    QCOMPARE(flagged, 1);

    // A proposal makes the answer hypothetical, and the Planner says so first.
    doc.setProposal(1, MinorVersion{2, 1});
    QVERIFY(doc.runner()->waitForIdle());
    QVERIFY2(summary->text().contains(QStringLiteral("What-if: OOB 1 deprecated at 2.1 (registry: 2.0)")),
             qPrintable(summary->text()));
    QCOMPARE(view.planModel()->plan().stops.size(), 1); // 2.0.0 only
    doc.clearProposal(1);
    QVERIFY(doc.runner()->waitForIdle());
    QVERIFY(!summary->text().contains(QStringLiteral("What-if")));
}

QTEST_MAIN(TestPlannerView)
#include "tst_plannerview.moc"
