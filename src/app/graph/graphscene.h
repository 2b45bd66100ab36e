#pragma once

#include "graphlayout.h"

#include "catalog/catalog.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QSet>

class EdgeItem;
class MigrationNodeItem;

/// The stitched graph of one schema as graphics items, placed by a GraphLayoutResult.
/// Usable without a view (benchmarks render it into an image).
class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit GraphScene(QObject *parent = nullptr);

    /// Boxes and parent -> child edges of a schema, ready for GraphLayout::compute.
    static GraphLayoutInput layoutInput(const passlane::Catalog &catalog, const QString &schema);
    /// Replaces every item. `layout` must come from layoutInput(catalog, schema).
    void populate(const passlane::Catalog &catalog, const QString &schema, const GraphLayoutInput &input,
                  const GraphLayoutResult &layout);
    void clearGraph();

    QString schema() const { return m_schema; }
    MigrationNodeItem *node(qint64 id) const { return m_nodes.value(id); }
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    /// Ids whose id text starts with, or whose name contains, `text` (case-insensitive), sorted.
    QList<qint64> findMatches(const QString &text) const;

    /// Tints each step's migrations (step i gets planStepColor(i)); an empty list clears.
    void highlightSteps(const QList<QSet<qint64>> &steps);
    static QColor planStepColor(int step);

    /// Follows the palette: light pastel fills on light themes, deep fills on dark ones.
    void setDark(bool dark);
    bool isDark() const { return m_dark; }
    /// The fill for the n-th known minor (in version order).
    static QColor minorColor(int minorIndex, bool dark);
    /// Minors present in the shown graph, in order, with their colours (for the legend).
    QList<QPair<QString, QColor>> legend() const;

    /// The migrations one minor release introduced, as a region of the scene.
    struct ReleaseBand {
        QString minor;  ///< "6.2"
        QColor color;   ///< its node fill
        QRectF rect;    ///< scene rectangle around its nodes
        QList<qint64> ids;
    };
    /// Every minor's band, in version order (bands may overlap: a late migration can sit in
    /// an early rank).
    QList<ReleaseBand> releaseBands() const;
    /// The band of the minor that introduced `id`; empty when unknown.
    ReleaseBand releaseBandOf(qint64 id) const;

    /// DOT of the shown graph, with labels and fill colours.
    QByteArray toDot() const;

private:
    void applyColors();

    QString m_schema;
    QHash<qint64, MigrationNodeItem *> m_nodes;
    QList<EdgeItem *> m_edges;
    QHash<qint64, int> m_minorIndex; ///< node id -> index into m_minors
    QStringList m_minors;
    GraphLayoutInput m_input;
    bool m_dark = false;
};
