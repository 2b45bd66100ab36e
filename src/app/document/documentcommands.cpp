#include "documentcommands.h"

#include "document.h"

ChangeProjectCommand::ChangeProjectCommand(Document *doc, passlane::Project after, const QString &text,
                                           QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_before(doc->project()), m_after(std::move(after))
{
}

void ChangeProjectCommand::undo()
{
    m_doc->setProject(m_before);
}

void ChangeProjectCommand::redo()
{
    m_doc->setProject(m_after);
}
