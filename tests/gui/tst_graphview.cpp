// The graph view on the bundled sample: layout, selection, search, plan tint, exports,
// overview, fits, details; and on the real releases: the long frontend graph.
#include "fixtures.h"
#include "guitestutil.h"

#include "browse/releasespanel.h"
#include "browse/theme.h"
#include "document/document.h"
#include "graph/edgeitem.h"
#include "graph/graphcanvas.h"
#include "graph/graphexport.h"
#include "graph/graphlayout.h"
#include "graph/graphoverview.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/migrationdetails.h"
#include "graph/migrationnodeitem.h"

#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QScrollBar>
#include <QTableView>
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
    void exportsAreLabelled();
    void zoomAndFit();
    void overviewNavigates();
    void fitReleaseShowsTheSelectedBand();
    void detailsShowFindingsAndEditDiff();
    void darkThemeIsReadable();
    void realFrontendGraph();

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

namespace {
// WCAG contrast ratio of two colours (1 .. 21); 4.5 is the bar for body text.
qreal contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const qreal la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Pixels inside `box` of `image` that are far from `fill`: glyph strokes on the node's face.
int inkPixels(const QImage &image, const QRect &box, const QColor &fill)
{
    int ink = 0;
    for (int y = box.top(); y <= box.bottom(); ++y)
        for (int x = box.left(); x <= box.right(); ++x)
            if (image.rect().contains(x, y) && contrast(image.pixelColor(x, y), fill) > 2.0)
                ++ink;
    return ink;
}

// The name lines of the node as the SVG holds them, joined: the full name, never elided.
void verifyLabelledExports(GraphView *graph, const QString &dir, qint64 id)
{
    const QString svg = dir + QStringLiteral("/graph.svg");
    const QString png = dir + QStringLiteral("/graph.png");
    QVERIFY(graph->exportSvg(svg).ok());
    QVERIFY(graph->exportPng(png).ok());
    MigrationNodeItem *node = graph->scene()->node(id);
    QVERIFY(node);

    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QString family = MigrationNodeItem::labelFamily();
    QVERIFY(!family.isEmpty());
    QVERIFY2(text.contains(QStringLiteral("font-family=\"%1, sans-serif\"").arg(family)), qPrintable(family));
    QVERIFY(!text.contains(QStringLiteral("font-family=\"serif")));
    const auto fitted = MigrationNodeItem::fitName(node->name());
    QCOMPARE(fitted.lines.join(QString()).remove(QLatin1Char(' ')), QString(node->name()).remove(QLatin1Char(' ')));
    for (const QString &line : fitted.lines)
        QVERIFY2(text.contains(line.toHtmlEscaped()), qPrintable(line));

    // The PNG: legible scale, within the pixel budget, and glyphs on the node's face.
    QList<QRectF> rects;
    for (QGraphicsItem *item : graph->scene()->items())
        if (item->type() == MigrationNodeItem::Type)
            rects.append(item->sceneBoundingRect());
    const GraphSheet sheet = GraphExport::planSheet(graph->scene()->sceneRect(), rects);
    const QImage image(png);
    QCOMPARE(image.size(), sheet.size);
    QVERIFY(sheet.scale >= GraphExport::MinScale);
    QVERIFY(qreal(image.width()) * image.height() <= GraphExport::MaxPixels * 1.01);
    const auto at = sheet.map(node->pos());
    QVERIFY(at);
    const QSizeF half = QSizeF(MigrationNodeItem::Width - 16, MigrationNodeItem::Height - 10) * sheet.scale / 2;
    const QRect face = QRectF(*at - QPointF(half.width(), half.height()), half * 2).toRect();
    const QColor fill = image.pixelColor(face.topLeft() + QPoint(1, 1));
    QVERIFY2(inkPixels(image, face, fill) > 40, "no text drawn on the exported node");
}
} // namespace

void TestGraphView::exportsAreLabelled()
{
    QTemporaryDir dir;
    verifyLabelledExports(m_graph, dir.path(), 1000000020);
}

void TestGraphView::overviewNavigates()
{
    GraphCanvas *canvas = m_graph->canvas();
    GraphOverview *overview = canvas->overview();
    QVERIFY(m_graph->isOverviewVisible());
    QTRY_VERIFY(overview->isVisible());
    // It sits over the canvas's viewport and frames what the canvas shows.
    QVERIFY(canvas->viewport()->geometry().contains(overview->geometry()));
    canvas->zoomBy(4.0 / canvas->zoom());
    const QRectF frame = overview->frame();
    QVERIFY(!frame.isEmpty());
    QVERIFY(QRectF(overview->rect()).contains(frame));
    // A click moves the canvas there; a drag follows the mouse.
    const QPoint target(overview->width() / 4, overview->height() / 2);
    QTest::mouseClick(overview, Qt::LeftButton, {}, target);
    const QPointF centre = canvas->mapToScene(canvas->viewport()->rect().center());
    const QPointF wanted = overview->toScene(target);
    QVERIFY2(QLineF(centre, wanted).length() < 40, qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                 .arg(centre.x()).arg(centre.y()).arg(wanted.x()).arg(wanted.y())));
    QVERIFY(overview->frame().contains(QPointF(target)) || overview->frame().intersects(QRectF(target, QSizeF(3, 3))));
    const QPoint to(overview->width() * 3 / 4, overview->height() / 2);
    QTest::mousePress(overview, Qt::LeftButton, {}, target);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), overview->mapToGlobal(QPointF(to)), Qt::NoButton, Qt::LeftButton, {});
    QApplication::sendEvent(overview, &move);
    QTest::mouseRelease(overview, Qt::LeftButton, {}, to);
    const QPointF moved = canvas->mapToScene(canvas->viewport()->rect().center());
    QVERIFY(QLineF(moved, overview->toScene(to)).length() < 40);
    // View > Show Overview toggles it.
    QAction *toggle = nullptr;
    for (QAction *action : m_graph->viewActions())
        if (action->data().toString() == u"overview")
            toggle = action;
    QVERIFY(toggle && toggle->isCheckable());
    toggle->trigger();
    QVERIFY(!overview->isVisible());
    QVERIFY(!m_graph->isOverviewVisible());
    toggle->trigger();
    QVERIFY(overview->isVisible());
}

void TestGraphView::fitReleaseShowsTheSelectedBand()
{
    m_window->document()->selectMigration(QStringLiteral("main"), 1000000021);
    GraphCanvas *canvas = m_graph->canvas();
    canvas->zoomBy(0.05 / canvas->zoom());
    const QString minor = m_graph->fitRelease();
    const GraphScene::ReleaseBand band = m_graph->scene()->releaseBandOf(1000000021);
    QVERIFY(!minor.isEmpty());
    QCOMPARE(minor, band.minor);
    QVERIFY(band.ids.contains(1000000021));
    QVERIFY(canvas->zoom() >= GraphCanvas::ReadableFitZoom - 1e-9);
    QVERIFY(canvas->zoom() <= GraphCanvas::MaxFitZoom + 1e-9);
    // Every node of the band is in view (the sample's bands are small).
    const QRectF visible = canvas->mapToScene(canvas->viewport()->rect()).boundingRect();
    for (qint64 id : band.ids)
        QVERIFY(visible.contains(m_graph->scene()->node(id)->sceneBoundingRect()));
}

void TestGraphView::detailsShowFindingsAndEditDiff()
{
    const auto catalog = m_window->document()->catalog();
    QString expectedDiff;
    for (const Finding &f : catalog->findings)
        if (f.kind == u"edited-migration" && f.schema == u"main" && f.id == 1000000021)
            expectedDiff = f.diff;
    QVERIFY(!expectedDiff.isEmpty());
    m_window->document()->selectMigration(QStringLiteral("main"), 1000000021);
    MigrationDetails *details = m_graph->details();
    QVERIFY(details->detailsHtml().contains(QStringLiteral("edited-migration")));
    QVERIFY(details->hasEditDiff());
    QCOMPARE(details->editDiff(), expectedDiff);
    QVERIFY(details->editDiff().contains(QStringLiteral("\n+")) || details->editDiff().contains(QStringLiteral("\n-")));
    // A migration without findings says so, and has no diff.
    m_window->document()->selectMigration(QStringLiteral("main"), 1000000001);
    QVERIFY(details->detailsHtml().contains(QStringLiteral("No findings")));
    QVERIFY(!details->hasEditDiff());
    QVERIFY(details->editDiff().isEmpty());
}

void TestGraphView::darkThemeIsReadable()
{
    Theme::apply(QStringLiteral("dark"));
    m_graph->setDark(true);
    GraphScene *scene = m_graph->scene();
    const QColor background = scene->backgroundBrush().color();
    QVERIFY(background.lightness() < 80);
    QImage image(200, 120, QImage::Format_RGB32);
    for (QGraphicsItem *item : scene->items()) {
        if (item->type() == EdgeItem::Type) {
            // Links: drawn in a colour that stands out from the dark canvas.
            image.fill(background);
            QPainter painter(&image);
            scene->render(&painter, image.rect(), item->sceneBoundingRect());
            painter.end();
            qreal best = 1;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    best = std::max(best, contrast(image.pixelColor(x, y), background));
            QVERIFY2(best >= 4.5, qPrintable(QString::number(best)));
            break;
        }
    }
    // Node text on node fills.
    const QColor text(0xf0, 0xf0, 0xf0);
    for (const auto &[minor, fill] : scene->legend())
        QVERIFY2(contrast(text, fill) >= 4.5, qPrintable(minor));
    // Parent/child links in the details panel use the dark palette's link colour, readable
    // on the panel's window colour.
    m_window->document()->selectMigration(QStringLiteral("main"), 1000000021);
    MigrationDetails *details = m_graph->details();
    const QColor link = QApplication::palette().color(QPalette::Link);
    QVERIFY(details->detailsHtml().contains(link.name()));
    QVERIFY2(contrast(link, QApplication::palette().color(QPalette::Window)) >= 4.5, qPrintable(link.name()));
    Theme::apply(QStringLiteral("light"));
    m_graph->setDark(false);
    QVERIFY(!details->detailsHtml().contains(link.name()));
}

void TestGraphView::realFrontendGraph()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    auto window = test::windowWithSample();
    QVERIFY(window);
    window->resize(1600, 1000);
    GraphView *graph = window->graphView();
    QTRY_VERIFY_WITH_TIMEOUT(!graph->isLayoutPending(), 20000);
    // A sample migration is on show; loading other sources must not leave it there.
    window->document()->selectMigration(QStringLiteral("main"), 1000000020);
    QVERIFY(!graph->details()->upSql().isEmpty());
    QSignalSpy loaded(window.get(), &MainWindow::catalogLoaded);
    window->openPaths({fixtures + QStringLiteral("/releases"), fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml")});
    QVERIFY(test::waitForLoad(*window, loaded, 300000));
    QCOMPARE(graph->details()->title(), QStringLiteral("Select a migration in the graph."));
    QVERIFY(graph->details()->upSql().isEmpty());
    QVERIFY(graph->details()->detailsHtml().isEmpty());

    // The releases dock shows every column without a horizontal scrollbar.
    QTableView *table = window->releasesPanel()->table();
    QTRY_COMPARE_WITH_TIMEOUT(table->horizontalScrollBar()->maximum(), 0, 2000);

    graph->setSchema(QStringLiteral("frontend"));
    QTRY_VERIFY_WITH_TIMEOUT(!graph->isLayoutPending() && graph->scene()->schema() == u"frontend", 120000);
    GraphScene *scene = graph->scene();
    QVERIFY(scene->nodeCount() > 300);
    const QRectF rect = scene->sceneRect();
    QVERIFY(rect.width() > 8 * rect.height()); // the long strip this is all about

    // Fit: never below the readable zoom; the overview shows the whole strip.
    GraphCanvas *canvas = graph->canvas();
    canvas->fitAll();
    QCOMPARE(canvas->zoom(), GraphCanvas::ReadableFitZoom);
    GraphOverview *overview = canvas->overview();
    QVERIFY(overview->isVisible());
    QVERIFY(overview->width() > canvas->viewport()->width() / 2);
    QVERIFY(overview->height() >= 40);
    QVERIFY(overview->frame().width() < overview->width() / 4.0);

    // Fit Release on a selected migration: its band, readable, the migration in view.
    window->document()->selectMigration(QStringLiteral("frontend"), 1754948630);
    const QString minor = graph->fitRelease();
    QCOMPARE(minor, scene->releaseBandOf(1754948630).minor);
    QVERIFY(canvas->zoom() >= GraphCanvas::ReadableFitZoom - 1e-9);
    const QRectF visible = canvas->mapToScene(canvas->viewport()->rect()).boundingRect();
    const QRectF band = scene->releaseBandOf(1754948630).rect;
    QVERIFY(visible.intersects(band));
    QVERIFY(visible.contains(band) || canvas->zoom() == GraphCanvas::ReadableFitZoom);
    QVERIFY(visible.contains(scene->node(1754948630)->sceneBoundingRect()));

    // Details: the node's findings, and the diff of an edited migration.
    MigrationDetails *details = graph->details();
    QVERIFY(details->detailsHtml().contains(QStringLiteral("parent-alias")));
    // Exports: labelled, a sheet of several bands at a legible scale.
    QTemporaryDir dir;
    verifyLabelledExports(graph, dir.path(), 1754948630);
    QList<QRectF> rects;
    for (QGraphicsItem *item : scene->items())
        if (item->type() == MigrationNodeItem::Type)
            rects.append(item->sceneBoundingRect());
    const GraphSheet sheet = GraphExport::planSheet(scene->sceneRect(), rects);
    QVERIFY(sheet.bands.size() >= 3);
    const qreal aspect = qreal(sheet.size.width()) / sheet.size.height();
    QVERIFY2(aspect > 0.8 && aspect < 3, qPrintable(QString::number(aspect)));
    // No cut goes through a node.
    for (const QRectF &r : std::as_const(rects)) {
        int holders = 0;
        for (const GraphSheet::Band &b : sheet.bands)
            holders += b.source.contains(r);
        QCOMPARE(holders, 1);
    }

    // The codeintel migration edited after it shipped: the finding and the edit's diff.
    window->document()->selectMigration(QStringLiteral("codeintel"), 1723117227);
    QVERIFY2(details->detailsHtml().contains(QStringLiteral("edited-migration")), qPrintable(details->detailsHtml()));
    QVERIFY(details->hasEditDiff());
    QVERIFY(details->editDiff().contains(QStringLiteral("@@")));

    window->document()->undoStack()->setClean();
}

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
