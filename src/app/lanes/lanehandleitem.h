#pragma once

#include <QGraphicsItem>

#include <functional>

class LaneItem;

/// The draggable deprecated end of a lane. It follows the mouse horizontally, snapped to a slot
/// (a known minor, or the open end) and clamped to the lane's range, and reports the slot
/// whenever it changes; the lane is moved by the document afterwards, never by the handle.
class LaneHandleItem : public QGraphicsItem {
public:
    enum { Type = UserType + 102 };
    int type() const override { return Type; }

    /// Called with (oob id, slot) whenever the snapped slot changes during a drag, and on release.
    using SlotChanged = std::function<void(int oobId, int slot, bool finished)>;

    explicit LaneHandleItem(LaneItem *lane);

    int oobId() const;
    bool isDragging() const { return m_dragging; }
    /// The slot the handle shows while dragging (-1 otherwise).
    int dragSlot() const { return m_slot; }
    /// Moves the dragged handle to the slot nearest `sceneX` (the view calls it while it
    /// scrolls under a still mouse). Does nothing when no drag is in progress.
    void dragTo(qreal sceneX);
    void setSlotChanged(SlotChanged callback) { m_slotChanged = std::move(callback); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    int slotFor(qreal sceneX) const;

    LaneItem *m_lane;
    SlotChanged m_slotChanged;
    bool m_dragging = false;
    bool m_hover = false;
    int m_slot = -1;
};
