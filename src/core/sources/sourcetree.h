#pragma once

#include "common/finding.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passlane {

/// One file of a release snapshot, read into memory. `path` is relative to the source root,
/// '/'-separated, never absolute and never containing "..".
struct SourceFile {
    QString path;
    QByteArray data;
};

/// Every relevant file of one source (archive or folder), plus what was wrong while reading.
struct SourceTree {
    QString source;         ///< the archive or folder path
    bool isArchive = false;
    QList<SourceFile> files;
    Findings findings;      ///< unsafe entries, oversized files: the source is still usable
    /// Backing bytes when `files` are views into one buffer (QByteArray::fromRawData): a file's
    /// data is valid only while its tree lives; copy what must outlive it.
    QByteArray storage;

    /// How findings name a file inside this source: "<source>/<inner path>".
    QString displayPath(const QString &inner) const { return source + u'/' + inner; }
};

/// Limits that keep a hostile or broken source from exhausting memory.
namespace sourcelimits {
/// A single SQL file larger than this is skipped with a `file-too-large` finding. Real
/// migrations stay well below 10 MB; 256 MiB leaves room for big data migrations.
inline constexpr qint64 maxFileBytes = 256LL * 1024 * 1024;
/// Total bytes kept from one source.
inline constexpr qint64 maxSourceBytes = 512LL * 1024 * 1024;
/// Entries in one archive (a zip bomb of empty entries must not hang us).
inline constexpr qint64 maxEntries = 1000000;
} // namespace sourcelimits

/// Whether a file belongs to a migration snapshot (the rest, e.g. README.md, is never read):
/// up.sql, down.sql, metadata.yaml, squashed.sql, and legacy `<id>_<slug>.up.sql`/`.down.sql`.
bool isSnapshotFile(QStringView path);

/// Whether an archive entry name is unsafe: absolute, drive-letter, or with a ".." component.
bool isUnsafeEntryPath(QStringView path);

} // namespace passlane
