#include "edgeitem.h"

#include <QLineF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

EdgeItem::EdgeItem(qint64 parentId, qint64 childId, const QPolygonF &controlPoints, QPointF from, QPointF to)
    : m_parentId(parentId), m_childId(childId)
{
    setZValue(0);
    QPointF tip = to;
    QPointF before = from;
    if (controlPoints.size() >= 4) {
        m_path.moveTo(controlPoints.first());
        for (qsizetype i = 1; i + 2 < controlPoints.size(); i += 3)
            m_path.cubicTo(controlPoints[i], controlPoints[i + 1], controlPoints[i + 2]);
        tip = controlPoints.last();
        before = controlPoints[controlPoints.size() - 2];
    } else {
        m_path.moveTo(from);
        m_path.lineTo(to);
    }
    // Graphviz ends the spline short of the node: the arrow head fills the gap.
    const QLineF dir(before, tip);
    if (dir.length() > 0.01) {
        QLineF unit = dir.unitVector();
        const QPointF d = unit.p2() - unit.p1();
        const QPointF normal(-d.y(), d.x());
        const QPointF head = tip + d * 8;
        m_arrow << head << tip + normal * 4 << tip - normal * 4;
    }
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-3, -3, 3, 3);
}

void EdgeItem::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void EdgeItem::setEmphasized(bool emphasized)
{
    if (m_emphasized == emphasized)
        return;
    m_emphasized = emphasized;
    update();
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    // Cosmetic pens stay one pixel wide whatever the zoom: cheap and always visible.
    QPen pen(m_color, m_emphasized ? 2.5 : 1.0);
    pen.setCosmetic(lod < 1.0);
    // Far out, hundreds of antialiased splines dominate a frame and the eye cannot tell.
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    if (lod < 0.35)
        painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (lod >= 0.35 && !m_arrow.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_color);
        painter->drawPolygon(m_arrow);
    }
    painter->setRenderHint(QPainter::Antialiasing, antialiased); // the view skips state saves
}
