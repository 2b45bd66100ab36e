#include "lanes/lanesgraphicsview.h"

#include "lanes/lanehandleitem.h"
#include "lanes/laneitem.h"
#include "lanes/lanesscene.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPalette>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

LanesGraphicsView::LanesGraphicsView(QWidget *parent) : QGraphicsView(parent)
{
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setFocusPolicy(Qt::StrongFocus);
    m_autoScroll.setInterval(30);
    connect(&m_autoScroll, &QTimer::timeout, this, &LanesGraphicsView::autoScrollTick);
}

LanesScene *LanesGraphicsView::lanesScene() const
{
    return qobject_cast<LanesScene *>(scene());
}

void LanesGraphicsView::zoomBy(qreal factor, std::optional<int> anchorViewportX)
{
    LanesScene *s = lanesScene();
    if (!s)
        return;
    // The minor under the anchor (the mouse, or the middle of the axis) stays where it is.
    const int anchor = anchorViewportX.value_or(int(LaneAxis::kLabelWidth + (viewport()->width() - LaneAxis::kLabelWidth) / 2));
    const LaneAxis &axis = s->axis();
    const qreal slot = (mapToScene(anchor, 0).x() - axis.x(0)) / axis.column;
    s->setColumn(axis.column * factor);
    horizontalScrollBar()->setValue(qRound(axis.x(slot) - anchor));
    Q_EMIT zoomChanged(axis.column);
}

void LanesGraphicsView::fitAll()
{
    LanesScene *s = lanesScene();
    if (!s)
        return;
    s->setColumn(s->axis().fitColumn(viewport()->width()));
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    Q_EMIT zoomChanged(s->axis().column);
}

namespace {
enum class ZoomKey { None, In, Out, Fit };

/// Ctrl with +, = (+ without Shift), - or 0, from the main keys or the keypad.
ZoomKey zoomKey(const QKeyEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier) || (event->modifiers() & (Qt::AltModifier | Qt::MetaModifier)))
        return ZoomKey::None;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: return ZoomKey::In;
    case Qt::Key_Minus:
    case Qt::Key_Underscore: return ZoomKey::Out;
    case Qt::Key_0: return ZoomKey::Fit;
    default: return ZoomKey::None;
    }
}
} // namespace

bool LanesGraphicsView::event(QEvent *event)
{
    // The graph's zoom actions are window-wide; inside the lanes these keys zoom the lanes.
    if (event->type() == QEvent::ShortcutOverride && zoomKey(static_cast<QKeyEvent *>(event)) != ZoomKey::None) {
        event->accept();
        return true;
    }
    return QGraphicsView::event(event);
}

void LanesGraphicsView::keyPressEvent(QKeyEvent *event)
{
    switch (zoomKey(event)) {
    case ZoomKey::In: zoomBy(1.25); return;
    case ZoomKey::Out: zoomBy(0.8); return;
    case ZoomKey::Fit: fitAll(); return;
    case ZoomKey::None: break;
    }
    LanesScene *s = lanesScene();
    LaneItem *selected = s ? s->selectedLane() : nullptr;
    if (selected && event->modifiers() == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
            Q_EMIT stepRequested(selected->oobId(), event->key() == Qt::Key_Left ? -1 : 1);
            return;
        case Qt::Key_Up:
        case Qt::Key_Down: {
            const QList<LaneItem *> lanes = s->lanesInOrder();
            const qsizetype row = lanes.indexOf(selected) + (event->key() == Qt::Key_Up ? -1 : 1);
            if (row >= 0 && row < lanes.size()) {
                s->selectLane(lanes[row]->oobId());
                ensureVisible(lanes[row]->sceneBoundingRect().adjusted(0, -4, 0, 4), 0, 4);
            }
            return;
        }
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void LanesGraphicsView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() != 0)
            zoomBy(std::pow(1.25, delta.y() / 120.0), int(event->position().x()));
        event->accept();
        return;
    }
    // Sideways: a horizontal wheel or tilt, or Shift with the ordinary wheel.
    const int sideways = delta.x() != 0 ? delta.x() : (event->modifiers() & Qt::ShiftModifier) ? delta.y() : 0;
    if (sideways != 0) {
        scrollHorizontally(-sideways / 2); // one notch (120) is 60 px
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void LanesGraphicsView::scrollHorizontally(int pixels)
{
    QScrollBar *bar = horizontalScrollBar();
    bar->setValue(bar->value() + pixels);
}

void LanesGraphicsView::mousePressEvent(QMouseEvent *event)
{
    // A click on a name selects its lane; nothing under the frozen column is dragged.
    LanesScene *s = lanesScene();
    if (s && event->button() == Qt::LeftButton && event->position().x() < LaneAxis::kLabelWidth) {
        const QList<LaneItem *> lanes = s->lanesInOrder();
        const int row = s->axis().rowAt(mapToScene(event->position().toPoint()).y(), int(lanes.size()));
        if (row >= 0)
            s->selectLane(lanes[row]->oobId());
        else
            s->clearSelection();
        setFocus(Qt::MouseFocusReason);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

LaneHandleItem *LanesGraphicsView::draggedHandle() const
{
    QGraphicsItem *grabber = scene() ? scene()->mouseGrabberItem() : nullptr;
    if (!grabber || grabber->type() != LaneHandleItem::Type)
        return nullptr;
    auto *handle = static_cast<LaneHandleItem *>(grabber);
    return handle->isDragging() ? handle : nullptr;
}

int LanesGraphicsView::autoScrollStep(int viewportX) const
{
    const int left = int(LaneAxis::kLabelWidth) + kAutoScrollMargin;
    const int right = viewport()->width() - kAutoScrollMargin;
    // Faster the deeper into the margin (or past the edge) the mouse is.
    if (viewportX > right)
        return qMin(4 + (viewportX - right) / 2, 60);
    if (viewportX < left)
        return -qMin(4 + (left - viewportX) / 2, 60);
    return 0;
}

void LanesGraphicsView::mouseMoveEvent(QMouseEvent *event)
{
    QGraphicsView::mouseMoveEvent(event);
    if (!draggedHandle()) {
        m_autoScroll.stop();
        return;
    }
    m_lastMouse = event->position().toPoint();
    if (autoScrollStep(m_lastMouse.x()) != 0) {
        if (!m_autoScroll.isActive())
            m_autoScroll.start();
    } else {
        m_autoScroll.stop();
    }
}

void LanesGraphicsView::autoScrollTick()
{
    LaneHandleItem *handle = draggedHandle();
    const int step = autoScrollStep(m_lastMouse.x());
    if (!handle || step == 0) {
        m_autoScroll.stop();
        return;
    }
    scrollHorizontally(step);
    // The mouse stays still while the axis moves under it: the handle follows the axis.
    handle->dragTo(mapToScene(m_lastMouse).x());
}

void LanesGraphicsView::mouseReleaseEvent(QMouseEvent *event)
{
    m_autoScroll.stop();
    QGraphicsView::mouseReleaseEvent(event);
}

void LanesGraphicsView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    // The frozen column is painted at a viewport position: scrolled pixels would smear it.
    if (dx != 0)
        viewport()->update();
}

void LanesGraphicsView::drawForeground(QPainter *painter, const QRectF &rect)
{
    Q_UNUSED(rect);
    LanesScene *s = lanesScene();
    if (!s)
        return;
    const QPointF origin = mapToScene(0, 0);
    const qreal left = origin.x();
    const qreal width = LaneAxis::kLabelWidth;
    const QRectF column(left, origin.y(), width, viewport()->height());
    const QPalette pal = palette();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(column, pal.color(QPalette::Base));
    QColor edge = pal.color(QPalette::Text);
    edge.setAlpha(left > 0.5 ? 90 : 40); // stronger when lanes pass underneath
    painter->setPen(QPen(edge, 1));
    painter->drawLine(QPointF(column.right(), column.top()), QPointF(column.right(), column.bottom()));
    painter->setRenderHint(QPainter::TextAntialiasing);

    QFont font = painter->font();
    const QFontMetricsF fm(font);
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->drawText(QRectF(left + 6, 8, width - 12, fm.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
                      tr("OOB migration"));

    const QColor stopColour = pal.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x80, 0x70) : QColor(0xa0, 0x20, 0x20);
    for (LaneItem *lane : s->lanesInOrder()) {
        const LaneItem::Data &d = lane->data();
        const QRectF row(left + 2, lane->pos().y() - 2, width - 6, LaneAxis::kLaneHeight + 4);
        if (!row.intersects(column))
            continue;
        if (lane->isSelected()) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(pal.color(QPalette::Highlight));
            painter->drawRoundedRect(row, 3, 3);
        }
        QFont f = font;
        f.setBold(d.causesStop);
        painter->setFont(f);
        painter->setPen(lane->isSelected() ? pal.color(QPalette::HighlightedText)
                        : d.causesStop   ? stopColour
                                         : pal.color(QPalette::Text));
        const QRectF text = row.adjusted(4, 0, -4, 0);
        painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetricsF(f).elidedText(d.label, Qt::ElideRight, text.width()));
    }
    painter->restore();
}
