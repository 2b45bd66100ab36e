#pragma once

#include "common/result.h"
#include "sources/sourcetree.h"

#include <QByteArray>
#include <QString>

namespace passlane {

/// Parses an uncompressed tar stream held in memory (ustar, pax and GNU long names). The
/// ArchiveReader has libarchive decompress and hands the bytes here: walking the 512-byte
/// headers directly skips libarchive's per-entry locale conversions, which cost more than the
/// rest of the parse on the real snapshots. Checksums are verified; a short or damaged stream
/// is an Error; unsafe entries become findings exactly as with libarchive's own reader.
class TarParser {
public:
    static Result<SourceTree> parse(const QByteArray &tar, const QString &name);
};

} // namespace passlane
