#include "lanes/versionaxisitem.h"

#include <QPainter>
#include <QPalette>

VersionAxisItem::VersionAxisItem(const LaneAxis *axis, qreal height, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_axis(axis), m_height(height)
{
    setZValue(-2);
}

void VersionAxisItem::setHeight(qreal height)
{
    prepareGeometryChange();
    m_height = height;
}

void VersionAxisItem::setPlanRange(std::optional<std::pair<qreal, qreal>> range)
{
    m_range = range;
    update();
}

QRectF VersionAxisItem::boundingRect() const
{
    return QRectF(0, 0, m_axis->right() + 20, m_height);
}

void VersionAxisItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const qreal top = LaneAxis::kAxisHeight;
    if (m_range) {
        const QRectF shade(QPointF(m_axis->x(m_range->first), top), QPointF(m_axis->x(m_range->second), m_height));
        painter->fillRect(shade, QColor(0x40, 0xa0, 0x60, 28));
        painter->setPen(QPen(QColor(0x30, 0x90, 0x50), 1.5));
        painter->drawLine(shade.topLeft(), shade.bottomLeft());
        painter->drawLine(shade.topRight(), shade.bottomRight());
    }

    QFont font = painter->font();
    const QFontMetricsF fm(font);
    for (int i = 0; i <= m_axis->count(); ++i) {
        const qreal x = m_axis->x(i);
        const bool open = i == m_axis->openSlot();
        painter->setPen(QPen(QColor(0, 0, 0, open ? 25 : 40), 1, open ? Qt::DotLine : Qt::SolidLine));
        painter->drawLine(QPointF(x, top), QPointF(x, m_height));
        const QString text = open ? QObject::tr("never") : m_axis->minors[i].toString();
        // A new major gets bold: 5.11 -> 6.0 is worth noticing.
        QFont f = font;
        f.setBold(!open && (i == 0 || m_axis->minors[i].major != m_axis->minors[i - 1].major));
        painter->setFont(f);
        painter->setPen(open ? QColor(0x80, 0x80, 0x80) : QColor(0x20, 0x20, 0x20));
        const QRectF r(x - LaneAxis::kColumn / 2, 8, LaneAxis::kColumn, fm.height() + 4);
        painter->drawText(r, Qt::AlignCenter, text);
        painter->drawLine(QPointF(x, top - 10), QPointF(x, top));
    }
    painter->setFont(font);
    painter->setPen(QPen(QColor(0x60, 0x60, 0x60), 1));
    painter->drawLine(QPointF(m_axis->x(-0.5), top), QPointF(m_axis->right(), top));
    painter->setPen(QColor(0x50, 0x50, 0x50));
    painter->drawText(QRectF(6, 8, LaneAxis::kLabelWidth - 12, fm.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
                      QObject::tr("OOB migration"));
}
