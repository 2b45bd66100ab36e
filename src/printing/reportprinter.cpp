#include "printing/reportprinter.h"

#include "printing/chartobject.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextLayout>

#include <cmath>

namespace passlane {

namespace {

constexpr qreal kBodyPt = 10;         // body text; tables and id lists are set a little smaller
constexpr qreal kHeaderPt = 8;        // running header and footer
constexpr qreal kChartTitlePt = 11;   // the title over a chart on its own page
constexpr qreal kChartFontUnits = 12; // the font size the report's SVG charts use
constexpr qreal kMinChartFontPt = 8;  // below this a chart leaves the text for a landscape page
constexpr qreal kCssPixelPt = 0.75;   // a CSS pixel is 1/96 in: a chart's natural size
constexpr qreal kMarginMm = 15;

/// The print stylesheet: the report's classes in Qt's rich-text subset, sized in points.
/// The report's own stylesheet sizes fonts in CSS pixels, which Qt takes as device pixels:
/// a 14px body at 1200 dpi is under 1 pt.
QString printStyleSheet()
{
    return QStringLiteral(R"css(
body { color: #1f2328; }
h1 { font-size: 17pt; font-weight: 600; margin-top: 0; margin-bottom: 4pt; }
h2 { font-size: 13pt; font-weight: 600; margin-top: 16pt; margin-bottom: 5pt; }
h3 { font-size: 11pt; font-weight: 600; margin-top: 10pt; margin-bottom: 4pt; }
p { margin-top: 3pt; margin-bottom: 3pt; }
.summary { color: #57606a; margin-bottom: 8pt; }
.badge { font-weight: 600; color: #0969da; background-color: #ddf4ff; }
.bad { color: #cf222e; background-color: #ffebe9; }
.ok { color: #1a7f37; background-color: #dafbe1; }
table { border-collapse: collapse; border-width: 0; margin-top: 4pt; margin-bottom: 6pt; }
th, td { border-width: 0.5pt; border-style: solid; border-color: #d0d7de; padding: 2pt 4pt; vertical-align: top; font-size: 9pt; }
th { background-color: #f6f8fa; font-weight: 600; text-align: left; }
td.num { text-align: right; }
li { margin-top: 1pt; margin-bottom: 1pt; }
li.error { color: #cf222e; }
li.warning { color: #9a6700; }
.ids { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; color: #57606a; margin-bottom: 4pt; }
.details-summary { margin-top: 5pt; margin-bottom: 1pt; }
pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
pre { background-color: #f6f8fa; }
.legend { font-size: 8.5pt; color: #57606a; }
.path { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
)css");
}

QFont reportFont(qreal pointSize)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Helvetica"), QStringLiteral("Arial")});
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(pointSize);
    return font;
}

/// The report's HTML in Qt's rich-text subset: its screen stylesheet goes (the print stylesheet
/// applies instead); <details>/<summary> become plain blocks, so a summary line never runs into
/// the list it opens; a table's header row repeats on every page; each <svg> becomes an image
/// that ChartObject draws from `charts`.
QString printableHtml(const QString &html, QList<PrintedChart> *charts)
{
    static const QRegularExpression styleRe(QStringLiteral("<style\\b.*?</style>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression headRowRe(QStringLiteral("(<table\\b[^>]*>)\\s*(<tr>\\s*<th\\b.*?</tr>)"),
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression svgRe(QStringLiteral("<svg\\b.*?</svg>"),
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression titleRe(QStringLiteral("<title>(.*?)</title>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    QString text = html;
    text.remove(styleRe);
    text.replace(QLatin1String("<details>"), QLatin1String("<div class=\"details\">"))
        .replace(QLatin1String("</details>"), QLatin1String("</div>"))
        .replace(QLatin1String("<summary>"), QLatin1String("<p class=\"details-summary\">"))
        .replace(QLatin1String("</summary>"), QLatin1String("</p>"));
    text.replace(headRowRe, QStringLiteral("\\1<thead>\\2</thead>"));
    // Cell borders only, no spacing between them: one hairline between two cells.
    text.replace(QLatin1String("<table>"), QLatin1String("<table cellspacing=\"0\">"));

    QString out;
    qsizetype last = 0;
    auto it = svgRe.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        PrintedChart chart;
        chart.svg = m.captured().toUtf8();
        const QRegularExpressionMatch title = titleRe.match(m.captured());
        if (title.hasMatch())
            chart.title = QTextDocumentFragment::fromHtml(title.captured(1)).toPlainText().trimmed();
        out += QStringLiteral("<img src=\"%1\">").arg(ChartObject::sourceName(int(charts->size())));
        charts->append(chart);
    }
    out += QStringView(text).mid(last);
    return out;
}

qreal pointsToDevice(qreal points, int dpi)
{
    return points * dpi / 72.0;
}

/// Where the header, the body and the footer go on a page, in device pixels from the top left
/// of the printable area.
struct PageGeometry {
    QRectF header;
    QRectF body;
    QRectF footer;
};

PageGeometry pageGeometry(const QPageLayout &layout, int dpi, const QFont &headerFont, QPaintDevice *device)
{
    const QRectF paint(QPointF(0, 0), QSizeF(layout.paintRectPixels(dpi).size()));
    const qreal line = QFontMetricsF(headerFont, device).height();
    const qreal gap = pointsToDevice(8, dpi);
    PageGeometry g;
    g.header = QRectF(paint.left(), paint.top(), paint.width(), line);
    g.footer = QRectF(paint.left(), paint.bottom() - line, paint.width(), line);
    g.body = QRectF(paint.left(), g.header.bottom() + gap, paint.width(), g.footer.top() - gap - (g.header.bottom() + gap));
    return g;
}

/// The largest scale (device pixels per chart unit) at which `chart` fits `area`, never above
/// its natural size.
qreal chartScale(const PrintedChart &chart, const QSizeF &area, int dpi)
{
    if (chart.svgSize.isEmpty())
        return 0;
    const qreal natural = pointsToDevice(kCssPixelPt, dpi);
    return std::min({natural, area.width() / chart.svgSize.width(), area.height() / chart.svgSize.height()});
}

qreal chartFontPoints(qreal scale, int dpi)
{
    return kChartFontUnits * scale * 72.0 / dpi;
}

/// The y of the first line of `block` in the document.
qreal blockTop(QTextDocument &doc, const QTextBlock &block)
{
    return doc.documentLayout()->blockBoundingRect(block).top();
}

/// A heading left alone at the bottom of a page moves to the next one, with its content.
void keepHeadingsWithNext(QTextDocument &doc, qreal pageHeight)
{
    for (int pass = 0; pass < 200; ++pass) {
        bool moved = false;
        for (QTextBlock b = doc.begin(); b.isValid() && b.next().isValid(); b = b.next()) {
            if (b.blockFormat().headingLevel() == 0 || b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                continue;
            const qreal top = blockTop(doc, b);
            const int page = int(top / pageHeight);
            const bool atPageTop = top - page * pageHeight < 1;
            if (atPageTop || int(blockTop(doc, b.next()) / pageHeight) == page)
                continue;
            QTextBlockFormat format = b.blockFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(b).setBlockFormat(format);
            // Lay the whole document out again: an incremental layout keeps stale positions for
            // what follows, and drawing then skips the blocks it thinks are elsewhere.
            doc.markContentsDirty(0, doc.characterCount());
            moved = true;
            break; // the layout below this heading changed: look again from the start
        }
        if (!moved)
            return;
    }
}

/// The page (0-based, of the text flow) on which each chart's image sits.
QList<int> chartFlowPages(QTextDocument &doc, const ChartObject &handler, qreal pageHeight)
{
    QList<int> pages(handler.charts().size(), 0);
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const int index = handler.chartIndex(it.fragment().charFormat());
            if (index < 0)
                continue;
            qreal y = blockTop(doc, b);
            const QTextLine line = b.layout()->lineForTextPosition(it.fragment().position() - b.position());
            if (line.isValid())
                y += line.y();
            pages[index] = int(y / pageHeight);
        }
    }
    return pages;
}

/// One page of the printed report: a page of the text flow, or a chart on a landscape page.
struct PageSlot {
    int flowPage = -1;
    int chart = -1;
};

} // namespace

QPageLayout reportPageLayout(const QLocale &locale)
{
    const QPageSize size(locale.measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter : QPageSize::A4);
    return QPageLayout(size, QPageLayout::Portrait, QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                       QPageLayout::Millimeter);
}

ReportPrinter::ReportPrinter(QString html, QString title) : m_html(std::move(html)), m_title(std::move(title)) {}

int ReportPrinter::print(QPagedPaintDevice *device, int fromPage, int toPage)
{
    m_error.clear();
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_error = QStringLiteral("printing a report needs a QGuiApplication (fonts)");
        return -1;
    }
    const QPageLayout portrait = device->pageLayout();
    QPageLayout landscape = portrait;
    landscape.setOrientation(portrait.orientation() == QPageLayout::Portrait ? QPageLayout::Landscape
                                                                              : QPageLayout::Portrait);
    const int dpi = device->logicalDpiY();
    const QFont headerFont = reportFont(kHeaderPt);
    const PageGeometry flow = pageGeometry(portrait, dpi, headerFont, device);
    // A chart page: landscape, or the text's own page with the chart turned a quarter.
    const bool rotate = m_wideCharts == WideCharts::RotatedPage;
    const PageGeometry wide = rotate ? flow : pageGeometry(landscape, dpi, headerFont, device);
    const QSizeF wideArea = rotate ? flow.body.size().transposed() : wide.body.size();
    const qreal chartTitleH = pointsToDevice(2 * kChartTitlePt, dpi);
    if (flow.body.height() <= 0 || flow.body.width() <= 0) {
        m_error = QStringLiteral("the page's margins leave no room for the report");
        return -1;
    }

    ChartObject handler;
    handler.setCaptionFont(reportFont(9));
    QTextDocument doc;
    // Laid out on the device itself: fonts are measured at its resolution, so a point is a point.
    doc.documentLayout()->setPaintDevice(device);
    doc.documentLayout()->registerHandler(QTextFormat::ImageObject, &handler);
    doc.setDefaultFont(reportFont(kBodyPt));
    QTextOption option = doc.defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // a long token never widens a table past the page
    doc.setDefaultTextOption(option);
    doc.setDocumentMargin(0);
    doc.setDefaultStyleSheet(printStyleSheet());
    doc.setPageSize(flow.body.size());

    const QString html = printableHtml(m_html, &handler.charts());
    for (PrintedChart &chart : handler.charts()) {
        const QSvgRenderer renderer(chart.svg);
        chart.svgSize = renderer.isValid() && !renderer.defaultSize().isEmpty() ? QSizeF(renderer.defaultSize())
                                                                                : QSizeF(800, 300);
        // Inline at the text width while its labels stay readable; else a landscape page.
        const qreal inlineScale = chartScale(chart, QSizeF(flow.body.width(), flow.body.height() * 0.9), dpi);
        const qreal wideScale = chartScale(chart, wideArea - QSizeF(0, chartTitleH), dpi);
        chart.inlined = chartFontPoints(inlineScale, dpi) >= kMinChartFontPt || wideScale <= inlineScale;
        chart.size = chart.svgSize * inlineScale;
    }
    doc.setHtml(html);
    keepHeadingsWithNext(doc, flow.body.height());

    // The text flow's pages, each followed by the charts that left it for a page of their own.
    const int flowPages = doc.pageCount();
    const QList<int> chartPages = chartFlowPages(doc, handler, flow.body.height());
    QList<PageSlot> pageSlots;
    for (int page = 0; page < flowPages; ++page) {
        pageSlots.append({page, -1});
        for (int i = 0; i < handler.charts().size(); ++i)
            if (!handler.charts().at(i).inlined && chartPages.at(i) == page)
                pageSlots.append({-1, i});
    }
    for (int s = 0; s < pageSlots.size(); ++s)
        if (pageSlots.at(s).chart >= 0)
            handler.charts()[pageSlots.at(s).chart].page = s + 1;

    const int total = int(pageSlots.size());
    const int first = std::clamp(fromPage > 0 ? fromPage : 1, 1, total);
    const int last = std::clamp(toPage > 0 ? toPage : total, first, total);
    auto layoutFor = [&](int s) { return pageSlots.at(s).chart >= 0 && !rotate ? landscape : portrait; };

    device->setPageLayout(layoutFor(first - 1));
    QPainter painter;
    if (!painter.begin(device)) {
        m_error = QStringLiteral("cannot start printing on the device");
        device->setPageLayout(portrait);
        return -1;
    }
    for (int s = first - 1; s < last; ++s) {
        if (s > first - 1) {
            device->setPageLayout(layoutFor(s));
            if (!device->newPage()) {
                m_error = QStringLiteral("cannot start page %1").arg(s + 1);
                painter.end();
                device->setPageLayout(portrait);
                return -1;
            }
        }
        const PageSlot &slot = pageSlots.at(s);
        const PageGeometry &g = slot.chart >= 0 ? wide : flow;

        painter.save();
        painter.setFont(headerFont);
        painter.setPen(QColor(0x57, 0x60, 0x6a));
        const QFontMetricsF fm(headerFont, device);
        painter.drawText(g.header, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(m_title, Qt::ElideRight, g.header.width()));
        painter.setPen(QPen(QColor(0xd0, 0xd7, 0xde), pointsToDevice(0.5, dpi)));
        const qreal rule = g.header.bottom() + pointsToDevice(3, dpi);
        painter.drawLine(QPointF(g.header.left(), rule), QPointF(g.header.right(), rule));
        painter.setPen(QColor(0x57, 0x60, 0x6a));
        painter.drawText(g.footer, Qt::AlignRight | Qt::AlignVCenter,
                         QCoreApplication::translate("ReportPrinter", "Page %1 of %2").arg(s + 1).arg(total));
        painter.restore();

        if (slot.chart >= 0) {
            const PrintedChart &chart = handler.charts().at(slot.chart);
            const QFont titleFont = [] { QFont f = reportFont(kChartTitlePt); f.setWeight(QFont::DemiBold); return f; }();
            painter.save();
            if (rotate) {
                painter.translate(g.body.bottomLeft());
                painter.rotate(-90);
            } else {
                painter.translate(g.body.topLeft());
            }
            painter.setFont(titleFont);
            painter.setPen(QColor(0x1f, 0x23, 0x28));
            painter.drawText(QRectF(0, 0, wideArea.width(), chartTitleH), Qt::AlignLeft | Qt::AlignTop, chart.title);
            const qreal scale = chartScale(chart, wideArea - QSizeF(0, chartTitleH), dpi);
            ChartObject::drawChart(&painter, chart, QRectF(QPointF(0, chartTitleH), chart.svgSize * scale));
            painter.restore();
            continue;
        }
        painter.save();
        painter.translate(g.body.topLeft());
        painter.setClipRect(QRectF(QPointF(0, 0), g.body.size()));
        const qreal pageTop = slot.flowPage * g.body.height();
        painter.translate(0, -pageTop);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, pageTop, g.body.width(), g.body.height());
        context.palette.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    painter.end();
    device->setPageLayout(portrait);
    return total;
}

QByteArray ReportPrinter::toPdf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(m_title);
        writer.setCreator(QStringLiteral("Passlane"));
        writer.setResolution(600);
        writer.setPageLayout(reportPageLayout(QLocale::system()));
        if (print(&writer) < 0)
            return {};
    }
    return buffer.data();
}

} // namespace passlane
