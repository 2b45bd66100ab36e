// The OOB lanes driven with the mouse: dragging a lane's deprecated end proposes a deprecation
// through the undo stack; stops and the window analysis follow; undo restores them.
#include "planningtestutil.h"

#include "browse/settings.h"
#include "browse/theme.h"
#include "document/document.h"
#include "lanes/deprecateatdialog.h"
#include "lanes/lanehandleitem.h"
#include "lanes/lanesgraphicsview.h"
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
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QDialogButtonBox>
#include <QSignalSpy>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>
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
    void realFitShowsEveryMinor();
    void realNamesStayWhenScrolledRight();
    void zoomKeysWheelAndSideways();
    void autoScrollWhileDragging();
    void dragPastTheClampKeepsValueAndHandle();
    void keysStepTheSelectedLane();
    void deprecateAtTyped_data();
    void deprecateAtTyped();
    void deprecateAtButtonOpensTheDialog();
    void realStopsAndAnalysisAgreeDuringDrag();
    void analysisSplitIsRemembered();
    void canvasFollowsTheDarkTheme();

private:
    /// Drags `oobId`'s handle to the slot of `minor` (nullopt: the open end) with mouse events,
    /// passing the slot of `via` first when given (one press, one release).
    static void drag(LanesView &view, int oobId, std::optional<MinorVersion> minor,
                     std::optional<std::optional<MinorVersion>> via = std::nullopt);
    static QStringList stopVersions(const LanesView &view);
    /// The real releases with the what-if registry and the customer CSV, planning 5.9.45 -> last.
    static bool openReal(Document &doc, const QString &fixtures);
    /// Selects `oobId` by clicking its name in the frozen column.
    static void clickName(LanesView &view, int oobId);
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

bool TestLanesView::openReal(Document &doc, const QString &fixtures)
{
    const auto catalog = test::loadSourcegraph(fixtures);
    if (!catalog)
        return false;
    doc.setCatalog(catalog);
    doc.setPlanRequest(*Version::parse(u"5.9.45"), catalog->graph.versions().last());
    Project project = doc.project();
    project.customersCsv = fixtures + QStringLiteral("/customers-example.csv");
    doc.setProject(project);
    return true;
}

void TestLanesView::clickName(LanesView &view, int oobId)
{
    LaneItem *lane = view.scene()->lane(oobId);
    QVERIFY(lane);
    QGraphicsView *gv = view.graphicsView();
    gv->ensureVisible(lane->sceneBoundingRect(), 0, 4);
    const int y = gv->mapFromScene(QPointF(0, lane->pos().y() + LaneAxis::kLaneHeight / 2)).y();
    QTest::mouseClick(gv->viewport(), Qt::LeftButton, {}, QPoint(40, y));
    QCOMPARE(view.scene()->selectedLane(), lane);
}

void TestLanesView::realFitShowsEveryMinor()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    Document doc;
    QVERIFY(openReal(doc, fixtures));
    LanesView view(&doc);
    view.resize(1100, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QGraphicsView *gv = view.graphicsView();
    const LaneAxis &axis = view.scene()->axis();
    QCOMPARE(axis.minors.first(), (MinorVersion{5, 8}));
    QCOMPARE(axis.minors.last(), (MinorVersion{7, 2}));

    // Zoomed in far enough to scroll, then Fit: 5.8 .. 7.2 and the open end, whole, no scrolling.
    view.lanesGraphicsView()->zoomBy(3);
    QVERIFY(gv->horizontalScrollBar()->maximum() > 0);
    auto *fit = view.findChild<QToolButton *>(QStringLiteral("fitButton"));
    QVERIFY(fit);
    QTest::mouseClick(fit, Qt::LeftButton);
    QCOMPARE(gv->horizontalScrollBar()->maximum(), 0);
    const int first = gv->mapFromScene(QPointF(axis.x(0), 0)).x();
    const int never = gv->mapFromScene(QPointF(axis.x(axis.openSlot()), 0)).x();
    QVERIFY2(first >= LaneAxis::kLabelWidth, qPrintable(QString::number(first)));
    QVERIFY2(never < gv->viewport()->width(), qPrintable(QStringLiteral("%1 >= %2").arg(never).arg(gv->viewport()->width())));
    // Fitted, the columns still use the room there is (not a sliver at the left).
    QVERIFY(never > gv->viewport()->width() * 3 / 4);
    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-lanes-fit.png")));
}

void TestLanesView::realNamesStayWhenScrolledRight()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    Document doc;
    QVERIFY(openReal(doc, fixtures));
    LanesView view(&doc);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(doc.runner()->waitForIdle(60000));
    LanesGraphicsView *gv = view.lanesGraphicsView();
    gv->fitAll();
    gv->zoomBy(2.5);
    QScrollBar *bar = gv->horizontalScrollBar();
    QVERIFY(bar->maximum() > 0);
    bar->setValue(bar->minimum());
    QApplication::processEvents();
    const QRect names(0, 0, int(LaneAxis::kLabelWidth) - 1, gv->viewport()->height());
    const QImage atStart = gv->viewport()->grab(names).toImage();

    // Scrolled to the 7.x ends: 7.2 is in view, and the names look exactly as at the start.
    bar->setValue(bar->maximum());
    QApplication::processEvents();
    const LaneAxis &axis = view.scene()->axis();
    const int last = gv->mapFromScene(QPointF(axis.x(axis.count() - 1), 0)).x();
    QVERIFY(last > LaneAxis::kLabelWidth && last < gv->viewport()->width());
    const int first = gv->mapFromScene(QPointF(axis.x(0), 0)).x();
    QVERIFY2(first < 0, "5.8 has scrolled out of view");
    const QImage atEnd = gv->viewport()->grab(names).toImage();
    QCOMPARE(atEnd, atStart);
    // ... and they are there: the column holds text, not just background.
    const QRgb background = atEnd.pixel(names.width() - 4, names.height() - 2);
    int inked = 0;
    for (int y = 0; y < atEnd.height(); ++y)
        for (int x = 0; x < atEnd.width() - 4; ++x)
            inked += atEnd.pixel(x, y) != background ? 1 : 0;
    QVERIFY2(inked > 500, qPrintable(QString::number(inked)));
    // A click on a name selects its lane (nothing under the column is dragged).
    clickName(view, 25);
    QVERIFY(!view.scene()->lane(25)->handle()->isDragging());
    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-lanes-scrolled-right.png")));
}

void TestLanesView::zoomKeysWheelAndSideways()
{
    Document doc;
    doc.setCatalog(m_sample);
    LanesView view(&doc);
    view.resize(1300, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    LanesGraphicsView *gv = view.lanesGraphicsView();
    gv->setFocus();
    const LaneAxis &axis = view.scene()->axis();
    const qreal fitted = axis.column;
    QCOMPARE(fitted, axis.fitColumn(gv->viewport()->width())); // a new axis starts fitted

    QTest::keyClick(gv, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(axis.column, fitted * 1.25);
    QTest::keyClick(gv, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(axis.column, fitted * 1.25 * 1.25);
    QTest::keyClick(gv, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(axis.column, fitted * 1.25 * 1.25 * 0.8);

    auto wheel = [gv](QPoint angle, Qt::KeyboardModifiers modifiers) {
        const QPointF pos(gv->viewport()->width() / 2.0, gv->viewport()->height() / 2.0);
        QWheelEvent event(pos, gv->viewport()->mapToGlobal(pos), QPoint(), angle, Qt::NoButton, modifiers,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(gv->viewport(), &event);
    };
    const qreal before = axis.column;
    wheel(QPoint(0, 120), Qt::ControlModifier);
    QVERIFY(axis.column > before);
    wheel(QPoint(0, 120), Qt::ControlModifier);
    wheel(QPoint(0, 120), Qt::ControlModifier);
    QScrollBar *bar = gv->horizontalScrollBar();
    QVERIFY(bar->maximum() > 0);
    bar->setValue(0);
    // Shift+wheel and a horizontal wheel scroll sideways; the plain wheel does not.
    wheel(QPoint(0, -120), Qt::ShiftModifier);
    QVERIFY(bar->value() > 0);
    const int afterShift = bar->value();
    wheel(QPoint(-120, 0), Qt::NoModifier);
    QVERIFY(bar->value() > afterShift);
    const int afterTilt = bar->value();
    wheel(QPoint(0, -120), Qt::NoModifier);
    QCOMPARE(bar->value(), afterTilt);
    // Ctrl+0 fits again.
    QTest::keyClick(gv, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(axis.column, fitted);
    QCOMPARE(bar->maximum(), 0);
}

void TestLanesView::autoScrollWhileDragging()
{
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    LanesView view(&doc);
    view.resize(1300, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    LanesGraphicsView *gv = view.lanesGraphicsView();
    view.scene()->setColumn(160); // 1.0 .. 2.1 and the open end do not fit: the view scrolls
    QScrollBar *bar = gv->horizontalScrollBar();
    QVERIFY(bar->maximum() > 0);

    // OOB 1 ends at 2.0 in the registry; its handle in view, away from the edges. Hold it near
    // the right edge.
    LaneItem *lane = view.scene()->lane(1);
    LaneHandleItem *handle = lane->handle();
    bar->setValue(qMax(0, int(handle->scenePos().x()) - (gv->viewport()->width() - 100)));
    QVERIFY(bar->value() < bar->maximum());
    QApplication::processEvents();
    const LaneAxis &axis = view.scene()->axis();
    const int startSlot = axis.endSlot(lane->data().deprecated);
    const QPoint press = gv->mapFromScene(handle->scenePos());
    QVERIFY(press.x() > LaneAxis::kLabelWidth && press.x() < gv->viewport()->width());
    QTest::mousePress(gv->viewport(), Qt::LeftButton, {}, press);
    QVERIFY(handle->isDragging());
    const QPoint edge(gv->viewport()->width() - 4, press.y());
    QTest::mouseMove(gv->viewport(), edge);
    QVERIFY(gv->isAutoScrolling());
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() == bar->maximum(), 5000);
    // The mouse never moved again: the handle followed the axis to the open end.
    QCOMPARE(handle->dragSlot(), axis.openSlot());
    QCOMPARE(handle->scenePos().x(), axis.x(axis.openSlot()));
    QCOMPARE(doc.proposals().value(1), std::optional<MinorVersion>());
    QVERIFY(doc.hasProposal(1));
    QVERIFY(handle->dragSlot() > startSlot);

    // Released past the edge: the value is what the handle showed, the handle does not move.
    const qreal shownX = handle->scenePos().x();
    QTest::mouseRelease(gv->viewport(), Qt::LeftButton, {}, QPoint(gv->viewport()->width() + 60, press.y()));
    QVERIFY(!handle->isDragging());
    QVERIFY(!gv->isAutoScrolling());
    QCOMPARE(handle->scenePos().x(), shownX);
    QCOMPARE(lane->endX(), shownX);
    QCOMPARE(doc.effectiveRegistry().find(1)->deprecated, axis.minorAt(axis.openSlot()));
    QCOMPARE(doc.undoStack()->count(), 1);

    // Back towards the names: the view scrolls left while the handle is held there.
    QTest::mousePress(gv->viewport(), Qt::LeftButton, {}, gv->mapFromScene(handle->scenePos()));
    QTest::mouseMove(gv->viewport(), QPoint(int(LaneAxis::kLabelWidth) + 2, press.y()));
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() == 0, 5000);
    QTest::mouseRelease(gv->viewport(), Qt::LeftButton, {}, QPoint(int(LaneAxis::kLabelWidth) + 2, press.y()));
    QCOMPARE(lane->endX(), handle->scenePos().x());
    QCOMPARE(doc.effectiveRegistry().find(1)->deprecated, axis.minorAt(lane->minEndSlot()));
    QCOMPARE(doc.undoStack()->count(), 2);
}

void TestLanesView::dragPastTheClampKeepsValueAndHandle()
{
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    LanesView view(&doc);
    view.resize(1300, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QGraphicsView *gv = view.graphicsView();
    const LaneAxis &axis = view.scene()->axis();
    // OOB 2 is introduced at 1.2: its earliest deprecation is 1.3. Dragged to the names, past
    // its introduction, it stays at 1.3 and that is the value.
    LaneItem *lane = view.scene()->lane(2);
    QCOMPARE(lane->data().introduced, (MinorVersion{1, 2}));
    LaneHandleItem *handle = lane->handle();
    const QPoint press = gv->mapFromScene(handle->scenePos());
    QTest::mousePress(gv->viewport(), Qt::LeftButton, {}, press);
    const QPoint far(5, press.y());
    for (int i = 1; i <= 8; ++i)
        QTest::mouseMove(gv->viewport(), press + (far - press) * i / 8);
    const MinorVersion earliest{1, 3};
    QCOMPARE(axis.minorAt(lane->minEndSlot()), std::optional<MinorVersion>(earliest));
    QCOMPARE(handle->dragSlot(), lane->minEndSlot());
    QCOMPARE(handle->scenePos().x(), axis.x(lane->minEndSlot()));
    QCOMPARE(doc.proposals().value(2), std::optional<MinorVersion>(earliest));
    const qreal shownX = handle->scenePos().x();
    QTest::mouseRelease(gv->viewport(), Qt::LeftButton, {}, QPoint(-40, press.y()));
    QCOMPARE(handle->scenePos().x(), shownX); // no jump on release
    QCOMPARE(lane->endX(), shownX);
    QCOMPARE(doc.effectiveRegistry().find(2)->deprecated, std::optional<MinorVersion>(earliest));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestLanesView::keysStepTheSelectedLane()
{
    Document doc;
    doc.setCatalog(m_sample);
    doc.setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    LanesView view(&doc);
    view.resize(1300, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QGraphicsView *gv = view.graphicsView();
    using Minor = std::optional<MinorVersion>;
    // OOB 2: introduced 1.2, deprecated at 2.1 in the registry.
    clickName(view, 2);
    QTest::keyClick(gv, Qt::Key_Left);
    QCOMPARE(doc.proposals().value(2), Minor(MinorVersion{2, 0}));
    QTest::keyClick(gv, Qt::Key_Left);
    QCOMPARE(doc.proposals().value(2), Minor(MinorVersion{1, 3}));
    QCOMPARE(doc.undoStack()->count(), 2); // one step per key
    // 1.3 is the earliest after the introduction: another Left changes nothing and says why.
    QSignalSpy status(&view, &LanesView::statusMessage);
    QTest::keyClick(gv, Qt::Key_Left);
    QCOMPARE(doc.proposals().value(2), Minor(MinorVersion{1, 3}));
    QCOMPARE(doc.undoStack()->count(), 2);
    QCOMPARE(status.size(), 1);
    QVERIFY(status.first().first().toString().contains(QStringLiteral("introduced at 1.2")));
    // The handle shows each value.
    LaneItem *lane = view.scene()->lane(2);
    QCOMPARE(lane->handle()->scenePos().x(), view.scene()->axis().x(view.scene()->axis().endSlot(MinorVersion{1, 3})));
    // Right back to the registry's 2.1 drops the proposal rather than proposing what is there.
    QTest::keyClick(gv, Qt::Key_Right);
    QCOMPARE(doc.proposals().value(2), Minor(MinorVersion{2, 0}));
    QTest::keyClick(gv, Qt::Key_Right);
    QVERIFY(!doc.hasProposal(2));
    QTest::keyClick(gv, Qt::Key_Right);
    QCOMPARE(doc.proposals().value(2), Minor()); // the open end: never deprecated
    QCOMPARE(doc.undoStack()->count(), 5);
    doc.undoStack()->undo();
    QVERIFY(!doc.hasProposal(2));
    doc.undoStack()->undo();
    QCOMPARE(doc.proposals().value(2), Minor(MinorVersion{2, 0}));
    // Down selects the next lane; the keys then move that one.
    const QList<LaneItem *> order = view.scene()->lanesInOrder();
    const qsizetype row = order.indexOf(lane);
    QTest::keyClick(gv, Qt::Key_Down);
    QCOMPARE(view.scene()->selectedLane(), order.value(row + 1));
}

void TestLanesView::deprecateAtTyped_data()
{
    QTest::addColumn<int>("oobId");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message"); // a part of the message; empty: accepted
    QTest::addColumn<QString>("value");   // the proposal when accepted ("never" for the open end)
    QTest::newRow("a minor") << 2 << "1.3" << "" << "1.3";
    QTest::newRow("a release") << 2 << "2.0.0" << "" << "2.0";
    QTest::newRow("never") << 2 << " Never " << "" << "never";
    QTest::newRow("empty") << 2 << "" << "Type a minor version" << "";
    QTest::newRow("not a version") << 2 << "six" << "“six” is not a version" << "";
    QTest::newRow("not released") << 2 << "1.7" << "1.7 is not a released minor: the releases run from 1.0 to 2.1" << "";
    QTest::newRow("at the introduction") << 2 << "1.2" << "OOB 2 is introduced at 1.2: its deprecation must come after that (1.3 at the earliest)" << "";
    QTest::newRow("before the introduction") << 4 << "1.0" << "OOB 4 is introduced at 2.0" << "";
}

void TestLanesView::deprecateAtTyped()
{
    QFETCH(int, oobId);
    QFETCH(QString, typed);
    QFETCH(QString, message);
    QFETCH(QString, value);
    Document doc;
    doc.setCatalog(m_sample);
    LanesView view(&doc);
    // The dialog as the person sees it: the message under the field, OK only when it is valid.
    DeprecateAtDialog dialog(QStringLiteral("OOB"), QString(), [&view, oobId](const QString &t) { return view.checkDeprecation(oobId, t); });
    dialog.show();
    QTest::keyClicks(dialog.edit(), typed);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->isEnabled(), message.isEmpty());
    if (!message.isEmpty())
        QVERIFY2(dialog.message()->text().contains(message), qPrintable(dialog.message()->text()));

    const QString error = view.deprecateAt(oobId, typed);
    if (!message.isEmpty()) {
        QCOMPARE(error, dialog.message()->text());
        QVERIFY(!doc.hasProposal(oobId));
        QCOMPARE(doc.undoStack()->count(), 0);
        return;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(doc.undoStack()->count(), 1);
    const std::optional<MinorVersion> expected = value == u"never" ? std::nullopt : MinorVersion::parse(value);
    QCOMPARE(doc.effectiveRegistry().find(oobId)->deprecated, expected);
    QCOMPARE(view.scene()->lane(oobId)->endX(), view.scene()->axis().x(view.scene()->axis().endSlot(expected)));
}

void TestLanesView::deprecateAtButtonOpensTheDialog()
{
    Document doc;
    doc.setCatalog(m_sample);
    LanesView view(&doc);
    view.resize(1300, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *button = view.findChild<QToolButton *>(QStringLiteral("deprecateAtButton"));
    QVERIFY(button);
    QVERIFY(!button->isEnabled()); // no lane selected
    clickName(view, 2);
    QVERIFY(button->isEnabled());
    bool typed = false;
    QTimer::singleShot(0, &view, [&typed] {
        auto *dialog = qobject_cast<DeprecateAtDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->edit()->text(), QStringLiteral("2.1")); // starts at the lane's value
        dialog->edit()->selectAll();
        QTest::keyClicks(dialog->edit(), QStringLiteral("1.3"));
        QTest::keyClick(dialog->edit(), Qt::Key_Return);
        typed = true;
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(typed);
    QCOMPARE(doc.proposals().value(2), std::optional<MinorVersion>(MinorVersion{1, 3}));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestLanesView::realStopsAndAnalysisAgreeDuringDrag()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    Document doc;
    QVERIFY(openReal(doc, fixtures));
    LanesView view(&doc);
    view.resize(1600, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ScenarioRunner *runner = doc.runner();
    QVERIFY(runner->waitForIdle(60000));
    // Each answer that arrives mid-drag: the stop lines, the plan line and the analysis are all
    // that answer's, whatever the handle shows by then.
    int answers = 0;
    QStringList disagreements;
    auto *summary = view.findChild<QLabel *>(QStringLiteral("analysisSummary"));
    connect(runner, &ScenarioRunner::evaluationChanged, &view, [&] {
        const auto e = runner->evaluation();
        if (!e || !e->plan)
            return;
        ++answers;
        QStringList planStops;
        for (const Stop &s : e->plan->stops)
            planStops << s.release.toString();
        if (stopVersions(view) != planStops)
            disagreements << QStringLiteral("stops %1 vs %2").arg(stopVersions(view).join(u','), planStops.join(u','));
        const WindowReport &shown = view.analysisModel()->report();
        if (shown.proposals.size() != e->windows.proposals.size() || shown.affectedInstances != e->windows.affectedInstances)
            disagreements << QStringLiteral("analysis of another answer");
        for (const ProposalAdvice &a : e->windows.advice)
            if (!summary->text().contains(QStringLiteral("→ %1;").arg(a.proposed ? a.proposed->toString() : QStringLiteral("never"))))
                disagreements << QStringLiteral("summary: ") + summary->text();
    });
    // OOB 23 from its open end to 6.1, one minor at a time, letting answers arrive mid-drag.
    LaneItem *lane = view.scene()->lane(23);
    QVERIFY(lane);
    QGraphicsView *gv = view.graphicsView();
    const LaneAxis &axis = view.scene()->axis();
    QTest::mousePress(gv->viewport(), Qt::LeftButton, {}, gv->mapFromScene(lane->handle()->scenePos()));
    const int to = axis.endSlot(MinorVersion{6, 1});
    for (int slot = axis.openSlot() - 1; slot >= to; --slot) {
        QTest::mouseMove(gv->viewport(), gv->mapFromScene(QPointF(axis.x(slot), lane->handle()->scenePos().y())));
        QTest::qWait(slot % 3 == 0 ? 60 : 1);
    }
    QTest::mouseRelease(gv->viewport(), Qt::LeftButton, {}, gv->mapFromScene(QPointF(axis.x(to), lane->handle()->scenePos().y())));
    QVERIFY(runner->waitForIdle(60000));
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u'\n')));
    QVERIFY(answers >= 2);
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(runner->evaluation()->windows.proposals.size(), 1);
    QCOMPARE(doc.proposals().value(23), std::optional<MinorVersion>(MinorVersion{6, 1}));
}

void TestLanesView::analysisSplitIsRemembered()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    Settings::lanesSplitter.reset();
    Document doc;
    QVERIFY(openReal(doc, fixtures));
    QList<int> moved;
    {
        LanesView view(&doc);
        view.resize(1300, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(doc.runner()->waitForIdle(60000));
        auto *splitter = view.findChild<QSplitter *>(QStringLiteral("splitter"));
        QVERIFY(splitter);
        // The first time: every lane in view without scrolling, and the analysis below at the
        // full width with none of its columns cut, the stop lists included.
        QGraphicsView *gv = view.graphicsView();
        QCOMPARE(gv->verticalScrollBar()->maximum(), 0);
        auto *table = view.findChild<QTableView *>(QStringLiteral("analysisTable"));
        QVERIFY(table->model()->rowCount() > 10);
        QVERIFY2(table->horizontalHeader()->length() <= table->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(table->horizontalHeader()->length()).arg(table->viewport()->width())));
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            const QString header = table->model()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(table->columnWidth(c) >= table->horizontalHeader()->fontMetrics().horizontalAdvance(header), qPrintable(header));
        }
        view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-lanes-split.png")));
        // The person drags the split handle 60 px down.
        const int lanesHeight = splitter->sizes().at(0);
        QSplitterHandle *handle = splitter->handle(1);
        const QPoint mid(handle->width() / 2, handle->height() / 2);
        QTest::mousePress(handle, Qt::LeftButton, {}, mid);
        QTest::mouseMove(handle, mid + QPoint(0, 60));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, mid); // the handle moved with the mouse
        moved = splitter->sizes();
        QVERIFY2(qAbs(moved.at(0) - (lanesHeight + 60)) <= 2, qPrintable(QStringLiteral("%1 -> %2").arg(lanesHeight).arg(moved.at(0))));
    }
    LanesView again(&doc);
    again.resize(1300, 800);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("splitter"))->sizes(), moved);
    Settings::lanesSplitter.reset();
}

void TestLanesView::canvasFollowsTheDarkTheme()
{
    Document doc;
    doc.setCatalog(m_sample);
    LanesView view(&doc);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Theme::captureSystemPalette();
    Theme::apply(QStringLiteral("dark"));
    QApplication::processEvents();
    auto lightnessAt = [&view](QPoint p) { return view.graphicsView()->viewport()->grab().toImage().pixelColor(p).lightness(); };
    const QPoint empty(view.graphicsView()->viewport()->width() - 3, view.graphicsView()->viewport()->height() - 3);
    QVERIFY(view.scene()->backgroundBrush().color().lightness() < 80);
    QVERIFY2(lightnessAt(empty) < 80, qPrintable(QString::number(lightnessAt(empty))));
    QVERIFY(lightnessAt(QPoint(3, view.graphicsView()->viewport()->height() - 3)) < 80); // the names' column too
    view.grab().save(QDir::temp().filePath(QStringLiteral("passlane-lanes-dark.png")));
    Theme::apply(QStringLiteral("light"));
    QApplication::processEvents();
    QVERIFY(lightnessAt(empty) > 200);
}

QTEST_MAIN(TestLanesView)
#include "tst_lanesview.moc"
