#pragma once

class Document;
class QWidget;

/// Asks for a `version,instances` CSV and records it in the project as one undoable edit.
/// The lanes and planner views both offer it; the window analysis weighs paths by it.
void chooseCustomerDistribution(QWidget *parent, Document *doc);
