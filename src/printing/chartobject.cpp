#include "printing/chartobject.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextDocument>

namespace passlane {

namespace {
const QLatin1String kScheme("passlane-chart:");
}

QString ChartObject::sourceName(int index)
{
    return kScheme + QString::number(index);
}

int ChartObject::chartIndex(const QTextFormat &format) const
{
    const QString name = format.toImageFormat().name();
    if (!name.startsWith(kScheme))
        return -1;
    bool ok = false;
    const int index = name.mid(kScheme.size()).toInt(&ok);
    return ok && index >= 0 && index < m_charts.size() ? index : -1;
}

QString ChartObject::caption(const PrintedChart &chart) const
{
    const QString title = chart.title.isEmpty() ? tr("Chart") : chart.title;
    return chart.page > 0 ? tr("%1: on page %2.").arg(title).arg(chart.page)
                          : tr("%1: on a page of its own.").arg(title);
}

QSizeF ChartObject::intrinsicSize(QTextDocument *doc, int, const QTextFormat &format)
{
    const int index = chartIndex(format);
    if (index < 0)
        return {};
    const PrintedChart &chart = m_charts.at(index);
    if (chart.inlined)
        return chart.size;
    // The caption is measured as if it named a two-digit page, which it does at most.
    const QFontMetricsF fm(m_captionFont, doc->documentLayout()->paintDevice());
    PrintedChart sample = chart;
    sample.page = 99;
    return {fm.horizontalAdvance(caption(sample)), fm.height()};
}

void ChartObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const int index = chartIndex(format);
    if (index < 0)
        return;
    const PrintedChart &chart = m_charts.at(index);
    if (chart.inlined) {
        drawChart(painter, chart, rect);
        return;
    }
    painter->save();
    painter->setFont(m_captionFont);
    painter->setPen(QColor(0x57, 0x60, 0x6a));
    painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, caption(chart));
    painter->restore();
}

void ChartObject::drawChart(QPainter *painter, const PrintedChart &chart, const QRectF &target)
{
    QSvgRenderer renderer(chart.svg);
    if (!renderer.isValid())
        return;
    QSizeF size = chart.svgSize;
    size.scale(target.size(), Qt::KeepAspectRatio);
    painter->save();
    renderer.render(painter, QRectF(target.topLeft(), size));
    painter->restore();
}

} // namespace passlane
