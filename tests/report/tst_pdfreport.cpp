// Printed reports read like the HTML: `passlane-cli plan|windows|simulate --format pdf` and the
// GUI's PDF export, on the bundled sample and the 70 real releases, measured with poppler's
// `pdftotext -bbox`: readable word sizes, nothing off the page, every word of the HTML on some
// page, the title in every page's running header and "Page N of M" in every footer.
#include "clirun.h"
#include "fixtures.h"
#include "pdfwords.h"
#include "planningtestutil.h"

#include "document/document.h"
#include "document/scenariorunner.h"
#include "export/exportreportdialog.h"
#include "export/reportexporter.h"
#include "printing/reportprinter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QLocale>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextDocumentFragment>

using namespace passlane;

namespace {

/// The title of an HTML report: the one its printed pages must carry.
QString htmlTitle(const QByteArray &html)
{
    static const QRegularExpression re(QStringLiteral("<title>(.*?)</title>"), QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(html));
    return m.hasMatch() ? QTextDocumentFragment::fromHtml(m.captured(1)).toPlainText().simplified() : QString();
}

/// The text a reader of the HTML report sees, without its charts (drawn, not typeset).
QString htmlText(const QByteArray &html)
{
    static const QRegularExpression hidden(QStringLiteral("<style\\b.*?</style>|<svg\\b.*?</svg>"),
                                           QRegularExpression::DotMatchesEverythingOption);
    QString text = QTextDocumentFragment::fromHtml(QString::fromUtf8(html).remove(hidden)).toPlainText();
    return text.replace(QChar::Nbsp, QLatin1Char(' '));
}

/// Fails unless the printed report is readable and shows every word of the HTML.
QString printedProblems(const test::PdfText &pdf, const QString &title, const QByteArray &html)
{
    QString problems = test::printedReportProblems(pdf, title);
    const QStringList missing = test::wordsMissingFromPdf(htmlText(html), pdf);
    if (!missing.isEmpty())
        problems += QStringLiteral("\n%1 word(s) of the HTML are not in the PDF: %2")
                        .arg(missing.size())
                        .arg(missing.mid(0, 30).join(QLatin1Char(' ')));
    return problems.trimmed();
}

/// `args` with "$F" replaced by the fixtures folder.
QStringList withFixtures(QStringList args, const QString &fixtures)
{
    for (QString &a : args)
        a.replace(QLatin1String("$F"), fixtures);
    return args;
}

} // namespace

class TestPdfReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cliPdf_data();
    void cliPdf();
    void cliPdfToPipe();
    void guiPdf_data();
    void guiPdf();
    void exportFolderExists();

private:
    QTemporaryDir m_dir;
};

void TestPdfReport::initTestCase()
{
    test::isolatePlanningSettings();
    QVERIFY(m_dir.isValid());
    // PASSLANE_KEEP_PDFS=1 keeps the printed reports for a look (pdftoppm -png).
    if (qEnvironmentVariableIntValue("PASSLANE_KEEP_PDFS")) {
        m_dir.setAutoRemove(false);
        qInfo("printed reports go to %s", qPrintable(m_dir.path()));
    }
}

void TestPdfReport::cliPdf_data()
{
    QTest::addColumn<bool>("real");
    QTest::addColumn<QStringList>("args");
    const QStringList realSources{u"$F/releases"_qs, u"--oob"_qs, u"$F/oob/oobmigrations-whatif-6x.yaml"_qs};
    QTest::newRow("plan-sample") << false << QStringList{u"plan"_qs, u"--from"_qs, u"1.0.0"_qs, u"--to"_qs, u"2.1.0"_qs};
    QTest::newRow("windows-sample") << false << QStringList{u"windows"_qs, u"--propose"_qs, u"3=2.0"_qs};
    QTest::newRow("simulate-sample") << false << QStringList{u"simulate"_qs, u"--from"_qs, u"1.0.0"_qs, u"--to"_qs, u"2.1.0"_qs};
    QTest::newRow("plan-real") << true
                               << QStringList{u"plan"_qs, u"--from"_qs, u"5.9.45"_qs, u"--to"_qs, u"7.2.1943"_qs} + realSources;
    // A second pair: its headings move to the next page, which once left stale positions behind.
    QTest::newRow("plan-real-6.2") << true
                                   << QStringList{u"plan"_qs, u"--from"_qs, u"6.2.3841"_qs, u"--to"_qs, u"7.1.0"_qs} + realSources;
    QTest::newRow("windows-real") << true
                                  << QStringList{u"windows"_qs, u"--customers"_qs, u"$F/customers-example.csv"_qs,
                                                 u"--propose"_qs, u"25=6.9"_qs} + realSources;
    QTest::newRow("simulate-real") << true
                                   << QStringList{u"simulate"_qs, u"--from"_qs, u"6.10.0"_qs, u"--to"_qs, u"7.2.1943"_qs}
                                          + realSources;
}

void TestPdfReport::cliPdf()
{
    QFETCH(bool, real);
    QFETCH(QStringList, args);
    PASSLANE_REQUIRE_PDFTOTEXT();
    QString fixtures;
    if (real) {
        PASSLANE_REQUIRE_FIXTURES(found);
        fixtures = found;
    }
    args = withFixtures(args, fixtures);

    // The HTML of the same question names the title every printed page must show.
    const test::CliRun html = test::runCli(args + QStringList{u"--format"_qs, u"html"_qs});
    QVERIFY2(html.exitCode == 0 || html.exitCode == 1, html.err.constData());
    const QString title = htmlTitle(html.out);
    QVERIFY2(!title.isEmpty(), "the HTML report has no <title>");

    const QString pdfPath = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".pdf"_qs);
    const test::CliRun run = test::runCli(args + QStringList{u"--format"_qs, u"pdf"_qs, u"--out"_qs, pdfPath});
    QVERIFY2(run.exitCode == html.exitCode, run.err.constData());
    QVERIFY2(run.out.isEmpty(), "with --out, the PDF goes to the file, not stdout");
    // Every export says where it went.
    QVERIFY2(run.err.contains(QByteArray("wrote " + QFileInfo(pdfPath).absoluteFilePath().toUtf8())), run.err.constData());
    QFile file(pdfPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");

    const test::PdfText pdf = test::readPdfWords(pdfPath);
    const QString problems = printedProblems(pdf, title, html.out);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    qInfo("%s: %lld page(s), smallest word %.2f pt high", QTest::currentDataTag(), qlonglong(pdf.pages.size()),
          test::smallestWordHeight(pdf));

    // A plan's header and runbook reach the printed page too: the values the JSON of the same
    // question gives, word for word.
    if (args.first() != u"plan")
        return;
    const test::CliRun json = test::runCli(args + QStringList{u"--format"_qs, u"json"_qs});
    const QJsonObject root = QJsonDocument::fromJson(json.out).object();
    const QJsonObject header = root.value(u"header"_qs).toObject();
    const QJsonObject sources = header.value(u"sources"_qs).toObject();
    QStringList expected{u"About this report"_qs, header.value(u"date"_qs).toString(),
                         header.value(u"passlane_version"_qs).toString(), sources.value(u"digest"_qs).toString(),
                         sources.value(u"first"_qs).toString(), sources.value(u"last"_qs).toString(),
                         QString::number(sources.value(u"count"_qs).toInt()), u"Runbook"_qs};
    for (const QJsonValue &r : header.value(u"registries"_qs).toArray())
        expected << r.toString();
    const QJsonArray runbook = root.value(u"runbook"_qs).toArray();
    QVERIFY(!runbook.isEmpty());
    for (const QJsonValue &step : runbook) {
        const QJsonObject o = step.toObject();
        expected << o.value(u"migrator_command"_qs).toString();
        if (!o.value(u"manual_note"_qs).toString().isEmpty())
            expected << o.value(u"manual_note"_qs).toString();
    }
    QStringList all;
    for (const test::PdfPage &page : pdf.pages)
        all << page.text();
    const QString printed = all.join(QLatin1Char(' '));
    for (const QString &text : std::as_const(expected)) {
        QVERIFY2(!text.isEmpty(), "an empty header or runbook field in the JSON");
        const QString words = text.simplified();
        QVERIFY2(printed.contains(words), qPrintable(u"not in the PDF: "_qs + words));
    }
}

void TestPdfReport::cliPdfToPipe()
{
    // `--out -` (and no --out) write the PDF to stdout when it is not a terminal.
    const QStringList args{u"plan"_qs, u"--from"_qs, u"1.0.0"_qs, u"--to"_qs, u"2.1.0"_qs, u"--format"_qs, u"pdf"_qs};
    const test::CliRun dash = test::runCli(args + QStringList{u"--out"_qs, u"-"_qs});
    QVERIFY2(dash.exitCode == 0 || dash.exitCode == 1, dash.err.constData());
    QVERIFY(dash.out.startsWith("%PDF-"));
    QVERIFY(dash.out.trimmed().endsWith("%%EOF"));
    const test::CliRun none = test::runCli(args);
    QCOMPARE(none.exitCode, dash.exitCode);
    QVERIFY(none.out.startsWith("%PDF-"));
    // A format that does not exist is still refused, naming the choices.
    const test::CliRun bad = test::runCli({u"plan"_qs, u"--from"_qs, u"1.0.0"_qs, u"--to"_qs, u"2.1.0"_qs, u"--format"_qs, u"ps"_qs});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("pdf"), bad.err.constData());
}

void TestPdfReport::guiPdf_data()
{
    QTest::addColumn<bool>("real");
    QTest::addColumn<int>("kind");
    QTest::newRow("plan-sample") << false << int(ScenarioReportKind::Plan);
    QTest::newRow("windows-sample") << false << int(ScenarioReportKind::Windows);
    QTest::newRow("plan-real") << true << int(ScenarioReportKind::Plan);
}

void TestPdfReport::guiPdf()
{
    QFETCH(bool, real);
    QFETCH(int, kind);
    PASSLANE_REQUIRE_PDFTOTEXT();
    std::shared_ptr<const Catalog> catalog;
    QString from = u"1.0.0"_qs, to = u"2.1.0"_qs;
    if (real) {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        catalog = test::loadSourcegraph(fixtures);
        from = u"5.9.45"_qs;
        to = u"7.2.1943"_qs;
    } else {
        catalog = test::loadBundledSample();
    }
    QVERIFY(catalog);
    Document doc;
    doc.setCatalog(catalog);
    doc.setPlanRequest(*Version::parse(from), *Version::parse(to));
    QVERIFY(doc.runner()->waitForIdle());
    ReportExporter exporter(&doc);
    exporter.setKind(ScenarioReportKind(kind));

    const QString title = exporter.writer().title().simplified();
    const QByteArray html = exporter.render(ExportFormat::Html);
    const QString pdfPath = m_dir.filePath(u"gui-"_qs + QString::fromLatin1(QTest::currentDataTag()) + u".pdf"_qs);
    const QString error = exporter.write(ExportFormat::Pdf, pdfPath);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const test::PdfText pdf = test::readPdfWords(pdfPath);
    QString problems = printedProblems(pdf, title, html);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    qInfo("gui %s: %lld page(s), smallest word %.2f pt high", QTest::currentDataTag(), qlonglong(pdf.pages.size()),
          test::smallestWordHeight(pdf));

    // Print and Print Preview paint the same report on a device whose pages keep one
    // orientation: same page count, every page portrait, nothing off the page.
    const QString printedPath = m_dir.filePath(u"printed-"_qs + QString::fromLatin1(QTest::currentDataTag()) + u".pdf"_qs);
    {
        QPdfWriter writer(printedPath);
        writer.setPageLayout(reportPageLayout(QLocale(QLocale::German, QLocale::Germany)));
        const QString printError = exporter.print(&writer);
        QVERIFY2(printError.isEmpty(), qPrintable(printError));
    }
    const test::PdfText printed = test::readPdfWords(printedPath);
    problems = printedProblems(printed, title, html);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(printed.pages.size(), pdf.pages.size());
    for (const test::PdfPage &page : printed.pages)
        QVERIFY2(page.height > page.width, "a printed page turned landscape");
}

void TestPdfReport::exportFolderExists()
{
    // The export dialog starts in the folder last exported to while it exists, else in one
    // that does.
    const QString kept = m_dir.filePath(u"exports"_qs);
    QVERIFY(QDir().mkpath(kept));
    QSettings().setValue(u"export/folder"_qs, kept);
    QCOMPARE(ExportReportDialog::startFolder(), kept);
    QVERIFY(QDir(kept).removeRecursively());
    const QString start = ExportReportDialog::startFolder();
    QVERIFY2(start != kept && QFileInfo(start).isDir(), qPrintable(start));
}

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
