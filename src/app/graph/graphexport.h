#pragma once

#include "common/result.h"

#include <QList>
#include <QRectF>
#include <QSize>

class GraphScene;

/// How a graph goes onto one picture. The stitched graph is a long strip (hundreds of ranks
/// left to right, a few nodes high): scaled down to one image its labels vanish, so the strip
/// is cut into bands between node columns and the bands are stacked top to bottom at a scale
/// that keeps the labels legible.
struct GraphSheet {
    struct Band {
        QRectF source; ///< scene rectangle
        QPointF target; ///< its top-left corner on the sheet, in sheet pixels
    };
    QList<Band> bands;
    QSize size;       ///< the whole sheet in pixels
    qreal scale = 1;  ///< sheet pixels per scene unit

    /// Where a scene point lands on the sheet (the band holding it), or nullopt.
    std::optional<QPointF> map(const QPointF &scenePos) const;
};

namespace GraphExport {
/// Smallest scale at which node labels stay legible (a 10 px name at 7.5 px).
inline constexpr qreal MinScale = 0.75;
/// Pixel budget of one PNG: above it the scale drops towards MinScale. 30 Mpx decode to
/// 120 MB, under the 128 MB that Qt-based viewers allocate for an image by default.
inline constexpr qreal MaxPixels = 30e6;
inline constexpr int BandGap = 24;

/// Cuts `sceneRect` into bands whose cuts fall between the given node rectangles, so that the
/// sheet is near a 16:10 landscape page. One band when the graph is not wide.
GraphSheet planSheet(const QRectF &sceneRect, const QList<QRectF> &nodeRects, qreal maxPixels = MaxPixels);

/// The scene on a PNG sheet (see planSheet), written atomically.
passlane::Status writePng(const GraphScene &scene, const QString &path);
/// The scene as one SVG at scale 1, labels as text in the application font with a generic
/// sans-serif fallback, written atomically.
passlane::Status writeSvg(const GraphScene &scene, const QString &path, const QString &title);
} // namespace GraphExport
