// The Simulation tab: Run on the in-memory SQLite backend off the GUI thread, then the timeline
// table and the OOB chart show the simulator's result; failure injection and Cancel work.
#include "planningtestutil.h"

#include "document/document.h"
#include "models/timelinemodel.h"
#include "document/scenariorunner.h"
#include "simulation/oobprogresschart.h"
#include "simulation/oobprogressoverridesmodel.h"
#include "simulation/progressmodeleditor.h"
#include "simulation/simulationview.h"
#include "planner/plannerview.h"
#include "planner/tworoadspanel.h"
#include "scenario/evaluate.h"
#include "simulator/oobprogress.h"

#include <QAbstractItemModelTester>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QUndoStack>

#include <QComboBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include "simulation/simulationconnectiondialog.h"
#include "simulator/customerexport.h"
#include "simulator/pgconnection.h"

#include <QLabel>

using namespace passlane;

class TestSimulationView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runSqlite_data();
    void runSqlite();
    void injectFailure_data();
    void injectFailure();
    void cancelRealRun();
    void startFromCustomerExport();
    void passwordStaysInMemory();
    void testConnection_data();
    void testConnection();
    void chartTimeTicks_data();
    void chartTimeTicks();
    void chartEndsWithTheRun();
    void progressModelEditor();
    void assumptionsStated_data();
    void assumptionsStated();
    void twoRoadsBesideTheRehearsal();
    void liveTimeline_data();
    void liveTimeline();
    void chartReadableInDarkTheme_data();
    void chartReadableInDarkTheme();
    void chartLegendFits_data();
    void chartLegendFits();

private:
    std::shared_ptr<const Catalog> m_sample;
};

void TestSimulationView::initTestCase()
{
    test::isolatePlanningSettings();
    m_sample = test::loadBundledSample();
    QVERIFY(m_sample);
}

void TestSimulationView::runSqlite_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("1.0.0 -> 2.1.0") << "1.0.0" << "2.1.0";
    QTest::newRow("1.2.0 -> 2.0.2") << "1.2.0" << "2.0.2";
    QTest::newRow("1.1.0 -> 1.1.4") << "1.1.0" << "1.1.4";
}

void TestSimulationView::runSqlite()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(from), *Version::parse(to));
    SimulationView view(&doc);
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(doc.runner()->waitForIdle());

    QSignalSpy started(view.runner(), &ScenarioRunner::simulationStarted);
    QSignalSpy finished(view.runner(), &ScenarioRunner::simulationFinished);
    auto *run = view.findChild<QPushButton *>(QStringLiteral("runButton"));
    auto *cancel = view.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QTest::mouseClick(run, Qt::LeftButton);
    QTRY_COMPARE(started.count(), 1);
    QVERIFY(view.runner()->waitForIdle());
    QCOMPARE(finished.count(), 1);
    QVERIFY(run->isEnabled());
    QVERIFY(!cancel->isEnabled());

    const auto evaluation = view.runner()->evaluation();
    QVERIFY2(evaluation && evaluation->simulation, qPrintable(view.runner()->error()));
    const SimulationResult &r = *evaluation->simulation;
    QVERIFY2(r.completed, qPrintable(r.failure));
    QCOMPARE(r.from, from);
    QCOMPARE(r.to, to);
    QVERIFY(!r.timeline.isEmpty());

    // The table shows every event of the result, in order.
    TimelineModel *model = view.timelineModel();
    QCOMPARE(model->rowCount(), r.timeline.size());
    QStringList reached;
    int applied = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex idx = model->index(row, 0);
        const auto kind = EventKind(idx.data(TimelineModel::KindRole).toInt());
        QCOMPARE(kind, r.timeline[row].kind);
        if (kind == EventKind::StopReached)
            reached << idx.data(TimelineModel::VersionRole).toString();
        if (kind == EventKind::MigrationApplied)
            ++applied;
    }
    QCOMPARE(applied, r.totals.migrationsApplied);
    for (const QString &stop : r.stops)
        QVERIFY2(reached.contains(stop) || stop == to, qPrintable(stop));
    QCOMPARE(model->index(model->rowCount() - 1, 0).data(TimelineModel::KindRole).toInt(), int(EventKind::Finished));

    // The chart has one series per OOB migration that progressed.
    QSet<int> oobSeen;
    for (const TimelineEvent &e : r.timeline)
        if (e.oobId && e.progress >= 0)
            oobSeen.insert(*e.oobId);
    QCOMPARE(view.chart()->series().size(), oobSeen.size());

    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-simulation-%1-%2.png").arg(from, to)));
}

void TestSimulationView::injectFailure_data()
{
    QTest::addColumn<QString>("failurePrefix");
    QTest::addColumn<int>("failedKind");
    QTest::newRow("OOB 1") << "OOB 1" << int(EventKind::OobFailed);
    QTest::newRow("schema migration") << "main 1000000021" << int(EventKind::MigrationFailed);
}

void TestSimulationView::injectFailure()
{
    QFETCH(QString, failurePrefix);
    QFETCH(int, failedKind);
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    SimulationView view(&doc);
    view.show();
    QVERIFY(doc.runner()->waitForIdle());

    auto *failure = view.findChild<QComboBox *>(QStringLiteral("failureCombo"));
    const int index = failure->findText(failurePrefix, Qt::MatchStartsWith);
    QVERIFY2(index > 0, qPrintable(failurePrefix));
    failure->setCurrentIndex(index);
    view.run();
    QVERIFY(view.runner()->waitForIdle());
    const auto evaluation = view.runner()->evaluation();
    QVERIFY2(evaluation && evaluation->simulation, qPrintable(view.runner()->error()));
    QVERIFY(!evaluation->simulation->completed);
    QVERIFY(!evaluation->simulation->failure.isEmpty());
    bool failedRow = false;
    for (int row = 0; row < view.timelineModel()->rowCount(); ++row) {
        const QModelIndex idx = view.timelineModel()->index(row, 0);
        if (idx.data(TimelineModel::KindRole).toInt() == failedKind) {
            failedRow = true;
            QVERIFY(idx.data(TimelineModel::IsFailureRole).toBool());
        }
    }
    QVERIFY(failedRow);
}

void TestSimulationView::cancelRealRun()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    const auto catalog = test::loadSourcegraph(fixtures);
    QVERIFY(catalog);
    Document doc;
    doc.setCatalog(catalog);
    doc.setPlanRequest(*Version::parse(u"5.8.1579"), catalog->graph.versions().last());
    SimulationView view(&doc);
    view.show();
    QVERIFY(doc.runner()->waitForIdle(60000));

    QSignalSpy progress(view.runner(), &ScenarioRunner::simulationProgress);
    view.run();
    QVERIFY(view.runner()->isBusy());
    // Cancel as soon as the run reports its first migrations.
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0 || !view.runner()->isBusy(), 60000);
    const bool wasRunning = view.runner()->isBusy();
    view.cancel();
    QVERIFY(view.runner()->waitForIdle());
    const auto evaluation = view.runner()->evaluation();
    QVERIFY2(evaluation && evaluation->simulation, qPrintable(view.runner()->error()));
    if (!wasRunning)
        QSKIP("the run finished before it could be canceled");
    QVERIFY(evaluation->simulation->canceled);
    QVERIFY(!evaluation->simulation->completed);
    QCOMPARE(view.timelineModel()->rowCount(), evaluation->simulation->timeline.size());
    qInfo("canceled after %d progress reports, %d timeline rows", int(progress.count()), int(evaluation->simulation->timeline.size()));
}

void TestSimulationView::startFromCustomerExport()
{
    // A customer's export (here: what 1.2.0 looks like, written by the simulator's own writer).
    const Result<StartState> state = StartState::fromRelease(*m_sample, *Version::parse(u"1.2.0"), 0.5,
                                                             QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(state.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("customer.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(CustomerExport::toJson(state.value(), QStringLiteral("acme")));
    file.close();

    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    SimulationView view(&doc);
    view.show();
    view.findChild<QRadioButton *>(QStringLiteral("startExportRadio"))->setChecked(true);
    view.findChild<QLineEdit *>(QStringLiteral("exportEdit"))->setText(path);
    view.run();
    QVERIFY(view.runner()->waitForIdle());
    const auto evaluation = view.runner()->evaluation();
    QVERIFY2(evaluation && evaluation->simulation, qPrintable(view.runner()->error()));
    QVERIFY(evaluation->plan);
    QCOMPARE(evaluation->plan->from.toString(), QStringLiteral("1.2.0")); // the export's version, not the picker's
    QVERIFY2(evaluation->simulation->completed, qPrintable(evaluation->simulation->failure));
    QCOMPARE(view.timelineModel()->rowCount(), evaluation->simulation->timeline.size());
}

void TestSimulationView::passwordStaysInMemory()
{
    PostgresConnection c;
    c.host = QStringLiteral("db.example");
    c.user = QStringLiteral("sg");
    c.database = QStringLiteral("postgres");
    c.password = QStringLiteral("s3cr3t'pw");
    QVERIFY(!c.conninfo(false).contains(QStringLiteral("s3cr3t")));
    QVERIFY(c.conninfo(true).contains(QStringLiteral("password='s3cr3t\\'pw'")));
    SimulationConnectionDialog dialog(c);
    QCOMPARE(dialog.connection().password, c.password);
    SimulationConnectionDialog::saveSettings(dialog.connection());
    QSettings settings;
    settings.sync();
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(QStringLiteral("s3cr3t")), qPrintable(key));
    QFile raw(settings.fileName());
    if (raw.open(QIODevice::ReadOnly))
        QVERIFY(!raw.readAll().contains("s3cr3t"));
    const PostgresConnection loaded = SimulationConnectionDialog::loadSettings();
    QCOMPARE(loaded.host, c.host);
    QVERIFY(loaded.password.isEmpty());
}

void TestSimulationView::testConnection_data()
{
    QTest::addColumn<bool>("server");
    QTest::newRow("nothing listens") << false;
    QTest::newRow("the test server") << true;
}

/// "Test Connection" answers from a worker thread: the server's version and the role's rights,
/// or the error naming where it tried; the dialog stays responsive meanwhile.
void TestSimulationView::testConnection()
{
    QFETCH(bool, server);
    PostgresConnection c;
    c.database = QStringLiteral("postgres");
    if (server) {
        const QString dsn = qEnvironmentVariable("PASSLANE_TEST_PG");
        if (dsn.isEmpty()) {
            if (test::runningInCi())
                QFAIL("PASSLANE_TEST_PG is unset and CI=true");
            QSKIP("PASSLANE_TEST_PG is unset (eval \"$(bash tests/support/pgcluster.sh start)\")");
        }
        const auto info = PgConnectionInfo::parse(dsn);
        QVERIFY(info.ok());
        c.host = info->host();
        c.port = info->value(u"port").isEmpty() ? 5432 : info->value(u"port").toInt();
        c.user = info->user();
    } else {
        c.host = QStringLiteral("127.0.0.1");
        c.port = 1; // nothing listens there: refused at once
        c.user = QStringLiteral("nobody");
    }
    SimulationConnectionDialog dialog(c);
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("testButton"));
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("testLabel"));
    QVERIFY(button && label);
    QSignalSpy tested(&dialog, &SimulationConnectionDialog::connectionTested);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled()); // one test at a time
    QVERIFY(tested.wait(30000));
    QCOMPARE(tested.first().first().toBool(), server);
    QVERIFY(button->isEnabled());
    if (server) {
        QVERIFY2(label->text().contains(QStringLiteral("Connected: PostgreSQL")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(c.user), qPrintable(label->text()));
    } else {
        QVERIFY2(label->text().contains(QStringLiteral("127.0.0.1")), qPrintable(label->text()));
    }
    // Another setting makes the answer stale.
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit")), QStringLiteral("x"));
    QVERIFY(label->text().isEmpty());
}

void TestSimulationView::chartTimeTicks_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<QString>("unit");
    QTest::newRow("under a second") << qint64(800) << 5 << u"ms"_qs;
    QTest::newRow("68 s") << qint64(68000) << 5 << u"s"_qs;
    QTest::newRow("2 h 15 min") << qint64(8100000) << 5 << u"min"_qs;
    QTest::newRow("2 h 15 min, room for 2") << qint64(8100000) << 2 << u"h"_qs;
    QTest::newRow("30 h") << qint64(30 * 3600000LL) << 5 << u"h"_qs;
    QTest::newRow("ten days") << qint64(240 * 3600000LL) << 4 << u"h"_qs;
}

/// The chart's time axis: 0, then even steps in one unit, never past the run, covering it.
void TestSimulationView::chartTimeTicks()
{
    QFETCH(qint64, span);
    QFETCH(int, maxTicks);
    QFETCH(QString, unit);
    const auto ticks = OobProgressChart::timeTicks(span, maxTicks);
    QVERIFY(ticks.size() >= 2);
    QVERIFY(ticks.size() <= maxTicks + 1);
    QCOMPARE(ticks.first().ms, qint64(0));
    const qint64 step = ticks.at(1).ms;
    for (qsizetype i = 1; i < ticks.size(); ++i)
        QCOMPARE(ticks.at(i).ms - ticks.at(i - 1).ms, step);
    QVERIFY(ticks.last().ms <= span);
    QVERIFY(ticks.last().ms + step > span);
    for (const auto &tick : ticks)
        QVERIFY2(tick.label.endsWith(u' ' + unit), qPrintable(tick.label));
}

void TestSimulationView::chartEndsWithTheRun()
{
    // An OOB migration still running in the background after the run finished.
    TimelineEvent started;
    started.kind = EventKind::OobStarted;
    started.oobId = 7;
    started.progress = 0;
    TimelineEvent progress;
    progress.kind = EventKind::OobProgress;
    progress.oobId = 7;
    progress.atMs = 600;
    progress.progress = 0.4;
    TimelineEvent finished;
    finished.kind = EventKind::Finished;
    finished.atMs = 1000;
    TimelineEvent later;
    later.kind = EventKind::OobCompleted;
    later.oobId = 7;
    later.atMs = 9000;
    later.durationMs = 500;
    later.progress = 1.0;
    OobProgressChart chart;
    chart.setTimeline({started, progress, finished, later});
    QCOMPARE(chart.endMs(), qint64(1000));
    chart.resize(700, 240);
    QVERIFY(!chart.grab().isNull()); // paints with points past the end of the axis
}

namespace {
/// Types `text` into a spin box as a user would, replacing its value, and commits with Enter.
void typeInto(QAbstractSpinBox *spin, const QString &text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

/// Simulates the document's question on SQLite through the view's Run button.
std::shared_ptr<const Evaluation> runThroughView(SimulationView &view)
{
    view.findChild<QRadioButton *>(QStringLiteral("sqliteRadio"))->setChecked(true);
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("runButton")), Qt::LeftButton);
    if (!view.runner()->waitForIdle())
        return nullptr;
    return view.runner()->evaluation();
}

} // namespace

/// The progress model is edited in the tab: the default with its spin boxes, one migration in
/// the table; each edit is one undo step, the project saves it, and the saved project answers
/// the CLI's way (evaluate()) exactly as the tab does.
void TestSimulationView::progressModelEditor()
{
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    SimulationView view(&doc);
    view.resize(1300, 760);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(doc.runner()->waitForIdle());

    ProgressModelEditor *editor = view.progressEditor();
    OobProgressOverridesModel *model = editor->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), doc.effectiveRegistry().migrations().size());
    for (int row = 0; row < model->rowCount(); ++row) {
        QVERIFY(!model->index(row, 0).data(OobProgressOverridesModel::OverriddenRole).toBool());
        QCOMPARE(model->index(row, OobProgressOverridesModel::BasisColumn).data().toString(), u"documented default"_qs);
    }
    const auto before = runThroughView(view);
    QVERIFY2(before && before->simulation, qPrintable(view.runner()->error()));
    QCOMPARE(before->simulation->totals.oobWaitMs, qint64(0)); // empty tables: nothing to wait for

    // The default, typed into its spin box.
    QUndoStack *undo = doc.undoStack();
    const int steps = undo->count();
    typeInto(editor->rowsSpin(), QStringLiteral("20000"));
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(doc.project().defaultProgress.rows, qint64(20000));
    typeInto(editor->intervalSpin(), QStringLiteral("2"));
    QCOMPARE(undo->count(), steps + 2);
    QCOMPARE(doc.project().defaultProgress.intervalSeconds, 2.0);
    QCOMPARE(model->index(0, OobProgressOverridesModel::BasisColumn).data().toString(), u"project default"_qs);

    // One migration's rows, typed into its cell.
    const int row = model->rowOf(2);
    QVERIFY(row >= 0);
    const QModelIndex rows = model->index(row, OobProgressOverridesModel::RowsColumn);
    editor->table()->setFocus();
    editor->table()->setCurrentIndex(rows);
    editor->table()->edit(rows);
    // The delegate's editor: a line edit or a spin box inside the table's viewport.
    QWidget *cellEditor = nullptr;
    for (QWidget *w : editor->table()->viewport()->findChildren<QWidget *>())
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w))
            cellEditor = cellEditor ? cellEditor : w;
    QVERIFY(cellEditor);
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(cellEditor))
        spin->selectAll();
    else if (auto *line = qobject_cast<QLineEdit *>(cellEditor))
        line->selectAll();
    QTest::keyClicks(cellEditor, QStringLiteral("90000"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    QTRY_COMPARE(undo->count(), steps + 3); // the delegate commits once the key is handled
    QVERIFY(doc.project().progressOverrides.contains(2));
    const OobProgressModel expected{90000, 500, 2.0};
    QVERIFY(sameProgressModel(doc.project().progressOverrides.value(2), expected));
    QVERIFY(rows.data(OobProgressOverridesModel::OverriddenRole).toBool());
    QCOMPARE(model->index(row, OobProgressOverridesModel::BasisColumn).data().toString(), u"this migration"_qs);
    QCOMPARE(rows.data(OobProgressOverridesModel::DurationMsRole).toLongLong(), OobProgress::msToComplete(expected, 0.0));
    QCOMPARE(rows.data(OobProgressOverridesModel::DurationMsRole).toLongLong(), qint64(180 * 2000)); // 180 batches

    // The rehearsal now waits for the OOB migrations, and says what that rests on.
    const auto after = runThroughView(view);
    QVERIFY2(after && after->simulation && after->simulation->completed, qPrintable(view.runner()->error()));
    QVERIFY(after->simulation->totals.oobWaitMs > 0);
    QVERIFY2(view.assumptionsText().contains(u"20000 rows per OOB migration, 500 per batch every 2 s (project default)"_qs),
             qPrintable(view.assumptionsText()));
    QVERIFY2(view.assumptionsText().contains(u"1 OOB migration with their own model"_qs) || view.assumptionsText().contains(u"1 OOB migration(s)"_qs),
             qPrintable(view.assumptionsText()));

    // Saved and read back, the project answers the same through evaluate(), as the CLI does.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("progress.passlane"));
    QVERIFY(doc.save(file).ok());
    const Result<Project> loaded = Project::load(file);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QCOMPARE(loaded->defaultProgress.rows, qint64(20000));
    QVERIFY(sameProgressModel(loaded->progressOverrides.value(2), expected));
    Scenario scenario;
    scenario.project = loaded.value();
    scenario.from = Version::parse(u"1.0.0");
    scenario.to = Version::parse(u"2.1.0");
    scenario.simulation = SimulationRequest{};
    const Result<Evaluation> cli = evaluate(scenario, m_sample);
    QVERIFY(cli.ok() && cli->simulation);
    QCOMPARE(cli->simulation->totals.totalMs, after->simulation->totals.totalMs);
    QCOMPARE(cli->simulation->totals.oobWaitMs, after->simulation->totals.oobWaitMs);
    QCOMPARE(cli->simulation->totals.downtimeMs, after->simulation->totals.downtimeMs);

    // "Use Default" drops the selected migration's own model, as one undo step; undo brings it back.
    editor->table()->selectRow(row);
    QVERIFY(editor->clearButton()->isEnabled());
    QTest::mouseClick(editor->clearButton(), Qt::LeftButton);
    QCOMPARE(undo->count(), steps + 4);
    QVERIFY(!doc.project().progressOverrides.contains(2));
    QVERIFY(!editor->clearButton()->isEnabled());
    undo->undo();
    QVERIFY(doc.project().progressOverrides.contains(2));
    while (undo->index() > steps)
        undo->undo();
    QVERIFY(sameProgressModel(doc.project().defaultProgress, OobProgressModel{}));
    QVERIFY(doc.project().progressOverrides.isEmpty());
    QCOMPARE(editor->rowsSpin()->value(), 0); // the spin boxes follow the document
    QCOMPARE(editor->intervalSpin()->value(), 3.0);
    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-simulation-progress-model.png")));
}

void TestSimulationView::assumptionsStated_data()
{
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<int>("overrideId");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("placeholder");
    QTest::newRow("documented defaults")
        << qint64(0) << -1
        << QStringList{u"OOB tables assumed empty, done at once (documented default)"_qs,
                       u"schema migrations: costs from documented defaults, rows unknown (tables assumed empty)"_qs}
        << true;
    QTest::newRow("project rows")
        << qint64(1500000) << -1
        << QStringList{u"1500000 rows per OOB migration, 500 per batch every 3 s (project default)"_qs,
                       u"schema migrations: costs from documented defaults"_qs}
        << false;
    QTest::newRow("one migration's model")
        << qint64(0) << 3 << QStringList{u"(documented default), 1 OOB migration"_qs} << false;
}

/// Every time figure of the tab is stated with what it rests on, in the text and on the chart.
void TestSimulationView::assumptionsStated()
{
    QFETCH(qint64, rows);
    QFETCH(int, overrideId);
    QFETCH(QStringList, expected);
    QFETCH(bool, placeholder);
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    Project p = doc.project();
    p.defaultProgress.rows = rows;
    if (overrideId >= 0)
        p.progressOverrides.insert(overrideId, OobProgressModel{1000, 100, 1.0});
    doc.setProject(p);
    SimulationView view(&doc);
    view.show();
    const auto evaluation = runThroughView(view);
    QVERIFY2(evaluation && evaluation->simulation, qPrintable(view.runner()->error()));
    // The status line carries the figures; the line under it what they rest on.
    QVERIFY(view.statusText().contains(QStringLiteral("est. downtime")));
    for (const QString &e : expected) {
        QVERIFY2(view.assumptionsText().contains(e), qPrintable(view.assumptionsText()));
        QVERIFY2(view.chart()->assumptions().contains(e.section(u'(', 0, 0).trimmed()), qPrintable(view.chart()->assumptions()));
    }
    QCOMPARE(view.assumptionsText().contains(QStringLiteral("placeholders")), placeholder);
    QCOMPARE(view.chart()->title(), u"OOB progress over simulated time"_qs);
}

/// On the real releases with the what-if registry and a million rows per OOB migration, the
/// Simulation tab shows the time model's two roads beside the rehearsal: the same figures as the
/// Planner tab (both read the document's one Evaluation), the evidence stated in the time model's terms.
void TestSimulationView::twoRoadsBesideTheRehearsal()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    const auto catalog = test::loadSourcegraph(fixtures);
    QVERIFY(catalog);
    Document doc;
    doc.setCatalog(catalog);
    doc.setPlanRequest(*Version::parse(u"5.9.45"), *Version::parse(u"7.2.1943"));
    Project p = doc.project();
    p.defaultProgress.rows = 1000000;
    doc.setProject(p);
    SimulationView view(&doc);
    PlannerView planner(&doc);
    view.resize(1200, 800);
    view.show();
    const auto evaluation = runThroughView(view);
    QVERIFY2(evaluation && evaluation->simulation && evaluation->time, qPrintable(view.runner()->error()));
    QVERIFY(evaluation->simulation->completed);
    const TwoRoads &roads = evaluation->time->roads;
    QCOMPARE(roadChoiceName(roads.recommended), u"standard"_qs);
    QVERIFY(roads.multiVersion.downtime.ms > roads.standard.downtime.ms);

    using W = TwoRoadsPanel::Which;
    using F = TwoRoadsPanel::Figure;
    const TwoRoadsPanel *panel = view.roadsPanel();
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->figureText(W::MultiVersion, F::Downtime), roads.multiVersion.downtime.rangeText());
    QCOMPARE(panel->figureText(W::Standard, F::Downtime), roads.standard.downtime.rangeText());
    QCOMPARE(panel->figureText(W::Standard, F::RestsOn), roads.standard.downtime.basisText());
    QVERIFY(panel->recommendationText().contains(roads.reason.toHtmlEscaped()));
    for (W which : {W::MultiVersion, W::Standard})
        for (F figure : {F::Downtime, F::LongestOutage, F::Calendar, F::Done, F::Hops, F::RestsOn}) {
            QVERIFY(!panel->figureText(which, figure).isEmpty());
            QCOMPARE(panel->figureText(which, figure), planner.roadsPanel()->figureText(which, figure));
        }
    QCOMPARE(panel->recommendationText(), planner.roadsPanel()->recommendationText());
    // What the times rest on, in the time model's terms, once (the Planner states it under its roads).
    QVERIFY2(view.assumptionsText().contains(u"1000000 rows per OOB migration"_qs), qPrintable(view.assumptionsText()));
    QVERIFY2(view.assumptionsText().contains(u"schema migrations: costs from documented defaults, rows unknown (tables assumed empty)"_qs),
             qPrintable(view.assumptionsText()));
    QVERIFY(!view.assumptionsText().contains(u"per schema migration"_qs));
    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-simulation-two-roads.png")));
}

void TestSimulationView::liveTimeline_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgres") << true;
}

/// The timeline and the chart follow a run as it goes: events reach the view while the run is
/// still going, and the finished result holds exactly the events that were streamed.
void TestSimulationView::liveTimeline()
{
    QFETCH(bool, postgres);
    if (postgres) {
        const QString dsn = qEnvironmentVariable("PASSLANE_TEST_PG");
        if (dsn.isEmpty()) {
            if (test::runningInCi())
                QFAIL("PASSLANE_TEST_PG is unset and CI=true");
            QSKIP("PASSLANE_TEST_PG is unset (eval \"$(bash tests/support/pgcluster.sh start)\")");
        }
        const auto info = PgConnectionInfo::parse(dsn);
        QVERIFY(info.ok());
        PostgresConnection c;
        c.host = info->host();
        c.port = info->value(u"port").isEmpty() ? 5432 : info->value(u"port").toInt();
        c.user = info->user();
        c.database = QStringLiteral("postgres");
        SimulationConnectionDialog::saveSettings(c); // the view reads it, as after the dialog
    }
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    SimulationView view(&doc);
    view.resize(1200, 700);
    view.show();
    QVERIFY(doc.runner()->waitForIdle());
    view.findChild<QRadioButton *>(postgres ? QStringLiteral("postgresRadio") : QStringLiteral("sqliteRadio"))->setChecked(true);

    QList<TimelineEvent> streamed;
    int batchesWhileRunning = 0;
    int rowsShownWhileRunning = 0;
    int chartSeriesWhileRunning = 0;
    // Checked after the view has taken each batch: what a user sees during the run.
    connect(view.runner(), &ScenarioRunner::simulationEvents, &view, [&](const QList<TimelineEvent> &events) {
        streamed += events;
        if (view.runner()->isSimulating()) {
            ++batchesWhileRunning;
            rowsShownWhileRunning = view.timelineModel()->rowCount();
            chartSeriesWhileRunning = int(view.chart()->series().size());
        }
    });
    QSignalSpy finished(view.runner(), &ScenarioRunner::simulationFinished);
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("runButton")), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    const auto evaluation = view.runner()->evaluation();
    QVERIFY2(evaluation && evaluation->simulation, qPrintable(view.runner()->error()));
    const SimulationResult &r = *evaluation->simulation;
    // The sample's SQL was written for the bookkeeping tables: on a real server one of its
    // migrations stops the run part-way, which is as good a run to follow as a complete one.
    QVERIFY2(r.completed || (postgres && r.totals.migrationsApplied > 0), qPrintable(r.failure));
    QCOMPARE(r.backend, postgres ? SimulationBackend::Postgres : SimulationBackend::Sqlite);
    QVERIFY(batchesWhileRunning > 0);
    QVERIFY(rowsShownWhileRunning > 0);
    if (!postgres) // the server run stops before its first OOB migration (see above)
        QVERIFY(chartSeriesWhileRunning > 0);
    // Nothing streamed is lost or invented: the same events as the result's (which is sorted by time).
    auto key = [](const TimelineEvent &e) {
        return QStringLiteral("%1|%2|%3|%4").arg(eventKindName(e.kind)).arg(e.atMs).arg(e.version, e.message);
    };
    QStringList a, b;
    for (const TimelineEvent &e : std::as_const(streamed))
        a << key(e);
    for (const TimelineEvent &e : r.timeline)
        b << key(e);
    a.sort();
    b.sort();
    QCOMPARE(a, b);
    QCOMPARE(view.timelineModel()->rowCount(), r.timeline.size());
    if (postgres) {
        // Real server time: the events came in more than one batch, as the migrations ran.
        QVERIFY2(batchesWhileRunning > 1, qPrintable(QString::number(batchesWhileRunning)));
        QCOMPARE(view.chart()->title(), u"OOB progress over time on the server"_qs);
        qInfo("postgres run: %d events in %d batches before the run ended", int(streamed.size()), batchesWhileRunning);
    }
}

namespace {
QList<TimelineEvent> twoOobRun(int series)
{
    QList<TimelineEvent> events;
    for (int i = 0; i < series; ++i) {
        TimelineEvent s;
        s.kind = EventKind::OobStarted;
        s.oobId = 100 + i;
        s.progress = 0;
        TimelineEvent c = s;
        c.kind = EventKind::OobCompleted;
        c.atMs = 1000 + 500 * i;
        c.progress = 1.0;
        events << s << c;
    }
    TimelineEvent stop;
    stop.kind = EventKind::StopReached;
    stop.atMs = 1200;
    stop.version = QStringLiteral("1.2.0");
    TimelineEvent end;
    end.kind = EventKind::Finished;
    end.atMs = 1000 + 500 * series;
    events << stop << end;
    return events;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x25));
    p.setColor(QPalette::Light, QColor(0x5a, 0x5a, 0x5a));
    p.setColor(QPalette::PlaceholderText, QColor(0x30, 0x30, 0x30));
    return p;
}
} // namespace

void TestSimulationView::chartReadableInDarkTheme_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

/// The axis labels stand out from the chart's background in either theme: they are drawn in the
/// palette's text colour, not in a fixed grey or black.
void TestSimulationView::chartReadableInDarkTheme()
{
    QFETCH(bool, dark);
    OobProgressChart chart;
    if (dark)
        chart.setPalette(darkPalette());
    chart.setTimeline(twoOobRun(2));
    chart.setAssumptions(QStringLiteral("simulated time"), QStringLiteral("OOB tables assumed empty"));
    chart.resize(800, 260);
    const QImage image = chart.grab().toImage();
    const QRectF plot = chart.legendLayout(QRectF(0, 0, 800, 260)).plot;
    const int base = chart.palette().color(QPalette::Base).lightness();
    // Left of the plot: only the percentage labels. Under it: only the time labels.
    auto contrasted = [&](const QRect &area) {
        int n = 0;
        for (int y = area.top(); y <= area.bottom(); ++y)
            for (int x = area.left(); x <= area.right(); ++x)
                if (qAbs(QColor(image.pixel(x, y)).lightness() - base) > 120)
                    ++n;
        return n;
    };
    const int percent = contrasted(QRect(0, int(plot.top()) + 40, int(plot.left()) - 14, int(plot.height()) - 10));
    const int time = contrasted(QRect(int(plot.left()) + 4, image.height() - chart.fontMetrics().height() - 6,
                                      int(plot.width()) - 8, chart.fontMetrics().height()));
    QVERIFY2(percent > 20, qPrintable(QString::number(percent)));
    QVERIFY2(time > 20, qPrintable(QString::number(time)));
    image.save(QDir::temp().filePath(QStringLiteral("passlane-chart-%1.png").arg(dark ? u"dark"_qs : u"light"_qs)));
}

void TestSimulationView::chartLegendFits_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("series");
    QTest::addColumn<bool>("below");
    QTest::newRow("wide, 3 migrations") << 1000 << 260 << 3 << false;
    QTest::newRow("beside the findings dock, 3 migrations") << 420 << 260 << 3 << true;
    QTest::newRow("wide, 14 migrations in columns") << 1400 << 200 << 14 << false;
    QTest::newRow("narrow, 30 migrations") << 380 << 220 << 30 << true;
}

/// The legend stays inside the chart at any width: beside the plot when it leaves the plot most
/// of the width, else under it; what does not fit is counted, never cut.
void TestSimulationView::chartLegendFits()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, series);
    QFETCH(bool, below);
    OobProgressChart chart;
    chart.setTimeline(twoOobRun(series));
    chart.resize(width, height);
    const QRectF area(0, 0, width, height);
    const OobProgressChart::LegendLayout l = chart.legendLayout(area);
    QCOMPARE(l.below, below);
    QVERIFY(area.contains(l.legend));
    QVERIFY(!l.plot.intersects(l.legend));
    QVERIFY(l.plot.width() >= 120);
    QVERIFY(l.shown > 0 && l.shown <= series);
    const QFontMetrics fm = chart.fontMetrics();
    const qreal lineH = fm.height() + 2;
    // Every entry drawn has a cell of its own inside the legend, wide enough for its text.
    const int perColumn = qMax(1, int(l.legend.height() / lineH));
    const int columns = below ? l.columns : (l.shown + perColumn - 1) / perColumn;
    QVERIFY(columns <= l.columns);
    const qreal cell = l.legend.width() / l.columns;
    for (const QString &entry : chart.legendEntries().mid(0, l.shown))
        QVERIFY2(fm.horizontalAdvance(entry) + 22 <= cell + 1, qPrintable(entry));
    QVERIFY(!chart.grab().isNull());
}

QTEST_MAIN(TestSimulationView)
#include "tst_simulationview.moc"
