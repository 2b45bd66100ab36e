#include "lanes/lanehandleitem.h"
#include "lanes/laneitem.h"

#include <QCursor>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>

LaneHandleItem::LaneHandleItem(LaneItem *lane) : QGraphicsItem(lane), m_lane(lane)
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setCursor(Qt::SizeHorCursor);
    setZValue(1);
    setToolTip(QObject::tr("Drag to propose another deprecation version"));
}

int LaneHandleItem::oobId() const
{
    return m_lane->oobId();
}

QRectF LaneHandleItem::boundingRect() const
{
    return QRectF(-7, -LaneAxis::kLaneHeight / 2 - 1, 14, LaneAxis::kLaneHeight + 2);
}

void LaneHandleItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor c = m_dragging ? QColor(0xe0, 0x60, 0x00)
                   : m_hover    ? palette.color(QPalette::Highlight)
                                : palette.color(QPalette::Text);
    painter->setPen(QPen(palette.color(QPalette::Base), 1.5));
    painter->setBrush(c);
    painter->drawRoundedRect(QRectF(-4.5, -LaneAxis::kLaneHeight / 2 + 1, 9, LaneAxis::kLaneHeight - 2), 3, 3);
    QColor grip = palette.color(QPalette::Base);
    grip.setAlpha(200);
    painter->setPen(QPen(grip, 1));
    painter->drawLine(QPointF(-1.5, -4), QPointF(-1.5, 4));
    painter->drawLine(QPointF(1.5, -4), QPointF(1.5, 4));
}

int LaneHandleItem::slotFor(qreal sceneX) const
{
    const LaneAxis *axis = m_lane->axis();
    return axis->nearestSlot(sceneX, m_lane->minEndSlot(), axis->openSlot());
}

void LaneHandleItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_dragging = true;
    m_slot = m_lane->axis()->endSlot(m_lane->data().deprecated);
    // The lane being dragged is the selected one: the keys then move what the mouse moved.
    if (scene())
        scene()->clearSelection();
    m_lane->setSelected(true);
    update();
    event->accept();
}

void LaneHandleItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    dragTo(event->scenePos().x());
}

void LaneHandleItem::dragTo(qreal sceneX)
{
    if (!m_dragging)
        return;
    // The handle sits on the snapped slot, clamped to the lane's range, so what it shows is
    // always the value proposed; past the clamp it stays put, and release changes nothing.
    const int slot = slotFor(sceneX);
    setPos(m_lane->mapFromScene(QPointF(m_lane->axis()->x(slot), 0)).x(), pos().y());
    if (slot != m_slot) {
        m_slot = slot;
        if (m_slotChanged)
            m_slotChanged(oobId(), slot, false);
    }
}

void LaneHandleItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragging)
        return;
    dragTo(event->scenePos().x());
    const int slot = m_slot;
    m_dragging = false;
    m_slot = -1;
    update();
    if (m_slotChanged)
        m_slotChanged(oobId(), slot, true);
    // Snap back to wherever the lane now ends (the document decides).
    m_lane->setData(m_lane->data());
}

void LaneHandleItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hover = true;
    update();
}

void LaneHandleItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hover = false;
    update();
}
