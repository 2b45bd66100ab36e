#include "lanes/lanesview.h"
#include "ui_lanesview.h"

#include "document/document.h"
#include "document/documentcommands.h"
#include "browse/settings.h"
#include "lanes/deprecateatdialog.h"
#include "lanes/lanehandleitem.h"
#include "lanes/lanesgraphicsview.h"
#include "lanes/lanesscene.h"
#include "lanes/setdeprecationcommand.h"
#include "common/safefile.h"
#include "oob/deprecationproposal.h"
#include "plan/versionindex.h"
#include "plan/windowanalysis.h"
#include "report/windowreport.h"
#include "models/windowanalysismodel.h"
#include "planner/customerdistribution.h"
#include "document/scenariorunner.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>
#include <QShowEvent>
#include <QTimer>
#include <QSortFilterProxyModel>
#include <QMessageBox>
#include <QDir>
#include <QUndoStack>

#include <algorithm>

using namespace passlane;

LanesView::LanesView(Document *doc, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::LanesView>()), m_doc(doc), m_runner(doc->runner()),
      m_scene(new LanesScene(this)), m_analysisModel(new WindowAnalysisModel(this)),
      m_analysisProxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_analysisProxy->setSourceModel(m_analysisModel);
    m_analysisProxy->setSortRole(WindowAnalysisModel::SortRole);
    m_ui->analysisTable->setModel(m_analysisProxy);
    m_ui->analysisTable->verticalHeader()->hide();
    m_ui->analysisTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->analysisTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->analysisTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->analysisTable->sortByColumn(WindowAnalysisModel::SourceColumn, Qt::AscendingOrder);
    m_ui->graphicsView->setScene(m_scene);
    m_scene->applyPalette(palette());
    // The lanes keep the height they were given; a taller window goes to the analysis.
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    // Where the person last put the split; the first time, wide enough for the analysis.
    if (m_ui->splitter->restoreState(Settings::lanesSplitter.value()))
        m_splitDone = true;
    connect(m_ui->splitter, &QSplitter::splitterMoved, this,
            [this] { Settings::lanesSplitter.setValue(m_ui->splitter->saveState()); });

    LanesGraphicsView *canvas = m_ui->graphicsView;
    connect(m_ui->zoomInButton, &QToolButton::clicked, canvas, [canvas] { canvas->zoomBy(1.25); });
    connect(m_ui->zoomOutButton, &QToolButton::clicked, canvas, [canvas] { canvas->zoomBy(0.8); });
    connect(m_ui->fitButton, &QToolButton::clicked, canvas, &LanesGraphicsView::fitAll);
    connect(canvas, &LanesGraphicsView::stepRequested, this, [this](int oobId, int delta) { stepDeprecation(oobId, delta); });
    connect(m_ui->deprecateAtButton, &QToolButton::clicked, this, &LanesView::deprecateSelectedAt);
    m_ui->deprecateAtButton->setEnabled(false);
    connect(m_scene, &QGraphicsScene::selectionChanged, this,
            [this] { m_ui->deprecateAtButton->setEnabled(m_scene->selectedLane() != nullptr); });
    // F2 (rename-like: edit the selected lane's value) opens "Deprecate at…".
    auto *deprecateAt = new QAction(tr("Deprecate At…"), this);
    deprecateAt->setShortcut(QKeySequence(Qt::Key_F2));
    deprecateAt->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(deprecateAt, &QAction::triggered, this, &LanesView::deprecateSelectedAt);
    canvas->addAction(deprecateAt);

    // Short fixed labels (the command text goes to the tooltip) so the toolbar does not jump
    // while a lane is dragged.
    QUndoStack *stack = doc->undoStack();
    auto *undo = new QAction(tr("Undo"), this);
    auto *redo = new QAction(tr("Redo"), this);
    connect(undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(redo, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, undo, [undo](const QString &t) { undo->setToolTip(tr("Undo %1").arg(t)); });
    connect(stack, &QUndoStack::redoTextChanged, redo, [redo](const QString &t) { redo->setToolTip(tr("Redo %1").arg(t)); });
    undo->setEnabled(stack->canUndo());
    redo->setEnabled(stack->canRedo());
    m_ui->undoButton->setDefaultAction(undo);
    m_ui->redoButton->setDefaultAction(redo);

    m_saveRegistryAction = new QAction(tr("Save Registry As…"), this);
    m_saveRegistryAction->setObjectName(QStringLiteral("saveRegistryAction"));
    connect(m_saveRegistryAction, &QAction::triggered, this, &LanesView::saveRegistryAs);
    connect(m_ui->saveRegistryButton, &QToolButton::clicked, this, &LanesView::saveRegistryAs);
    connect(m_ui->customersButton, &QToolButton::clicked, this, &LanesView::chooseCustomers);
    connect(m_ui->resetButton, &QToolButton::clicked, this, &LanesView::resetProposals);

    connect(m_scene, &LanesScene::deprecationDragged, this, &LanesView::onDragged);
    m_ui->graphicsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->graphicsView, &QWidget::customContextMenuRequested, this, &LanesView::laneMenu);
    // Double-clicking a source in the analysis plans its upgrade to the analysed target.
    connect(m_ui->analysisTable, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto from = Version::parse(index.data(WindowAnalysisModel::SourceRole).toString());
        if (from)
            m_doc->setPlanRequest(*from, m_analysisModel->report().target);
    });
    connect(doc, &Document::catalogChanged, this, &LanesView::rebuild);
    connect(doc, &Document::proposalsChanged, this, &LanesView::updateLanes);
    // Stops and analysis come from one answer, so they always agree with each other.
    connect(m_runner, &ScenarioRunner::evaluationChanged, this, &LanesView::showEvaluation);
    rebuild();
}

LanesView::~LanesView()
{
    // The scene dies after the form: clearing its items must not reach the form's buttons.
    disconnect(m_scene, nullptr, this, nullptr);
}

QGraphicsView *LanesView::graphicsView() const
{
    return m_ui->graphicsView;
}

LanesGraphicsView *LanesView::lanesGraphicsView() const
{
    return m_ui->graphicsView;
}

void LanesView::rebuild()
{
    const VersionIndex index(m_doc->catalog()->graph.versions());
    const bool newAxis = m_scene->axis().minors != index.minors();
    m_scene->setMinors(index.minors());
    showEvaluation();
    initialSplit();
    // Another set of minors starts fitted to the view (once it has its size).
    if (newAxis && !index.minors().isEmpty()) {
        m_fitPending = true;
        if (isVisible()) {
            m_fitPending = false;
            m_ui->graphicsView->fitAll();
        }
    }
}

void LanesView::showEvaluation()
{
    updateStops(); // the lanes too: those causing a stop are emphasised
    updateAnalysis();
}

void LanesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    initialSplit();
    if (std::exchange(m_fitPending, false) && m_scene->axis().count() > 0)
        QTimer::singleShot(0, m_ui->graphicsView, &LanesGraphicsView::fitAll); // after the layout settles
}

void LanesView::initialSplit()
{
    // Lanes above, the analysis below at the full width, so its columns (the stop lists too)
    // are not cut. The lanes get the height they need, within 60% of the view; the analysis the
    // rest. Done once there are lanes to measure; afterwards the person's split is kept.
    if (m_splitDone || !isVisible() || m_scene->lanesInOrder().isEmpty())
        return;
    m_splitDone = true;
    QGraphicsView *canvas = m_ui->graphicsView;
    const int wanted = int(m_scene->sceneRect().height()) + 2 * canvas->frameWidth()
                     + canvas->horizontalScrollBar()->sizeHint().height() + 4;
    const int total = m_ui->splitter->height();
    const int lanes = qMin(wanted, total * 3 / 5);
    m_ui->splitter->setSizes({lanes, total - lanes});
}

void LanesView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_scene->applyPalette(palette());
}

void LanesView::updateAnalysis()
{
    const std::shared_ptr<const Evaluation> evaluation = m_runner->evaluation();
    if (!evaluation || evaluation->versions.releases().isEmpty()) {
        m_analysisModel->clear();
        m_ui->analysisSummary->setText(m_runner->error().isEmpty()
                                           ? tr("Open a project to analyse OOB windows.")
                                           : QStringLiteral("<span style='color:#b00000'>%1</span>").arg(m_runner->error().toHtmlEscaped()));
        return;
    }
    m_analysisModel->setReport(evaluation->windows);
    m_ui->analysisSummary->setText(analysisSummary());
}

QString LanesView::analysisSummary() const
{
    const WindowReport &r = m_analysisModel->report();
    const QString csv = m_doc->project().customersCsv;
    QStringList lines;
    const QString who = csv.isEmpty() ? tr("source releases") : tr("instances");
    lines << tr("Upgrades to <b>%1</b>, %2 %3 considered (%4).")
                 .arg(r.target.toString())
                 .arg(r.totalInstances)
                 .arg(who, csv.isEmpty() ? tr("no customer CSV: one per release") : QFileInfo(csv).fileName().toHtmlEscaped());
    if (r.proposals.isEmpty()) {
        lines << tr("No proposal: drag the end of a lane to propose another deprecation.");
    } else {
        lines << windowHeadline(r).toHtmlEscaped();
        for (const ProposalAdvice &a : r.advice) {
            lines << tr("OOB %1: %2 → %3; earliest without an extra stop: %4")
                         .arg(a.id)
                         .arg(a.current ? a.current->toString() : tr("never"),
                              a.proposed ? a.proposed->toString() : tr("never"),
                              earliestNoExtraStopText(a).toHtmlEscaped());
        }
    }
    for (const Problem &p : r.problems)
        lines << QStringLiteral("<span style='color:#a06000'>%1</span>").arg(p.message.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

void LanesView::updateLanes()
{
    const Catalog &catalog = *m_doc->catalog();
    const QList<MinorVersion> &minors = m_scene->axis().minors;
    QSet<int> stopping;
    const std::shared_ptr<const Evaluation> evaluation = m_runner->evaluation();
    if (evaluation && evaluation->plan)
        for (const Stop &s : evaluation->plan->stops)
            for (int id : s.oob)
                stopping.insert(id);

    QList<OobMigration> shown;
    for (const OobMigration &m : m_doc->effectiveRegistry().migrations()) {
        // Lanes that ended before the first known release never matter to any plan here.
        if (m.deprecated && !minors.isEmpty() && !(minors.first() < *m.deprecated))
            continue;
        shown.append(m);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const OobMigration &a, const OobMigration &b) {
        return a.introduced != b.introduced ? a.introduced < b.introduced : a.id < b.id;
    });

    QList<LaneItem::Data> lanes;
    for (const OobMigration &m : std::as_const(shown)) {
        LaneItem::Data d;
        d.oobId = m.id;
        d.label = QStringLiteral("%1  %2").arg(m.id).arg(m.component.isEmpty() ? m.description : m.component);
        d.introduced = m.introduced;
        d.deprecated = m.deprecated;
        const OobMigration *original = catalog.oob.find(m.id);
        d.original = original ? original->deprecated : m.deprecated;
        d.proposed = m_doc->hasProposal(m.id);
        d.causesStop = stopping.contains(m.id);
        d.tooltip = tr("<b>OOB %1</b> (%2)<br>%3<br>introduced %4, deprecated %5%6")
                        .arg(m.id)
                        .arg(m.team.toHtmlEscaped(), m.description.toHtmlEscaped(), m.introduced.toString(),
                             m.deprecated ? m.deprecated->toString() : tr("never"),
                             d.proposed ? tr("<br><i>proposed; the registry says %1</i>")
                                              .arg(d.original ? d.original->toString() : tr("never"))
                                        : QString());
        lanes.append(d);
    }
    m_scene->setLanes(lanes);
    m_ui->resetButton->setEnabled(!m_doc->proposals().isEmpty());
}

void LanesView::updateStops()
{
    const std::shared_ptr<const Evaluation> evaluation = m_runner->evaluation();
    const UpgradePlan *plan = evaluation && evaluation->plan ? &*evaluation->plan : nullptr;
    if (!plan) {
        m_scene->setStops({}, std::nullopt);
        m_ui->planLabel->setText(m_runner->error().isEmpty()
                                     ? tr("Pick a from/to pair in the Planner to see its stops")
                                     : m_runner->error());
    } else {
        m_scene->setStops(plan->stops, std::make_pair(plan->from, plan->to));
        QStringList stops;
        for (const Stop &s : plan->stops)
            stops << s.release.toString();
        QString text = tr("Plan %1 → %2: ").arg(plan->from.toString(), plan->to.toString());
        text += stops.isEmpty() ? tr("no stop") : tr("%n stop(s) at %1", nullptr, int(stops.size())).arg(stops.join(QStringLiteral(", ")));
        if (!plan->ok())
            text += QStringLiteral(" — ") + tr("%n error(s)", nullptr, int(problemsOf(plan->problems, Severity::Error).size()));
        if (evaluation->scenario.isWhatIf())
            text += QStringLiteral(" — ") + tr("what-if");
        m_ui->planLabel->setText(text);
    }
    updateLanes(); // lanes that cause a stop are emphasised
}

void LanesView::onDragged(int oobId, std::optional<MinorVersion> deprecated, bool finished)
{
    const OobMigration *current = m_doc->effectiveRegistry().find(oobId);
    if (current && current->deprecated != deprecated)
        m_doc->undoStack()->push(new SetDeprecationCommand(m_doc, oobId, deprecated, m_dragId));
    if (finished)
        ++m_dragId; // the next drag is its own undo step
}

QString LanesView::checkDeprecation(int oobId, const QString &text, std::optional<MinorVersion> *value) const
{
    const OobMigration *m = m_doc->effectiveRegistry().find(oobId);
    if (!m)
        return tr("OOB %1 is not in the registry.").arg(oobId);
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return tr("Type a minor version such as 6.6, or “never”.");
    if (typed.compare(QLatin1String("never"), Qt::CaseInsensitive) == 0) {
        if (value)
            *value = std::nullopt;
        return {};
    }
    const std::optional<MinorVersion> minor = MinorVersion::parse(typed);
    if (!minor)
        return tr("“%1” is not a version: type MAJOR.MINOR such as 6.6, or “never”.").arg(typed);
    const QList<MinorVersion> &minors = m_scene->axis().minors;
    if (!minors.contains(*minor)) {
        if (minors.isEmpty())
            return tr("No release is loaded.");
        return tr("%1 is not a released minor: the releases run from %2 to %3.")
            .arg(minor->toString(), minors.first().toString(), minors.last().toString());
    }
    if (!(m->introduced < *minor)) {
        const qsizetype first = std::upper_bound(minors.cbegin(), minors.cend(), m->introduced) - minors.cbegin();
        return tr("OOB %1 is introduced at %2: its deprecation must come after that (%3 at the earliest).")
            .arg(oobId)
            .arg(m->introduced.toString(), first < minors.size() ? minors[first].toString() : tr("never"));
    }
    if (value)
        *value = *minor;
    return {};
}

void LanesView::propose(int oobId, std::optional<MinorVersion> deprecated)
{
    const OobMigration *current = m_doc->effectiveRegistry().find(oobId);
    if (!current || current->deprecated == deprecated)
        return;
    const OobMigration *registry = m_doc->catalog()->oob.find(oobId);
    if (registry && registry->deprecated == deprecated && m_doc->hasProposal(oobId))
        m_doc->undoStack()->push(SetDeprecationCommand::clearing(m_doc, oobId));
    else
        m_doc->undoStack()->push(new SetDeprecationCommand(m_doc, oobId, deprecated));
}

QString LanesView::deprecateAt(int oobId, const QString &text)
{
    std::optional<MinorVersion> value;
    const QString problem = checkDeprecation(oobId, text, &value);
    if (problem.isEmpty())
        propose(oobId, value);
    return problem;
}

bool LanesView::stepDeprecation(int oobId, int delta)
{
    LaneItem *lane = m_scene->lane(oobId);
    if (!lane)
        return false;
    const LaneAxis &axis = m_scene->axis();
    const int from = axis.endSlot(lane->data().deprecated);
    const int to = qBound(lane->minEndSlot(), from + delta, axis.openSlot());
    if (to == from) {
        Q_EMIT statusMessage(delta < 0 ? tr("OOB %1 cannot be deprecated earlier: it is introduced at %2.")
                                             .arg(oobId).arg(lane->data().introduced.toString())
                                       : tr("OOB %1 is already never deprecated.").arg(oobId));
        return false;
    }
    propose(oobId, axis.minorAt(to));
    // The handle shows the new end at once; keep it in view.
    m_ui->graphicsView->ensureVisible(QRectF(axis.x(to) - 8, lane->pos().y(), 16, LaneAxis::kLaneHeight), 40, 0);
    return true;
}

void LanesView::deprecateSelectedAt()
{
    LaneItem *lane = m_scene->selectedLane();
    if (!lane)
        return;
    const int id = lane->oobId();
    const auto &current = lane->data().deprecated;
    DeprecateAtDialog dialog(lane->data().label, current ? current->toString() : QStringLiteral("never"),
                             [this, id](const QString &text) { return checkDeprecation(id, text); }, this);
    if (dialog.exec() == QDialog::Accepted)
        deprecateAt(id, dialog.text());
}

void LanesView::laneMenu(const QPoint &pos)
{
    LaneItem *lane = nullptr;
    for (QGraphicsItem *item : m_ui->graphicsView->items(pos)) {
        if (item->type() == LaneItem::Type)
            lane = static_cast<LaneItem *>(item);
        else if (item->type() == LaneHandleItem::Type)
            lane = static_cast<LaneItem *>(item->parentItem());
        if (lane)
            break;
    }
    if (!lane)
        return;
    const int id = lane->oobId();
    m_scene->selectLane(id);
    QMenu menu(this);
    QAction *at = menu.addAction(tr("Deprecate OOB %1 At…").arg(id));
    QAction *never = menu.addAction(tr("Never Deprecate OOB %1").arg(id));
    never->setEnabled(lane->data().deprecated.has_value());
    QAction *reset = menu.addAction(tr("Reset OOB %1 to the Registry").arg(id));
    reset->setEnabled(m_doc->hasProposal(id));
    QAction *chosen = menu.exec(m_ui->graphicsView->viewport()->mapToGlobal(pos));
    if (chosen == at)
        deprecateSelectedAt();
    else if (chosen == never)
        m_doc->undoStack()->push(new SetDeprecationCommand(m_doc, id, std::nullopt));
    else if (chosen == reset)
        m_doc->undoStack()->push(SetDeprecationCommand::clearing(m_doc, id));
}

void LanesView::resetProposals()
{
    const QList<int> ids = m_doc->proposals().keys();
    if (ids.isEmpty())
        return;
    QUndoStack *stack = m_doc->undoStack();
    stack->beginMacro(tr("Reset proposals"));
    for (int id : ids)
        stack->push(SetDeprecationCommand::clearing(m_doc, id));
    stack->endMacro();
}

QString LanesView::saveRegistry(const QString &path) const
{
    QByteArray out;
    const QStringList sources = m_doc->project().oobFiles;
    if (!sources.isEmpty()) {
        // The registry's own header (licence, provenance) stays; a source that cannot be read
        // just has none to keep.
        if (const auto source = readRegularFile(sources.first(), 64 * 1024 * 1024))
            out += OobRegistry::headerComments(source.value());
    }
    QStringList proposals;
    for (const DeprecationProposal &p : m_doc->project().proposals)
        proposals << p.toString();
    if (!proposals.isEmpty())
        out += "# Deprecations changed in Passlane (OOB id=minor): " + proposals.join(QStringLiteral(", ")).toUtf8() + '\n';
    out += m_doc->effectiveRegistry().toYaml();
    const Status written = writeFileAtomically(path, out);
    return written ? QString() : written.error().toString();
}

QString LanesView::suggestedRegistryPath() const
{
    const QStringList sources = m_doc->project().oobFiles;
    const QFileInfo first(sources.isEmpty() ? QString() : sources.first());
    QDir dir = first.absoluteDir();
    if (sources.isEmpty() || !dir.exists())
        dir = QDir::home();
    const QString base = sources.isEmpty() ? QStringLiteral("oobmigrations") : first.completeBaseName();
    return dir.filePath(base + QStringLiteral("-proposed.yaml"));
}

void LanesView::saveRegistryAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Registry As"), suggestedRegistryPath(),
                                                      tr("OOB registry (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    // Overwriting a registry the project reads changes every answer from then on: ask plainly.
    for (const QString &source : m_doc->project().oobFiles) {
        if (QFileInfo(source).absoluteFilePath() == QFileInfo(path).absoluteFilePath()
            && QMessageBox::warning(this, tr("Save Registry"),
                                    tr("%1 is a registry this project reads. Replace it with the proposals applied?").arg(path),
                                    QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            return;
    }
    const QString error = saveRegistry(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Save Registry"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    Q_EMIT statusMessage(tr("Registry written to %1").arg(QDir::toNativeSeparators(path)));
}

void LanesView::chooseCustomers()
{
    chooseCustomerDistribution(this, m_doc);
}
