#include "lanes/versionaxisitem.h"

#include <QGraphicsScene>
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
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor text = palette.color(QPalette::Text);
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
    QColor grid = text;
    qreal lastRight = -1e9; // a label that would overlap the previous one is left out
    for (int i = 0; i <= m_axis->count(); ++i) {
        const qreal x = m_axis->x(i);
        const bool open = i == m_axis->openSlot();
        grid.setAlpha(open ? 40 : 60);
        painter->setPen(QPen(grid, 1, open ? Qt::DotLine : Qt::SolidLine));
        painter->drawLine(QPointF(x, top), QPointF(x, m_height));
        const QString label = open ? QObject::tr("never") : m_axis->minors[i].toString();
        // A new major gets bold and is always labelled: 5.11 -> 6.0 is worth noticing.
        const bool newMajor = !open && (i == 0 || m_axis->minors[i].major != m_axis->minors[i - 1].major);
        QFont f = font;
        f.setBold(newMajor);
        painter->setFont(f);
        const qreal width = QFontMetricsF(f).horizontalAdvance(label) + 6;
        painter->setPen(grid);
        painter->drawLine(QPointF(x, top - (newMajor ? 14 : 8)), QPointF(x, top));
        if (x - width / 2 < lastRight && !newMajor && !open)
            continue;
        lastRight = x + width / 2;
        painter->setPen(open ? palette.color(QPalette::PlaceholderText) : text);
        const QRectF r(x - width / 2, 8, width, fm.height() + 4);
        painter->drawText(r, Qt::AlignCenter, label);
    }
    painter->setFont(font);
    grid.setAlpha(150);
    painter->setPen(QPen(grid, 1));
    painter->drawLine(QPointF(m_axis->x(-0.5), top), QPointF(m_axis->right(), top));
}
