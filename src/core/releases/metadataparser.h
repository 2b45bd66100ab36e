#pragma once

#include "common/finding.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passlane {

/// What a migration's metadata.yaml says.
struct MigrationMetadata {
    QString name;
    QList<qint64> parents; ///< sorted ascending, without duplicates
    bool privileged = false;
    bool nonIdempotent = false;
    bool createIndexConcurrently = false;
    bool bestEffortTerminateBlockingTransactions = false;
    /// Problems: `unknown-key` and `parent-alias` (warnings), `invalid-metadata` (error: not a
    /// map, bad YAML, non-integer parents, non-boolean flags). Each names `file`.
    Findings findings;
};

/// Parses metadata.yaml with yaml-cpp. Never throws and never fails: whatever can be read is
/// kept, everything else becomes a finding. The singular `parent:` (seen in real releases from
/// 6.7.0 on) is read as `parents` with a `parent-alias` warning.
class MetadataParser {
public:
    static MigrationMetadata parse(const QByteArray &yaml, const QString &file);
    /// The keys the migrator understands.
    static const QStringList &knownKeys();
};

} // namespace passlane
