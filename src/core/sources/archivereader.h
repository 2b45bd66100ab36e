#pragma once

#include "common/result.h"
#include "sources/sourcetree.h"

#include <QByteArray>
#include <QString>

namespace passlane {

/// Reads `.tar.gz`, `.tgz`, `.tar` and `.zip` snapshots with libarchive, entirely in memory:
/// nothing is ever extracted to disk. Unsafe entries (absolute paths, "..", symlinks, hard
/// links, devices) are skipped with an `unsafe-entry` finding; a truncated or corrupt archive
/// is an Error naming the archive.
class ArchiveReader {
public:
    /// Whether the file name looks like an archive this reader handles.
    static bool isArchiveName(QStringView fileName);

    /// Reads the archive file (a Qt resource path works too).
    static Result<SourceTree> read(const QString &path);
    /// Reads archive bytes already in memory; `name` is used in messages.
    static Result<SourceTree> readMemory(const QByteArray &bytes, const QString &name);
};

} // namespace passlane
