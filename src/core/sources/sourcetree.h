#pragma once

#include "common/finding.h"
#include "common/safefile.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>

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

/// The memory one load may spend on file contents, shared by every source it reads (on any
/// thread). Per-file and per-source limits alone would let many sources add up to gigabytes.
class LoadBudget {
public:
    explicit LoadBudget(qint64 bytes = limits::loadTotal) : m_left(bytes), m_total(bytes) {}
    /// Reserves `bytes`; false (and nothing reserved) when the budget cannot hold them.
    bool take(qint64 bytes)
    {
        qint64 left = m_left.load();
        do {
            if (bytes > left)
                return false;
        } while (!m_left.compare_exchange_weak(left, left - bytes));
        return true;
    }
    qint64 total() const { return m_total; }

private:
    std::atomic<qint64> m_left;
    qint64 m_total;
};

/// Whether a file belongs to a migration snapshot (the rest, e.g. README.md, is never read):
/// up.sql, down.sql, metadata.yaml, squashed.sql, and legacy `<id>_<slug>.up.sql`/`.down.sql`.
bool isSnapshotFile(QStringView path);

/// Whether an archive entry name is unsafe: absolute, drive-letter, or with a ".." component.
bool isUnsafeEntryPath(QStringView path);

} // namespace passlane
