#pragma once

#include "common/result.h"
#include "sources/sourcetree.h"

#include <QString>

namespace passlane {

/// Reads the snapshot files below a folder with QDir/QFile, so Qt resource folders
/// (":/sample/releases/v6.3.0") work like real ones. Symbolic links are never followed:
/// each is skipped with an `unsafe-entry` finding.
class FolderReader {
public:
    static Result<SourceTree> read(const QString &folder);
};

} // namespace passlane
