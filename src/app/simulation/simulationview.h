#pragma once

#include "simulation/simulationconnectiondialog.h"

#include <QWidget>

#include <memory>

class Document;
class OobProgressChart;
class ScenarioRunner;
namespace Ui { class SimulationView; }
namespace passlane { class TimelineModel; }

/// The Simulation tab: backend and starting state, failure injection, Run with progress and
/// Cancel, then the timeline (a TimelineModel) and a chart of OOB progress over simulated time.
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

public Q_SLOTS:
    /// Starts a run with the current choices (does nothing while one is running).
    void run();
    void cancel();

private:
    void populateVersions();
    void populateFailures();
    void followRequest();
    void editConnection();
    void browseExport();
    void updateBackendUi();
    void onStarted();
    void onProgress(int done, int total, const QString &what);
    void onFinished();
    /// Shows the simulation of the current answer, or says there is none for this question.
    void showEvaluation();

    std::unique_ptr<Ui::SimulationView> m_ui;
    Document *m_doc;
    ScenarioRunner *m_runner;
    passlane::TimelineModel *m_model;
    OobProgressChart *m_chart;
    PostgresConnection m_connection; ///< password in memory only
};
