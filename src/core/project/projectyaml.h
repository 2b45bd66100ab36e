#pragma once

#include "project/project.h"

namespace passlane::projectyaml {

/// The `*.passlane` format (YAML):
///   sources: [paths]                 versionOverrides: {path: 6.3.0}
///   oobFiles: [paths]                acceptedEdits: [{schema, id, release}]
///   progress: {default: {rows, batchSize, intervalSeconds}, overrides: [{oob, rows, batchSize, intervalSeconds}]}
///   customers: [{name, version, exportFile, oobRows: {oobId: rows}}]
///   proposals: [{oob, deprecated: "6.5" | null}]   customersCsv: path
/// Relative paths are resolved against `baseDir` when parsing and made relative to it when emitting.
Result<Project> parse(const QByteArray &yaml, const QString &file, const QString &baseDir);
QByteArray emit(const Project &project, const QString &baseDir);
/// What parse() would refuse in values set in code: NaN, infinite or non-positive intervals,
/// batch sizes below 1, negative row counts. Checked on save so every saved file reopens.
Status validate(const Project &project, const QString &file);

} // namespace passlane::projectyaml
