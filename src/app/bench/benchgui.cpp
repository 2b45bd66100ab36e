// passlane-bench-gui: GUI figures on the 70 real releases (not a test; prints numbers).
//   launch -> usable window with every release loaded        target < 3 s
//   frontend stitched graph laid out by Graphviz             target < 1 s
//   painting that graph while panning/zooming (60 frames)    target < 16 ms per frame
#include "document/document.h"
#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

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
    window.document()->undoStack()->setClean();
    return 0;
}
