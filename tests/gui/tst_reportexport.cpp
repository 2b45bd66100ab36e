// Report export through the dialog: every format written from the core writers, with the
// plan's stops in it; PDF through Qt PrintSupport.
#include "planningtestutil.h"

#include "document/document.h"
#include "export/exportreportdialog.h"
#include "export/reportexporter.h"
#include "planner/planrunner.h"
#include "simulation/simulationrunner.h"

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
    PlanRunner *runner = PlanRunner::forDocument(&doc);
    QVERIFY(runner->waitForIdle());
    QVERIFY(runner->plan());
    const QStringList stops{QStringLiteral("1.3.0"), QStringLiteral("2.0.0")};
    QCOMPARE(runner->plan()->stops.size(), stops.size());

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
        for (const char *key : {"from", "to", "kind", "stops", "steps", "hops", "standard_path", "warnings", "errors"})
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
    QVERIFY(PlanRunner::forDocument(&doc)->waitForIdle());
    SimulationRunner *sim = SimulationRunner::forDocument(&doc);
    SimulationStart start;
    start.release = Version::parse(u"1.0.0");
    QVERIFY(sim->start(start, *Version::parse(u"2.1.0"), SimulationRequest{}));
    QVERIFY(sim->waitForFinished());
    QVERIFY(sim->lastResult());

    ReportExporter exporter(&doc);
    QVERIFY(exporter.hasSimulation());
    const QJsonObject root = QJsonDocument::fromJson(exporter.render(ExportFormat::Json)).object();
    QVERIFY(root.contains(QStringLiteral("simulation")));
    QVERIFY(!root.value(QStringLiteral("simulation")).toObject().value(QStringLiteral("timeline")).toArray().isEmpty());
    exporter.setIncludeSimulation(false);
    QVERIFY(!QJsonDocument::fromJson(exporter.render(ExportFormat::Json)).object().contains(QStringLiteral("simulation")));
}

void TestReportExport::withProposals()
{
    // A what-if deprecation adds the window analysis next to the plan.
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    doc.setProposal(3, MinorVersion{2, 0});
    QVERIFY(PlanRunner::forDocument(&doc)->waitForIdle());
    ReportExporter exporter(&doc);
    const QJsonObject root = QJsonDocument::fromJson(exporter.render(ExportFormat::Json)).object();
    QCOMPARE(root.value(QStringLiteral("from")).toString(), QStringLiteral("1.0.0"));
    QVERIFY(root.contains(QStringLiteral("window_analysis")));
    const QString md = QString::fromUtf8(exporter.render(ExportFormat::Markdown));
    QVERIFY(md.contains(QStringLiteral("OOB 3")) || md.contains(QStringLiteral("| 3 ")));
}

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
