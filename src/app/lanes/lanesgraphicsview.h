#pragma once

#include <QGraphicsView>
#include <QTimer>

#include <optional>

class LanesScene;
class LaneHandleItem;

/// The canvas of the OOB lanes. The lane names stay in a frozen column on the left while the
/// version axis scrolls and zooms under them; the zoom is the width of one minor (names and
/// lanes keep their size). Ctrl+wheel, Ctrl++ and Ctrl+- zoom, Ctrl+0 fits every minor;
/// Shift+wheel and a horizontal wheel scroll sideways. While a lane end is dragged near an edge
/// the view scrolls and the handle follows. With a lane selected, Left and Right ask to move its
/// deprecation one minor; Up and Down select the lane above or below.
class LanesGraphicsView : public QGraphicsView {
    Q_OBJECT
public:
    explicit LanesGraphicsView(QWidget *parent = nullptr);

    LanesScene *lanesScene() const;

    void zoomBy(qreal factor, std::optional<int> anchorViewportX = std::nullopt);
    /// Every known minor and the open end in view, then scrolled to the start.
    void fitAll();
    bool isAutoScrolling() const { return m_autoScroll.isActive(); }

    /// Pixels from an edge (the frozen column's right edge on the left) where a drag scrolls.
    static constexpr int kAutoScrollMargin = 36;

Q_SIGNALS:
    /// Left (-1) or Right (+1) with a lane selected.
    void stepRequested(int oobId, int delta);
    void zoomChanged(qreal column);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    LaneHandleItem *draggedHandle() const;
    /// Scroll speed for the mouse at viewport x: negative to the left, 0 outside the edges.
    int autoScrollStep(int viewportX) const;
    void autoScrollTick();
    void scrollHorizontally(int pixels);

    QTimer m_autoScroll;
    QPoint m_lastMouse; ///< viewport position of the last drag move
};
