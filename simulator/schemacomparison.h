#pragma once

#include "schemareader.h"
#include "simulation.h"

namespace passlane {

/// Classifies the differences between two DbSchemas: objects missing on the left or extra on
/// it, definition changes, tables whose columns differ only in order, definitions that differ
/// only in whitespace.
class SchemaComparison {
public:
    static SchemaComparisonResult compare(const DbSchema &left, const DbSchema &right, const QString &schema,
                                          const QString &leftLabel, const QString &rightLabel);
    /// Whitespace-insensitive form of a definition (runs of whitespace collapse; none around punctuation).
    static QString normalize(const QString &definition);
};

} // namespace passlane
