#include "report/lanechart.h"
#include "report/html.h"

#include <algorithm>

namespace passlane {

namespace {

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

QString markerColor(LaneChart::MarkerKind kind)
{
    switch (kind) {
    case LaneChart::MarkerKind::Stop: return QStringLiteral("#bc4c00");
    case LaneChart::MarkerKind::Source: return QStringLiteral("#0969da");
    case LaneChart::MarkerKind::Target: return QStringLiteral("#1a7f37");
    }
    return {};
}

// Approximate advance of one character at font-size 12 (DejaVu Sans is among the widest
// fallbacks): enough to size the name column without measuring text.
constexpr double charW = 7.2;
constexpr double labelPad = 16;
constexpr double maxLabelW = 400;
constexpr double lineH = 14;

/// Splits a lane label into lines of at most `maxChars`, breaking only after a space, '.', '_'
/// or '-', so a component name is never cut inside a word; a word longer than a line stays whole.
QStringList wrapLabel(const QString &label, int maxChars)
{
    QStringList lines;
    QString line;
    qsizetype wordStart = 0;
    for (qsizetype i = 0; i <= label.size(); ++i) {
        const bool end = i == label.size();
        const QChar c = end ? QChar() : label.at(i);
        if (!end && c != u' ' && c != u'.' && c != u'_' && c != u'-')
            continue;
        const QString word = label.mid(wordStart, end ? i - wordStart : i - wordStart + 1); // keeps the separator
        wordStart = i + 1;
        if (!line.isEmpty() && line.size() + word.size() > maxChars) {
            lines << line.trimmed();
            line.clear();
        }
        line += word;
    }
    if (!line.trimmed().isEmpty())
        lines << line.trimmed();
    return lines.isEmpty() ? QStringList{label} : lines;
}

} // namespace

QString svgLaneChart(const LaneChart &chart)
{
    const int columns = std::max<int>(1, int(chart.axis.size()));
    // The name column grows with the longest label (full names, never cut); past maxLabelW the
    // labels wrap at word boundaries instead.
    qsizetype longest = 0;
    for (const LaneChart::Lane &lane : chart.lanes)
        longest = std::max(longest, lane.label.size());
    const double labelW = std::clamp(charW * double(longest) + labelPad, 120.0, maxLabelW);
    const int maxChars = std::max(8, int((labelW - labelPad) / charW));
    QList<QStringList> labels;
    QList<double> laneY;
    const double colW = std::clamp(820.0 / columns, 30.0, 72.0);
    const double top = 34;
    const double laneH = 26;
    double y0 = top;
    for (const LaneChart::Lane &lane : chart.lanes) {
        labels << wrapLabel(lane.label, maxChars);
        laneY << y0;
        y0 += laneH + lineH * double(labels.last().size() - 1);
    }
    const double lanesH = std::max<double>(laneH, y0 - top);
    // Marker labels sit below the lanes, one row per marker so they never overlap.
    const double markerRows = double(chart.markers.size());
    const double width = labelW + colW * columns + 20;
    const double height = top + lanesH + 14 + 16 * markerRows + 8;
    auto colX = [&](double c) { return labelW + colW * c; };

    QString svg;
    svg += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                          "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\" role=\"img\">\n")
               .arg(num(width), num(height));
    svg += QStringLiteral("<title>OOB migration windows and stops</title>\n");
    // Columns: alternate shading, version labels on top.
    for (int c = 0; c < columns; ++c) {
        if (c % 2 == 0)
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#f6f8fa\"/>\n")
                       .arg(num(colX(c)), num(top), num(colW), num(lanesH));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#57606a\">%3</text>\n")
                   .arg(num(colX(c) + colW / 2), num(top - 10), htmlEscape(chart.axis.value(c)));
    }
    svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#d0d7de\"/>\n")
               .arg(num(colX(0)), num(top), num(colX(columns)));
    if (chart.lanes.isEmpty())
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"#57606a\">no OOB migration window crosses this range</text>\n")
                   .arg(num(colX(0) + 8), num(top + 17));

    for (qsizetype i = 0; i < chart.lanes.size(); ++i) {
        const LaneChart::Lane &lane = chart.lanes.at(i);
        const double y = laneY.at(i);
        const QString fill = lane.problem ? QStringLiteral("#cf222e")
                                          : (lane.destructive ? QStringLiteral("#8250df") : QStringLiteral("#54aeff"));
        svg += QStringLiteral("<g><title>%1</title>\n").arg(htmlEscape(lane.tooltip.isEmpty() ? lane.label : lane.tooltip));
        const QStringList &lines = labels.at(i);
        svg += QStringLiteral("<text x=\"8\" y=\"%1\" fill=\"#1f2328\">").arg(num(y + 17));
        for (qsizetype k = 0; k < lines.size(); ++k)
            svg += k == 0 ? htmlEscape(lines.at(k))
                          : QStringLiteral("<tspan x=\"8\" dy=\"%1\">%2</tspan>").arg(num(lineH), htmlEscape(lines.at(k)));
        svg += QStringLiteral("</text>\n");
        const double x1 = colX(std::clamp(lane.start, 0.0, double(columns)));
        const double x2 = colX(std::clamp(lane.end, 0.0, double(columns)));
        if (x2 > x1) {
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"14\" rx=\"%4\" fill=\"%5\" fill-opacity=\"0.85\"/>\n")
                       .arg(num(x1 + 2), num(y + 6), num(x2 - x1 - 4), lane.openStart ? u"0" : u"4", fill);
            if (!lane.openEnd) // the deprecation: a hard end
                svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#1f2328\" stroke-width=\"2\"/>\n")
                           .arg(num(x2 - 1), num(y + 3), num(y + 23));
            else
                svg += QStringLiteral("<path d=\"M%1 %2 l8 7 l-8 7 z\" fill=\"%3\"/>\n").arg(num(x2 - 2), num(y + 6), fill);
        } else if (lane.problem) {
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"#cf222e\">no release inside the window</text>\n")
                       .arg(num(x1 + 4), num(y + 17));
        }
        svg += QStringLiteral("</g>\n");
    }

    const double bottom = top + lanesH;
    for (qsizetype k = 0; k < chart.markers.size(); ++k) {
        const LaneChart::Marker &m = chart.markers.at(k);
        const double x = colX(m.position) + colW / 2;
        const QString color = markerColor(m.kind);
        const bool dashed = m.kind != LaneChart::MarkerKind::Stop;
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"%4\" stroke-width=\"%5\"%6/>\n")
                   .arg(num(x), num(top - 4), num(bottom + 6 + 16 * k), color, dashed ? u"1.5" : u"3",
                        dashed ? QStringLiteral(" stroke-dasharray=\"4 3\"") : QString());
        const double ly = bottom + 18 + 16 * k;
        // Labels grow to the left of their line when there is room: lines of earlier markers end
        // above this row, so only a halo is needed against later ones.
        const double textW = 7.2 * m.label.size();
        const bool anchorEnd = textW < x - 8;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\" font-weight=\"600\" text-anchor=\"%4\" "
                              "stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">%5</text>\n")
                   .arg(num(anchorEnd ? x - 4 : x + 4), num(ly), color, anchorEnd ? u"end" : u"start",
                        htmlEscape(m.label));
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace passlane
