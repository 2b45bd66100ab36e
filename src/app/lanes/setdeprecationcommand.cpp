#include "lanes/setdeprecationcommand.h"

#include "document/document.h"

using namespace passlane;

SetDeprecationCommand::SetDeprecationCommand(Document *doc, int oobId, std::optional<MinorVersion> deprecated,
                                             int dragId, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_oobId(oobId), m_hadProposal(doc->hasProposal(oobId)),
      m_after(deprecated), m_dragId(dragId)
{
    if (m_hadProposal) {
        m_before = doc->proposals().value(oobId);
    } else if (const OobMigration *m = doc->catalog()->oob.find(oobId)) {
        m_before = m->deprecated;
    }
    updateText();
}

SetDeprecationCommand *SetDeprecationCommand::clearing(Document *doc, int oobId, QUndoCommand *parent)
{
    auto *cmd = new SetDeprecationCommand(doc, oobId, std::nullopt, 0, parent);
    cmd->m_clear = true;
    cmd->setText(QObject::tr("Reset OOB %1").arg(oobId));
    return cmd;
}

void SetDeprecationCommand::updateText()
{
    setText(m_after ? QObject::tr("Deprecate OOB %1 at %2").arg(m_oobId).arg(m_after->toString())
                    : QObject::tr("Undeprecate OOB %1").arg(m_oobId));
}

bool SetDeprecationCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetDeprecationCommand *>(other);
    if (m_dragId == 0 || o->m_dragId != m_dragId || o->m_oobId != m_oobId || o->m_clear || m_clear)
        return false;
    m_after = o->m_after;
    updateText();
    // Dragged back to where it started: nothing left to undo.
    if (!m_hadProposal && m_after == m_before) {
        m_doc->clearProposal(m_oobId);
        setObsolete(true);
    }
    return true;
}

void SetDeprecationCommand::undo()
{
    if (m_hadProposal)
        m_doc->setProposal(m_oobId, m_before);
    else
        m_doc->clearProposal(m_oobId);
}

void SetDeprecationCommand::redo()
{
    if (m_clear)
        m_doc->clearProposal(m_oobId);
    else
        m_doc->setProposal(m_oobId, m_after);
}
