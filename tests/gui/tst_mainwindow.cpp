// The main window driven like a user would: bundled sample, releases, findings, projects.
#include "guitestutil.h"

#include "browse/findingspanel.h"
#include "browse/releasespanel.h"
#include "browse/shortcutsdialog.h"
#include "document/scenariorunner.h"
#include "export/exportreportdialog.h"
#include "document/document.h"
#include "document/documentcommands.h"
#include "planner/plannerview.h"
#include "graph/graphview.h"
#include "graph/migrationdetails.h"
#include "models/findingsfiltermodel.h"
#include "models/findingsmodel.h"
#include "models/releasetablemodel.h"

#include <QPushButton>

#include <QDir>
#include <QHeaderView>
#include <QMenuBar>
#include <QTableWidget>
#include <QTimer>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace passlane;

namespace {
/// A what-if proposal as the planning views push it.
class ProposalCommand : public QUndoCommand {
public:
    ProposalCommand(Document *doc, int id, std::optional<MinorVersion> deprecated)
        : m_doc(doc), m_id(id), m_deprecated(deprecated) {}
    void redo() override { m_doc->setProposal(m_id, m_deprecated); }
    void undo() override { m_doc->clearProposal(m_id); }

private:
    Document *m_doc;
    int m_id;
    std::optional<MinorVersion> m_deprecated;
};
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensBundledSampleInBackground();
    void releasesTableSortsAndFilters();
    void releasesHeadersShowTheirText();
    void findingsFilterAndJumpToGraph();
    void projectSaveLoadRoundTrip();
    void addingSourcesIsUndoable();
    void cancelStopsALoad();
    void keyboardShortcutsListTheActions();
    void fileMenuExportsTheReport();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    test::isolateSettings();
}

void TestMainWindow::init()
{
    m_window = test::windowWithSample();
    QVERIFY(m_window);
}

void TestMainWindow::cleanup()
{
    // Nothing to save in tests: drop changes so that close() does not ask.
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestMainWindow::opensBundledSampleInBackground()
{
    const auto catalog = m_window->document()->catalog();
    QCOMPARE(catalog->releases.size(), 8);
    QVERIFY(m_window->statusCounts().contains(QStringLiteral("8 releases")));
    QVERIFY(m_window->statusCounts().contains(QStringLiteral("finding")));
    QVERIFY(!m_window->document()->isModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Untitled")));
    QCOMPARE(m_window->tabs()->count(), 4);
}

void TestMainWindow::releasesTableSortsAndFilters()
{
    ReleasesPanel *panel = m_window->releasesPanel();
    QTableView *table = panel->table();
    QCOMPARE(table->model()->rowCount(), 8);
    table->sortByColumn(ReleaseTableModel::VersionColumn, Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("2.1.0"));
    QCOMPARE(table->model()->index(7, 0).data().toString(), QStringLiteral("1.0.0"));
    table->sortByColumn(ReleaseTableModel::VersionColumn, Qt::AscendingOrder);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("1.0.0"));
    panel->setFilterText(QStringLiteral("2.0."));
    QCOMPARE(table->model()->rowCount(), 2);
    panel->setFilterText(QStringLiteral("2025-03"));
    QCOMPARE(table->model()->rowCount(), 2); // 1.1.4 and 1.2.0 by date
    panel->setFilterText({});
    QCOMPARE(table->model()->rowCount(), 8);
}

void TestMainWindow::releasesHeadersShowTheirText()
{
    QTableView *table = m_window->releasesPanel()->table();
    const QHeaderView *header = table->horizontalHeader();
    const QAbstractItemModel *model = table->model();
    QCOMPARE(model->columnCount(), ReleaseTableModel::FirstSchemaColumn + 3 + 2); // three schemas
    const QFontMetrics metrics(header->font());
    for (int c = 0; c < model->columnCount(); ++c) {
        const QString text = model->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(c) >= metrics.horizontalAdvance(text),
                 qPrintable(QStringLiteral("%1: %2 px for %3 px of text")
                                .arg(text)
                                .arg(header->sectionSize(c))
                                .arg(metrics.horizontalAdvance(text))));
        // Room for the style's margins and the sort arrow too: the name is shown whole.
        QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c), qPrintable(text));
    }
}

void TestMainWindow::findingsFilterAndJumpToGraph()
{
    FindingsPanel *panel = m_window->findingsPanel();
    const int all = panel->model()->rowCount();
    QVERIFY(all > 0);
    QVERIFY(panel->setKindFilter(QStringLiteral("edited-migration")));
    QVERIFY(panel->proxy()->rowCount() >= 1);
    QVERIFY(panel->proxy()->rowCount() < all);
    QCOMPARE(panel->proxy()->index(0, 0).data(FindingsModel::MigrationIdRole).toLongLong(), 1000000021);
    QVERIFY(panel->setKindFilter({}));
    QVERIFY(panel->setSeverityFilter(QStringLiteral("warning")));
    for (int r = 0; r < panel->proxy()->rowCount(); ++r)
        QCOMPARE(panel->proxy()->index(r, 0).data(FindingsModel::SeverityRole).toInt(), int(Severity::Warning));
    QVERIFY(panel->setSeverityFilter({}));
    QVERIFY(panel->setKindFilter(QStringLiteral("edited-migration")));
    panel->setTextFilter(QStringLiteral("1000000021"));
    QVERIFY(panel->proxy()->rowCount() >= 1);

    GraphView *graph = m_window->graphView();
    m_window->tabs()->setCurrentIndex(1);
    QTRY_VERIFY(!graph->isLayoutPending());
    // Double-click equivalent: activate the row.
    QVERIFY(panel->activateRow(0));
    QCOMPARE(m_window->document()->selectedSchema(), QStringLiteral("main"));
    QCOMPARE(*m_window->document()->selectedMigration(), 1000000021);
    QCOMPARE(m_window->tabs()->currentWidget(), graph);
    QTRY_COMPARE(graph->schema(), QStringLiteral("main"));
    QTRY_VERIFY(graph->details()->upSql().contains(QStringLiteral("display_name"), Qt::CaseInsensitive));
    QVERIFY(panel->setKindFilter({}));
    panel->setTextFilter({});
    QCOMPARE(panel->proxy()->rowCount(), all);
}

void TestMainWindow::projectSaveLoadRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Document *doc = m_window->document();
    doc->undoStack()->push(new ProposalCommand(doc, 3, MinorVersion{2, 1}));
    QVERIFY(doc->isModified());
    QVERIFY(m_window->isWindowModified());
    const QString path = dir.filePath(QStringLiteral("harbor.passlane"));
    QVERIFY(m_window->saveProjectAs(path));
    QVERIFY(!doc->isModified());
    QCOMPARE(doc->filePath(), path);
    // Atomic save: only the project file is left behind, no temporary siblings.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("harbor.passlane")});

    // Saving again over the existing file keeps it whole.
    doc->undoStack()->push(new ProposalCommand(doc, 4, std::nullopt));
    QVERIFY(m_window->saveProjectAs(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);

    MainWindow second;
    second.setProperty("quietErrors", true);
    QSignalSpy loaded(&second, &MainWindow::catalogLoaded);
    second.openPaths({path});
    QVERIFY(test::waitForLoad(second, loaded));
    Document *reopened = second.document();
    QCOMPARE(reopened->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(reopened->catalog()->releases.size(), 8);
    QCOMPARE(reopened->proposals().size(), 2);
    QCOMPARE(reopened->proposals().value(3), std::optional<MinorVersion>(MinorVersion{2, 1}));
    QVERIFY(reopened->proposals().contains(4));
    QVERIFY(!reopened->proposals().value(4).has_value());
    QCOMPARE(reopened->project().sources.size(), doc->project().sources.size());
    QVERIFY(!reopened->isModified());
    // The proposal changes the effective registry, not the loaded one.
    const OobMigration *m = reopened->effectiveRegistry().find(3);
    QVERIFY(m);
    QCOMPARE(m->deprecated, std::optional<MinorVersion>(MinorVersion{2, 1}));
}

void TestMainWindow::addingSourcesIsUndoable()
{
    // Accepting the sample's edited migration is a project edit: undoable, and it reloads.
    Document *doc = m_window->document();
    auto editedFindings = [doc] {
        return std::count_if(doc->catalog()->findings.cbegin(), doc->catalog()->findings.cend(),
                             [](const Finding &f) { return f.kind == u"edited-migration"; });
    };
    const auto before = editedFindings();
    QVERIFY(before >= 1);
    QSignalSpy loaded(m_window.get(), &MainWindow::catalogLoaded);
    Project project = doc->project();
    project.acceptedEdits.append(AcceptedEdit{QStringLiteral("main"), 1000000021, *Version::parse(u"1.3.0")});
    doc->undoStack()->push(new ChangeProjectCommand(doc, project, QStringLiteral("Accept Edit")));
    QVERIFY(doc->isModified());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(doc->project().acceptedEdits.size(), 1);
    QVERIFY(editedFindings() < before);
    doc->undoStack()->undo();
    QVERIFY(!doc->isModified());
    QCOMPARE(doc->project().acceptedEdits.size(), 0);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(editedFindings(), before);
}

void TestMainWindow::cancelStopsALoad()
{
    QSignalSpy loaded(m_window.get(), &MainWindow::catalogLoaded);
    const auto before = m_window->document()->catalog();
    m_window->openBundledSample();
    QMetaObject::invokeMethod(m_window.get(), [this] {
        // The Cancel button in the status bar ends up here.
        auto buttons = m_window->findChildren<QPushButton *>();
        for (QPushButton *b : buttons)
            if (b->text() == u"Cancel" && b->isVisible())
                b->click();
    });
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoading(), 30000);
    // Either the load was quick enough to finish, or it was dropped: the window stays usable.
    QVERIFY(m_window->document()->catalog());
}

/// Runs `inspect` on the modal dialog that `trigger` opens, then closes it.
template <typename Dialog, typename Inspect>
static void inspectModal(QAction *trigger, Inspect inspect)
{
    bool seen = false;
    QTimer::singleShot(0, trigger, [&] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (dialog) {
            seen = true;
            inspect(dialog);
            dialog->reject();
        } else if (QWidget *other = QApplication::activeModalWidget()) {
            other->close();
        }
    });
    trigger->trigger();
    QVERIFY(seen);
}

void TestMainWindow::keyboardShortcutsListTheActions()
{
    auto *help = m_window->findChild<QAction *>(QStringLiteral("actionKeyboardShortcuts"));
    QVERIFY(help);
    QMap<QString, QString> listed;
    int rows = 0;
    inspectModal<ShortcutsDialog>(help, [&](ShortcutsDialog *dialog) {
        const QTableWidget *table = dialog->table();
        rows = table->rowCount();
        for (int r = 0; r < rows; ++r) {
            listed.insert(table->item(r, 0)->text(), table->item(r, 1)->text());
            // Shown whole, not cut at the column's edge.
            QVERIFY2(table->columnWidth(0) > table->fontMetrics().horizontalAdvance(table->item(r, 0)->text()),
                     qPrintable(table->item(r, 0)->text()));
        }
    });
    QCOMPARE(listed.size(), rows); // each action once, even when in a menu and a toolbar
    const auto keys = [](QKeySequence::StandardKey key) {
        QStringList out;
        for (const QKeySequence &k : QKeySequence::keyBindings(key))
            out << k.toString(QKeySequence::NativeText);
        return out.join(QStringLiteral(", "));
    };
    // Actions from the form, the code, the docks, the graph tab and the planner tab.
    QCOMPARE(listed.value(QStringLiteral("Open…")), QStringLiteral("Ctrl+O"));
    QCOMPARE(listed.value(QStringLiteral("Reload")), QStringLiteral("F5"));
    QCOMPARE(listed.value(QStringLiteral("Undo")), keys(QKeySequence::Undo));
    QCOMPARE(listed.value(QStringLiteral("Releases")), QStringLiteral("Ctrl+Shift+R"));
    QCOMPARE(listed.value(QStringLiteral("Fit Graph")), QStringLiteral("Ctrl+0"));
    QCOMPARE(listed.value(QStringLiteral("Export Report…")), QStringLiteral("Ctrl+E"));
    QCOMPARE(listed.value(QStringLiteral("Print Preview…")), QStringLiteral("Ctrl+Shift+P"));
    // Nothing without a shortcut, nothing with one left out.
    QVERIFY(!listed.contains(QStringLiteral("About Passlane")));
    QSet<QAction *> withShortcut;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (!action->shortcut().isEmpty())
            withShortcut.insert(action);
    }
    QCOMPARE(rows, withShortcut.size());
    for (QAction *action : std::as_const(withShortcut))
        QVERIFY2(listed.contains(action->iconText()), qPrintable(action->iconText()));
}

void TestMainWindow::fileMenuExportsTheReport()
{
    QMenu *file = m_window->findChild<QMenu *>(QStringLiteral("menuFile"));
    QVERIFY(file);
    QAction *exportAction = m_window->plannerView()->exportReportAction();
    QAction *previewAction = m_window->plannerView()->printPreviewAction();
    QVERIFY(file->actions().contains(exportAction));
    QVERIFY(file->actions().contains(previewAction));

    Document *doc = m_window->document();
    doc->clearPlanRequest();
    QVERIFY(doc->runner()->waitForIdle());
    QVERIFY(!exportAction->isEnabled()); // no plan, nothing to export
    QVERIFY(!previewAction->isEnabled());

    doc->setPlanRequest(*Version::parse(u"1.0.0"), *Version::parse(u"2.1.0"));
    QVERIFY(doc->runner()->waitForIdle());
    QTRY_VERIFY(exportAction->isEnabled());
    QVERIFY(previewAction->isEnabled());
    inspectModal<ExportReportDialog>(exportAction, [](ExportReportDialog *) {});
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
