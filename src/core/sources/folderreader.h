#pragma once

#include "common/result.h"
#include "sources/sourcetree.h"

#include <QString>

namespace passlane {

/// Reads the snapshot files below a folder. Real folders are walked with the file system's own
/// names, so nothing vanishes silently: a folder that cannot be listed, a name that is not
/// UTF-8, a symbolic link (never followed) or a special file each becomes a finding naming its
/// path. Qt resource folders (":/sample/releases/v6.3.0") are read through QDir.
class FolderReader {
public:
    /// Relative paths and trailing slashes are fine. File contents count against `budget`
    /// when given (the load's shared budget), and against limits::sourceFile/sourceTotal.
    static Result<SourceTree> read(const QString &folder, LoadBudget *budget = nullptr);
};

} // namespace passlane
