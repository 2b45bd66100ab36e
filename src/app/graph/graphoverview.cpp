#include "graphoverview.h"

#include "graphcanvas.h"
#include "graphscene.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace {
constexpr int Inset = 10;        // from the canvas's edges
constexpr int WideHeight = 64;   // a strip: full width, this high
constexpr int MinHeight = 44;    // a strip thinner than this is stretched to it
constexpr QSize CompactBox(280, 180); // a graph that is not a strip
constexpr qreal WideAspect = 4;
} // namespace

GraphOverview::GraphOverview(GraphCanvas *canvas) : QWidget(canvas), m_canvas(canvas)
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    auto follow = [this] { update(); };
    connect(canvas->horizontalScrollBar(), &QScrollBar::valueChanged, this, follow);
    connect(canvas->verticalScrollBar(), &QScrollBar::valueChanged, this, follow);
    connect(canvas, &GraphCanvas::zoomChanged, this, follow);
    sceneChanged();
}

void GraphOverview::sceneChanged()
{
    auto *scene = qobject_cast<GraphScene *>(m_canvas->scene());
    if (scene == m_scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (!scene)
        return;
    // Items change (colours, plan tint, selection) or a new graph arrives: redraw lazily.
    connect(scene, &QGraphicsScene::changed, this, [this] {
        m_dirty = true;
        update();
    });
    connect(scene, &QGraphicsScene::sceneRectChanged, this, &GraphOverview::reposition);
}

void GraphOverview::reposition()
{
    sceneChanged();
    const QRectF rect = m_scene ? m_scene->sceneRect() : QRectF();
    const QRect area = m_canvas->viewport()->geometry();
    if (rect.isEmpty() || area.width() < 4 * Inset) {
        m_toOverview = {};
        return;
    }
    QSize box;
    if (rect.width() / rect.height() >= WideAspect)
        box = QSize(area.width() - 2 * Inset, WideHeight);
    else
        box = CompactBox.boundedTo(QSize(area.width() / 2, area.height() / 2));
    qreal sx = std::min(box.width() / rect.width(), box.height() / rect.height());
    qreal sy = sx;
    if (rect.height() * sy < MinHeight)
        sy = MinHeight / rect.height();
    const QSize size(qCeil(rect.width() * sx) + 2, qCeil(rect.height() * sy) + 2);
    m_toOverview = QTransform::fromTranslate(1, 1).scale(sx, sy).translate(-rect.left(), -rect.top());
    setGeometry(QRect(QPoint(area.right() - Inset - size.width() + 1, area.bottom() - Inset - size.height() + 1), size));
    m_dirty = true;
    update();
}

void GraphOverview::renderThumbnail()
{
    m_dirty = false;
    const qreal dpr = devicePixelRatioF();
    m_thumbnail = QPixmap(size() * dpr);
    m_thumbnail.setDevicePixelRatio(dpr);
    if (!m_scene) {
        m_thumbnail.fill(palette().window().color());
        return;
    }
    m_thumbnail.fill(m_scene->backgroundBrush().color());
    QPainter painter(&m_thumbnail);
    const QRectF target = m_toOverview.mapRect(m_scene->sceneRect());
    m_scene->render(&painter, target, m_scene->sceneRect(), Qt::IgnoreAspectRatio);
    // Release names at the start of their bands, skipping those that would overlap.
    QFont font = this->font();
    font.setPixelSize(10);
    font.setBold(true);
    painter.setFont(font);
    const QFontMetrics fm(font);
    const QColor text = m_scene->isDark() ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x20, 0x20, 0x20);
    qreal freeFrom = 0;
    for (const GraphScene::ReleaseBand &band : m_scene->releaseBands()) {
        const QPointF at = fromScene(band.rect.topLeft());
        if (at.x() < freeFrom)
            continue;
        const QRectF label(at.x(), 2, fm.horizontalAdvance(band.minor) + 6, fm.height());
        painter.fillRect(label, band.color);
        painter.setPen(text);
        painter.drawText(label, Qt::AlignCenter, band.minor);
        freeFrom = label.right() + 4;
    }
}

QRectF GraphOverview::frame() const
{
    const QRectF visible = m_canvas->mapToScene(m_canvas->viewport()->rect()).boundingRect();
    return m_toOverview.mapRect(visible).intersected(QRectF(rect()).adjusted(0, 0, -1, -1));
}

QPointF GraphOverview::toScene(const QPointF &pos) const
{
    return m_toOverview.inverted().map(pos);
}

QPointF GraphOverview::fromScene(const QPointF &scenePos) const
{
    return m_toOverview.map(scenePos);
}

void GraphOverview::paintEvent(QPaintEvent *)
{
    if (m_dirty || m_thumbnail.size() != size() * devicePixelRatioF())
        renderThumbnail();
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_thumbnail);
    const QColor accent = palette().highlight().color();
    painter.setPen(QPen(accent, 2));
    QColor fill = accent;
    fill.setAlpha(40);
    painter.setBrush(fill);
    painter.drawRect(frame());
    painter.setPen(palette().mid().color());
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
}

void GraphOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_canvas->centerOn(toScene(event->position()));
    event->accept();
}

void GraphOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return QWidget::mouseMoveEvent(event);
    m_canvas->centerOn(toScene(event->position()));
    event->accept();
}
