#pragma once

#include "project/project.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>
#include <optional>

class CatalogLoader;
class Document;
class FindingsPanel;
class GraphView;
class LoadStatus;
class PlannerView;
class QDockWidget;
class QTabWidget;
class RecentFiles;
class ReleasesPanel;
namespace Ui { class MainWindow; }
namespace passlane { struct Catalog; struct Project; }

/// The desktop shell: menus, docks, tabs and the document's life cycle (open, load in the
/// background, save, close). Views follow the Document; the window only wires them.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens what the command line or a drop names: one `*.passlane` project, or release
    /// archives/folders plus `*.yaml` OOB registries as a new untitled project.
    void openPaths(const QStringList &paths);
    void openProject(const QString &path);
    void openBundledSample();
    bool saveProjectAs(const QString &path);

    Document *document() const { return m_doc; }
    GraphView *graphView() const { return m_graph; }
    PlannerView *plannerView() const { return m_planner; }
    ReleasesPanel *releasesPanel() const { return m_releases; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    QTabWidget *tabs() const;
    bool isLoading() const;
    QString statusCounts() const;

Q_SIGNALS:
    /// A load finished and the document holds its catalog.
    void catalogLoaded();
    void loadFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createDocks();
    void createTabs();
    void connectActions();
    void restoreSettings();
    void startLoad();
    void revertSourceEdit();
    void onLoaded(std::shared_ptr<const passlane::Catalog> catalog, qint64 milliseconds);
    void updateTitle();
    bool maybeSave();
    bool save();
    bool saveAs();
    void openDialog();
    void openFolderDialog();
    void addSourcesDialog(bool registries);
    void addPaths(const QStringList &paths);
    void setTheme(const QString &mode);
    void applyThemeToViews();
    QString dialogDirectory() const;
    void rememberDirectory(const QString &path);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Document *m_doc;
    CatalogLoader *m_loader;
    LoadStatus *m_status;
    RecentFiles *m_recent;
    GraphView *m_graph = nullptr;
    PlannerView *m_planner = nullptr;
    ReleasesPanel *m_releases = nullptr;
    FindingsPanel *m_findings = nullptr;
    QDockWidget *m_releasesDock = nullptr;
    QDockWidget *m_findingsDock = nullptr;
    QStringList m_pendingRecent; ///< paths to record once their load succeeds
    /// A project being opened: it replaces the document only once its sources have loaded, so a
    /// failed or canceled open leaves the current document, its title and its file untouched.
    struct PendingOpen {
        passlane::Project project;
        QString filePath;
    };
    std::optional<PendingOpen> m_pendingOpen;
    /// The undo index of an edit whose new sources are loading: undone if they fail to load, so
    /// the project never names sources that the catalog on screen did not come from.
    std::optional<int> m_sourceEditIndex;
    void beginOpen(const passlane::Project &project, const QString &filePath);
};
