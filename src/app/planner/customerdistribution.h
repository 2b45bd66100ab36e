#pragma once

class Document;
class QString;
class QWidget;

/// Asks for a `version,instances` CSV and records it in the project as one undoable edit.
/// The lanes and planner views both offer it; the window analysis weighs paths by it.
void chooseCustomerDistribution(QWidget *parent, Document *doc);

/// Records `path` as the project's customer CSV (one undoable edit) if it reads as one.
/// Otherwise returns the reader's error, naming the file and the line, and changes nothing.
QString setCustomerDistribution(Document *doc, const QString &path);
