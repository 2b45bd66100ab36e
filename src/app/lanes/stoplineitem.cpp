#include "lanes/stoplineitem.h"
#include "lanes/laneaxis.h"

#include <QPainter>

StopLineItem::StopLineItem(const passlane::Version &release, const QList<int> &oobIds, qreal height,
                           QGraphicsItem *parent)
    : QGraphicsItem(parent), m_release(release), m_oob(oobIds), m_height(height)
{
    QStringList ids;
    for (int id : oobIds)
        ids << QString::number(id);
    setToolTip(QObject::tr("Stop at %1: wait for OOB %2").arg(release.toString(), ids.join(QStringLiteral(", "))));
    setZValue(-1); // behind the lanes, above the grid
}

QRectF StopLineItem::boundingRect() const
{
    return QRectF(-4, LaneAxis::kAxisHeight - 14, 8, m_height - LaneAxis::kAxisHeight + 16);
}

void StopLineItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor red(0xc0, 0x20, 0x20);
    painter->setPen(QPen(red, 2.5, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(QPointF(0, LaneAxis::kAxisHeight), QPointF(0, m_height));
    // A stop sign on the axis.
    painter->setPen(Qt::NoPen);
    painter->setBrush(red);
    painter->drawEllipse(QPointF(0, LaneAxis::kAxisHeight - 6), 4, 4);
}
