#include "export/reportexporter.h"

#include "document/document.h"
#include "plan/versionindex.h"
#include "planner/planrunner.h"
#include "plan/windowanalysis.h"
#include "report/planreport.h"
#include "report/windowreport.h"
#include "simulation/simulationrunner.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPrinter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTemporaryFile>
#include <QTextDocument>
#include <QUrl>

using namespace passlane;

ReportExporter::ReportExporter(Document *doc) : m_doc(doc) {}

bool ReportExporter::hasPlan() const
{
    return PlanRunner::forDocument(m_doc)->plan().has_value();
}

bool ReportExporter::hasSimulation() const
{
    return SimulationRunner::forDocument(m_doc)->lastResult().has_value();
}

ReportWriter ReportExporter::writer() const
{
    ReportWriter w;
    const auto &plan = PlanRunner::forDocument(m_doc)->plan();
    if (!plan)
        return w;
    const VersionIndex index(m_doc->catalog()->graph.versions());
    addPlanReport(w, *plan, m_doc->effectiveRegistry(), index);
    if (!m_doc->proposals().isEmpty()) {
        // What-if proposals: the window analysis joins the report; the plan stays the JSON root.
        const QJsonObject planRoot = w.json();
        QList<WindowProposal> proposals;
        for (auto it = m_doc->proposals().cbegin(); it != m_doc->proposals().cend(); ++it)
            proposals.append(WindowProposal{it.key(), it.value()});
        QList<SourceWeight> sources;
        const QString csv = m_doc->project().customersCsv;
        QFile file(csv);
        if (!csv.isEmpty() && file.open(QIODevice::ReadOnly)) {
            const auto parsed = WindowAnalysis::parseCustomersCsv(file.readAll(), csv);
            if (parsed)
                sources = parsed.value();
        }
        const WindowReport report = WindowAnalysis(index).analyze(m_doc->catalog()->oob, proposals, sources, plan->to);
        addWindowReport(w, report, m_doc->catalog()->oob);
        w.setJson(planRoot);
        w.addJson(QStringLiteral("window_analysis"), windowReportToJson(report));
    }
    if (m_includeSimulation)
        SimulationRunner::forDocument(m_doc)->addToReport(w);
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
    if (!hasPlan())
        return QObject::tr("There is no plan to export.");
    if (format == ExportFormat::Pdf) {
        // QPrinter writes the file itself: print next to the target, then replace it in one step.
        QTemporaryFile tmp(path + QStringLiteral(".XXXXXX"));
        if (!tmp.open())
            return tmp.errorString();
        tmp.close();
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(tmp.fileName());
        printer.setPageSize(QPageSize(QPageSize::A4));
        print(&printer);
        QFile::remove(path);
        if (!QFile::rename(tmp.fileName(), path))
            return QObject::tr("cannot replace %1").arg(path);
        tmp.setAutoRemove(false);
        // QTemporaryFile creates owner-only files; a report is an ordinary document.
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write(render(format));
    if (!file.commit())
        return file.errorString();
    return {};
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
