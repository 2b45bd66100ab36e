// Report export through the dialog: every format written from the core writers, with the
// plan's stops in it; PDF through Qt PrintSupport.
#include "planningtestutil.h"

#include "document/document.h"
#include "export/exportreportdialog.h"
#include "export/reportexporter.h"
#include "document/scenariorunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace passlane;

class TestReportExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportFormats_data();
    void exportFormats();
    void withSimulation();
    void withProposals();

private:
    std::shared_ptr<const Catalog> m_sample;
};

void TestReportExport::initTestCase()
{
    test::isolatePlanningSettings();
    m_sample = test::loadBundledSample();
    QVERIFY(m_sample);
}

void TestReportExport::exportFormats_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("html") << int(ExportFormat::Html) << "html";
    QTest::newRow("pdf") << int(ExportFormat::Pdf) << "pdf";
    QTest::newRow("markdown") << int(ExportFormat::Markdown) << "md";
    QTest::newRow("json") << int(ExportFormat::Json) << "json";
}

void TestReportExport::exportFormats()
{
    QFETCH(int, format);
    QFETCH(QString, suffix);
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    ScenarioRunner *runner = doc.runner();
    QVERIFY(runner->waitForIdle());
    QVERIFY(runner->evaluation() && runner->evaluation()->plan);
    const QStringList stops{QStringLiteral("1.3.0"), QStringLiteral("2.0.0")};
    QCOMPARE(runner->evaluation()->plan->stops.size(), stops.size());

    QTemporaryDir dir;
    ExportReportDialog dialog(&doc);
    dialog.setFolder(dir.path());
    dialog.setBaseName(QStringLiteral("report"));
    dialog.setFormats({ExportFormat(format)});
    const QStringList written = dialog.exportFiles();
    QVERIFY2(dialog.errors().isEmpty(), qPrintable(dialog.errors().join(QLatin1Char('\n'))));
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first(), dir.filePath(QStringLiteral("report.") + suffix));
    QFile file(written.first());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY(data.size() > 100);

    switch (ExportFormat(format)) {
    case ExportFormat::Pdf:
        QVERIFY(data.startsWith("%PDF"));
        break;
    case ExportFormat::Html: {
        const QString html = QString::fromUtf8(data);
        QVERIFY(html.contains(QStringLiteral("<html"), Qt::CaseInsensitive));
        for (const QString &stop : stops)
            QVERIFY2(html.contains(stop), qPrintable(stop));
        break;
    }
    case ExportFormat::Markdown: {
        const QString md = QString::fromUtf8(data);
        QVERIFY(md.contains(QStringLiteral("| ")));
        QVERIFY(md.contains(QStringLiteral("|---")) || md.contains(QStringLiteral("| ---")) || md.contains(QStringLiteral("|:--")));
        for (const QString &stop : stops)
            QVERIFY(md.contains(stop));
        break;
    }
    case ExportFormat::Json: {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(data, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = json.object();
        for (const char *key : {"from", "to", "kind", "stops", "steps", "hops", "standard_path", "problems", "scenario", "findings", "lint"})
            QVERIFY2(root.contains(QLatin1String(key)), key);
        QCOMPARE(root.value(QStringLiteral("from")).toString(), QStringLiteral("1.0.0"));
        QCOMPARE(root.value(QStringLiteral("to")).toString(), QStringLiteral("2.1.0"));
        QStringList got;
        for (const QJsonValue &s : root.value(QStringLiteral("stops")).toArray())
            got << s.toObject().value(QStringLiteral("version")).toString();
        QCOMPARE(got, stops);
        break;
    }
    }
}

void TestReportExport::withSimulation()
{
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    ScenarioRunner *runner = doc.runner();
    QVERIFY(runner->waitForIdle());
    QVERIFY(runner->simulate(SimulationRequest{}));
    QVERIFY(runner->waitForIdle());
    QVERIFY(runner->evaluation() && runner->evaluation()->simulation);

    ReportExporter exporter(&doc);
    QVERIFY(exporter.hasSimulation());
    const QJsonObject root = QJsonDocument::fromJson(exporter.render(ExportFormat::Json)).object();
    QVERIFY(root.contains(QStringLiteral("simulation")));
    QVERIFY(!root.value(QStringLiteral("simulation")).toObject().value(QStringLiteral("timeline")).toArray().isEmpty());
    exporter.setIncludeSimulation(false);
    QVERIFY(!QJsonDocument::fromJson(exporter.render(ExportFormat::Json)).object().contains(QStringLiteral("simulation")));

    // Another question drops the rehearsal: it belonged to the old plan.
    doc.setPlanRequest(*Version::parse(u"1.1.0"), *Version::parse(u"2.1.0"));
    QVERIFY(runner->waitForIdle());
    exporter.setIncludeSimulation(true);
    QVERIFY(!exporter.hasSimulation());
    const QJsonObject other = QJsonDocument::fromJson(exporter.render(ExportFormat::Json)).object();
    QCOMPARE(other.value(QStringLiteral("from")).toString(), QStringLiteral("1.1.0"));
    QVERIFY(!other.contains(QStringLiteral("simulation")));
}

void TestReportExport::withProposals()
{
    // A what-if plan says so; the fleet's window analysis is a report of its own.
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    doc.setProposal(3, MinorVersion{2, 0});
    QVERIFY(doc.runner()->waitForIdle());
    ReportExporter exporter(&doc);
    const QJsonObject root = QJsonDocument::fromJson(exporter.render(ExportFormat::Json)).object();
    QCOMPARE(root.value(QStringLiteral("from")).toString(), QStringLiteral("1.0.0"));
    QVERIFY(!root.contains(QStringLiteral("rows"))); // no fleet analysis in a customer's plan
    const QJsonArray whatIf = root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("what_if")).toArray();
    QCOMPARE(whatIf.size(), 1);
    QCOMPARE(whatIf.first().toObject().value(QStringLiteral("id")).toInt(), 3);
    QCOMPARE(whatIf.first().toObject().value(QStringLiteral("deprecated")).toString(), QStringLiteral("2.0"));
    const QString md = QString::fromUtf8(exporter.render(ExportFormat::Markdown));
    QVERIFY(md.startsWith(QStringLiteral("# What-if upgrade plan")));
    QVERIFY(md.contains(QStringLiteral("OOB 3 deprecated at 2.0 (registry: never)")));

    exporter.setKind(ScenarioReportKind::Windows);
    const QJsonObject windows = QJsonDocument::fromJson(exporter.render(ExportFormat::Json)).object();
    QVERIFY(windows.contains(QStringLiteral("rows")));
    QCOMPARE(windows.value(QStringLiteral("proposals")).toArray().size(), 1);
}

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
