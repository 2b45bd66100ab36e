#pragma once

#include "common/version.h"

#include <QGraphicsItem>
#include <QList>

/// A stop of the current plan drawn across every lane: where the instance pauses so that the
/// listed OOB migrations finish. Holds the stop's release and OOB ids, nothing else.
class StopLineItem : public QGraphicsItem {
public:
    enum { Type = UserType + 103 };
    int type() const override { return Type; }

    StopLineItem(const passlane::Version &release, const QList<int> &oobIds, qreal height,
                 QGraphicsItem *parent = nullptr);

    const passlane::Version &release() const { return m_release; }
    const QList<int> &oobIds() const { return m_oob; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    passlane::Version m_release;
    QList<int> m_oob;
    qreal m_height;
};
