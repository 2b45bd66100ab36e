#include "simulation/simulationview.h"

SimulationView::SimulationView(Document *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
}

SimulationView::~SimulationView() = default;
