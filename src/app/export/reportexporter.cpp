#include "export/reportexporter.h"

#include "document/document.h"
#include "common/safefile.h"
#include "document/scenariorunner.h"
#include "printing/reportprinter.h"

#include <QObject>

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

ReportPrinter ReportExporter::printer() const
{
    const ReportWriter w = writer();
    return ReportPrinter(QString::fromUtf8(w.render(ReportFormat::Html)), w.title());
}

QString ReportExporter::print(QPagedPaintDevice *device, int fromPage, int toPage) const
{
    ReportPrinter p = printer();
    // Print preview shows every page in one orientation: a wide chart is turned instead.
    p.setWideCharts(ReportPrinter::WideCharts::RotatedPage);
    return p.print(device, fromPage, toPage) < 0 ? p.error() : QString();
}

QString ReportExporter::write(ExportFormat format, const QString &path) const
{
    if (m_kind == ScenarioReportKind::Plan && !hasPlan())
        return QObject::tr("There is no plan to export.");
    QByteArray data;
    if (format == ExportFormat::Pdf) {
        // Printed in memory, then written like every other format: atomically, and never over
        // a device or a folder.
        ReportPrinter p = printer();
        data = p.toPdf();
        if (data.isEmpty())
            return p.error();
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
