#pragma once

#include "common/version.h"
#include "releases/definitionstore.h"
#include "releases/findingmerger.h"
#include "releases/release.h"
#include "sources/sourcetree.h"

namespace passlane {

/// A release read from a source, with the findings of its files and definitions.
struct ParsedRelease {
    ReleasePtr release;
    QList<KeyedFinding> findings;
};

/// Turns a file tree into a Release. Migrations are recognised wherever they are: a folder
/// `<id>_<slug>/` (up.sql, down.sql, metadata.yaml) or legacy `<id>_<slug>.up.sql`/`.down.sql`;
/// the folder above is the schema (whatever its name; "migrations" itself means the legacy
/// frontend location). A schema's `squashed.sql` is kept as a dump, never as a migration.
/// Reports `duplicate-id`, `squashed-sql`, plus every definition finding from the store.
class SnapshotParser {
public:
    static ParsedRelease parse(const SourceTree &tree, const Version &version, const QString &date,
                               DefinitionStore &store);
};

} // namespace passlane
