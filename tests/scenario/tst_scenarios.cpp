// One question, one answer: every golden scenario (tests/data/scenarios/<name>/) is asked
// through passlane-cli and through the desktop application's document, runner and exporter, and
// both must write the folder's expected.json byte for byte.
#include "clirun.h"
#include "document/document.h"
#include "document/scenariorunner.h"
#include "export/reportexporter.h"
#include "mainwindow.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace passlane;

namespace {

const QString scenariosDir = QStringLiteral(PASSLANE_SOURCE_DIR "/tests/data/scenarios");

struct Case {
    QString dir;
    QJsonObject spec;
    QString project() const { return dir + QStringLiteral("/project.passlane"); }
    QString expectedFile() const { return dir + QStringLiteral("/expected.json"); }
    QString report() const { return spec.value(QStringLiteral("report")).toString(); }
    QString text(const char *key) const { return spec.value(QLatin1String(key)).toString(); }
    std::optional<Version> version(const char *key) const
    {
        return spec.contains(QLatin1String(key)) ? Version::parse(text(key)) : std::nullopt;
    }
    bool simulate() const { return spec.value(QStringLiteral("simulate")).toBool(); }
};

Case readCase(const QString &name)
{
    Case c;
    c.dir = scenariosDir + u'/' + name;
    QFile f(c.dir + QStringLiteral("/case.json"));
    if (f.open(QIODevice::ReadOnly))
        c.spec = QJsonDocument::fromJson(f.readAll()).object();
    return c;
}

/// The case as a command line: the same question a user would type.
test::CliRun askCli(const Case &c)
{
    const bool windows = c.report() == u"windows";
    QStringList args{windows ? QStringLiteral("windows") : c.simulate() ? QStringLiteral("simulate") : QStringLiteral("plan"),
                     QStringLiteral("--project"), c.project(), QStringLiteral("--format"), QStringLiteral("json")};
    if (!c.text("from").isEmpty())
        args << QStringLiteral("--from") << c.text("from");
    if (!c.text("to").isEmpty())
        args << QStringLiteral("--to") << c.text("to");
    if (!c.text("customer").isEmpty())
        args << QStringLiteral("--customer") << c.text("customer");
    return test::runCli(args);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Asks the document the case's question the way the views do, and waits for the answer.
bool ask(Document *doc, const Case &c)
{
    ScenarioRunner *runner = doc->runner();
    if (!c.text("customer").isEmpty()) {
        ScenarioStart start;
        start.kind = ScenarioStart::Kind::Customer;
        start.customer = c.text("customer");
        doc->setQuestion(start, c.version("from"), c.version("to"));
    } else if (c.version("from")) {
        doc->setPlanRequest(*c.version("from"), *c.version("to"));
    } else {
        doc->setQuestion({}, std::nullopt, c.version("to"));
    }
    if (c.simulate() && !runner->simulate(SimulationRequest{}))
        return false;
    return runner->waitForIdle();
}

QByteArray exportJson(Document *doc, const Case &c)
{
    ReportExporter exporter(doc);
    exporter.setKind(c.report() == u"windows" ? ScenarioReportKind::Windows : ScenarioReportKind::Plan);
    return exporter.render(ExportFormat::Json);
}

void addCases()
{
    QTest::addColumn<QString>("name");
    const QStringList names = QDir(scenariosDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Reports carry their date: both front ends read it from here (the CLI inherits it).
        qputenv("SOURCE_DATE_EPOCH", "1700000000");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("PasslaneTest"));
        QCoreApplication::setApplicationName(QStringLiteral("PasslaneScenarioTest"));
        QVERIFY2(QDir(scenariosDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() >= 6, qPrintable(scenariosDir));
    }

    void cli_data() { addCases(); }
    void cli()
    {
        QFETCH(QString, name);
        const Case c = readCase(name);
        QVERIFY2(!c.spec.isEmpty(), "case.json is missing or not a JSON object");
        const test::CliRun r = askCli(c);
        if (!c.text("expect_error").isEmpty()) {
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(c.text("expect_error").toUtf8()), r.err.constData());
            QVERIFY(r.out.isEmpty());
            return;
        }
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
        if (qEnvironmentVariable("PASSLANE_UPDATE_GOLDEN") == u"1") {
            QFile out(c.expectedFile());
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(r.out);
        }
        const QByteArray expected = readFile(c.expectedFile());
        QVERIFY2(!expected.isEmpty(), qPrintable(c.expectedFile() + QStringLiteral(" is missing")));
        QCOMPARE(r.out, expected);
    }

    void gui_data() { addCases(); }
    void gui()
    {
        QFETCH(QString, name);
        const Case c = readCase(name);
        MainWindow window;
        window.setProperty("quietErrors", true);
        Document *doc = window.document();
        QSignalSpy loaded(&window, &MainWindow::catalogLoaded);
        QSignalSpy failed(&window, &MainWindow::loadFailed);

        if (!c.text("expect_error").isEmpty()) {
            // Opening is a transaction: a failed open leaves the open document untouched.
            window.openBundledSample();
            QVERIFY(loaded.wait(60000));
            QVERIFY(ask(doc, c));
            const QByteArray before = exportJson(doc, c);
            QVERIFY(!before.isEmpty());
            const QString title = window.windowTitle();
            const auto catalog = doc->catalog();
            const Project project = doc->project();
            window.openProject(c.project());
            QVERIFY(failed.wait(60000));
            QVERIFY2(failed.first().first().toString().contains(c.text("expect_error")),
                     qPrintable(failed.first().first().toString()));
            QCOMPARE(window.windowTitle(), title);
            QCOMPARE(doc->filePath(), QString());
            QCOMPARE(doc->catalog(), catalog);
            QCOMPARE(doc->project().sources, project.sources);
            QCOMPARE(doc->project().oobFiles, project.oobFiles);
            QVERIFY(doc->runner()->waitForIdle());
            QCOMPARE(exportJson(doc, c), before);
            return;
        }

        window.openProject(c.project());
        QVERIFY2(loaded.wait(60000), failed.isEmpty() ? "load timed out" : qPrintable(failed.first().first().toString()));
        QCOMPARE(doc->filePath(), QFileInfo(c.project()).absoluteFilePath());
        if (c.spec.contains(QStringLiteral("simulate_first"))) {
            // A rehearsal of another pair must never end up in this pair's report.
            const QJsonObject first = c.spec.value(QStringLiteral("simulate_first")).toObject();
            doc->setPlanRequest(*Version::parse(first.value(QStringLiteral("from")).toString()),
                                *Version::parse(first.value(QStringLiteral("to")).toString()));
            QVERIFY(doc->runner()->simulate(SimulationRequest{}));
            QVERIFY(doc->runner()->waitForIdle());
            QVERIFY(doc->runner()->evaluation() && doc->runner()->evaluation()->simulation);
        }
        QVERIFY(ask(doc, c));
        QVERIFY2(doc->runner()->evaluation(), qPrintable(doc->runner()->error()));
        QCOMPARE(bool(doc->runner()->evaluation()->simulation), c.simulate());
        const QByteArray expected = readFile(c.expectedFile());
        QVERIFY2(!expected.isEmpty(), qPrintable(c.expectedFile() + QStringLiteral(" is missing")));
        QCOMPARE(exportJson(doc, c), expected);
    }
};

QTEST_MAIN(TestScenarios)
#include "tst_scenarios.moc"
