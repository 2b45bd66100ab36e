// The graph view on the bundled sample: layout, selection, search, plan tint, exports.
#include "guitestutil.h"

#include "document/document.h"
#include "graph/edgeitem.h"
#include "graph/graphcanvas.h"
#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/migrationdetails.h"
#include "graph/migrationnodeitem.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace passlane;

class TestGraphView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void layoutIsALayeredDag();
    void showsEverySchemaMigration();
    void markersFollowTheMetadata();
    void selectingANodeShowsItsSql();
    void searchJumpsToANode();
    void highlightPlanTintsSteps();
    void exportsWriteFiles();
    void zoomAndFit();

private:
    std::unique_ptr<MainWindow> m_window;
    GraphView *m_graph = nullptr;
};

void TestGraphView::initTestCase()
{
    test::isolateSettings();
    m_window = test::windowWithSample();
    QVERIFY(m_window);
    m_graph = m_window->graphView();
    QTRY_VERIFY_WITH_TIMEOUT(!m_graph->isLayoutPending(), 20000);
    m_graph->setSchema(QStringLiteral("main"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_graph->isLayoutPending() && m_graph->scene()->schema() == u"main", 20000);
}

void TestGraphView::cleanupTestCase()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestGraphView::layoutIsALayeredDag()
{
    // Plain Graphviz: a diamond keeps parents left of children (rankdir LR).
    GraphLayoutInput input;
    for (qint64 id : {1, 2, 3, 4})
        input.nodes.append({id, QSizeF(100, 30)});
    input.edges = {{1, 2}, {1, 3}, {2, 4}, {3, 4}};
    const GraphLayoutResult result = GraphLayout::compute(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.positions.size(), 4);
    QVERIFY(result.positions[1].x() < result.positions[2].x());
    QVERIFY(result.positions[2].x() < result.positions[4].x());
    QCOMPARE(result.positions[2].x(), result.positions[3].x());
    QVERIFY(result.positions[2].y() != result.positions[3].y());
    QCOMPARE(result.edgePaths.size(), 4);
    QVERIFY(result.edgePaths[0].size() >= 4);
    QVERIFY(result.bounds.contains(result.positions[4]));
    const QByteArray dot = GraphLayout::toDot(input);
    QVERIFY(dot.contains("\"1\" -> \"2\""));
}

void TestGraphView::showsEverySchemaMigration()
{
    const auto catalog = m_window->document()->catalog();
    QCOMPARE(m_graph->schemas(), catalog->graph.schemas());
    GraphScene *scene = m_graph->scene();
    QCOMPARE(scene->nodeCount(), int(catalog->graph.definitions(QStringLiteral("main")).size()));
    QVERIFY(scene->edgeCount() >= scene->nodeCount() - 1);
    int nodes = 0;
    int edges = 0;
    for (QGraphicsItem *item : scene->items()) {
        nodes += item->type() == MigrationNodeItem::Type;
        edges += item->type() == EdgeItem::Type;
    }
    QCOMPARE(nodes, scene->nodeCount());
    QCOMPARE(edges, scene->edgeCount());
    QVERIFY(!scene->legend().isEmpty());
    // Parents lie to the left of their children.
    for (const auto &m : catalog->graph.definitions(QStringLiteral("main")))
        for (qint64 parent : m->parents)
            QVERIFY(scene->node(parent)->pos().x() < scene->node(m->id)->pos().x());
}

void TestGraphView::markersFollowTheMetadata()
{
    GraphScene *scene = m_graph->scene();
    QVERIFY(scene->node(1000000010)->markers() & MigrationNodeItem::Privileged);
    QVERIFY(scene->node(1000000010)->markers() & MigrationNodeItem::Squashed);
    QVERIFY(scene->node(1000000020)->markers() & MigrationNodeItem::Concurrent);
    QVERIFY(scene->node(1000000021)->markers() & MigrationNodeItem::Edited);
    QVERIFY(!(scene->node(1000000001)->markers() & MigrationNodeItem::Privileged));
}

void TestGraphView::selectingANodeShowsItsSql()
{
    GraphScene *scene = m_graph->scene();
    MigrationNodeItem *node = scene->node(1000000020);
    QVERIFY(node);
    // A click on the node selects it like the user would.
    const QPoint viewPos = m_graph->canvas()->mapFromScene(node->pos());
    m_graph->canvas()->centerOn(node);
    QTest::mouseClick(m_graph->canvas()->viewport(), Qt::LeftButton, {},
                      m_graph->canvas()->mapFromScene(node->pos()));
    Q_UNUSED(viewPos);
    QTRY_COMPARE(m_window->document()->selectedMigration().value_or(-1), 1000000020);
    const auto m = m_window->document()->catalog()->graph.definition(QStringLiteral("main"), 1000000020);
    QCOMPARE(m_graph->details()->upSql(), QString::fromUtf8(m->upQuery));
    QCOMPARE(m_graph->details()->downSql(), QString::fromUtf8(m->downQuery));
    QVERIFY(m_graph->details()->upSql().contains(QStringLiteral("CONCURRENTLY"), Qt::CaseInsensitive));
}

void TestGraphView::searchJumpsToANode()
{
    QVERIFY(m_graph->search(QStringLiteral("1000000030")));
    QCOMPARE(*m_window->document()->selectedMigration(), 1000000030);
    QVERIFY(m_graph->scene()->node(1000000030)->isSelected());
    // Centred and readable.
    const QPointF centre = m_graph->canvas()->mapToScene(m_graph->canvas()->viewport()->rect().center());
    QVERIFY(QLineF(centre, m_graph->scene()->node(1000000030)->pos()).length() < 50);
    QVERIFY(m_graph->canvas()->zoom() >= 0.85);
    // By name, case-insensitively; repeated searches walk through the matches.
    const QString name = m_graph->scene()->node(1000000050)->name();
    QVERIFY(m_graph->search(name.toUpper()));
    QCOMPARE(*m_window->document()->selectedMigration(), 1000000050);
    QVERIFY(!m_graph->search(QStringLiteral("no such migration anywhere")));
    // Switching schema through the document: the view follows.
    m_window->document()->selectMigration(QStringLiteral("telemetry"), 2000000002);
    QTRY_VERIFY_WITH_TIMEOUT(m_graph->scene()->schema() == u"telemetry" && !m_graph->isLayoutPending(), 20000);
    QTRY_VERIFY(m_graph->scene()->node(2000000002) && m_graph->scene()->node(2000000002)->isSelected());
    m_graph->setSchema(QStringLiteral("main"));
    QTRY_VERIFY_WITH_TIMEOUT(m_graph->scene()->schema() == u"main" && !m_graph->isLayoutPending(), 20000);
}

void TestGraphView::highlightPlanTintsSteps()
{
    m_graph->highlightPlan({{1000000020, 1000000021}, {1000000050}});
    GraphScene *scene = m_graph->scene();
    QCOMPARE(scene->node(1000000020)->planStep(), 1);
    QCOMPARE(scene->node(1000000021)->planStep(), 1);
    QCOMPARE(scene->node(1000000050)->planStep(), 2);
    QCOMPARE(scene->node(1000000001)->planStep(), 0);
    // Through the document, as the planner view publishes a plan.
    auto plan = std::make_shared<UpgradePlan>();
    PlanStep step;
    step.schemas.insert(QStringLiteral("main"), {1000000040, 1000000041});
    plan->steps.append(step);
    m_window->document()->setCurrentPlan(plan);
    QCOMPARE(scene->node(1000000040)->planStep(), 1);
    QCOMPARE(scene->node(1000000020)->planStep(), 0);
    m_window->document()->setCurrentPlan(nullptr);
    QCOMPARE(scene->node(1000000040)->planStep(), 0);
}

void TestGraphView::exportsWriteFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString svg = dir.filePath(QStringLiteral("main.svg"));
    const QString png = dir.filePath(QStringLiteral("main.png"));
    const QString dot = dir.filePath(QStringLiteral("main.dot"));
    QVERIFY(m_graph->exportSvg(svg).ok());
    QVERIFY(m_graph->exportPng(png).ok());
    QVERIFY(m_graph->exportDot(dot).ok());

    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("1000000020")); // node text is real text, not pixels

    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200);
    QCOMPARE(image.size(), m_graph->scene()->sceneRect().size().toSize());

    QFile dotFile(dot);
    QVERIFY(dotFile.open(QIODevice::ReadOnly));
    const QByteArray dotText = dotFile.readAll();
    QVERIFY(dotText.startsWith("digraph \"main\""));
    QVERIFY(dotText.contains("\"1000000020\" -> \"1000000021\"") || dotText.contains("-> \"1000000021\""));
    QCOMPARE(dotText.count("->"), m_graph->scene()->edgeCount());
    QVERIFY(!m_graph->exportDot(QStringLiteral("/nonexistent/dir/x.dot")).ok());
}

void TestGraphView::zoomAndFit()
{
    GraphCanvas *canvas = m_graph->canvas();
    canvas->fitAll();
    const qreal fitted = canvas->zoom();
    canvas->zoomBy(2.0);
    QCOMPARE(canvas->zoom(), fitted * 2.0);
    QTest::keyClick(canvas, Qt::Key_0, Qt::ControlModifier);
    canvas->fitAll();
    QVERIFY(qAbs(canvas->zoom() - fitted) < 1e-6);
    canvas->zoomBy(1000);
    QCOMPARE(canvas->zoom(), 4.0); // clamped
}

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
