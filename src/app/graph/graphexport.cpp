#include "graphexport.h"

#include "graphscene.h"
#include "migrationnodeitem.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

using namespace passlane;

std::optional<QPointF> GraphSheet::map(const QPointF &scenePos) const
{
    for (const Band &band : bands)
        if (band.source.contains(scenePos))
            return band.target + (scenePos - band.source.topLeft()) * scale;
    return std::nullopt;
}

namespace GraphExport {

namespace {
// Occupied x ranges of the nodes, merged: a cut inside one would halve a node.
QList<QPair<qreal, qreal>> occupiedColumns(QList<QRectF> rects)
{
    std::sort(rects.begin(), rects.end(), [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
    QList<QPair<qreal, qreal>> columns;
    for (const QRectF &r : std::as_const(rects)) {
        if (!columns.isEmpty() && r.left() <= columns.last().second)
            columns.last().second = std::max(columns.last().second, r.right());
        else
            columns.append({r.left(), r.right()});
    }
    return columns;
}

qreal snapToGap(qreal x, const QList<QPair<qreal, qreal>> &columns)
{
    for (const auto &[left, right] : columns)
        if (x > left && x < right)
            return x - left < right - x ? left - 4 : right + 4;
    return x;
}
} // namespace

GraphSheet planSheet(const QRectF &sceneRect, const QList<QRectF> &nodeRects, qreal maxPixels)
{
    GraphSheet sheet;
    if (sceneRect.isEmpty())
        return sheet;
    const qreal w = sceneRect.width();
    const qreal h = sceneRect.height();
    sheet.scale = std::clamp(std::sqrt(maxPixels / (w * h)), MinScale, 1.0);
    // Bands of equal width; the count that brings the sheet nearest to 16:10.
    int count = 1;
    qreal best = std::numeric_limits<qreal>::max();
    for (int n = 1; n <= std::max(1, int(std::ceil(w / h))); ++n) {
        const qreal aspect = (w / n) / (n * h + (n - 1) * BandGap / sheet.scale);
        const qreal distance = std::abs(std::log(aspect / 1.6));
        if (distance < best) {
            best = distance;
            count = n;
        }
    }
    const auto columns = occupiedColumns(nodeRects);
    QList<qreal> cuts{sceneRect.left()};
    for (int i = 1; i < count; ++i) {
        const qreal cut = snapToGap(sceneRect.left() + w * i / count, columns);
        if (cut > cuts.last() + 1 && cut < sceneRect.right() - 1)
            cuts.append(cut);
    }
    cuts.append(sceneRect.right());
    auto place = [&] {
        sheet.bands.clear();
        qreal y = 0;
        qreal widest = 0;
        for (qsizetype i = 0; i + 1 < cuts.size(); ++i) {
            const QRectF source(cuts[i], sceneRect.top(), cuts[i + 1] - cuts[i], h);
            sheet.bands.append({source, QPointF(0, y)});
            widest = std::max(widest, source.width() * sheet.scale);
            y += h * sheet.scale + BandGap;
        }
        sheet.size = QSize(int(std::ceil(widest)), int(std::ceil(y - BandGap)));
    };
    place();
    // Gaps and the widest band's overhang cost pixels too: shrink once more to the budget.
    const qreal pixels = qreal(sheet.size.width()) * sheet.size.height();
    if (pixels > maxPixels && sheet.scale > MinScale) {
        sheet.scale = std::max(MinScale, sheet.scale * std::sqrt(maxPixels / pixels) * 0.995);
        place();
    }
    return sheet;
}

Status writePng(const GraphScene &scene, const QString &path)
{
    QList<QRectF> nodeRects;
    for (QGraphicsItem *item : scene.items())
        if (item->type() == MigrationNodeItem::Type)
            nodeRects.append(item->sceneBoundingRect());
    const GraphSheet sheet = planSheet(scene.sceneRect(), nodeRects);
    if (sheet.bands.isEmpty())
        return Status::failure(path, QObject::tr("there is no graph to export"));
    QImage image(sheet.size, QImage::Format_RGB32);
    if (image.isNull())
        return Status::failure(path, QObject::tr("the graph is too large for an image (%1 x %2 pixels)")
                                         .arg(sheet.size.width()).arg(sheet.size.height()));
    const QColor background = scene.backgroundBrush().color();
    // Gaps between bands a shade off the background, so a band's end reads as a cut.
    image.fill(background.lightness() < 128 ? background.lighter(140) : background.darker(112));
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    for (const GraphSheet::Band &band : sheet.bands)
        const_cast<GraphScene &>(scene).render(&painter, QRectF(band.target, band.source.size() * sheet.scale),
                                               band.source, Qt::IgnoreAspectRatio);
    painter.end();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(path, file.errorString());
    if (!image.save(&file, "PNG"))
        return Status::failure(path, QObject::tr("cannot write the PNG image"));
    if (!file.commit())
        return Status::failure(path, file.errorString());
    return success();
}

Status writeSvg(const GraphScene &scene, const QString &path, const QString &title)
{
    const QRectF source = scene.sceneRect();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(title);
    generator.setDescription(QObject::tr("Stitched migration graph exported by Passlane"));
    QPainter painter;
    if (!painter.begin(&generator))
        return Status::failure(path, QObject::tr("cannot write the SVG file"));
    const_cast<GraphScene &>(scene).render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    // The generator names the family alone; a viewer without it would fall back to a serif.
    QString svg = QString::fromUtf8(buffer.data());
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    svg.replace(family, QStringLiteral("font-family=\"\\1, sans-serif\""));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(path, file.errorString());
    file.write(svg.toUtf8());
    if (!file.commit())
        return Status::failure(path, file.errorString());
    return success();
}

} // namespace GraphExport
