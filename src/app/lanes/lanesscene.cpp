#include "lanes/lanesscene.h"
#include "lanes/lanehandleitem.h"
#include "lanes/stoplineitem.h"
#include "lanes/versionaxisitem.h"

#include <QPalette>

using namespace passlane;

LanesScene::LanesScene(QObject *parent) : QGraphicsScene(parent)
{
    m_axisItem = new VersionAxisItem(&m_axis, LaneAxis::kAxisHeight);
    addItem(m_axisItem);
    applyPalette(palette());
}

void LanesScene::applyPalette(const QPalette &palette)
{
    setPalette(palette);
    setBackgroundBrush(palette.color(QPalette::Base));
    update();
}

void LanesScene::setColumn(qreal column)
{
    column = qBound(LaneAxis::kMinColumn, column, LaneAxis::kMaxColumn);
    if (qFuzzyCompare(m_axis.column, column))
        return;
    m_axis.column = column;
    relayout();
}

QList<LaneItem *> LanesScene::lanesInOrder() const
{
    QList<LaneItem *> out;
    for (int id : m_order)
        out.append(m_lanes.value(id));
    return out;
}

LaneItem *LanesScene::selectedLane() const
{
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == LaneItem::Type)
            return static_cast<LaneItem *>(item);
    return nullptr;
}

void LanesScene::selectLane(int oobId)
{
    LaneItem *item = m_lanes.value(oobId);
    if (item && item->isSelected() && selectedItems().size() == 1)
        return;
    clearSelection();
    if (item)
        item->setSelected(true);
}

LanesScene::~LanesScene() = default;

qreal LanesScene::contentHeight() const
{
    return m_axis.laneY(int(m_order.size())) + 6;
}

void LanesScene::setMinors(const QList<MinorVersion> &minors)
{
    if (m_axis.minors == minors)
        return;
    m_axis.minors = minors;
    relayout();
}

void LanesScene::setLanes(const QList<LaneItem::Data> &lanes)
{
    QMap<int, LaneItem *> keep;
    m_order.clear();
    for (const LaneItem::Data &d : lanes) {
        LaneItem *item = m_lanes.take(d.oobId);
        if (item) {
            item->setData(d);
        } else {
            item = new LaneItem(&m_axis, d);
            item->handle()->setSlotChanged([this](int oobId, int slot, bool finished) {
                Q_EMIT deprecationDragged(oobId, m_axis.minorAt(slot), finished);
            });
            addItem(item);
        }
        keep.insert(d.oobId, item);
        m_order.append(d.oobId);
    }
    // Lanes that went away; never the one under the mouse (its drag would crash).
    for (LaneItem *gone : std::as_const(m_lanes)) {
        if (gone->handle()->isDragging()) {
            keep.insert(gone->oobId(), gone);
            continue;
        }
        removeItem(gone);
        delete gone;
    }
    m_lanes = keep;
    relayout();
}

void LanesScene::setStops(const QList<Stop> &stops, std::optional<std::pair<Version, Version>> range)
{
    m_stopValues = stops;
    m_range = range;
    relayout();
}

void LanesScene::relayout()
{
    const qreal height = contentHeight();
    for (int row = 0; row < m_order.size(); ++row) {
        LaneItem *item = m_lanes.value(m_order[row]);
        item->setPos(0, m_axis.laneY(row));
        item->setData(item->data()); // axis may have changed
    }

    qDeleteAll(m_stops);
    m_stops.clear();
    for (const Stop &stop : std::as_const(m_stopValues)) {
        auto *line = new StopLineItem(stop.release, stop.oob, height);
        line->setPos(m_axis.x(m_axis.slotAtOrAfter(stop.minor)), 0);
        addItem(line);
        m_stops.append(line);
    }

    m_axisItem->setHeight(height);
    if (m_range) {
        m_axisItem->setPlanRange(std::make_pair(qreal(m_axis.slotAtOrAfter(m_range->first.minorVersion())),
                                                qreal(m_axis.slotAtOrAfter(m_range->second.minorVersion()))));
    } else {
        m_axisItem->setPlanRange(std::nullopt);
    }
    setSceneRect(QRectF(0, 0, m_axis.right() + 20, height + 10));
}
