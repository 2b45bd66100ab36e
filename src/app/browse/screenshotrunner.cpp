#include "screenshotrunner.h"

#include "document/document.h"
#include "document/documentcommands.h"
#include "document/scenariorunner.h"
#include "graph/graphview.h"
#include "lanes/lanesgraphicsview.h"
#include "lanes/lanesview.h"
#include "mainwindow.h"
#include "simulation/simulationview.h"
#include "theme.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>

namespace {
constexpr int SettleMs = 1500; // planning views compute in the background after a switch
}

ScreenshotRunner::ScreenshotRunner(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent), m_window(window), m_directory(directory)
{
    QDir().mkpath(directory);
    connect(window, &MainWindow::catalogLoaded, this, [this] {
        // The graph lays out after the catalog arrives; wait for that too.
        if (m_window->graphView()->isLayoutPending())
            connect(m_window->graphView(), &GraphView::layoutReady, this, &ScreenshotRunner::start,
                    Qt::SingleShotConnection);
        else
            start();
    });
    connect(window, &MainWindow::loadFailed, this, [](const QString &message) {
        std::fprintf(stderr, "screenshots: load failed: %s\n", qPrintable(message));
        QApplication::exit(1);
    });
}

void ScreenshotRunner::start()
{
    if (std::exchange(m_started, true))
        return;
    // A representative pair for the planning views: the oldest release to the newest.
    Document *doc = m_window->document();
    const auto catalog = doc->catalog();
    if (catalog->releases.size() >= 2)
        doc->setPlanRequest(catalog->releases.first()->version, catalog->releases.last()->version);
    QTimer::singleShot(SettleMs, this, &ScreenshotRunner::next);
}

void ScreenshotRunner::next()
{
    QTabWidget *tabs = m_window->tabs();
    const int graphShots = 2;
    if (m_step == 0) {
        tabs->setCurrentIndex(0);
        grab(QStringLiteral("01-graph-overview"));
        // Second graph shot: a migration selected, its SQL in the side panel.
        m_window->graphView()->search(QStringLiteral("squashed"));
    } else if (m_step == 1) {
        grab(QStringLiteral("02-graph-migration"));
        // The selected migration's release band fitted, the overview framing it in the whole.
        m_window->graphView()->fitRelease();
        grab(QStringLiteral("02-graph-fit-release"));
    } else if (m_step - graphShots + 1 < tabs->count()) {
        const int tab = m_step - graphShots + 1;
        tabs->setCurrentIndex(tab);
        // An empty timeline shows nothing worth seeing: rehearse the plan first.
        if (auto *simulation = qobject_cast<SimulationView *>(tabs->widget(tab)))
            simulation->run();
        QTimer::singleShot(SettleMs, this, [this, tab, tabs] {
            QString name = tabs->tabText(tab).toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
            name.remove(QLatin1Char('&'));
            grab(QStringLiteral("%1-%2").arg(m_step + 1, 2, 10, QLatin1Char('0')).arg(name));
            if (auto *lanes = qobject_cast<LanesView *>(tabs->widget(tab))) {
                lanes->lanesGraphicsView()->fitAll(); // every known minor in view
                grab(QStringLiteral("%1-oob-lanes-fit").arg(m_step + 1, 2, 10, QLatin1Char('0')));
            }
            ++m_step;
            next();
        });
        return;
    } else {
        simulationShots(0);
        return;
    }
    ++m_step;
    QTimer::singleShot(SettleMs / 2, this, &ScreenshotRunner::next);
}

void ScreenshotRunner::simulationShots(int shot)
{
    QTabWidget *tabs = m_window->tabs();
    SimulationView *simulation = nullptr;
    for (int i = 0; i < tabs->count() && !simulation; ++i)
        if ((simulation = qobject_cast<SimulationView *>(tabs->widget(i))))
            tabs->setCurrentIndex(i);
    if (!simulation || shot > 1) {
        // The progress model was set for the pictures only: take it back, so that quitting
        // finds nothing unsaved to ask about.
        QUndoStack *undo = m_window->document()->undoStack();
        if (undo->cleanIndex() >= 0)
            undo->setIndex(undo->cleanIndex());
        QApplication::quit();
        return;
    }
    const int number = m_step + 1 + shot;
    if (shot == 0) {
        // The rehearsal with a progress model set: a million rows per OOB migration, at the
        // product's documented rate, so the OOB times mean something.
        Document *doc = m_window->document();
        passlane::Project p = doc->project();
        p.defaultProgress.rows = 1000000;
        doc->undoStack()->push(new ChangeProjectCommand(doc, p, QStringLiteral("progress model")));
        connect(doc->runner(), &ScenarioRunner::simulationFinished, this, [this, number] {
            QTimer::singleShot(SettleMs / 2, this, [this, number] {
                grab(QStringLiteral("%1-simulation-progress-model").arg(number, 2, 10, QLatin1Char('0')));
                simulationShots(1);
            });
        }, Qt::SingleShotConnection);
        QTimer::singleShot(SettleMs / 2, simulation, &SimulationView::run);
        return;
    }
    // The same tab in the dark theme.
    Theme::apply(QStringLiteral("dark"));
    QTimer::singleShot(SettleMs / 2, this, [this, number] {
        grab(QStringLiteral("%1-simulation-dark").arg(number, 2, 10, QLatin1Char('0')));
        simulationShots(2);
    });
}

void ScreenshotRunner::grab(const QString &name)
{
    const QString path = QDir(m_directory).filePath(name + QLatin1String(".png"));
    // A 256-colour palette keeps README pictures small; UI chrome has few distinct colours.
    const QImage image = m_window->grab().toImage().convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
    if (!image.save(path, "PNG", 9))
        std::fprintf(stderr, "screenshots: cannot write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}
