#pragma once

#include <QList>
#include <QObject>
#include <QSizeF>
#include <QString>
#include <QTextObjectInterface>

namespace passlane {

/// One SVG chart of a printed report, and where it goes: inline in the text at `size`, or on a
/// page of its own (`page`, 1-based) when the text width would shrink its labels below a
/// readable size.
struct PrintedChart {
    QByteArray svg;
    QString title;     ///< the chart's <title>, for the caption that points to its page
    QSizeF svgSize;    ///< its own size, in CSS pixels
    QSizeF size;       ///< inline: the size in the text, in device pixels
    bool inlined = true;
    int page = 0;      ///< on a page of its own: that page
};

/// Draws a report's charts for QTextDocument as vector graphics (QSvgRenderer on the page's
/// own painter). The printer turns each inline <svg> into <img src="passlane-chart:N">; this
/// handler replaces Qt's image handler, so such an image is drawn from chart N: the chart itself,
/// or, for a chart on a page of its own, one caption line naming that page.
class ChartObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    /// The image source that names chart `index`.
    static QString sourceName(int index);
    /// The chart an image format names, or -1.
    int chartIndex(const QTextFormat &format) const;

    QList<PrintedChart> &charts() { return m_charts; }
    const QList<PrintedChart> &charts() const { return m_charts; }
    void setCaptionFont(const QFont &font) { m_captionFont = font; }

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

    /// Draws `chart` into `target` (scaled, aspect kept), as vector graphics.
    static void drawChart(QPainter *painter, const PrintedChart &chart, const QRectF &target);

private:
    QString caption(const PrintedChart &chart) const;

    QList<PrintedChart> m_charts;
    QFont m_captionFont;
};

} // namespace passlane
