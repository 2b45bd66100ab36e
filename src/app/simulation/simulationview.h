#pragma once

#include "simulation/simulationconnectiondialog.h"

#include <QWidget>

#include <memory>

class Document;
class OobProgressChart;
class ProgressModelEditor;
class ScenarioRunner;
class QSplitter;
class TwoRoadsPanel;
namespace Ui { class SimulationView; }
namespace passlane { class TimelineModel; struct TimelineEvent; }

/// The Simulation tab: backend and starting state, failure injection, Run with progress and
/// Cancel, then the timeline (a TimelineModel) and a chart of OOB progress over simulated time,
/// which follow a running simulation event by event, beside the time model's two roads. Every time figure says what it rests on,
/// beside the OOB progress model it can be changed in.
/// The run is the document's ScenarioRunner's: it answers the question (start, pair) with a
/// rehearsal of its plan, so the simulation shown is always the plan's own.
class SimulationView : public QWidget {
    Q_OBJECT
public:
    explicit SimulationView(Document *doc, QWidget *parent = nullptr);
    ~SimulationView() override;

    passlane::TimelineModel *timelineModel() const { return m_model; }
    OobProgressChart *chart() const { return m_chart; }
    ScenarioRunner *runner() const { return m_runner; }
    ProgressModelEditor *progressEditor() const { return m_progressEditor; }
    TwoRoadsPanel *roadsPanel() const { return m_roads; }
    /// What the shown times rest on (the progress model, the time per schema migration).
    QString assumptionsText() const;
    QString statusText() const;

public Q_SLOTS:
    /// Starts a run with the current choices (does nothing while one is running).
    void run();
    void cancel();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void sizeRoads();
    void populateVersions();
    void populateFailures();
    void followRequest();
    void editConnection();
    void browseExport();
    void updateBackendUi();
    void onStarted();
    void onProgress(int done, int total, const QString &what);
    void onEvents(const QList<passlane::TimelineEvent> &events);
    void showAssumptions();
    void onFinished();
    /// Shows the simulation of the current answer, or says there is none for this question.
    void showEvaluation();

    std::unique_ptr<Ui::SimulationView> m_ui;
    Document *m_doc;
    ScenarioRunner *m_runner;
    passlane::TimelineModel *m_model;
    OobProgressChart *m_chart;
    ProgressModelEditor *m_progressEditor;
    TwoRoadsPanel *m_roads;
    QSplitter *m_roadsSplitter = nullptr; ///< the roads above the timeline, chart and progress model
    bool m_roadsSized = false;
    PostgresConnection m_connection; ///< password in memory only
};
