// passlane-bench-gui: GUI figures on the 70 real releases (not a test; prints numbers).
//   launch -> usable window with every release loaded        target < 3 s
//   frontend stitched graph laid out by Graphviz             target < 1 s
//   painting that graph while panning/zooming (60 frames)    target < 16 ms per frame
//   dragging an OOB lane end, 10,000 customer instances:     target 16 ms median, 50 ms worst
//     per step: proposal (undo command, lanes), plan + window analysis (worker), repaint
#include "document/document.h"
#include "document/scenariorunner.h"
#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "lanes/lanehandleitem.h"
#include "lanes/laneitem.h"
#include "lanes/lanesscene.h"
#include "lanes/lanesview.h"
#include "mainwindow.h"
#include "models/windowanalysismodel.h"
#include "project/customerscsv.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {
QString fixturesDir(const QStringList &args)
{
    if (args.size() > 1)
        return args.at(1);
    const QString env = qEnvironmentVariable("PASSLANE_FIXTURES");
    return env.isEmpty() ? QDir::cleanPath(QStringLiteral(PASSLANE_SOURCE_DIR "/../shared/fixtures/sourcegraph")) : env;
}

template <typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

const char *verdict(double value, double target)
{
    return value < target ? "ok" : "OVER TARGET";
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0) : QByteArray("unknown");
}

double worstOf(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

/// The fixtures' customer distribution scaled to `total` instances (largest remainders), as a
/// customers CSV in `dir`. Generated at run time: the benchmark never ships customer data.
QString scaledCustomersCsv(const QString &fixtures, const QTemporaryDir &dir, qint64 total)
{
    const auto weights = passlane::CustomersCsv::readFile(fixtures + QStringLiteral("/customers-example.csv"));
    if (!weights || weights->isEmpty())
        return {};
    qint64 sum = 0;
    for (const passlane::SourceWeight &w : weights.value())
        sum += w.instances;
    QList<qint64> scaled;
    QList<std::pair<double, int>> remainders;
    qint64 given = 0;
    for (int i = 0; i < weights->size(); ++i) {
        const double exact = double(weights->at(i).instances) * double(total) / double(sum);
        scaled << qint64(exact);
        given += scaled.last();
        remainders.append({exact - double(scaled.last()), i});
    }
    std::sort(remainders.begin(), remainders.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int i = 0; given < total; ++i, ++given)
        ++scaled[remainders[i % remainders.size()].second];
    QByteArray csv = "version,instances\n";
    for (int i = 0; i < weights->size(); ++i)
        csv += weights->at(i).version.toString().toUtf8() + ',' + QByteArray::number(scaled[i]) + '\n';
    const QString path = dir.filePath(QStringLiteral("customers-10000.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
        return {};
    return path;
}

/// CPU time of the whole process (every thread) in ms: on a loaded machine the wall clock
/// also counts the time other processes had the cores.
double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void sendMouse(QWidget *viewport, QEvent::Type type, const QPoint &pos)
{
    const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(pos), viewport->mapToGlobal(QPointF(pos)), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

/// Drags one lane end across every slot of its range and back with real mouse events, one slot
/// per step, and times each step from the mouse move to the repainted answer.
int benchLaneDrag(MainWindow &window, const QString &fixtures)
{
    using namespace passlane;
    Document *doc = window.document();
    const auto catalog = doc->catalog();
    QTemporaryDir dir;
    const QString csv = scaledCustomersCsv(fixtures, dir, 10000);
    if (csv.isEmpty()) {
        std::fprintf(stderr, "passlane-bench-gui: cannot write the scaled customers CSV\n");
        return 1;
    }
    Project project = doc->project();
    project.customersCsv = csv;
    doc->setProject(project);
    const auto from = Version::parse(u"5.9.45");
    if (!from || !catalog->release(*from)) {
        std::fprintf(stderr, "passlane-bench-gui: no release 5.9.45 among the fixtures\n");
        return 1;
    }
    doc->setPlanRequest(*from, catalog->releases.last()->version);
    LanesView *lanes = window.findChild<LanesView *>();
    window.tabs()->setCurrentWidget(lanes);
    ScenarioRunner *runner = doc->runner();
    runner->waitForIdle();
    QApplication::processEvents();
    std::printf("lane drag: %lld instances from %s, plan 5.9.45 -> %s\n",
                qlonglong(lanes->analysisModel()->report().totalInstances), qPrintable(QFileInfo(csv).fileName()),
                qPrintable(catalog->releases.last()->version.toString()));

    // OOB 23 is never deprecated in the what-if registry: its end travels the whole axis.
    LaneItem *lane = lanes->scene()->lane(23);
    if (!lane) {
        std::fprintf(stderr, "passlane-bench-gui: no lane for OOB 23\n");
        return 1;
    }
    QGraphicsView *view = lanes->graphicsView();
    const LaneAxis &axis = lanes->scene()->axis();
    const qreal y = lane->handle()->scenePos().y();
    QList<int> slots;
    for (int s = axis.openSlot() - 1; s >= lane->minEndSlot(); --s)
        slots << s;
    for (int i = int(slots.size()) - 2; i >= 0; --i)
        slots << slots[i];
    QList<double> proposalMs, answerMs, workerMs, repaintMs, stepMs, stepCpuMs;
    view->ensureVisible(QRectF(axis.x(axis.openSlot()) - 4, y - 4, 8, 8), 120, 20);
    sendMouse(view->viewport(), QEvent::MouseButtonPress, view->mapFromScene(QPointF(axis.x(axis.openSlot()), y)));
    for (int slot : std::as_const(slots)) {
        const QPointF scenePos(axis.x(slot), y);
        // Away from the edges, where the view would scroll on its own while the mouse rests.
        view->ensureVisible(QRectF(scenePos - QPointF(4, 4), QSizeF(8, 8)), 120, 20);
        QElapsedTimer step;
        step.start();
        const double cpu0 = processCpuMs();
        sendMouse(view->viewport(), QEvent::MouseMove, view->mapFromScene(scenePos));
        proposalMs << double(step.nsecsElapsed()) / 1e6;
        QElapsedTimer answer;
        answer.start();
        runner->waitForIdle();
        answerMs << double(answer.nsecsElapsed()) / 1e6;
        workerMs << double(runner->lastElapsedMs());
        QElapsedTimer paint;
        paint.start();
        lanes->repaint(); // the lanes and the analysis, painted now rather than at the next frame
        repaintMs << double(paint.nsecsElapsed()) / 1e6;
        stepMs << double(step.nsecsElapsed()) / 1e6;
        stepCpuMs << processCpuMs() - cpu0;
    }
    sendMouse(view->viewport(), QEvent::MouseButtonRelease, view->mapFromScene(QPointF(axis.x(slots.last()), y)));
    runner->waitForIdle();
    const int undoSteps = doc->undoStack()->count();
    auto line = [](const char *what, const QList<double> &ms) {
        std::printf("  %-36s %8.2f ms median, %8.2f ms worst\n", what, median(ms), worstOf(ms));
    };
    std::printf("lane drag steps                 %lld (one slot each; %d undo step)\n", qlonglong(stepMs.size()), undoSteps);
    line("proposal (command, lanes)", proposalMs);
    line("plan + window analysis (to answer)", answerMs);
    line("  of which evaluate() on the worker", workerMs);
    line("repaint (lanes, analysis)", repaintMs);
    std::printf("lane drag step, total           %8.2f ms median, %.2f ms worst  (targets 16 ms median: %s, 50 ms worst: %s)\n",
                median(stepMs), worstOf(stepMs), verdict(median(stepMs), 16), verdict(worstOf(stepMs), 50));
    std::printf("lane drag step, CPU (all threads) %6.2f ms median, %.2f ms worst  (load average %s)\n", median(stepCpuMs),
                worstOf(stepCpuMs), loadAverage().constData());
    doc->undoStack()->undo();
    runner->waitForIdle();
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QElapsedTimer launch;
    launch.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PasslaneBench"));
    const QString fixtures = fixturesDir(QApplication::arguments());
    if (!QDir(fixtures).exists(QStringLiteral("releases"))) {
        std::fprintf(stderr, "passlane-bench-gui: no releases/ in %s (pass the fixtures folder)\n", qPrintable(fixtures));
        return 2;
    }

    // 1. Launch to a usable window with every release loaded.
    MainWindow window;
    window.setProperty("quietErrors", true);
    window.resize(1600, 1000);
    window.show();
    window.openPaths({fixtures + QStringLiteral("/releases"), fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml")});
    if (!waitFor(&window, &MainWindow::catalogLoaded, 300000)) {
        std::fprintf(stderr, "passlane-bench-gui: loading failed or timed out\n");
        return 1;
    }
    const double loadedMs = double(launch.nsecsElapsed()) / 1e6;
    const auto catalog = window.document()->catalog();
    GraphView *view = window.graphView();
    if (view->isLayoutPending())
        waitFor(view, &GraphView::layoutReady, 60000);
    const double graphShownMs = double(launch.nsecsElapsed()) / 1e6;
    std::printf("releases loaded                 %lld\n", qlonglong(catalog->releases.size()));
    std::printf("launch -> window with releases  %8.1f ms  (target < 3000 ms: %s)\n", loadedMs, verdict(loadedMs, 3000));
    std::printf("launch -> graph on screen       %8.1f ms\n", graphShownMs);

    // 2. The frontend schema's stitched graph laid out (median of 3).
    const QString schema = QStringLiteral("frontend");
    const GraphLayoutInput input = GraphScene::layoutInput(*catalog, schema);
    QList<double> layoutMs;
    GraphLayoutResult layout;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        layout = GraphLayout::compute(input);
        layoutMs << double(t.nsecsElapsed()) / 1e6;
    }
    std::printf("frontend graph                  %lld nodes, %lld edges\n", qlonglong(input.nodes.size()),
                qlonglong(input.edges.size()));
    std::printf("frontend layout (dot)           %8.1f ms median of 3  (target < 1000 ms: %s)\n", median(layoutMs),
                verdict(median(layoutMs), 1000));

    // 3. Painting while panning and zooming: 60 frames into a window-sized image.
    GraphScene scene;
    QElapsedTimer populate;
    populate.start();
    scene.populate(*catalog, schema, input, layout);
    std::printf("scene populate                  %8.1f ms\n", double(populate.nsecsElapsed()) / 1e6);
    const QSize frame(1280, 800);
    QImage image(frame, QImage::Format_ARGB32_Premultiplied);
    const QRectF bounds = scene.sceneRect();
    QList<double> frameMs;
    double warmUpMs = 0;
    for (int i = -1; i < 60; ++i) {
        // Zoom sweeps from the whole graph to node-readable (2x) and back, panning along it.
        const double phase = std::max(i, 0) / 59.0;
        const double zoom = 0.05 * std::pow(40.0, std::sin(phase * 3.14159));
        const QPointF centre(bounds.left() + bounds.width() * phase, bounds.center().y() + bounds.height() * 0.3 * std::sin(phase * 6.28));
        const QSizeF visible(frame.width() / zoom, frame.height() / zoom);
        const QRectF source(centre - QPointF(visible.width() / 2, visible.height() / 2), visible);
        QElapsedTimer t;
        t.start();
        image.fill(scene.backgroundBrush().color());
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), frame), source, Qt::IgnoreAspectRatio);
        painter.end();
        // Frame -1 warms the glyph cache (the first text drawn); reported apart.
        (i < 0 ? warmUpMs : frameMs.emplace_back()) = double(t.nsecsElapsed()) / 1e6;
    }
    const double worst = *std::max_element(frameMs.cbegin(), frameMs.cend());
    std::printf("paint frame (60, pan+zoom)      %8.2f ms median, %.2f ms worst  (target < 16 ms: %s)\n",
                median(frameMs), worst, verdict(worst, 16));
    std::printf("paint warm-up frame             %8.2f ms (first text drawn, not counted)\n", warmUpMs);
    // 4. Dragging a lane end on the real releases with 10,000 customer instances.
    const int drag = benchLaneDrag(window, fixtures);
    window.document()->undoStack()->setClean();
    return drag;
}
