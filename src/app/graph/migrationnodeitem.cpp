#include "migrationnodeitem.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace {
constexpr qreal Margin = 4; // room for the selection / plan outline
constexpr qreal NameTop = 20; // below the id line
constexpr int MaxNameLines = 3;

QFont labelFont(int pixelSize, bool bold)
{
    QFont font(MigrationNodeItem::labelFamily());
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

// Greedy line filling over break points after separators; a piece wider than a line on its
// own (no separator in 30 characters) is cut where it overflows.
QStringList wrap(const QString &text, const QFontMetricsF &fm, qreal width)
{
    QStringList pieces;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'_' || c == u' ' || c == u'-' || c == u'/' || c == u',') {
            pieces << text.mid(start, i + 1 - start);
            start = i + 1;
        }
    }
    if (start < text.size())
        pieces << text.mid(start);
    QStringList lines;
    QString line;
    for (QString piece : std::as_const(pieces)) {
        while (!piece.isEmpty()) {
            const QString candidate = line + piece;
            if (fm.horizontalAdvance(candidate.trimmed()) <= width) {
                line = candidate;
                piece.clear();
            } else if (!line.isEmpty()) {
                lines << line.trimmed();
                line.clear();
            } else {
                qsizetype n = piece.size();
                while (n > 1 && fm.horizontalAdvance(piece.left(n)) > width)
                    --n;
                lines << piece.left(n);
                piece = piece.mid(n);
            }
        }
    }
    if (!line.trimmed().isEmpty())
        lines << line.trimmed();
    return lines;
}

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
    : m_id(id), m_name(name), m_release(release), m_idText(QString::number(id)), m_nameLines(fitName(name)),
      m_markers(markers)
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

QString MigrationNodeItem::labelFamily()
{
    static const QString family = QFontInfo(QGuiApplication::font()).family();
    return family;
}

MigrationNodeItem::NameLines MigrationNodeItem::fitName(const QString &name)
{
    const qreal width = Width - 12;
    const qreal height = Height - NameTop - 2;
    NameLines fitted;
    for (int size = 10; size >= 7; --size) {
        const QFontMetricsF fm(labelFont(size, false));
        fitted.lines = wrap(name, fm, width);
        fitted.pixelSize = size;
        if (fitted.lines.size() <= MaxNameLines && fitted.lines.size() * fm.height() <= height)
            return fitted;
    }
    const QFontMetricsF fm(labelFont(fitted.pixelSize, false));
    const int keep = std::min<int>(MaxNameLines, int(height / fm.height()));
    if (fitted.lines.size() > keep) {
        const QString rest = fitted.lines.mid(keep - 1).join(QLatin1Char(' '));
        fitted.lines = fitted.lines.mid(0, keep - 1);
        fitted.lines << fm.elidedText(rest, Qt::ElideRight, width);
    }
    return fitted;
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
    painter->setFont(labelFont(9, true));
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

    painter->setFont(labelFont(11, true));
    painter->setPen(m_text);
    const QRectF idRect(box.left() + 6, box.top() + 3, x - box.left() - 4, 15);
    painter->drawText(idRect, Qt::AlignLeft | Qt::AlignVCenter, m_idText);
    const QFont nameFont = labelFont(m_nameLines.pixelSize, false);
    painter->setFont(nameFont);
    // One drawText per line: an SVG export then holds each line as plain, searchable text.
    const QFontMetricsF fm(nameFont);
    qreal baseline = box.top() + NameTop + fm.ascent();
    for (const QString &line : m_nameLines.lines) {
        painter->drawText(QPointF(box.left() + 6, baseline), line);
        baseline += fm.height();
    }
}
