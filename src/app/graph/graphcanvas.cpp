#include "graphcanvas.h"

#include "graphoverview.h"
#include "migrationnodeitem.h"

#include <QContextMenuEvent>
#include <QWheelEvent>

namespace {
constexpr qreal MinZoom = 0.02;
constexpr qreal MaxZoom = 4.0;
constexpr qreal ReadableZoom = 0.9;
} // namespace

GraphCanvas::GraphCanvas(QWidget *parent) : QGraphicsView(parent), m_overview(new GraphOverview(this))
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

void GraphCanvas::setZoom(qreal target)
{
    const auto anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    const qreal f = target / zoom();
    scale(f, f);
    setTransformationAnchor(anchor);
}

void GraphCanvas::fitAll()
{
    if (!scene())
        return;
    const QPointF centre = mapToScene(viewport()->rect().center());
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    // Fitted whole, a long graph is a smear of boxes: stop where names still read, keep the
    // part the user was looking at, and whole rows of ranks in view.
    if (zoom() < ReadableFitZoom) {
        setZoom(ReadableFitZoom);
        centerOn(QPointF(centre.x(), scene()->sceneRect().center().y()));
    }
    Q_EMIT zoomChanged(zoom());
}

void GraphCanvas::fitRect(const QRectF &rect, std::optional<QPointF> focus)
{
    if (!scene() || rect.isEmpty())
        return;
    const QRectF padded = rect.adjusted(-30, -30, 30, 30);
    const QSizeF room = viewport()->size();
    const qreal fit = std::min(room.width() / padded.width(), room.height() / padded.height());
    setZoom(std::clamp(fit, ReadableFitZoom, MaxFitZoom));
    if (fit >= ReadableFitZoom)
        centerOn(padded.center());
    else if (focus)
        centerOn(QPointF(focus->x(), padded.center().y()));
    else
        centerOn(QPointF(padded.left() + room.width() / (2 * zoom()), padded.center().y()));
    Q_EMIT zoomChanged(zoom());
}

void GraphCanvas::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    m_overview->reposition();
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
