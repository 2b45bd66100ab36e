#pragma once

#include "project/project.h"

#include <QUndoCommand>

class Document;

/// Replaces the project's inputs (sources, OOB files, accepted edits, progress models,
/// customers) with a new value, and back on undo. Every project edit made from the browse
/// side goes through it; the document reloads the catalog when the inputs changed.
class ChangeProjectCommand : public QUndoCommand {
public:
    ChangeProjectCommand(Document *doc, passlane::Project after, const QString &text,
                         QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document *m_doc;
    passlane::Project m_before;
    passlane::Project m_after;
};
