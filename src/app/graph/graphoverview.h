#pragma once

#include <QPixmap>
#include <QPointer>
#include <QTransform>
#include <QWidget>

class GraphCanvas;
class GraphScene;

/// The whole graph in small over the canvas's bottom edge, with the canvas's visible
/// rectangle framed and each release band named. Click or drag in it to move the canvas
/// there. A wide strip is stretched in height so that its bands stay tellable apart.
class GraphOverview : public QWidget {
    Q_OBJECT
public:
    explicit GraphOverview(GraphCanvas *canvas);

    /// The canvas's visible rectangle in overview coordinates (the frame drawn).
    QRectF frame() const;
    /// Overview point <-> scene point.
    QPointF toScene(const QPointF &pos) const;
    QPointF fromScene(const QPointF &scenePos) const;

    /// Places and sizes itself over the canvas (after a resize or a new graph).
    void reposition();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void sceneChanged();
    void renderThumbnail();

    GraphCanvas *m_canvas;
    QPointer<GraphScene> m_scene;
    QPixmap m_thumbnail;
    QTransform m_toOverview; ///< scene -> overview pixels
    bool m_dirty = true;
};
