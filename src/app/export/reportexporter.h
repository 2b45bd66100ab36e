#pragma once

#include "report/reportwriter.h"
#include "scenario/scenarioreport.h"

#include <QString>

#include <optional>

class Document;
class QPrinter;
class QTextDocument;
class QWidget;

namespace passlane { struct SimulationResult; }

/// The formats the GUI exports: the core writer's three, plus PDF printed from the HTML.
enum class ExportFormat { Html, Pdf, Markdown, Json };

/// Writes the document's current answer with the scenario layer's report writer (the one the CLI
/// uses); this class only picks the Evaluation from the Document and turns HTML into PDF or a
/// print preview.
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
    /// Writes atomically (QSaveFile, or a temporary file renamed for PDF). Empty on success,
    /// else the error message.
    QString write(ExportFormat format, const QString &path) const;
    /// The HTML report as a QTextDocument, SVG charts rendered as images (print and preview).
    void fillPrintable(QTextDocument &doc) const;
    /// Prints the HTML report (with its SVG chart rendered as an image) on `printer`.
    void print(QPrinter *printer) const;

    static QString suffix(ExportFormat format);    ///< "html", "pdf", "md", "json"
    static QString formatName(ExportFormat format); ///< "HTML", "PDF"...

private:
    Document *m_doc;
    bool m_includeSimulation = true;
    passlane::ScenarioReportKind m_kind = passlane::ScenarioReportKind::Plan;
};
