#pragma once

#include "lanes/laneaxis.h"

#include <QGraphicsItem>

#include <optional>

/// The known minors along the top, with a faint grid line per minor down through the lanes,
/// the open-end column, and the current plan's from/to range shaded.
class VersionAxisItem : public QGraphicsItem {
public:
    enum { Type = UserType + 104 };
    int type() const override { return Type; }

    VersionAxisItem(const LaneAxis *axis, qreal height, QGraphicsItem *parent = nullptr);

    void setHeight(qreal height);
    /// The plan's range in fractional slots (nullopt: no plan).
    void setPlanRange(std::optional<std::pair<qreal, qreal>> range);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const LaneAxis *m_axis;
    qreal m_height;
    std::optional<std::pair<qreal, qreal>> m_range;
};
