// The OOB lanes driven with the mouse: dragging a lane's deprecated end proposes a deprecation
// through the undo stack; stops and the window analysis follow; undo restores them.
#include "planningtestutil.h"

#include "document/document.h"
#include "lanes/lanehandleitem.h"
#include "lanes/laneitem.h"
#include "lanes/lanesscene.h"
#include "lanes/lanesview.h"
#include "lanes/stoplineitem.h"
#include "models/windowanalysismodel.h"
#include "report/windowreport.h"
#include "oob/oobregistry.h"
#include "document/scenariorunner.h"

#include <QFile>
#include <QFileInfo>
#include <QGraphicsView>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>

using namespace passlane;

class TestLanesView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sceneShowsLanesAndStops();
    void dragLaneEnd_data();
    void dragLaneEnd();
    void eachDragIsOneUndoStep();
    void saveRegistry();
    void resetProposals();
    void realWhatIfWithCustomers();
    void realAnalysisTableShowsChangeAndIds();

private:
    /// Drags `oobId`'s handle to the slot of `minor` (nullopt: the open end) with mouse events,
    /// passing the slot of `via` first when given (one press, one release).
    static void drag(LanesView &view, int oobId, std::optional<MinorVersion> minor,
                     std::optional<std::optional<MinorVersion>> via = std::nullopt);
    static QStringList stopVersions(const LanesView &view);
    std::shared_ptr<const Catalog> m_sample;
};

void TestLanesView::initTestCase()
{
    test::isolatePlanningSettings();
    m_sample = test::loadBundledSample();
    QVERIFY(m_sample);
}

void TestLanesView::drag(LanesView &view, int oobId, std::optional<MinorVersion> minor,
                         std::optional<std::optional<MinorVersion>> via)
{
    LaneItem *lane = view.scene()->lane(oobId);
    QVERIFY(lane);
    QGraphicsView *gv = view.graphicsView();
    const LaneAxis &axis = view.scene()->axis();
    const QPointF from = lane->handle()->scenePos();
    const QPointF to(axis.x(axis.endSlot(minor)), from.y());
    const QPointF mid = via ? QPointF(axis.x(axis.endSlot(*via)), from.y()) : to;
    gv->ensureVisible(QRectF(from, to).normalized().united(QRectF(from, mid).normalized()));
    const QPoint p0 = gv->mapFromScene(from);
    const QPoint pm = gv->mapFromScene(mid);
    const QPoint p1 = gv->mapFromScene(to);
    QTest::mousePress(gv->viewport(), Qt::LeftButton, {}, p0);
    QVERIFY(lane->handle()->isDragging());
    const int steps = 6;
    for (int i = 1; i <= steps; ++i)
        QTest::mouseMove(gv->viewport(), p0 + (pm - p0) * i / steps);
    if (via) {
        for (int i = 1; i <= steps; ++i)
            QTest::mouseMove(gv->viewport(), pm + (p1 - pm) * i / steps);
    }
    QTest::mouseRelease(gv->viewport(), Qt::LeftButton, {}, p1);
    QVERIFY(!lane->handle()->isDragging());
}

QStringList TestLanesView::stopVersions(const LanesView &view)
{
    QStringList out;
    for (const StopLineItem *s : view.scene()->stopItems())
        out << s->release().toString();
    return out;
}

void TestLanesView::sceneShowsLanesAndStops()
{
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    LanesView view(&doc);
    view.resize(1300, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(doc.runner()->waitForIdle());

    // One lane per OOB migration of the registry, each holding its id; the axis knows the minors.
    for (int id : m_sample->oob.migrations().keys()) {
        LaneItem *lane = view.scene()->lane(id);
        QVERIFY2(lane, qPrintable(QString::number(id)));
        QCOMPARE(lane->type(), int(LaneItem::Type));
        QCOMPARE(lane->handle()->type(), int(LaneHandleItem::Type));
    }
    QCOMPARE(view.scene()->axis().count(), 6); // 1.0 1.1 1.2 1.3 2.0 2.1
    const auto plan = doc.runner()->evaluation() ? doc.runner()->evaluation()->plan : std::nullopt;
    QVERIFY(plan);
    QCOMPARE(view.scene()->stopItems().size(), plan->stops.size());
    QCOMPARE(stopVersions(view), (QStringList{QStringLiteral("1.3.0"), QStringLiteral("2.0.0")}));
    // The open-ended lane (OOB 3) ends at the open slot.
    const LaneAxis &axis = view.scene()->axis();
    QCOMPARE(view.scene()->lane(3)->endX(), axis.x(axis.openSlot()));

    QImage shot = view.grab().toImage();
    QVERIFY(!shot.isNull());
    shot.save(QDir::temp().filePath(QStringLiteral("passlane-lanes-sample.png")));
}

void TestLanesView::dragLaneEnd_data()
{
    QTest::addColumn<int>("oobId");
    QTest::addColumn<QString>("minor"); // empty: the open end (undeprecate)
    QTest::addColumn<QStringList>("stopsAfter");
    // OOB 1 may run until 2.1: it rides along with OOB 2 and 4 to a single stop at 2.0.
    QTest::newRow("OOB 1 to 2.1") << 1 << "2.1" << QStringList{QStringLiteral("2.0.0")};
    // Deprecating OOB 2 at 1.3 forces a stop at 1.2 (its last minor) before anything else.
    QTest::newRow("OOB 2 to 1.3") << 2 << "1.3" << QStringList{QStringLiteral("1.2.0"), QStringLiteral("2.0.0")};
    // Undeprecating OOB 4 removes the reason for the stop at 2.0; OOB 2 then waits at 1.3.
    QTest::newRow("OOB 4 open") << 4 << "" << QStringList{QStringLiteral("1.3.0")};
}

void TestLanesView::dragLaneEnd()
{
    QFETCH(int, oobId);
    QFETCH(QString, minor);
    QFETCH(QStringList, stopsAfter);

    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    LanesView view(&doc);
    view.resize(1300, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ScenarioRunner *runner = doc.runner();
    QVERIFY(runner->waitForIdle());
    const QStringList before = stopVersions(view);
    const int analysisChangedBefore = view.analysisModel()->report().affectedInstances;
    QCOMPARE(analysisChangedBefore, 0);

    const std::optional<MinorVersion> target = minor.isEmpty() ? std::nullopt : MinorVersion::parse(minor);
    drag(view, oobId, target);
    QVERIFY(doc.hasProposal(oobId));
    QCOMPARE(doc.proposals().value(oobId), target);
    QCOMPARE(doc.effectiveRegistry().find(oobId)->deprecated, target);
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(runner->waitForIdle());
    QCOMPARE(stopVersions(view), stopsAfter);
    QCOMPARE(view.scene()->lane(oobId)->endX(), view.scene()->axis().x(view.scene()->axis().endSlot(target)));
    QVERIFY(view.scene()->lane(oobId)->data().proposed);
    // The window analysis saw the proposal.
    QCOMPARE(view.analysisModel()->report().proposals.size(), 1);
    QVERIFY(view.analysisModel()->report().affectedInstances > 0);

    doc.undoStack()->undo();
    QVERIFY(!doc.hasProposal(oobId));
    QVERIFY(runner->waitForIdle());
    QCOMPARE(stopVersions(view), before);
    QVERIFY(!view.scene()->lane(oobId)->data().proposed);
    QCOMPARE(view.analysisModel()->report().affectedInstances, 0);

    doc.undoStack()->redo();
    QVERIFY(runner->waitForIdle());
    QCOMPARE(stopVersions(view), stopsAfter);
}

void TestLanesView::eachDragIsOneUndoStep()
{
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    LanesView view(&doc);
    view.resize(1300, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    using Minor = std::optional<MinorVersion>;
    // OOB 2 is deprecated at 2.1 in the registry; three separate drags of its end.
    const Minor registry = m_sample->oob.find(2)->deprecated;
    QCOMPARE(registry, Minor(MinorVersion{2, 1}));
    const QList<Minor> targets{MinorVersion{2, 0}, MinorVersion{1, 3}, std::nullopt};
    for (const Minor &target : targets) {
        drag(view, 2, target);
        QCOMPARE(doc.proposals().value(2), target);
    }
    QCOMPARE(doc.undoStack()->count(), 3);
    doc.undoStack()->undo();
    QCOMPARE(doc.effectiveRegistry().find(2)->deprecated, targets[1]);
    doc.undoStack()->undo();
    QCOMPARE(doc.effectiveRegistry().find(2)->deprecated, targets[0]);
    doc.undoStack()->undo();
    QVERIFY(!doc.hasProposal(2));
    QCOMPARE(doc.effectiveRegistry().find(2)->deprecated, registry);
    doc.undoStack()->redo();
    QCOMPARE(doc.proposals().value(2), targets[0]);
    doc.undoStack()->undo();

    // The moves within one drag are one step: passing 2.0 on the way to 1.3 undoes at once.
    drag(view, 2, MinorVersion{1, 3}, MinorVersion{2, 0});
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.proposals().value(2), Minor(MinorVersion{1, 3}));
    drag(view, 1, MinorVersion{2, 1});
    QCOMPARE(doc.undoStack()->count(), 2); // another lane: its own step
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(doc.proposals().isEmpty());

    // Dragged out and back to where it started within one drag: nothing to undo.
    drag(view, 1, MinorVersion{2, 0}, MinorVersion{2, 1});
    QVERIFY(!doc.hasProposal(1));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestLanesView::resetProposals()
{
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    LanesView view(&doc);
    view.resize(1300, 500);
    view.show();
    drag(view, 1, MinorVersion{2, 1});
    drag(view, 4, std::nullopt);
    QCOMPARE(doc.proposals().size(), 2);
    auto *reset = view.findChild<QToolButton *>(QStringLiteral("resetButton"));
    QVERIFY(reset->isEnabled());
    QTest::mouseClick(reset, Qt::LeftButton);
    QVERIFY(doc.proposals().isEmpty());
    QVERIFY(!reset->isEnabled());
    QVERIFY(doc.runner()->waitForIdle());
    QCOMPARE(stopVersions(view), (QStringList{QStringLiteral("1.3.0"), QStringLiteral("2.0.0")}));
    doc.undoStack()->undo(); // the reset is one step
    QCOMPARE(doc.proposals().size(), 2);
}

void TestLanesView::saveRegistry()
{
    Document doc;
    doc.setCatalog(m_sample);
    LanesView view(&doc);
    view.resize(1300, 500);
    view.show();
    drag(view, 2, MinorVersion{1, 3});
    QTemporaryDir dir;
    // The project's registry starts with a header of its own, which the saved file keeps.
    const QString source = dir.filePath(QStringLiteral("registry.yaml"));
    QFile sample(bundledSampleOobPath());
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray header = "# Copyright the registry's owners.\n#\n# Reviewed 2026-11.\n\n";
    QFile copy(source);
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write(header + sample.readAll());
    copy.close();
    Project project = doc.project();
    project.oobFiles = {source};
    doc.setProject(project);
    QCOMPARE(view.suggestedRegistryPath(), dir.filePath(QStringLiteral("registry-proposed.yaml")));

    const QString path = view.suggestedRegistryPath();
    QCOMPARE(view.saveRegistry(path), QString());
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    QVERIFY2(text.startsWith(header.trimmed()), text.left(200).constData());
    QVERIFY2(text.contains("# Deprecations changed in Passlane (OOB id=minor): 2=1.3\n"), text.left(400).constData());
    // A folder at the path is refused, never replaced.
    QVERIFY(!view.saveRegistry(dir.path()).isEmpty());
    QVERIFY(QFileInfo(dir.path()).isDir());
    const auto saved = OobRegistry::readYamlFile(path);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    QCOMPARE(saved->size(), m_sample->oob.migrations().size());
    for (const OobMigration &m : saved.value()) {
        if (m.id == 2)
            QCOMPARE(m.deprecated, std::optional<MinorVersion>(MinorVersion{1, 3}));
        else
            QCOMPARE(m.deprecated, m_sample->oob.find(m.id)->deprecated);
    }
}

void TestLanesView::realWhatIfWithCustomers()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    const auto catalog = test::loadSourcegraph(fixtures);
    QVERIFY(catalog);
    Document doc;
    doc.setCatalog(catalog);
    const QList<Version> versions = catalog->graph.versions();
    doc.setPlanRequest(*Version::parse(u"5.9.45"), versions.last());
    Project project = doc.project();
    project.customersCsv = fixtures + QStringLiteral("/customers-example.csv");
    doc.setProject(project);

    LanesView view(&doc);
    view.resize(1600, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ScenarioRunner *runner = doc.runner();
    QVERIFY(runner->waitForIdle(60000));
    const QStringList before = stopVersions(view);
    const WindowReport reportBefore = view.analysisModel()->report();
    QVERIFY(reportBefore.totalInstances > 20); // weighted by the customer CSV

    // OOB 23 is never deprecated in the what-if registry; deprecating it at the first 6.x minor
    // gives every older source an extra reason to stop.
    QVERIFY(view.scene()->lane(23));
    QVERIFY(!view.scene()->lane(23)->data().deprecated);
    const MinorVersion at{6, 1};
    QElapsedTimer timer;
    timer.start();
    drag(view, 23, at);
    QVERIFY(runner->waitForIdle(60000));
    qInfo("drag to re-plan and re-analyse: %lld ms (planning %lld ms)", timer.elapsed(), runner->lastElapsedMs());
    QCOMPARE(doc.proposals().value(23), std::optional<MinorVersion>(at));
    const WindowReport after = view.analysisModel()->report();
    QVERIFY(after.affectedInstances > 0);
    QVERIFY((runner->evaluation() && runner->evaluation()->plan));
    bool stopsFor23 = false;
    for (const Stop &s : runner->evaluation()->plan->stops)
        stopsFor23 = stopsFor23 || s.oob.contains(23);
    QVERIFY(stopsFor23);

    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-lanes-sourcegraph.png")));
    doc.undoStack()->undo();
    QVERIFY(runner->waitForIdle(60000));
    QCOMPARE(stopVersions(view), before);
    QCOMPARE(view.analysisModel()->report().affectedInstances, 0);
}

void TestLanesView::realAnalysisTableShowsChangeAndIds()
{
    // The real releases with the customer CSV; OOB 25 dragged from 6.4 to 6.6 with the mouse.
    // Sources before 6.4 keep their stop releases and only 25 completes elsewhere: the table
    // must say "reassigned", not "a stop moves", and show which ids complete at each stop.
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    const auto catalog = test::loadSourcegraph(fixtures);
    QVERIFY(catalog);
    Document doc;
    doc.setCatalog(catalog);
    doc.setPlanRequest(*Version::parse(u"5.9.45"), catalog->graph.versions().last());
    Project project = doc.project();
    project.customersCsv = fixtures + QStringLiteral("/customers-example.csv");
    doc.setProject(project);

    LanesView view(&doc);
    view.resize(1600, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ScenarioRunner *runner = doc.runner();
    QVERIFY(runner->waitForIdle(60000));
    drag(view, 25, MinorVersion{6, 6});
    QVERIFY(runner->waitForIdle(60000));
    QCOMPARE(doc.proposals().value(25), std::optional<MinorVersion>(MinorVersion{6, 6}));

    auto *table = view.findChild<QTableView *>(QStringLiteral("analysisTable"));
    QVERIFY(table);
    const QAbstractItemModel *shown = table->model(); // the sorting proxy the person sees
    const WindowReport &report = view.analysisModel()->report();
    QCOMPARE(shown->rowCount(), report.rows.size());
    QCOMPARE(shown->headerData(WindowAnalysisModel::ChangeColumn, Qt::Horizontal).toString(), QStringLiteral("Change"));
    int reassigned = 0;
    bool saw5945 = false;
    for (int r = 0; r < shown->rowCount(); ++r) {
        const QString from = shown->index(r, WindowAnalysisModel::SourceColumn).data().toString();
        const auto row = std::find_if(report.rows.cbegin(), report.rows.cend(),
                                      [&](const WindowRow &w) { return w.source.toString() == from; });
        QVERIFY(row != report.rows.cend());
        const QString before = shown->index(r, WindowAnalysisModel::BeforeColumn).data().toString();
        const QString after = shown->index(r, WindowAnalysisModel::AfterColumn).data().toString();
        const QString change = shown->index(r, WindowAnalysisModel::ChangeColumn).data().toString();
        QCOMPARE(before, stopsText(row->before));
        QCOMPARE(after, stopsText(row->after));
        QCOMPARE(change, windowChangeName(row->change()));
        QVERIFY2(change != windowChangeName(WindowChange::StopMoves), qPrintable(from));
        reassigned += change == windowChangeName(WindowChange::Reassigned) ? 1 : 0;
        if (from == u"5.9.45") {
            saw5945 = true;
            QCOMPARE(before, QStringLiteral("5.11.0 [21,22,25], 6.5.0 [26,28], 6.10.0 [27,29,31], 7.1.0 [32]"));
            QCOMPARE(after, QStringLiteral("5.11.0 [21,22], 6.5.0 [25,26,28], 6.10.0 [27,29,31], 7.1.0 [32]"));
            QCOMPARE(change, QStringLiteral("reassigned"));
        }
    }
    QVERIFY(saw5945);
    QVERIFY(reassigned > 0);
    // The change is in view without scrolling; the long stop lists come after it.
    QVERIFY(table->columnViewportPosition(WindowAnalysisModel::ChangeColumn) >= 0);
    QVERIFY(table->columnViewportPosition(WindowAnalysisModel::ChangeColumn) + table->columnWidth(WindowAnalysisModel::ChangeColumn)
            <= table->viewport()->width());

    // The summary states the headline as the reports do and keeps the caveat on the suggestion
    // (5.10 is the minor right after 25's introduction).
    auto *summary = view.findChild<QLabel *>(QStringLiteral("analysisSummary"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(windowHeadline(report).toHtmlEscaped()), qPrintable(summary->text()));
    QCOMPARE(report.advice.size(), 1);
    QVERIFY(!adviceCaveat(report.advice.first()).isEmpty());
    QVERIFY2(summary->text().contains(earliestNoExtraStopText(report.advice.first()).toHtmlEscaped()), qPrintable(summary->text()));
    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-lanes-window-analysis.png")));
}

QTEST_MAIN(TestLanesView)
#include "tst_lanesview.moc"
