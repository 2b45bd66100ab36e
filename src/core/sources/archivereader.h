#pragma once

#include "common/result.h"
#include "sources/sourcetree.h"

#include <QByteArray>
#include <QString>

namespace passlane {

/// Reads `.tar.gz`, `.tgz`, `.tar` and `.zip` snapshots with libarchive, entirely in memory:
/// nothing is ever extracted to disk. Unsafe entries (absolute paths, "..", symlinks, hard
/// links, devices) are skipped with an `unsafe-entry` finding, names that are not UTF-8 with
/// a `bad-file-name` finding, whatever the locale. A truncated or corrupt archive is an Error
/// naming the archive: gzip data is inflated with zlib to the very end, so a CRC or length
/// mismatch anywhere is caught (libarchive's gzip filter does not check them).
class ArchiveReader {
public:
    /// Whether the file name looks like an archive this reader handles.
    static bool isArchiveName(QStringView fileName);

    /// Reads the archive file: a regular file of at most limits::archiveFile bytes (a Qt
    /// resource path works too). Kept contents count against `budget` when given.
    static Result<SourceTree> read(const QString &path, LoadBudget *budget = nullptr);
    /// Reads archive bytes already in memory; `name` is used in messages.
    static Result<SourceTree> readMemory(const QByteArray &bytes, const QString &name, LoadBudget *budget = nullptr);
};

} // namespace passlane
