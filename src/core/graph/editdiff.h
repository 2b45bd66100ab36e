#pragma once

#include "releases/migration.h"

#include <QByteArray>
#include <QString>

namespace passlane {

/// A unified diff (3 lines of context) of two texts, with `---`/`+++` headers named `oldName`
/// and `newName`. Empty when the texts are equal.
QString unifiedDiff(const QByteArray &oldText, const QByteArray &newText, const QString &oldName,
                    const QString &newName);

/// How a migration edited after it shipped changed: `Cosmetic` when only SQL comments and
/// whitespace differ (same tokens otherwise, same parents and flags), `Substantive` otherwise.
enum class EditClass { Cosmetic, Substantive };
EditClass classifyEdit(const Migration &first, const Migration &edited);

/// The unified diff of up.sql and down.sql (and a line per changed parents or flags) between
/// the first definition and the edited one.
QString editDiff(const Migration &first, const Migration &edited, const QString &firstRelease,
                 const QString &editedRelease);

} // namespace passlane
