#include "export/exportreportdialog.h"
#include "ui_exportreportdialog.h"

#include "document/document.h"
#include "document/scenariorunner.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QFileDialog>
#include <QMainWindow>
#include <QStatusBar>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

using namespace passlane;

namespace {
const QString kFolderKey = QStringLiteral("export/folder");
}

ExportReportDialog::ExportReportDialog(Document *doc, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ExportReportDialog>()), m_doc(doc)
{
    m_ui->setupUi(this);
    m_ui->folderEdit->setText(startFolder());
    QString name = QStringLiteral("upgrade-plan");
    const auto evaluation = doc->runner()->evaluation();
    if (evaluation && evaluation->plan)
        name = QStringLiteral("plan-%1-to-%2").arg(evaluation->plan->from.toString(), evaluation->plan->to.toString());
    m_ui->nameEdit->setText(name);
    // A customer's plan by default; the fleet analysis is a report of its own.
    m_ui->kindCombo->addItem(tr("Upgrade plan"), int(ScenarioReportKind::Plan));
    m_ui->kindCombo->addItem(tr("OOB window analysis (release team)"), int(ScenarioReportKind::Windows));
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this, evaluation] {
        const bool windows = kind() == ScenarioReportKind::Windows;
        m_ui->simulationCheck->setEnabled(!windows && evaluation && evaluation->simulation);
        if (evaluation && evaluation->plan)
            m_ui->nameEdit->setText(windows ? QStringLiteral("oob-windows-to-%1").arg(evaluation->windows.target.toString())
                                            : QStringLiteral("plan-%1-to-%2").arg(evaluation->plan->from.toString(),
                                                                                   evaluation->plan->to.toString()));
    });
    const bool hasSimulation = ReportExporter(doc).hasSimulation();
    m_ui->simulationCheck->setEnabled(hasSimulation);
    m_ui->simulationCheck->setChecked(hasSimulation);
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(tr("&Export"));
    connect(m_ui->browseButton, &QToolButton::clicked, this, &ExportReportDialog::browse);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ExportReportDialog::save);
    connect(m_ui->previewButton, &QPushButton::clicked, this, [this] {
        printPreview(m_doc, this, kind(), m_ui->simulationCheck->isChecked());
    });
}

ExportReportDialog::~ExportReportDialog() = default;

QString ExportReportDialog::startFolder()
{
    // The remembered folder may have been removed since: start where the user can see.
    const QString remembered = QSettings().value(kFolderKey).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !docs.isEmpty() && QFileInfo(docs).isDir() ? docs : QDir::homePath();
}

void ExportReportDialog::setFolder(const QString &folder)
{
    m_ui->folderEdit->setText(folder);
}

void ExportReportDialog::setBaseName(const QString &name)
{
    m_ui->nameEdit->setText(name);
}

void ExportReportDialog::setFormats(const QList<ExportFormat> &formats)
{
    m_ui->htmlCheck->setChecked(formats.contains(ExportFormat::Html));
    m_ui->pdfCheck->setChecked(formats.contains(ExportFormat::Pdf));
    m_ui->markdownCheck->setChecked(formats.contains(ExportFormat::Markdown));
    m_ui->jsonCheck->setChecked(formats.contains(ExportFormat::Json));
}

QList<ExportFormat> ExportReportDialog::formats() const
{
    QList<ExportFormat> out;
    if (m_ui->htmlCheck->isChecked())
        out << ExportFormat::Html;
    if (m_ui->pdfCheck->isChecked())
        out << ExportFormat::Pdf;
    if (m_ui->markdownCheck->isChecked())
        out << ExportFormat::Markdown;
    if (m_ui->jsonCheck->isChecked())
        out << ExportFormat::Json;
    return out;
}

ScenarioReportKind ExportReportDialog::kind() const
{
    return ScenarioReportKind(m_ui->kindCombo->currentData().toInt());
}

void ExportReportDialog::setKind(ScenarioReportKind kind)
{
    m_ui->kindCombo->setCurrentIndex(m_ui->kindCombo->findData(int(kind)));
}

void ExportReportDialog::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Folder"), m_ui->folderEdit->text());
    if (!dir.isEmpty())
        m_ui->folderEdit->setText(dir);
}

QStringList ExportReportDialog::exportFiles()
{
    m_errors.clear();
    QStringList written;
    const QDir dir(m_ui->folderEdit->text());
    if (!dir.exists() && !QDir().mkpath(dir.path())) {
        m_errors << tr("Cannot create %1").arg(dir.path());
        return written;
    }
    ReportExporter exporter(m_doc);
    exporter.setIncludeSimulation(m_ui->simulationCheck->isChecked());
    exporter.setKind(kind());
    for (ExportFormat format : formats()) {
        const QString path = dir.filePath(m_ui->nameEdit->text().trimmed() + QLatin1Char('.') + ReportExporter::suffix(format));
        const QString error = exporter.write(format, path);
        if (error.isEmpty())
            written << path;
        else
            m_errors << QStringLiteral("%1: %2").arg(path, error);
    }
    return written;
}

void ExportReportDialog::save()
{
    if (m_ui->nameEdit->text().trimmed().isEmpty() || formats().isEmpty())
        return;
    QSettings().setValue(kFolderKey, m_ui->folderEdit->text());
    const QStringList written = exportFiles();
    if (!m_errors.isEmpty()) {
        QMessageBox::warning(this, tr("Export Report"), m_errors.join(QLatin1Char('\n')));
        return;
    }
    m_ui->resultLabel->setText(tr("Wrote %1").arg(written.join(QStringLiteral(", "))));
    if (auto *window = qobject_cast<QMainWindow *>(parentWidget() ? parentWidget()->window() : nullptr))
        window->statusBar()->showMessage(tr("Report written to %1").arg(written.join(QStringLiteral(", "))), 10000);
    accept();
}

void ExportReportDialog::printPreview(Document *doc, QWidget *parent, ScenarioReportKind kind, bool includeSimulation)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(reportPageLayout(QLocale::system()));
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(tr("Report Preview"));
    ReportExporter exporter(doc);
    exporter.setKind(kind);
    exporter.setIncludeSimulation(includeSimulation);
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [&exporter, parent](QPrinter *p) {
        // The print dialog's page range applies; the preview shows every page.
        const bool range = p->printRange() == QPrinter::PageRange;
        const QString error = exporter.print(p, range ? p->fromPage() : 0, range ? p->toPage() : 0);
        if (!error.isEmpty())
            QMessageBox::warning(parent, tr("Print Report"), error);
    });
    preview.exec();
}
