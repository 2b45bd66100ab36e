#pragma once

#include <QGraphicsItem>
#include <QPainterPath>

/// A parent -> child dependency between two migrations, drawn along Graphviz's spline.
class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    /// `controlPoints`: 1 + 3n cubic Bezier points from the layout; when empty, a straight
    /// line between `from` and `to` (scene positions of the node centres).
    EdgeItem(qint64 parentId, qint64 childId, const QPolygonF &controlPoints, QPointF from, QPointF to);

    qint64 parentId() const { return m_parentId; }
    qint64 childId() const { return m_childId; }

    void setColor(const QColor &color);
    void setEmphasized(bool emphasized); ///< both ends are in the shown plan

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    qint64 m_parentId;
    qint64 m_childId;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_bounds;
    QColor m_color;
    bool m_emphasized = false;
};
