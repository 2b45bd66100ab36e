#include "lanes/lanesview.h"

LanesView::LanesView(Document *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
}

LanesView::~LanesView() = default;
