#pragma once

#include "lanes/laneaxis.h"

#include <QGraphicsItem>
#include <QString>

#include <optional>

class LaneHandleItem;

/// One OOB migration's passing lane: a bar from the minor it is introduced at to the minor it is
/// deprecated at (open-ended when it is not). Holds the OOB id only; the scene feeds it values.
class LaneItem : public QGraphicsItem {
public:
    enum { Type = UserType + 101 };
    int type() const override { return Type; }

    struct Data {
        int oobId = 0;
        QString label;       ///< "21 frontend-db.changesets"
        QString tooltip;     ///< description, team, window
        passlane::MinorVersion introduced;
        std::optional<passlane::MinorVersion> deprecated; ///< effective (proposal applied)
        std::optional<passlane::MinorVersion> original;   ///< what the registry file says
        bool proposed = false;  ///< a what-if proposal applies to this lane
        bool causesStop = false; ///< the current plan stops for it
    };

    LaneItem(const LaneAxis *axis, const Data &data, QGraphicsItem *parent = nullptr);

    int oobId() const { return m_data.oobId; }
    const Data &data() const { return m_data; }
    void setData(const Data &data);
    LaneHandleItem *handle() const { return m_handle; }
    const LaneAxis *axis() const { return m_axis; }

    /// Scene x where the lane begins / ends.
    qreal startX() const;
    qreal endX() const;
    /// Slot range the handle may take: one after the start, up to the open end.
    int minEndSlot() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void syncHandle();

    const LaneAxis *m_axis;
    Data m_data;
    LaneHandleItem *m_handle;
};
