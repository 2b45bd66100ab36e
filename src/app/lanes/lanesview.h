#pragma once

#include "common/version.h"

#include <QWidget>

#include <memory>
#include <optional>

class Document;
class LanesScene;
class ScenarioRunner;
class QGraphicsView;
class QAction;
class QSortFilterProxyModel;
namespace Ui { class LanesView; }
namespace passlane { class WindowAnalysisModel; struct SourceWeight; }

/// The OOB lanes tab: one lane per OOB migration along the known minors, the current plan's
/// stops across them, and the what-if window analysis beside. Dragging a lane's deprecated end
/// pushes a SetDeprecationCommand; everything else follows the Document's signals.
class LanesView : public QWidget {
    Q_OBJECT
public:
    explicit LanesView(Document *doc, QWidget *parent = nullptr);
    ~LanesView() override;

    LanesScene *scene() const { return m_scene; }
    QGraphicsView *graphicsView() const;
    /// "Save registry as…": the effective registry (proposals applied) as oobmigrations.yaml.
    QAction *saveRegistryAction() const { return m_saveRegistryAction; }

    /// Writes the effective registry to `path` atomically (a regular file or a new one), after
    /// the first source registry's header comments and a line naming the proposals; returns an
    /// error message or empty.
    QString saveRegistry(const QString &path) const;
    /// Where "Save Registry As" starts: beside the first source registry, under a new name.
    QString suggestedRegistryPath() const;
    passlane::WindowAnalysisModel *analysisModel() const { return m_analysisModel; }
    QString analysisSummary() const;

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void rebuild();
    void updateLanes();
    void updateStops();
    void onDragged(int oobId, std::optional<passlane::MinorVersion> deprecated, bool finished);
    void saveRegistryAs();
    void chooseCustomers();
    void resetProposals();
    void laneMenu(const QPoint &pos);
    void updateAnalysis();

    std::unique_ptr<Ui::LanesView> m_ui;
    Document *m_doc;
    ScenarioRunner *m_runner;
    LanesScene *m_scene;
    QAction *m_saveRegistryAction;
    passlane::WindowAnalysisModel *m_analysisModel;
    QSortFilterProxyModel *m_analysisProxy;
    int m_dragId = 1; ///< the current drag's id: its moves merge into one undo step
};
