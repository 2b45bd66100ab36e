#include "planner/plannerview.h"

PlannerView::PlannerView(Document *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
}

PlannerView::~PlannerView() = default;
