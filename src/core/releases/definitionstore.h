#pragma once

#include "common/finding.h"
#include "releases/migration.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

namespace passlane {

/// Interns what 70 releases mostly share: identical file contents are stored once (by content
/// hash, compared in full on a hit), identical migration definitions become one MigrationPtr,
/// and the per-definition work (metadata parsing, static checks) runs once per distinct
/// definition. Thread-safe: releases are parsed in parallel against one store.
class DefinitionStore {
public:
    /// A migration as one snapshot ships it, before interning. Byte arrays should already be interned.
    struct Candidate {
        QString schema;
        qint64 id = 0;
        QString slug;
        QString folder;      ///< inner path of the folder, or of the legacy up file
        QByteArray up;
        QByteArray down;
        QByteArray metadata;
        bool hasMetadata = false;
        bool hasUp = false;
        bool hasDown = false;
        bool legacy = false;
        QList<qint64> legacyParents;
    };

    /// The shared definition and its definition-level findings (file paths relative to the source).
    struct Entry {
        MigrationPtr migration;
        Findings findings;
    };

    /// Returns a QByteArray sharing storage with any identical earlier one (always an owning
    /// copy, even when `bytes` is a raw view into a source buffer).
    QByteArray intern(const QByteArray &bytes);
    Entry intern(const Candidate &candidate);

    qsizetype distinctDefinitions() const;
    qint64 distinctBytes() const;

private:
    struct BytesKey {
        QByteArray bytes;
        size_t hash = 0;
        bool operator==(const BytesKey &o) const { return hash == o.hash && bytes == o.bytes; }
    };
    friend size_t qHash(const BytesKey &k, size_t) noexcept { return k.hash; }

    static Entry build(const Candidate &c);

    mutable QMutex m_mutex;
    QHash<BytesKey, QByteArray> m_bytes;
    QHash<QByteArray, Entry> m_definitions;
    qint64 m_distinctBytes = 0;
};

} // namespace passlane
