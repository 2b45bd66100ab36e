#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "browse/catalogloader.h"
#include "browse/findingspanel.h"
#include "browse/loadstatus.h"
#include "browse/recentfiles.h"
#include "browse/releasespanel.h"
#include "browse/settings.h"
#include "browse/shortcutsdialog.h"
#include "browse/theme.h"
#include "document/document.h"
#include "document/documentcommands.h"
#include "graph/graphview.h"
#include "lanes/lanesview.h"
#include "planner/plannerview.h"
#include "simulation/simulationview.h"

#include "bundledsample.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QUndoStack>

using namespace passlane;

namespace {
bool isProjectFile(const QString &path)
{
    return path.endsWith(QLatin1String(".passlane"), Qt::CaseInsensitive);
}
bool isRegistryFile(const QString &path)
{
    return path.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_doc(new Document(this)),
      m_loader(new CatalogLoader(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/passlane.svg")));
    m_status = new LoadStatus(statusBar(), this);
    m_recent = new RecentFiles(m_ui->menuRecent, this);
    createTabs();
    createDocks();
    connectActions();
    restoreSettings();
    updateTitle();
}

MainWindow::~MainWindow() = default;

QTabWidget *MainWindow::tabs() const
{
    return m_ui->tabs;
}

bool MainWindow::isLoading() const
{
    return m_loader->isRunning();
}

QString MainWindow::statusCounts() const
{
    return m_status->countsText();
}

void MainWindow::createTabs()
{
    m_graph = new GraphView(m_doc);
    m_ui->tabs->addTab(m_graph, tr("Graph"));
    // The planning views (another part of the GUI) follow the same Document.
    auto *lanes = new LanesView(m_doc);
    m_ui->tabs->addTab(lanes, tr("OOB Lanes"));
    m_planner = new PlannerView(m_doc);
    m_ui->tabs->addTab(m_planner, tr("Planner"));
    m_ui->tabs->addTab(new SimulationView(m_doc), tr("Simulation"));
    m_ui->tabs->setTabToolTip(0, tr("The stitched migration graph of one schema (Ctrl+1)"));
    m_ui->tabs->setTabToolTip(1, tr("Out-of-band migrations as passing lanes across minors (Ctrl+2)"));
    m_ui->tabs->setTabToolTip(2, tr("Upgrade plans between two releases (Ctrl+3)"));
    m_ui->tabs->setTabToolTip(3, tr("Rehearse a plan in simulated time (Ctrl+4)"));
    connect(m_graph, &GraphView::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(lanes, &LanesView::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
}

void MainWindow::createDocks()
{
    m_releases = new ReleasesPanel(m_doc);
    m_releasesDock = new QDockWidget(tr("Releases"), this);
    m_releasesDock->setObjectName(QStringLiteral("releasesDock"));
    m_releasesDock->setWidget(m_releases);
    addDockWidget(Qt::LeftDockWidgetArea, m_releasesDock);

    m_findings = new FindingsPanel(m_doc);
    m_findingsDock = new QDockWidget(tr("Findings"), this);
    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));
    m_findingsDock->setWidget(m_findings);
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);
    resizeDocks({m_releasesDock}, {480}, Qt::Horizontal);
    resizeDocks({m_findingsDock}, {220}, Qt::Vertical);
    connect(m_findings, &FindingsPanel::migrationActivated, this, [this] { m_ui->tabs->setCurrentWidget(m_graph); });

    m_ui->menuView->addSeparator();
    m_ui->menuView->addAction(m_releasesDock->toggleViewAction());
    m_ui->menuView->addAction(m_findingsDock->toggleViewAction());
    m_releasesDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_findingsDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_ui->menuView->addSeparator();
    m_ui->menuView->addActions(m_graph->viewActions());
    QMenu *exportMenu = m_ui->menuFile->addMenu(tr("&Export Graph"));
    m_ui->menuFile->insertMenu(m_ui->actionQuit, exportMenu);
    exportMenu->addActions(m_graph->exportActions());
    // The Planner's report buttons, reachable from any tab.
    m_ui->menuFile->insertActions(m_ui->actionQuit, {m_planner->exportReportAction(), m_planner->printPreviewAction()});
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
}

void MainWindow::connectActions()
{
    QUndoStack *undo = m_doc->undoStack();
    QAction *undoAction = undo->createUndoAction(this, tr("&Undo"));
    QAction *redoAction = undo->createRedoAction(this, tr("&Redo"));
    undoAction->setShortcuts(QKeySequence::Undo);
    redoAction->setShortcuts(QKeySequence::Redo);
    undoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    redoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    m_ui->menuEdit->addAction(undoAction);
    m_ui->menuEdit->addAction(redoAction);
    m_ui->mainToolBar->addSeparator();
    m_ui->mainToolBar->addAction(undoAction);
    m_ui->mainToolBar->addAction(redoAction);

    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::openDialog);
    connect(m_ui->actionOpenFolder, &QAction::triggered, this, &MainWindow::openFolderDialog);
    connect(m_ui->actionAddSources, &QAction::triggered, this, [this] { addSourcesDialog(false); });
    connect(m_ui->actionAddOobRegistry, &QAction::triggered, this, [this] { addSourcesDialog(true); });
    connect(m_ui->actionOpenSample, &QAction::triggered, this, [this] {
        if (maybeSave())
            openBundledSample();
    });
    connect(m_ui->actionReload, &QAction::triggered, this, &MainWindow::startLoad);
    connect(m_ui->actionSave, &QAction::triggered, this, &MainWindow::save);
    connect(m_ui->actionSaveAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Passlane"),
                           tr("<h3>Passlane %1</h3><p>Migration planner and upgrade simulator for products "
                              "that ship database migrations with every release.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    QAction *shortcuts = new QAction(tr("&Keyboard Shortcuts"), this);
    shortcuts->setObjectName(QStringLiteral("actionKeyboardShortcuts"));
    m_ui->menuHelp->insertAction(m_ui->actionAbout, shortcuts);
    connect(shortcuts, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(this, this);
        dialog.exec();
    });
    const QList<QAction *> tabActions = {m_ui->actionShowGraph, m_ui->actionShowLanes, m_ui->actionShowPlanner,
                                         m_ui->actionShowSimulation};
    for (int i = 0; i < tabActions.size(); ++i)
        connect(tabActions[i], &QAction::triggered, this, [this, i] { m_ui->tabs->setCurrentIndex(i); });

    auto *themes = new QActionGroup(this);
    for (auto [action, mode] : {std::pair{m_ui->actionThemeSystem, "system"}, std::pair{m_ui->actionThemeLight, "light"},
                                std::pair{m_ui->actionThemeDark, "dark"}}) {
        themes->addAction(action);
        const QString name = QLatin1String(mode);
        action->setChecked(Settings::theme.value() == name);
        connect(action, &QAction::triggered, this, [this, name] { setTheme(name); });
    }

    connect(m_recent, &RecentFiles::openRequested, this, [this](const QStringList &paths) {
        if (maybeSave())
            openPaths(paths);
    });
    connect(m_loader, &CatalogLoader::started, this, [this] { m_status->showBusy(true); });
    connect(m_loader, &CatalogLoader::progress, m_status, &LoadStatus::showProgress);
    connect(m_loader, &CatalogLoader::loaded, this, &MainWindow::onLoaded);
    connect(m_loader, &CatalogLoader::failed, this, [this](const QString &message) {
        m_status->showBusy(false);
        m_pendingRecent.clear();
        m_pendingOpen.reset();
        revertSourceEdit(); // the document stays as it was
        revertSourceEdit();
        statusBar()->showMessage(tr("Loading failed"), 5000);
        Q_EMIT loadFailed(message);
        if (!property("quietErrors").toBool())
            QMessageBox::warning(this, tr("Cannot Load Sources"), message);
    });
    connect(m_loader, &CatalogLoader::canceled, this, [this] {
        m_status->showBusy(false);
        m_pendingRecent.clear();
        m_pendingOpen.reset();
        statusBar()->showMessage(tr("Loading canceled"), 5000);
    });
    connect(m_status, &LoadStatus::cancelRequested, m_loader, &CatalogLoader::cancel);
    connect(m_doc, &Document::sourcesChanged, this, [this] {
        startLoad();
        m_sourceEditIndex = m_doc->undoStack()->index();
    });
    connect(m_doc, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::filePathChanged, this, &MainWindow::updateTitle);
}

void MainWindow::restoreSettings()
{
    restoreGeometry(Settings::windowGeometry.value());
    restoreState(Settings::windowState.value());
    m_graph->restoreSplitterState(Settings::graphSplitter.value());
    m_ui->tabs->setCurrentIndex(Settings::currentTab.value());
    applyThemeToViews();
}

void MainWindow::setTheme(const QString &mode)
{
    Settings::theme.setValue(mode);
    Theme::apply(mode);
    applyThemeToViews();
}

void MainWindow::applyThemeToViews()
{
    m_graph->setDark(Theme::isDark());
}

void MainWindow::changeEvent(QEvent *event)
{
    // The desktop switched light/dark while we follow it.
    if (event->type() == QEvent::ThemeChange && Settings::theme.value() == u"system") {
        Theme::captureSystemPalette();
        Theme::apply(Settings::theme.value());
        applyThemeToViews();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::revertSourceEdit()
{
    const std::optional<int> index = std::exchange(m_sourceEditIndex, std::nullopt);
    QUndoStack *stack = m_doc->undoStack();
    if (index && *index == stack->index() && stack->canUndo()) {
        stack->undo(); // loads the previous sources again
        statusBar()->showMessage(tr("The new sources could not be loaded; the change was undone"), 8000);
    }
}

void MainWindow::startLoad()
{
    m_pendingOpen.reset();
    m_sourceEditIndex.reset();
    m_loader->start(LoadRequest::fromProject(m_doc->project()));
}

void MainWindow::beginOpen(const Project &project, const QString &filePath)
{
    m_pendingOpen = PendingOpen{project, filePath};
    m_loader->start(LoadRequest::fromProject(project));
}

void MainWindow::onLoaded(std::shared_ptr<const Catalog> catalog, qint64 milliseconds)
{
    m_status->showBusy(false);
    m_sourceEditIndex.reset();
    if (m_pendingOpen) {
        // The open succeeded: only now does the new project replace the document.
        const PendingOpen open = *std::exchange(m_pendingOpen, std::nullopt);
        m_doc->resetProject(open.project, open.filePath, catalog);
    } else {
        m_doc->setCatalog(catalog);
    }
    m_status->showCounts(*catalog);
    statusBar()->showMessage(tr("Loaded %1 releases in %2 ms").arg(catalog->releases.size()).arg(milliseconds), 5000);
    m_recent->add(std::exchange(m_pendingRecent, {}));
    Q_EMIT catalogLoaded();
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — Passlane").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::openBundledSample()
{
    Project project;
    project.sources = {bundledSamplePath()};
    project.oobFiles = {bundledSampleOobPath()};
    beginOpen(project, {});
}

void MainWindow::openPaths(const QStringList &paths)
{
    if (paths.size() == 1 && isProjectFile(paths.first())) {
        openProject(paths.first());
        return;
    }
    Project project;
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        (isRegistryFile(path) ? project.oobFiles : project.sources).append(absolute);
    }
    m_pendingRecent = paths;
    beginOpen(project, {});
}

void MainWindow::openProject(const QString &path)
{
    Result<Project> project = Project::load(path);
    if (!project) {
        QMessageBox::warning(this, tr("Cannot Open Project"), project.error().toString());
        return;
    }
    m_pendingRecent = {QFileInfo(path).absoluteFilePath()};
    beginOpen(project.value(), QFileInfo(path).absoluteFilePath());
}

void MainWindow::addPaths(const QStringList &paths)
{
    Project project = m_doc->project();
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        QStringList &list = isRegistryFile(path) ? project.oobFiles : project.sources;
        if (!list.contains(absolute))
            list.append(absolute);
    }
    m_doc->undoStack()->push(new ChangeProjectCommand(m_doc, project, tr("Add %n Source(s)", nullptr, int(paths.size()))));
}

bool MainWindow::saveProjectAs(const QString &path)
{
    const Status status = m_doc->save(path);
    if (!status) {
        QMessageBox::warning(this, tr("Cannot Save Project"), status.error().toString());
        return false;
    }
    m_recent->add({path});
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

bool MainWindow::save()
{
    return m_doc->filePath().isEmpty() ? saveAs() : saveProjectAs(m_doc->filePath());
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project"), dialogDirectory(),
                                                tr("Passlane projects (*.passlane)"));
    if (path.isEmpty())
        return false;
    if (!isProjectFile(path))
        path += QLatin1String(".passlane");
    rememberDirectory(path);
    return saveProjectAs(path);
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"), tr("%1 has unsaved changes. Save them first?").arg(m_doc->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open"), dialogDirectory(),
        tr("Passlane inputs (*.passlane *.tar.gz *.tgz *.tar *.zip *.yaml *.yml);;Projects (*.passlane);;"
           "Release archives (*.tar.gz *.tgz *.tar *.zip);;OOB registries (*.yaml *.yml);;All files (*)"));
    if (paths.isEmpty())
        return;
    rememberDirectory(paths.first());
    openPaths(paths);
}

void MainWindow::openFolderDialog()
{
    if (!maybeSave())
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder of Releases"), dialogDirectory());
    if (dir.isEmpty())
        return;
    rememberDirectory(dir);
    openPaths({dir});
}

void MainWindow::addSourcesDialog(bool registries)
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, registries ? tr("Add OOB Registry") : tr("Add Sources"), dialogDirectory(),
        registries ? tr("OOB registries (*.yaml *.yml)") : tr("Release archives (*.tar.gz *.tgz *.tar *.zip);;All files (*)"));
    if (paths.isEmpty())
        return;
    rememberDirectory(paths.first());
    addPaths(paths);
}

QString MainWindow::dialogDirectory() const
{
    return Settings::lastDirectory.value();
}

void MainWindow::rememberDirectory(const QString &path)
{
    const QFileInfo info(path);
    Settings::lastDirectory.setValue(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // A project replaces the document; sources join it (undoably) unless it is an untouched
    // untitled one, such as the bundled sample shown at start-up.
    const bool replace = (paths.size() == 1 && isProjectFile(paths.first()))
        || (m_doc->filePath().isEmpty() && !m_doc->isModified());
    if (!replace) {
        addPaths(paths);
    } else if (maybeSave()) {
        openPaths(paths);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_loader->cancel();
    Settings::windowGeometry.setValue(saveGeometry());
    Settings::windowState.setValue(saveState());
    Settings::graphSplitter.setValue(m_graph->saveSplitterState());
    Settings::currentTab.setValue(m_ui->tabs->currentIndex());
    event->accept();
}
