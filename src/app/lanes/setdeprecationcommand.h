#pragma once

#include "common/version.h"

#include <QUndoCommand>

#include <optional>

class Document;

/// Proposes a deprecation version for one OOB migration (nullopt: never deprecated).
/// The moves of one drag (same lane, same drag id) merge into one undo step; each drag is its
/// own step. Undo restores whatever stood before (another proposal, or none: the registry's
/// own value).
class SetDeprecationCommand : public QUndoCommand {
public:
    enum { Id = 0x5e7d };

    /// `dragId` names the drag this move belongs to; 0 (a menu action) never merges.
    SetDeprecationCommand(Document *doc, int oobId, std::optional<passlane::MinorVersion> deprecated,
                          int dragId = 0, QUndoCommand *parent = nullptr);

    /// Drops the proposal for `oobId` instead: the registry's own deprecation applies again.
    static SetDeprecationCommand *clearing(Document *doc, int oobId, QUndoCommand *parent = nullptr);

    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

    int oobId() const { return m_oobId; }
    std::optional<passlane::MinorVersion> deprecated() const { return m_after; }

private:
    void updateText();

    Document *m_doc;
    int m_oobId;
    bool m_hadProposal;
    std::optional<passlane::MinorVersion> m_before;
    std::optional<passlane::MinorVersion> m_after;
    int m_dragId;
    bool m_clear = false; ///< redo drops the proposal rather than setting m_after
};
