#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace passlane {

/// Size limits for everything Passlane reads; the README lists them. An input over its limit is
/// an error naming the file, never a slow swap-out.
namespace limits {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 projectFile = 4 * MiB;       ///< *.passlane
constexpr qint64 registryFile = 16 * MiB;     ///< oobmigrations.yaml
constexpr qint64 customersCsv = 128 * MiB;    ///< version,instances distribution
constexpr qint64 customerExport = 64 * MiB;   ///< migration_logs / out_of_band_migrations export
constexpr qint64 sourceFile = 64 * MiB;       ///< one file inside a release: room for a 50 MB data migration
constexpr qint64 archiveFile = 256 * MiB;     ///< one compressed archive on disk
constexpr qint64 sourceTotal = 512 * MiB;     ///< all files of one archive or folder, uncompressed
constexpr qint64 loadTotal = 1024 * MiB;      ///< all files of all sources of one load
constexpr qint64 archiveEntries = 1000000;    ///< entries in one archive (a bomb of empty entries)
constexpr int folderDepth = 32;               ///< folder levels below a source folder
} // namespace limits

/// Reads a whole regular file (symlinks to one are followed) of at most `maxBytes`. Anything
/// else at the path (FIFO, device, socket, directory) is refused without blocking; so is a file
/// that is, or grows, larger than the limit. `what` names the input in messages ("project").
/// Qt resource paths (":/sample/...") are read through QFile.
Result<QByteArray> readRegularFile(const QString &path, qint64 maxBytes, const QString &what = {});

/// Writes `data` to a regular file or a new path, atomically: a temporary file in the same
/// folder renamed over the target, so the old file survives any failure. A device, FIFO,
/// socket or directory at the path is refused and left untouched (writing over /dev/null
/// as root would replace it). Symlinks are followed to their target.
Status writeFileAtomically(const QString &path, const QByteArray &data);

/// What kind of thing is at `path` when it is not a regular file ("a FIFO", "a directory"),
/// empty for a regular file or nothing at all. Follows symlinks.
QString nonRegularKind(const QString &path);

} // namespace passlane
