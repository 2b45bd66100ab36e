#pragma once

#include "common/version.h"

#include <QList>
#include <QtMath>

#include <cmath>

#include <optional>

/// Where things sit horizontally in the lanes scene: one column per known minor, plus an
/// "open end" slot after the last one for lanes that are not deprecated.
/// A value shared by the scene and its items; it knows nothing about OOB migrations.
/// Zooming changes the column width only: names, lane heights and text keep their size.
struct LaneAxis {
    static constexpr qreal kLabelWidth = 230; ///< lane names on the left (frozen by the view)
    static constexpr qreal kDefaultColumn = 64;
    static constexpr qreal kMinColumn = 12;
    static constexpr qreal kMaxColumn = 240;
    static constexpr qreal kAxisHeight = 46;  ///< version labels on top
    static constexpr qreal kLaneHeight = 20;
    static constexpr qreal kLaneGap = 8;

    QList<passlane::MinorVersion> minors; ///< ascending, each once
    qreal column = kDefaultColumn;        ///< distance between two minors (the zoom)

    int count() const { return int(minors.size()); }
    int openSlot() const { return count(); } ///< the slot of "never deprecated"

    /// Scene x of a slot (0..count(); count() is the open end).
    qreal x(qreal slot) const { return kLabelWidth + column / 2 + slot * column; }
    qreal right() const { return x(openSlot()) + column / 2; }

    /// Slot of the first known minor at or after `m`; count() when after the last one.
    int slotAtOrAfter(const passlane::MinorVersion &m) const
    {
        for (int i = 0; i < count(); ++i)
            if (!(minors[i] < m))
                return i;
        return count();
    }
    /// Fractional slot where a lane starting at `m` begins: -0.5 when it starts before the axis.
    qreal startSlot(const passlane::MinorVersion &m) const
    {
        if (!minors.isEmpty() && m < minors.first())
            return -0.5;
        return slotAtOrAfter(m);
    }
    /// Slot of a deprecation; nullopt (undeprecated) is the open end.
    int endSlot(const std::optional<passlane::MinorVersion> &m) const { return m ? slotAtOrAfter(*m) : openSlot(); }
    /// The deprecation a slot stands for (open end: nullopt).
    std::optional<passlane::MinorVersion> minorAt(int slot) const
    {
        if (slot < 0 || slot >= count())
            return std::nullopt;
        return minors[slot];
    }
    /// Nearest slot to a scene x, clamped to [lo, hi].
    int nearestSlot(qreal sceneX, int lo, int hi) const
    {
        const int s = qRound((sceneX - x(0)) / column);
        return qBound(lo, s, hi);
    }
    qreal laneY(int row) const { return kAxisHeight + 10 + row * (kLaneHeight + kLaneGap); }
    /// The row at scene y, or -1 between and outside the lanes.
    int rowAt(qreal sceneY, int rows) const
    {
        const qreal offset = sceneY - laneY(0);
        const int row = int(std::floor(offset / (kLaneHeight + kLaneGap)));
        if (offset < 0 || row >= rows || offset - row * (kLaneHeight + kLaneGap) > kLaneHeight)
            return -1;
        return row;
    }
    /// The column width that shows every slot, the open end included, in `width` pixels
    /// (the scene's right margin included).
    qreal fitColumn(qreal width) const
    {
        return qBound(kMinColumn, (width - kLabelWidth - 24) / qMax(1, count() + 1), kMaxColumn);
    }
};
