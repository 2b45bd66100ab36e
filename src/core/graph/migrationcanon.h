#pragma once

#include "releases/migration.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace passlane {

/// A migration's SQL as the product's migrator stores and compares it: the text after an
/// embedded `-- +++` metadata block (when there is one), trimmed, without one outer `BEGIN;` at
/// the start and one `COMMIT;` at the end, trimmed again.
QString canonicalQuery(const QByteArray &sql);

/// The table and index of the first `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON
/// table` in `sql`, matched as the product does (case-sensitive; names of letters, digits and
/// `_` only, so a schema-qualified table yields its schema name).
struct ConcurrentIndex {
    QString tableName;
    QString indexName;
};
std::optional<ConcurrentIndex> concurrentIndex(const QString &sql);

/// Definitions equal as the product's stitcher compares them: canonical up and down SQL,
/// parents and flags (names may differ).
bool productSameDefinition(const Migration &a, const Migration &b);

/// True when the product's stitcher lets migration `id` change after it shipped (its fixed
/// allow-list of ids); any other changed definition stops its stitcher.
bool productAllowsEdit(qint64 id);

} // namespace passlane
