#include "lanes/laneitem.h"
#include "lanes/lanehandleitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QPainterPath>

LaneItem::LaneItem(const LaneAxis *axis, const Data &data, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_axis(axis), m_data(data), m_handle(new LaneHandleItem(this))
{
    setToolTip(m_data.tooltip);
    setFlag(ItemIsSelectable);
    syncHandle();
}

void LaneItem::setData(const Data &data)
{
    prepareGeometryChange();
    m_data = data;
    setToolTip(m_data.tooltip);
    syncHandle();
    update();
}

qreal LaneItem::startX() const
{
    return m_axis->x(m_axis->startSlot(m_data.introduced));
}

qreal LaneItem::endX() const
{
    return m_axis->x(m_axis->endSlot(m_data.deprecated));
}

int LaneItem::minEndSlot() const
{
    return qMax(0, int(std::floor(m_axis->startSlot(m_data.introduced))) + 1);
}

void LaneItem::syncHandle()
{
    // While the user drags, the handle shows the slot under the mouse; the lane catches up
    // underneath once the document has the proposal.
    const qreal x = m_handle->isDragging() ? m_axis->x(m_handle->dragSlot()) : endX();
    m_handle->setPos(x, LaneAxis::kLaneHeight / 2);
}

QRectF LaneItem::boundingRect() const
{
    return QRectF(0, -2, m_axis->right() + 16, LaneAxis::kLaneHeight + 4);
}

void LaneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal h = LaneAxis::kLaneHeight;

    // The names are drawn by the view, in a column that stays put while the axis scrolls.
    QFont font = painter->font();
    const QPalette palette = scene() ? scene()->palette() : QPalette();

    // The ghost of the registry's own deprecation, when a proposal moved it.
    if (m_data.proposed) {
        const qreal origEnd = m_axis->x(m_axis->endSlot(m_data.original));
        const QRectF ghost(QPointF(startX(), 3), QPointF(origEnd, h - 3));
        painter->setPen(QPen(QColor(0x88, 0x88, 0x88), 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(ghost, 4, 4);
    }

    const bool open = !m_data.deprecated;
    const qreal x0 = qMax(startX(), LaneAxis::kLabelWidth + 2);
    const qreal x1 = endX();
    QColor fill = m_data.proposed ? QColor(0xf0, 0xa0, 0x30) : QColor(0x5a, 0x8f, 0xd0);
    if (m_data.causesStop)
        fill = fill.darker(115);
    QLinearGradient grad(x0, 0, x1, 0);
    grad.setColorAt(0, fill);
    grad.setColorAt(open ? 0.75 : 1.0, fill);
    if (open)
        grad.setColorAt(1.0, QColor(fill.red(), fill.green(), fill.blue(), 40));
    painter->setBrush(grad);
    if (isSelected())
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2.5));
    else
        painter->setPen(m_data.causesStop ? QPen(QColor(0xa0, 0x20, 0x20), 1.5) : QPen(fill.darker(130), 1));
    const QRectF bar(QPointF(x0, 2), QPointF(qMax(x1, x0 + 6), h - 2));
    painter->drawRoundedRect(bar, 5, 5);

    // Started before the first known release: a notch on the left says "continues".
    if (m_axis->startSlot(m_data.introduced) < 0) {
        painter->setPen(Qt::NoPen);
        QColor notchColour = palette.color(QPalette::Base);
        notchColour.setAlpha(180);
        painter->setBrush(notchColour);
        QPainterPath notch;
        notch.moveTo(x0 + 9, 5);
        notch.lineTo(x0 + 3, h / 2);
        notch.lineTo(x0 + 9, h - 5);
        painter->drawPath(notch);
    }

    // The window in words, when it fits inside the bar.
    const QString window = open ? QStringLiteral("%1 →").arg(m_data.introduced.toString())
                                : QStringLiteral("%1 → %2").arg(m_data.introduced.toString(), m_data.deprecated->toString());
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(small);
    if (QFontMetricsF(small).horizontalAdvance(window) + 24 < bar.width()) {
        painter->setPen(Qt::white);
        painter->drawText(bar.adjusted(12, 0, -12, 0), Qt::AlignVCenter | Qt::AlignLeft, window);
    }
}
