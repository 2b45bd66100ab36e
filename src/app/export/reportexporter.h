#pragma once

#include "report/reportwriter.h"
#include "printing/reportprinter.h"
#include "scenario/scenarioreport.h"

#include <QString>

#include <optional>

class Document;
class QPagedPaintDevice;

namespace passlane { struct SimulationResult; }

/// The formats the GUI exports: the core writer's three, plus PDF printed from the HTML by
/// passlane_printing, as `passlane-cli --format pdf` does.
enum class ExportFormat { Html, Pdf, Markdown, Json };

/// Writes the document's current answer with the scenario layer's report writer (the one the CLI
/// uses); this class only picks the Evaluation from the Document and hands the HTML to the
/// shared ReportPrinter for PDF, printing and print preview.
class ReportExporter {
public:
    explicit ReportExporter(Document *doc);

    /// Include the simulation of the current plan, when the document ran one.
    void setIncludeSimulation(bool include) { m_includeSimulation = include; }
    void setKind(passlane::ScenarioReportKind kind) { m_kind = kind; }
    bool hasPlan() const;
    bool hasSimulation() const;

    /// The report of the current Evaluation (plan sections, plus its simulation when included).
    passlane::ReportWriter writer() const;
    QByteArray render(ExportFormat format) const;
    /// Writes atomically (a temporary file renamed over the target). Empty on success, else the
    /// error message.
    QString write(ExportFormat format, const QString &path) const;
    /// The HTML report, ready to print (passlane_printing: the same pages as the PDF).
    passlane::ReportPrinter printer() const;
    /// Prints the report on `device` (a QPrinter for Print and Print Preview), pages
    /// `fromPage`..`toPage` (1-based, 0 for all), a wide chart turned on a portrait page. Empty
    /// on success, else the error message.
    QString print(QPagedPaintDevice *device, int fromPage = 0, int toPage = 0) const;

    static QString suffix(ExportFormat format);    ///< "html", "pdf", "md", "json"
    static QString formatName(ExportFormat format); ///< "HTML", "PDF"...

private:
    Document *m_doc;
    bool m_includeSimulation = true;
    passlane::ScenarioReportKind m_kind = passlane::ScenarioReportKind::Plan;
};
