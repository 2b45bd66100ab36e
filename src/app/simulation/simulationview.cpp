#include "simulation/simulationview.h"
#include "ui_simulationview.h"

#include "document/document.h"
#include "planner/tworoadspanel.h"
#include "simulation/oobprogresschart.h"
#include "simulation/oobprogressoverridesmodel.h"
#include "simulation/progressmodeleditor.h"
#include "simulation/timeassumptions.h"
#include "document/scenariorunner.h"
#include "models/timelinemodel.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>

using namespace passlane;

namespace {
enum FailureKind { NoFailure, SchemaFailure, OobFailure };
constexpr int FailureKindRole = Qt::UserRole + 1;
constexpr int FailureSchemaRole = Qt::UserRole + 2;
constexpr int FailureIdRole = Qt::UserRole + 3;

/// Green and red that read on the label's own background, light or dark.
QString goodColor(const QWidget *w)
{
    return w->palette().color(QPalette::Window).lightness() < 128 ? QStringLiteral("#6cd08a") : QStringLiteral("#107030");
}
QString badColor(const QWidget *w)
{
    return w->palette().color(QPalette::Window).lightness() < 128 ? QStringLiteral("#ff7a7a") : QStringLiteral("#b00000");
}
} // namespace

SimulationView::SimulationView(Document *doc, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SimulationView>()), m_doc(doc),
      m_runner(doc->runner()), m_model(new TimelineModel(this)), m_chart(new OobProgressChart(this)),
      m_progressEditor(new ProgressModelEditor(doc, this)), m_roads(new TwoRoadsPanel(this)),
      m_connection(SimulationConnectionDialog::loadSettings())
{
    m_ui->setupUi(this);
    m_ui->chartLayout->addWidget(m_chart);
    // The time model's two roads next to the rehearsal's figures, under what they rest on, in a
    // split above the timeline: the user decides how much room each gets, and the roads scroll
    // rather than squeeze the timeline.
    auto *roadsArea = new QScrollArea(this);
    roadsArea->setWidget(m_roads);
    roadsArea->setWidgetResizable(true);
    roadsArea->setFrameShape(QFrame::NoFrame);
    m_roadsSplitter = new QSplitter(Qt::Vertical, this);
    m_roadsSplitter->setChildrenCollapsible(false);
    m_ui->mainLayout->replaceWidget(m_ui->mainSplitter, m_roadsSplitter);
    m_roadsSplitter->addWidget(roadsArea);
    m_roadsSplitter->addWidget(m_ui->mainSplitter);
    m_roadsSplitter->setStretchFactor(0, 1);
    m_roadsSplitter->setStretchFactor(1, 3);
    m_ui->timelineTable->setModel(m_model);
    m_ui->timelineTable->verticalHeader()->hide();
    m_ui->timelineTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->timelineTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->progressLayout->addWidget(m_progressEditor);
    m_ui->mainSplitter->setStretchFactor(0, 3);
    m_ui->mainSplitter->setStretchFactor(1, 2);

    connect(m_ui->runButton, &QPushButton::clicked, this, &SimulationView::run);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SimulationView::cancel);
    connect(m_ui->connectionButton, &QPushButton::clicked, this, &SimulationView::editConnection);
    connect(m_ui->exportBrowseButton, &QToolButton::clicked, this, &SimulationView::browseExport);
    for (QRadioButton *radio : {m_ui->sqliteRadio, m_ui->postgresRadio, m_ui->startReleaseRadio, m_ui->startExportRadio, m_ui->startLiveRadio})
        connect(radio, &QRadioButton::toggled, this, &SimulationView::updateBackendUi);

    connect(m_runner, &ScenarioRunner::simulationStarted, this, &SimulationView::onStarted);
    connect(m_runner, &ScenarioRunner::simulationProgress, this, &SimulationView::onProgress);
    connect(m_runner, &ScenarioRunner::simulationFinished, this, &SimulationView::onFinished);
    connect(m_runner, &ScenarioRunner::simulationEvents, this, &SimulationView::onEvents);
    connect(m_runner, &ScenarioRunner::evaluationChanged, this, &SimulationView::showAssumptions);
    connect(m_runner, &ScenarioRunner::evaluationChanged, this, &SimulationView::populateFailures);
    connect(m_runner, &ScenarioRunner::evaluationChanged, this, &SimulationView::showEvaluation);
    connect(doc, &Document::catalogChanged, this, &SimulationView::populateVersions);
    connect(doc, &Document::planRequestChanged, this, &SimulationView::followRequest);

    populateVersions();
    populateFailures();
    updateBackendUi();
    showAssumptions();
    m_ui->statusLabel->setText(tr("Rehearse the upgrade: schema migrations, OOB progress and stops, in simulated time."));
}

SimulationView::~SimulationView() = default;

void SimulationView::populateVersions()
{
    const QList<Version> versions = m_doc->catalog()->graph.versions();
    for (QComboBox *combo : {m_ui->startReleaseCombo, m_ui->targetCombo}) {
        combo->clear();
        for (const Version &v : versions)
            combo->addItem(v.toString(), v.toString());
    }
    if (!versions.isEmpty())
        m_ui->targetCombo->setCurrentIndex(m_ui->targetCombo->count() - 1);
    followRequest();
}

void SimulationView::followRequest()
{
    if (const auto from = m_doc->planFrom())
        m_ui->startReleaseCombo->setCurrentIndex(m_ui->startReleaseCombo->findData(from->toString()));
    if (const auto to = m_doc->planTo())
        m_ui->targetCombo->setCurrentIndex(m_ui->targetCombo->findData(to->toString()));
}

void SimulationView::populateFailures()
{
    QComboBox *combo = m_ui->failureCombo;
    const QString keep = combo->currentText();
    combo->clear();
    combo->addItem(tr("(no failure)"));
    combo->setItemData(0, NoFailure, FailureKindRole);
    const auto evaluation = m_runner->evaluation();
    if (!evaluation || !evaluation->plan)
        return;
    const UpgradePlan *plan = &*evaluation->plan;
    QSet<int> oobIds;
    for (const PlanStep &step : plan->steps) {
        for (int id : step.oob)
            oobIds.insert(id);
        for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it) {
            for (qint64 id : it.value()) {
                combo->addItem(tr("%1 %2 (at %3)").arg(it.key()).arg(id).arg(step.release.toString()));
                combo->setItemData(combo->count() - 1, SchemaFailure, FailureKindRole);
                combo->setItemData(combo->count() - 1, it.key(), FailureSchemaRole);
                combo->setItemData(combo->count() - 1, id, FailureIdRole);
            }
        }
    }
    QList<int> sorted(oobIds.cbegin(), oobIds.cend());
    std::sort(sorted.begin(), sorted.end());
    // OOB migrations first after "none": there are few of them and they are the usual question.
    int at = 1;
    for (int id : sorted) {
        combo->insertItem(at, tr("OOB %1").arg(id));
        combo->setItemData(at, OobFailure, FailureKindRole);
        combo->setItemData(at, id, FailureIdRole);
        ++at;
    }
    const int previous = combo->findText(keep);
    combo->setCurrentIndex(previous >= 0 ? previous : 0);
}

void SimulationView::updateBackendUi()
{
    const bool pg = m_ui->postgresRadio->isChecked();
    m_ui->connectionButton->setEnabled(pg || m_ui->startLiveRadio->isChecked());
    m_ui->exportEdit->setEnabled(m_ui->startExportRadio->isChecked());
    m_ui->exportBrowseButton->setEnabled(m_ui->startExportRadio->isChecked());
    m_ui->startReleaseCombo->setEnabled(m_ui->startReleaseRadio->isChecked());
    m_ui->connectionLabel->setText(m_connection.isSet() ? m_connection.conninfo(false)
                                                        : tr("No connection configured"));
    m_ui->connectionLabel->setEnabled(pg);
}

void SimulationView::editConnection()
{
    SimulationConnectionDialog dialog(m_connection, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_connection = dialog.connection();
    SimulationConnectionDialog::saveSettings(m_connection);
    updateBackendUi();
}

void SimulationView::browseExport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Customer Export"), QString(),
                                                      tr("Exports (*.json *.csv);;All files (*)"));
    if (!path.isEmpty())
        m_ui->exportEdit->setText(path);
}

void SimulationView::run()
{
    if (m_runner->isSimulating())
        return;
    const auto target = Version::parse(m_ui->targetCombo->currentData().toString());
    if (!target) {
        QMessageBox::information(this, tr("Simulation"), tr("Open a project and choose a target release first."));
        return;
    }
    // The run answers the document's question: set it first, so that the planner, the lanes and
    // every report show the very plan that is rehearsed.
    ScenarioStart start;
    std::optional<Version> from;
    if (m_ui->startExportRadio->isChecked()) {
        start.kind = ScenarioStart::Kind::ExportFile;
        start.exportFile = m_ui->exportEdit->text().trimmed();
    } else if (m_ui->startLiveRadio->isChecked()) {
        if (!m_connection.isSet()) {
            editConnection();
            if (!m_connection.isSet())
                return;
        }
        start.kind = ScenarioStart::Kind::LiveInstance;
        start.dsns = {m_connection.conninfo(true)};
    } else {
        from = Version::parse(m_ui->startReleaseCombo->currentData().toString());
        if (m_doc->start().kind == ScenarioStart::Kind::Customer && from == m_doc->planFrom())
            start = m_doc->start(); // the planner's customer, with its own state and row counts
    }
    m_doc->setQuestion(start, from, target);

    SimulationRequest request;
    if (m_ui->postgresRadio->isChecked()) {
        if (!m_connection.isSet()) {
            editConnection();
            if (!m_connection.isSet())
                return;
        }
        request.backend = SimulationBackend::Postgres;
        request.dsn = m_connection.conninfo(true); // in memory only
        request.iOwnThisDatabase = m_connection.ownDatabase;
        request.superuser = m_connection.superuser;
        if (m_connection.ownDatabase)
            request.database = m_connection.database;
    }
    const int f = m_ui->failureCombo->currentIndex();
    switch (m_ui->failureCombo->itemData(f, FailureKindRole).toInt()) {
    case SchemaFailure: {
        FailureInjection injection;
        injection.schema = m_ui->failureCombo->itemData(f, FailureSchemaRole).toString();
        injection.migrationId = m_ui->failureCombo->itemData(f, FailureIdRole).toLongLong();
        request.failures.append(injection);
        break;
    }
    case OobFailure: {
        FailureInjection injection;
        injection.oobId = m_ui->failureCombo->itemData(f, FailureIdRole).toInt();
        request.failures.append(injection);
        break;
    }
    default:
        break;
    }
    m_runner->simulate(request);
}

void SimulationView::cancel()
{
    m_runner->cancel();
    m_ui->statusLabel->setText(tr("Canceling…"));
}

void SimulationView::onStarted()
{
    m_ui->runButton->setEnabled(false);
    m_ui->cancelButton->setEnabled(true);
    m_ui->progressBar->setRange(0, 0); // busy until the first report gives a total
    m_ui->progressBar->setFormat(QStringLiteral("%v / %m"));
    m_ui->statusLabel->setText(tr("Simulating…"));
    m_model->clear();
    m_chart->clear();
}

void SimulationView::onProgress(int done, int total, const QString &what)
{
    if (total > 0)
        m_ui->progressBar->setRange(0, total);
    m_ui->progressBar->setValue(done);
    if (!what.isEmpty())
        m_ui->statusLabel->setText(what);
}

void SimulationView::onEvents(const QList<TimelineEvent> &events)
{
    // The run is still going: show what happened so far, the chart's axis up to the last event.
    m_model->appendEvents(events);
    m_chart->setTimeline(m_model->events());
    m_ui->timelineTable->scrollToBottom();
    const TimelineEvent &last = events.constLast();
    m_ui->statusLabel->setText(tr("Simulating… %n event(s) so far, at %1: %2", nullptr, int(m_model->events().size()))
                                   .arg(formatDuration(last.atMs), last.message.toHtmlEscaped()));
}

QString SimulationView::assumptionsText() const
{
    return m_ui->assumptionsLabel->text();
}

QString SimulationView::statusText() const
{
    return m_ui->statusLabel->text();
}

void SimulationView::sizeRoads()
{
    // The first roads shown on screen get the room they need, the timeline the rest; the user's
    // own split is kept after that.
    const auto evaluation = m_runner->evaluation();
    if (m_roadsSized || !evaluation || !evaluation->time || !m_roadsSplitter->isVisible())
        return;
    m_roadsSized = true;
    const int total = m_roadsSplitter->height();
    const int wanted = m_roads->hasHeightForWidth() ? m_roads->heightForWidth(m_roadsSplitter->width())
                                                    : m_roads->sizeHint().height();
    const int roads = qMin(wanted + 4, total / 2);
    m_roadsSplitter->setSizes({roads, qMax(total - roads, 1)});
}

void SimulationView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    sizeRoads();
}

void SimulationView::showAssumptions()
{
    const auto evaluation = m_runner->evaluation();
    if (!evaluation) {
        m_ui->assumptionsLabel->clear();
        m_chart->setAssumptions({}, {});
        m_roads->setTimeModel(nullptr);
        return;
    }
    const TimeAssumptions a = TimeAssumptions::of(*evaluation);
    m_progressEditor->model()->setStartRows(evaluation->oobRows);
    m_ui->assumptionsLabel->setText(a.sentence());
    m_roads->setTimeModel(evaluation->time ? &*evaluation->time : nullptr);
    sizeRoads();
    const bool pg = evaluation->simulation && evaluation->simulation->backend == SimulationBackend::Postgres;
    m_chart->setAssumptions(pg ? tr("time on the server") : tr("simulated time"), a.brief());
}

void SimulationView::onFinished()
{
    m_ui->runButton->setEnabled(true);
    m_ui->cancelButton->setEnabled(false);
    const auto evaluation = m_runner->evaluation();
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(evaluation && evaluation->simulation && evaluation->simulation->completed ? 1 : 0);
    if (!evaluation || !evaluation->simulation) {
        m_ui->progressBar->setFormat(tr("failed"));
        m_ui->statusLabel->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(badColor(this), m_runner->error().toHtmlEscaped()));
        return;
    }
    showEvaluation();
}

void SimulationView::showEvaluation()
{
    if (m_runner->isSimulating())
        return;
    const auto evaluation = m_runner->evaluation();
    if (!evaluation || !evaluation->simulation) {
        // A result of another question is never shown beside this one's plan.
        m_model->clear();
        m_chart->clear();
        m_ui->progressBar->setRange(0, 1);
        m_ui->progressBar->setValue(0);
        m_ui->progressBar->setFormat(QString());
        m_ui->statusLabel->setText(tr("No rehearsal of this plan yet: press Run."));
        return;
    }
    const SimulationResult &r = *evaluation->simulation;
    m_model->setEvents(r.timeline);
    m_chart->setTimeline(r.timeline);
    m_ui->timelineTable->resizeColumnsToContents();

    QString state;
    if (r.canceled)
        state = tr("<b>Canceled.</b>");
    else if (r.completed)
        state = tr("<b style='color:%1'>Reached %2.</b>").arg(goodColor(this), r.to.toHtmlEscaped());
    else
        state = tr("<b style='color:%1'>Stopped:</b> %2").arg(badColor(this), r.failure.toHtmlEscaped());
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(r.completed ? 1 : 0);
    m_ui->progressBar->setFormat(r.canceled ? tr("canceled") : r.completed ? tr("done") : tr("failed"));
    QString text = tr("%1 %2 → %3 via %4 (%5): %6 migrations, %7 total, %8 waiting for OOB, est. downtime %9.")
                       .arg(state, r.from.toHtmlEscaped(), r.to.toHtmlEscaped(),
                            r.stops.isEmpty() ? tr("no stop") : r.stops.join(QStringLiteral(", ")), backendName(r.backend))
                       .arg(r.totals.migrationsApplied)
                       .arg(formatDuration(r.totals.totalMs), formatDuration(r.totals.oobWaitMs), formatDuration(r.totals.downtimeMs));
    if (r.totals.manualSteps > 0)
        text += QLatin1Char(' ') + tr("%n manual step(s).", nullptr, r.totals.manualSteps);
    if (!r.operatorAdvice.isEmpty())
        text += QStringLiteral("<br><i>%1</i>").arg(r.operatorAdvice.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    // The operator advice already names the scratch databases a stopped run kept; list only the rest.
    QStringList kept;
    for (const QString &db : r.databases)
        if (r.databasesKept && !r.operatorAdvice.contains(db))
            kept << db;
    if (!kept.isEmpty())
        text += QStringLiteral("<br>") + tr("Kept databases: %1").arg(kept.join(QStringLiteral(", ")).toHtmlEscaped());
    m_ui->statusLabel->setText(text);
}
