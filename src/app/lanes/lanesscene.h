#pragma once

#include "lanes/laneaxis.h"
#include "lanes/laneitem.h"
#include "plan/upgradeplan.h"

#include <QGraphicsScene>
#include <QMap>

#include <optional>

class StopLineItem;
class VersionAxisItem;

/// The OOB lanes: a version axis, one LaneItem per OOB migration, one StopLineItem per stop of
/// the current plan. Items are updated in place (a lane being dragged must survive the update
/// its own drag causes); the scene only reports drags, it never edits anything itself.
class LanesScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit LanesScene(QObject *parent = nullptr);
    ~LanesScene() override;

    /// The known minors; lanes and stops are laid out again.
    void setMinors(const QList<passlane::MinorVersion> &minors);
    /// Lanes in display order: existing items are updated, missing ones created, others removed.
    void setLanes(const QList<LaneItem::Data> &lanes);
    /// The current plan's stops and its from/to range (no plan: empty and nullopt).
    void setStops(const QList<passlane::Stop> &stops,
                  std::optional<std::pair<passlane::Version, passlane::Version>> range);

    /// The distance between two minors (the zoom); lanes and stops are laid out again.
    void setColumn(qreal column);
    /// Follows the widget palette (light or dark theme): background, text and grid.
    void applyPalette(const QPalette &palette);

    const LaneAxis &axis() const { return m_axis; }
    LaneItem *lane(int oobId) const { return m_lanes.value(oobId); }
    /// The lanes top to bottom.
    QList<LaneItem *> lanesInOrder() const;
    /// The selected lane (the one keys and "Deprecate at…" act on), or null.
    LaneItem *selectedLane() const;
    void selectLane(int oobId);
    QList<StopLineItem *> stopItems() const { return m_stops; }

Q_SIGNALS:
    /// The user dragged a lane end to a slot: a proposal (nullopt: never deprecated).
    /// `finished` is true on mouse release.
    void deprecationDragged(int oobId, std::optional<passlane::MinorVersion> deprecated, bool finished);

private:
    void relayout();
    qreal contentHeight() const;

    LaneAxis m_axis;
    VersionAxisItem *m_axisItem = nullptr;
    QMap<int, LaneItem *> m_lanes;
    QList<int> m_order;
    QList<StopLineItem *> m_stops;
    QList<passlane::Stop> m_stopValues;
    std::optional<std::pair<passlane::Version, passlane::Version>> m_range;
};
