#pragma once

#include "common/result.h"
#include "common/sourceweight.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passlane {

/// The customer distribution file: `version,instances` per line, for window analysis and the
/// planner's source pickers. Accepts an optional header line (a first line without digits),
/// `#` comments, blank lines, a UTF-8 BOM, CRLF line ends and RFC 4180 quoted fields
/// (`"5.9.45","12"`). The same version on several lines is summed. Counts are non-negative
/// 64-bit integers; a count or total that would overflow is an error. Errors name the file,
/// the 1-based line and the bad value.
struct CustomersCsv {
    /// Reads a regular file of at most limits::customersCsv bytes, then parse().
    static Result<QList<SourceWeight>> readFile(const QString &path);
    /// Versions in order of first appearance.
    static Result<QList<SourceWeight>> parse(const QByteArray &csv, const QString &path);
};

} // namespace passlane
