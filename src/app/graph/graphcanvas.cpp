#include "graphcanvas.h"

#include "migrationnodeitem.h"

#include <QContextMenuEvent>
#include <QWheelEvent>

namespace {
constexpr qreal MinZoom = 0.02;
constexpr qreal MaxZoom = 4.0;
constexpr qreal ReadableZoom = 0.9;
} // namespace

GraphCanvas::GraphCanvas(QWidget *parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    // Items are static once laid out: skip state saves and repaint only what changed.
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
}

void GraphCanvas::zoomBy(qreal factor)
{
    const qreal target = qBound(MinZoom, zoom() * factor, MaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const qreal f = target / zoom();
    scale(f, f);
    Q_EMIT zoomChanged(zoom());
}

void GraphCanvas::fitAll()
{
    if (!scene())
        return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    // A huge graph fitted whole is a smear: keep a floor so structure stays visible.
    if (zoom() < MinZoom) {
        const qreal f = MinZoom / zoom();
        scale(f, f);
    }
    Q_EMIT zoomChanged(zoom());
}

void GraphCanvas::focusOn(const QPointF &scenePos)
{
    if (zoom() < ReadableZoom) {
        const qreal f = ReadableZoom / zoom();
        const auto anchor = transformationAnchor();
        setTransformationAnchor(AnchorViewCenter);
        scale(f, f);
        setTransformationAnchor(anchor);
        Q_EMIT zoomChanged(zoom());
    }
    centerOn(scenePos);
}

void GraphCanvas::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.0015, delta));
    event->accept();
}

void GraphCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    qint64 id = -1;
    for (QGraphicsItem *item : items(event->pos())) {
        if (item->type() == MigrationNodeItem::Type) {
            id = static_cast<MigrationNodeItem *>(item)->migrationId();
            break;
        }
    }
    Q_EMIT contextMenuRequested(id, event->globalPos());
    event->accept();
}
