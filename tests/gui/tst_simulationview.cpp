// The Simulation tab: Run on the in-memory SQLite backend off the GUI thread, then the timeline
// table and the OOB chart show the simulator's result; failure injection and Cancel work.
#include "planningtestutil.h"

#include "document/document.h"
#include "models/timelinemodel.h"
#include "document/scenariorunner.h"
#include "simulation/oobprogresschart.h"
#include "simulation/simulationview.h"

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

QTEST_MAIN(TestSimulationView)
#include "tst_simulationview.moc"
