#include "document.h"

#include "document/scenariorunner.h"

#include <QFileInfo>
#include <QUndoStack>

using namespace passlane;

namespace {
/// Only these fields change what loadCatalog produces.
bool sameInputs(const Project &a, const Project &b)
{
    auto sameEdits = [](const QList<AcceptedEdit> &x, const QList<AcceptedEdit> &y) {
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i)
            if (x[i].schema != y[i].schema || x[i].id != y[i].id || x[i].release != y[i].release)
                return false;
        return true;
    };
    return a.sources == b.sources && a.versionOverrides == b.versionOverrides && a.oobFiles == b.oobFiles
        && sameEdits(a.acceptedEdits, b.acceptedEdits);
}
} // namespace

Document::Document(QObject *parent)
    : QObject(parent), m_catalog(std::make_shared<const Catalog>()), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    m_runner = new ScenarioRunner(this);
}

Document::~Document() = default;

Project Document::project() const
{
    Project p = m_project;
    p.proposals.clear();
    for (auto it = m_proposals.cbegin(); it != m_proposals.cend(); ++it)
        p.proposals.append(DeprecationProposal{it.key(), it.value()});
    return p;
}

void Document::resetProject(const Project &project, const QString &filePath, std::shared_ptr<const Catalog> catalog)
{
    const bool wasModified = isModified();
    m_undoStack->clear();
    m_project = project;
    m_proposals.clear();
    for (const DeprecationProposal &p : project.proposals)
        m_proposals.insert(p.oobId, p.deprecated);
    m_project.proposals.clear();
    m_from.reset();
    m_to.reset();
    m_start = {};
    m_currentPlan.reset();
    m_selectedSchema.clear();
    m_selectedId.reset();
    setFilePath(filePath);
    if (catalog) {
        m_catalog = std::move(catalog);
        rebuildEffectiveRegistry();
        Q_EMIT projectChanged();
        Q_EMIT catalogChanged();
        Q_EMIT proposalsChanged(-1);
    } else {
        rebuildEffectiveRegistry();
        Q_EMIT projectChanged();
        Q_EMIT sourcesChanged();
        Q_EMIT proposalsChanged(-1);
    }
    if (wasModified)
        Q_EMIT modifiedChanged(false);
}

void Document::setProject(const Project &project)
{
    const bool inputsChanged = !sameInputs(m_project, project);
    m_project = project;
    m_project.proposals.clear();
    Q_EMIT projectChanged();
    if (inputsChanged)
        Q_EMIT sourcesChanged();
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

Status Document::save(const QString &path)
{
    const Status status = project().save(path);
    if (!status)
        return status;
    setFilePath(path);
    m_undoStack->setClean();
    return status;
}

void Document::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

void Document::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = catalog ? std::move(catalog) : std::make_shared<const Catalog>();
    rebuildEffectiveRegistry();
    // A from/to pair that the new catalog does not know is dropped rather than left dangling.
    if ((m_from && !m_catalog->release(*m_from)) || (m_to && !m_catalog->release(*m_to)))
        clearPlanRequest();
    Q_EMIT catalogChanged();
    Q_EMIT proposalsChanged(-1);
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::setPlanRequest(const Version &from, const Version &to)
{
    setQuestion(ScenarioStart{}, from, to);
}

void Document::setQuestion(const ScenarioStart &start, std::optional<Version> from, std::optional<Version> to)
{
    if (m_start == start && m_from == from && m_to == to)
        return;
    m_start = start;
    m_from = from;
    m_to = to;
    Q_EMIT planRequestChanged();
}

void Document::clearPlanRequest()
{
    m_from.reset();
    m_to.reset();
    m_start = {};
    setCurrentPlan(nullptr);
    Q_EMIT planRequestChanged();
}

Scenario Document::scenario() const
{
    Scenario s;
    s.project = project();
    s.projectFile = m_filePath;
    s.start = m_start;
    s.from = m_from;
    s.to = m_to;
    return s;
}

void Document::setCurrentPlan(std::shared_ptr<const UpgradePlan> plan)
{
    if (m_currentPlan == plan)
        return;
    m_currentPlan = std::move(plan);
    Q_EMIT currentPlanChanged();
}

void Document::setProposal(int oobId, std::optional<MinorVersion> deprecated)
{
    auto it = m_proposals.constFind(oobId);
    if (it != m_proposals.cend() && *it == deprecated)
        return;
    m_proposals.insert(oobId, deprecated);
    rebuildEffectiveRegistry();
    Q_EMIT proposalsChanged(oobId);
}

void Document::clearProposal(int oobId)
{
    if (!m_proposals.remove(oobId))
        return;
    rebuildEffectiveRegistry();
    Q_EMIT proposalsChanged(oobId);
}

void Document::selectMigration(const QString &schema, qint64 id)
{
    if (m_selectedSchema == schema && m_selectedId == id)
        return;
    m_selectedSchema = schema;
    m_selectedId = id;
    Q_EMIT selectedMigrationChanged(schema, id);
}

void Document::rebuildEffectiveRegistry()
{
    m_effectiveRegistry = m_catalog->oob.withProposals(project().proposals);
}
