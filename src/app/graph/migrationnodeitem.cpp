#include "migrationnodeitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace {
constexpr qreal Margin = 4; // room for the selection / plan outline

struct MarkerStyle {
    MigrationNodeItem::Marker marker;
    char letter;
    QRgb color;
};
constexpr MarkerStyle markerStyles[] = {
    {MigrationNodeItem::Privileged, 'P', 0xffd64545},
    {MigrationNodeItem::Concurrent, 'C', 0xff2f7ed8},
    {MigrationNodeItem::Squashed, 'S', 0xff7a7a7a},
    {MigrationNodeItem::Edited, 'E', 0xffe08a00},
};
} // namespace

MigrationNodeItem::MigrationNodeItem(qint64 id, const QString &name, const QString &release, Markers markers)
    : m_id(id), m_name(name), m_release(release), m_idText(QString::number(id)), m_markers(markers)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setZValue(1);
    QString tip = QStringLiteral("<b>%1</b> %2<br/>").arg(id).arg(name.toHtmlEscaped());
    tip += QObject::tr("Introduced in %1").arg(release);
    if (markers & Privileged)
        tip += QStringLiteral("<br/>") + QObject::tr("Privileged: needs a superuser");
    if (markers & Concurrent)
        tip += QStringLiteral("<br/>") + QObject::tr("Creates an index concurrently (outside a transaction)");
    if (markers & Squashed)
        tip += QStringLiteral("<br/>") + QObject::tr("Squashed into a later release's base");
    if (markers & Edited)
        tip += QStringLiteral("<br/>") + QObject::tr("Edited after it shipped");
    setToolTip(tip);
}

void MigrationNodeItem::setColors(const QColor &fill, const QColor &text)
{
    m_fill = fill;
    m_text = text;
    update();
}

void MigrationNodeItem::setPlanStep(int step, const QColor &color)
{
    if (m_planStep == step && m_planColor == color)
        return;
    m_planStep = step;
    m_planColor = color;
    update();
}

QRectF MigrationNodeItem::boundingRect() const
{
    return QRectF(-Width / 2 - Margin, -Height / 2 - Margin, Width + 2 * Margin, Height + 2 * Margin);
}

QPainterPath MigrationNodeItem::shape() const
{
    QPainterPath path;
    path.addRect(QRectF(-Width / 2, -Height / 2, Width, Height));
    return path;
}

void MigrationNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF box(-Width / 2, -Height / 2, Width, Height);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = isSelected();

    // Zoomed far out: a flat box is all the eye can see, and it keeps panning fast.
    if (lod < 0.35) {
        painter->fillRect(box, m_planStep ? m_planColor : m_fill);
        if (selected)
            painter->fillRect(box.adjusted(Width / 3, Height / 3, -Width / 3, -Height / 3), m_text);
        return;
    }

    painter->setPen(QPen(m_text.lighter(selected ? 100 : 160), 1));
    painter->setBrush(m_fill);
    painter->drawRoundedRect(box, 4, 4);
    if (m_planStep) {
        painter->setPen(QPen(m_planColor, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-1, -1, 1, 1), 5, 5);
    }
    if (selected) {
        painter->setPen(QPen(option->palette.highlight().color(), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-3, -3, 3, 3), 6, 6);
    }
    if (lod < 0.5)
        return;

    // Markers: small lettered discs along the top-right corner.
    qreal x = box.right() - 9;
    QFont small = painter->font();
    small.setPixelSize(9);
    small.setBold(true);
    painter->setFont(small);
    for (const MarkerStyle &style : markerStyles) {
        if (!(m_markers & style.marker))
            continue;
        const QRectF disc(x - 6, box.top() + 3, 12, 12);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor::fromRgba(style.color));
        painter->drawEllipse(disc);
        painter->setPen(Qt::white);
        painter->drawText(disc, Qt::AlignCenter, QString(QLatin1Char(style.letter)));
        x -= 14;
    }

    QFont font = painter->font();
    font.setPixelSize(11);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(m_text);
    const QRectF idRect(box.left() + 6, box.top() + 3, x - box.left() - 4, 15);
    painter->drawText(idRect, Qt::AlignLeft | Qt::AlignVCenter, m_idText);
    font.setBold(false);
    font.setPixelSize(10);
    painter->setFont(font);
    const QRectF nameRect(box.left() + 6, box.top() + 20, Width - 12, 15);
    const QString elided = QFontMetricsF(font).elidedText(m_name, Qt::ElideRight, nameRect.width());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, elided);
}
