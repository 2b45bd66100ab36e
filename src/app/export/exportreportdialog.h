#pragma once

#include "export/reportexporter.h"

#include <QDialog>
#include <QList>
#include <QStringList>

#include <memory>

class Document;
namespace Ui { class ExportReportDialog; }

/// Exports the document's current answer (its plan, with this plan's simulation when there is
/// one; or the window analysis) as HTML, PDF, Markdown and JSON into one folder, or shows the
/// print preview. The reports themselves come from the scenario layer.
class ExportReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportReportDialog(Document *doc, QWidget *parent = nullptr);
    ~ExportReportDialog() override;

    void setFolder(const QString &folder);
    void setBaseName(const QString &name);
    void setFormats(const QList<ExportFormat> &formats);
    QList<ExportFormat> formats() const;
    /// The customer's plan (default) or the fleet's window analysis.
    passlane::ScenarioReportKind kind() const;
    void setKind(passlane::ScenarioReportKind kind);

    /// Writes every chosen format; returns the files written (errors go to errors()).
    QStringList exportFiles();
    const QStringList &errors() const { return m_errors; }

    /// A print preview of the report (QPrintPreviewDialog), on the locale's paper (A4 or Letter),
    /// with the same pages as the PDF.
    static void printPreview(Document *doc, QWidget *parent,
                             passlane::ScenarioReportKind kind = passlane::ScenarioReportKind::Plan,
                             bool includeSimulation = true);
    /// The folder the dialog starts in: the one last exported to, when it still exists; else
    /// the documents folder, else the home folder.
    static QString startFolder();

private:
    void browse();
    void save();

    std::unique_ptr<Ui::ExportReportDialog> m_ui;
    Document *m_doc;
    QStringList m_errors;
};
