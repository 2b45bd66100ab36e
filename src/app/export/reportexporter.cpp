#include "export/reportexporter.h"

#include "document/document.h"
#include "common/safefile.h"
#include "document/scenariorunner.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPrinter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryFile>
#include <QTextDocument>
#include <QUrl>

using namespace passlane;

ReportExporter::ReportExporter(Document *doc) : m_doc(doc) {}

bool ReportExporter::hasPlan() const
{
    const auto evaluation = m_doc->runner()->evaluation();
    return evaluation && evaluation->plan;
}

bool ReportExporter::hasSimulation() const
{
    const auto evaluation = m_doc->runner()->evaluation();
    return evaluation && evaluation->simulation;
}

ReportWriter ReportExporter::writer() const
{
    ReportWriter w;
    auto evaluation = m_doc->runner()->evaluation();
    if (!evaluation || (m_kind == ScenarioReportKind::Plan && !evaluation->plan))
        return w;
    if (!m_includeSimulation && evaluation->simulation) {
        // The same answer without its rehearsal: what `passlane-cli plan` writes.
        auto copy = std::make_shared<Evaluation>(*evaluation);
        copy->simulation.reset();
        evaluation = std::move(copy);
    }
    addScenarioReport(w, *evaluation, m_kind);
    return w;
}

QByteArray ReportExporter::render(ExportFormat format) const
{
    switch (format) {
    case ExportFormat::Html:
        return writer().render(ReportFormat::Html);
    case ExportFormat::Markdown:
        return writer().render(ReportFormat::Markdown);
    case ExportFormat::Json:
        return writer().render(ReportFormat::Json);
    case ExportFormat::Pdf:
        break;
    }
    return {};
}

namespace {
/// QTextDocument knows no SVG: each inline <svg> becomes an <img> of the same chart, rendered
/// by QSvgRenderer at twice its size so that it stays sharp in print.
void setPrintableHtml(QTextDocument &doc, const QString &html)
{
    static const QRegularExpression svgRe(QStringLiteral("<svg\\b.*?</svg>"),
                                          QRegularExpression::DotMatchesEverythingOption);
    QString out;
    qsizetype last = 0;
    int n = 0;
    auto it = svgRe.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        QSvgRenderer renderer(m.captured().toUtf8());
        if (!renderer.isValid())
            continue;
        const QSize size = renderer.defaultSize().isValid() ? renderer.defaultSize() : QSize(800, 300);
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QUrl name(QStringLiteral("passlane-chart-%1.png").arg(n++));
        doc.addResource(QTextDocument::ImageResource, name, image);
        out += QStringLiteral("<img src=\"%1\" width=\"%2\">").arg(name.toString()).arg(qMin(size.width(), 640));
    }
    out += QStringView(html).mid(last);
    doc.setHtml(out);
}
} // namespace

void ReportExporter::fillPrintable(QTextDocument &doc) const
{
    setPrintableHtml(doc, QString::fromUtf8(render(ExportFormat::Html)));
}

void ReportExporter::print(QPrinter *printer) const
{
    QTextDocument doc;
    fillPrintable(doc);
    doc.print(printer);
}

QString ReportExporter::write(ExportFormat format, const QString &path) const
{
    if (m_kind == ScenarioReportKind::Plan && !hasPlan())
        return QObject::tr("There is no plan to export.");
    QByteArray data;
    if (format == ExportFormat::Pdf) {
        // QPrinter writes a file of its own: print to a temporary one, then write its bytes
        // like every other format (atomically, and never over a device or a folder).
        QTemporaryFile tmp;
        if (!tmp.open())
            return tmp.errorString();
        tmp.close();
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(tmp.fileName());
        printer.setPageSize(QPageSize(QPageSize::A4));
        print(&printer);
        if (!tmp.open())
            return tmp.errorString();
        data = tmp.readAll();
    } else {
        data = render(format);
    }
    const Status written = writeFileAtomically(path, data);
    return written ? QString() : written.error().toString();
}

QString ReportExporter::suffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Json:
        return QStringLiteral("json");
    }
    return {};
}

QString ReportExporter::formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Html:
        return QStringLiteral("HTML");
    case ExportFormat::Pdf:
        return QStringLiteral("PDF");
    case ExportFormat::Markdown:
        return QStringLiteral("Markdown");
    case ExportFormat::Json:
        return QStringLiteral("JSON");
    }
    return {};
}
