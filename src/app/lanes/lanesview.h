#pragma once

#include "common/version.h"

#include <QWidget>

#include <memory>
#include <optional>

class Document;
class LanesGraphicsView;
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
    LanesGraphicsView *lanesGraphicsView() const;
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

    /// Why `text` cannot be the deprecation of `oobId` ("6.6", "6.6.0" or "never" can), or empty
    /// when it can; `value` receives the deprecation (nullopt: never).
    QString checkDeprecation(int oobId, const QString &text, std::optional<passlane::MinorVersion> *value = nullptr) const;
    /// Proposes the typed deprecation for `oobId` as one undo step; returns the check's message
    /// (nothing changes) or empty.
    QString deprecateAt(int oobId, const QString &text);
    /// Moves `oobId`'s deprecation `delta` known minors (the open end after the last), as one undo
    /// step; returns false when the lane's range does not allow it.
    bool stepDeprecation(int oobId, int delta);
    /// Opens "Deprecate at…" for the selected lane.
    void deprecateSelectedAt();

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
    /// Stops, plan line and analysis from the runner's one evaluation, in one go: what the
    /// lanes show and what the analysis says never come from two answers.
    void showEvaluation();
    /// Proposes `deprecated` for `oobId` as its own undo step; the registry's own value drops
    /// the proposal instead of proposing what is already there.
    void propose(int oobId, std::optional<passlane::MinorVersion> deprecated);
    void initialSplit();
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

    std::unique_ptr<Ui::LanesView> m_ui;
    Document *m_doc;
    ScenarioRunner *m_runner;
    LanesScene *m_scene;
    QAction *m_saveRegistryAction;
    passlane::WindowAnalysisModel *m_analysisModel;
    QSortFilterProxyModel *m_analysisProxy;
    int m_dragId = 1; ///< the current drag's id: its moves merge into one undo step
    bool m_fitPending = true; ///< fit the axis to the view once it has its size
    bool m_splitDone = false;
};
