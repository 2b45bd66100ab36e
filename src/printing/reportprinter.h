#pragma once

#include <QByteArray>
#include <QPageLayout>
#include <QString>

class QLocale;
class QPagedPaintDevice;

namespace passlane {

/// The page a printed report starts from: US Letter where the locale measures in US customary
/// units, A4 elsewhere; portrait, with 15 mm margins.
QPageLayout reportPageLayout(const QLocale &locale);

/// Prints one HTML report, as ReportWriter renders it, on any paged device: a QPdfWriter for
/// files, a QPrinter for printing and print preview. The text is laid out at the device's own
/// resolution, so point sizes are real points (body 10 pt, tables 9 pt); tables wrap to the
/// page width; SVG charts are drawn as vector graphics, inline when their labels stay readable
/// at the text width, else on a landscape page of their own; every page carries the title in
/// a running header and "Page N of M" in its footer. Needs a QGuiApplication (fonts).
class ReportPrinter {
public:
    ReportPrinter(QString html, QString title);

    /// Where a chart too wide for the text goes: a landscape page of its own (PDF files), or a
    /// page like the others with the chart turned a quarter, for devices whose pages all keep
    /// one orientation (print preview, some printers).
    enum class WideCharts { LandscapePage, RotatedPage };
    void setWideCharts(WideCharts mode) { m_wideCharts = mode; }

    /// Paints pages `fromPage`..`toPage` (1-based; 0 for the first or last) on `device`, starting
    /// from its page layout. Returns the report's page count, or -1 with error() set.
    int print(QPagedPaintDevice *device, int fromPage = 0, int toPage = 0);
    /// The whole report as a PDF file's bytes, on reportPageLayout(QLocale::system()); empty
    /// with error() set on failure.
    QByteArray toPdf();

    const QString &error() const { return m_error; }

private:
    QString m_html;
    QString m_title;
    QString m_error;
    WideCharts m_wideCharts = WideCharts::LandscapePage;
};

} // namespace passlane
