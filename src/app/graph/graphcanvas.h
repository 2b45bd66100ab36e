#pragma once

#include <QGraphicsView>

#include <optional>

class GraphOverview;

/// The view onto a GraphScene: wheel zoom under the cursor, drag to pan, fits that keep
/// labels readable, and an overview of the whole graph over its bottom edge.
class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    /// The smallest zoom a fit goes to: node names still read (a 10 px name at 8 px).
    static constexpr qreal ReadableFitZoom = 0.8;
    /// The largest zoom a fit goes to: a lone node does not fill the screen.
    static constexpr qreal MaxFitZoom = 1.5;

    explicit GraphCanvas(QWidget *parent = nullptr);

    void zoomBy(qreal factor);
    /// The whole graph when it fits at a readable zoom; otherwise as much of it as the
    /// readable zoom allows around the current centre (the overview shows the rest).
    void fitAll();
    /// Fits `rect` (a release band, a selection) between the readable and the largest
    /// zoom; a rect too large for that is shown around `focus` (a selected node) when given,
    /// else from its left (older) end.
    void fitRect(const QRectF &rect, std::optional<QPointF> focus = std::nullopt);
    GraphOverview *overview() const { return m_overview; }
    /// Centres on a scene point, zooming in if needed so that node text is readable.
    void focusOn(const QPointF &scenePos);
    qreal zoom() const { return transform().m11(); }

Q_SIGNALS:
    /// Right click: the node id under the cursor (or -1 on the background).
    void contextMenuRequested(qint64 nodeId, const QPoint &globalPos);
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setZoom(qreal zoom);

    GraphOverview *m_overview;
};
