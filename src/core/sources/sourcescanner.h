#pragma once

#include "common/result.h"
#include "common/version.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace passlane {

/// One release snapshot to read: an archive or a folder, and the version it holds.
struct ReleaseSource {
    QString path;
    bool isArchive = false;
    Version version;
    QString date; ///< from RELEASES.txt beside it, when present
};

/// Expands what the user named (an archive, a release folder, or a folder of many of those)
/// into release sources with versions: from the name (`migrations-v6.3.0.tar.gz`, `v6.3.0/`,
/// `6.3.0/`) or from `overrides` (keyed by the source path as given or absolute, or file name).
class SourceScanner {
public:
    static Result<QList<ReleaseSource>> scan(const QString &path, const QMap<QString, Version> &overrides = {});

    /// Whether a folder is one snapshot: it holds `migrations/`, or schema folders with
    /// `<id>_<slug>` entries, or legacy `<id>_<slug>.up.sql` files.
    static bool isReleaseFolder(const QString &folder);

    /// Parses RELEASES.txt lines "vX.Y.Z YYYY-MM-DD" (other lines are ignored).
    static QMap<Version, QString> parseReleaseDates(const QByteArray &text);
};

} // namespace passlane
