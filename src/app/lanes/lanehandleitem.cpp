#include "lanes/lanehandleitem.h"
#include "lanes/laneitem.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

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
    const QColor c = m_dragging ? QColor(0xe0, 0x60, 0x00) : m_hover ? QColor(0x20, 0x40, 0x80) : QColor(0x33, 0x33, 0x33);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(c);
    painter->drawRoundedRect(QRectF(-4.5, -LaneAxis::kLaneHeight / 2 + 1, 9, LaneAxis::kLaneHeight - 2), 3, 3);
    painter->setPen(QPen(QColor(255, 255, 255, 200), 1));
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
    update();
    event->accept();
}

void LaneHandleItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragging)
        return;
    const qreal lo = m_lane->startX() + 4;
    const qreal x = qMax(lo, event->scenePos().x());
    setPos(m_lane->mapFromScene(QPointF(x, 0)).x(), pos().y());
    const int slot = slotFor(x);
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
    m_dragging = false;
    const int slot = slotFor(qMax(m_lane->startX() + 4, event->scenePos().x()));
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
