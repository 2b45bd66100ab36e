#pragma once

#include "graphlayout.h"

#include "common/result.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class Document;
class GraphCanvas;
class GraphScene;
class MigrationDetails;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
namespace passlane { struct Catalog; }

/// The stitched graph of one schema (picked in a combo box) as a layered DAG, with search,
/// zoom, plan highlighting, exports, and the selected migration's details beside it.
/// Layout runs on a worker thread; results for a stale catalog or schema are dropped.
class GraphView : public QWidget {
    Q_OBJECT
public:
    explicit GraphView(Document *doc, QWidget *parent = nullptr);
    ~GraphView() override;

    QStringList schemas() const;
    QString schema() const;
    void setSchema(const QString &schema);

    /// Selects the next migration whose id starts with, or whose name contains, `text`, and
    /// centres on it. False when nothing matches.
    bool search(const QString &text);
    /// Tints each step's migrations of the shown schema (step i: ids[i]). Empty: clears.
    void highlightPlan(const QList<QSet<qint64>> &stepIds);

    /// The whole graph at scale 1, labels as text in the application font.
    passlane::Status exportSvg(const QString &path) const;
    /// The whole graph on one PNG sheet: cut into bands stacked top to bottom when long,
    /// at a scale that keeps labels legible (GraphExport::planSheet).
    passlane::Status exportPng(const QString &path) const;
    passlane::Status exportDot(const QString &path) const;

    bool isLayoutPending() const { return m_pendingLayout; }
    GraphScene *scene() const { return m_scene; }
    GraphCanvas *canvas() const { return m_canvas; }
    MigrationDetails *details() const { return m_details; }
    void setDark(bool dark);

    /// Fits the release band of the selected migration (or of the node nearest the view's
    /// centre) at a readable zoom; returns that minor ("6.2"), empty when the graph is empty.
    QString fitRelease();
    void setOverviewVisible(bool visible);
    bool isOverviewVisible() const;

    /// View actions (zoom, fit, find, export), for the main window's menus.
    QList<QAction *> viewActions() const { return m_viewActions; }
    QList<QAction *> exportActions() const { return m_exportActions; }
    QByteArray saveSplitterState() const;
    void restoreSplitterState(const QByteArray &state);

Q_SIGNALS:
    /// The scene holds the current schema's graph (after a background layout).
    void layoutReady();
    void statusMessage(const QString &message);

private:
    void createActions();
    void onCatalogChanged();
    void requestLayout();
    void onLayoutFinished();
    void showSelection(const QString &schema, qint64 id);
    void onSceneSelectionChanged();
    void applyCurrentPlan();
    void showContextMenu(qint64 id, const QPoint &globalPos);
    void exportWithDialog(const QString &filter, const QString &suffix);
    void updateLegend();
    void showNewest();

    struct CachedLayout {
        GraphLayoutInput input;
        GraphLayoutResult result;
    };

    Document *m_doc;
    GraphScene *m_scene;
    GraphCanvas *m_canvas;
    MigrationDetails *m_details;
    QSplitter *m_splitter;
    QComboBox *m_schemaCombo;
    QLineEdit *m_searchEdit;
    QLabel *m_legend;
    QLabel *m_busy;
    QAction *m_overviewAction = nullptr;
    QList<QAction *> m_viewActions;
    QList<QAction *> m_exportActions;
    QFutureWatcher<GraphLayoutResult> m_watcher;
    std::shared_ptr<const passlane::Catalog> m_layoutCatalog; ///< the catalog the running layout is for
    QString m_layoutSchema;
    GraphLayoutInput m_layoutInput;
    QHash<QString, CachedLayout> m_cache; ///< per schema, for the current catalog
    bool m_pendingLayout = false;
    bool m_syncingSelection = false;
    std::optional<qint64> m_pendingSelection;
};
