#pragma once

#include <QGraphicsView>

/// The view onto a GraphScene: wheel zoom under the cursor, drag to pan, fit.
class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);

    void zoomBy(qreal factor);
    void fitAll();
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
};
