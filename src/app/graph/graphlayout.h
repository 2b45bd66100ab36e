#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>

/// What to lay out: boxes with a size and directed edges between them (parent -> child).
struct GraphLayoutInput {
    struct Node {
        qint64 id = 0;
        QSizeF size; ///< scene units (pixels at zoom 1)
    };
    struct Edge {
        qint64 from = 0;
        qint64 to = 0;
    };
    QList<Node> nodes;
    QList<Edge> edges;
    bool leftToRight = true; ///< rank direction: roots on the left (true) or at the top
};

/// Where everything went: node centres and edge polylines (Bezier control points) in scene
/// coordinates, y pointing down. A plain value: computed off the GUI thread.
struct GraphLayoutResult {
    QHash<qint64, QPointF> positions;
    /// Per edge, in input order: cubic Bezier control points (1 + 3n points), may be empty.
    QList<QPolygonF> edgePaths;
    QRectF bounds;
    QString error; ///< non-empty when Graphviz failed
    double milliseconds = 0;

    bool ok() const { return error.isEmpty(); }
};

/// Layered DAG layout by Graphviz's `dot` engine (libgvc/libcgraph). Graphviz keeps global
/// state, so calls are serialised internally; call it from a worker thread.
class GraphLayout {
public:
    static GraphLayoutResult compute(const GraphLayoutInput &input);
    /// The input as a DOT document (what `compute` hands to Graphviz), for export and debugging.
    static QByteArray toDot(const GraphLayoutInput &input, const QHash<qint64, QString> &labels = {});
};
