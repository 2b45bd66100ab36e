#pragma once

#include "catalog/catalog.h"
#include "common/result.h"
#include "common/version.h"
#include "oob/oobregistry.h"
#include "plan/upgradeplan.h"
#include "project/project.h"
#include "scenario/scenario.h"

#include <QMap>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QUndoStack;
class ScenarioRunner;

/// The open document: the project being edited, the catalog loaded from it, the undo stack,
/// the question the user is asking (where the instance starts, from/to), and the what-if
/// deprecation proposals. Its ScenarioRunner keeps the one answer to that question (plan,
/// window analysis, simulation) that every view and report shows.
/// Views and models follow its typed signals; they never keep their own copy of the state.
/// Every user edit goes through a QUndoCommand pushed on undoStack(); the commands call the
/// plain setters below (setProposal, clearProposal, setProject...), which only emit signals.
class Document : public QObject {
    Q_OBJECT
public:
    /// Proposed deprecation per OOB id; a nullopt value proposes to undeprecate.
    using Proposals = QMap<int, std::optional<passlane::MinorVersion>>;

    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // --- Project ---------------------------------------------------------------------------
    /// The project as it would be saved now (proposals included).
    passlane::Project project() const;
    /// Replaces the whole project (a new document): clears the undo stack and selection,
    /// takes proposals from project.proposals. With `catalog` (already loaded from the
    /// project's sources) the document is complete at once; without, sourcesChanged() asks
    /// for a load.
    void resetProject(const passlane::Project &project, const QString &filePath,
                      std::shared_ptr<const passlane::Catalog> catalog = nullptr);
    /// Replaces the project's inputs (sources, OOB files, accepted edits...) in place, as an
    /// undo command does; proposals are kept. Emits projectChanged() and sourcesChanged()
    /// when what has to be loaded changed.
    void setProject(const passlane::Project &project);
    QString filePath() const { return m_filePath; } ///< empty for an untitled project
    QString displayName() const;                    ///< file name, or "Untitled"
    /// Writes the project atomically and marks the undo stack clean on success.
    passlane::Status save(const QString &path);

    // --- Catalog ---------------------------------------------------------------------------
    /// The loaded catalog (never null: an empty one before the first load). Shared, read-only:
    /// background jobs may keep a copy of the pointer while the document moves on.
    std::shared_ptr<const passlane::Catalog> catalog() const { return m_catalog; }
    void setCatalog(std::shared_ptr<const passlane::Catalog> catalog);
    bool hasCatalog() const { return !m_catalog->releases.isEmpty(); }

    QUndoStack *undoStack() const { return m_undoStack; }
    bool isModified() const;

    // --- The question (not an edit: not undoable, not saved) -------------------------------
    std::optional<passlane::Version> planFrom() const { return m_from; }
    std::optional<passlane::Version> planTo() const { return m_to; }
    const passlane::ScenarioStart &start() const { return m_start; }
    bool hasPlanRequest() const { return m_to && (m_from || m_start.kind != passlane::ScenarioStart::Kind::Release); }
    /// A plain release start: from -> to.
    void setPlanRequest(const passlane::Version &from, const passlane::Version &to);
    /// Any start (a customer, an export, a live instance); `from` may be left to the start.
    void setQuestion(const passlane::ScenarioStart &start, std::optional<passlane::Version> from,
                     std::optional<passlane::Version> to);
    void clearPlanRequest();
    /// The question as a Scenario: the project (proposals included), its file, the start, from/to.
    passlane::Scenario scenario() const;
    /// The one runner that answers the scenario (plan, analysis, simulation).
    ScenarioRunner *runner() const { return m_runner; }
    /// The plan of the current answer (set by the runner). The graph view tints each step's
    /// migrations. Null: no plan to show.
    std::shared_ptr<const passlane::UpgradePlan> currentPlan() const { return m_currentPlan; }
    void setCurrentPlan(std::shared_ptr<const passlane::UpgradePlan> plan);

    // --- What-if proposals (edits: call these from undo commands only) ----------------------
    const Proposals &proposals() const { return m_proposals; }
    bool hasProposal(int oobId) const { return m_proposals.contains(oobId); }
    /// Proposes a deprecation (nullopt: undeprecate) for one OOB migration.
    void setProposal(int oobId, std::optional<passlane::MinorVersion> deprecated);
    /// Drops the proposal: the registry's own deprecation applies again.
    void clearProposal(int oobId);
    /// The catalog's registry with every proposal applied (OobRegistry::withDeprecation).
    const passlane::OobRegistry &effectiveRegistry() const { return m_effectiveRegistry; }

    // --- Migration selection (navigation, not an edit) --------------------------------------
    void selectMigration(const QString &schema, qint64 id);
    QString selectedSchema() const { return m_selectedSchema; }
    std::optional<qint64> selectedMigration() const { return m_selectedId; }

Q_SIGNALS:
    void catalogChanged();
    void projectChanged();
    /// Sources, OOB files or accepted edits changed: the catalog must be reloaded.
    void sourcesChanged();
    void proposalsChanged(int oobId);
    /// The start or the from/to pair changed.
    void planRequestChanged();
    void currentPlanChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    void selectedMigrationChanged(const QString &schema, qint64 id);

private:
    void rebuildEffectiveRegistry();
    void setFilePath(const QString &path);

    passlane::Project m_project; ///< proposals live in m_proposals, merged back by project()
    QString m_filePath;
    std::shared_ptr<const passlane::Catalog> m_catalog;
    passlane::OobRegistry m_effectiveRegistry;
    QUndoStack *m_undoStack;
    Proposals m_proposals;
    std::optional<passlane::Version> m_from;
    std::optional<passlane::Version> m_to;
    passlane::ScenarioStart m_start;
    ScenarioRunner *m_runner = nullptr;
    std::shared_ptr<const passlane::UpgradePlan> m_currentPlan;
    QString m_selectedSchema;
    std::optional<qint64> m_selectedId;
};
