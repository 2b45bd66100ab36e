#include "releases/definitionstore.h"

#include "releases/metadataparser.h"
#include "releases/staticchecks.h"

#include <QMutexLocker>

namespace passlane {

QByteArray DefinitionStore::intern(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return QByteArray();
    BytesKey key{bytes, qHash(bytes, 0x5eed)}; // hashing outside the lock keeps both cores busy
    QMutexLocker lock(&m_mutex);
    auto it = m_bytes.constFind(key);
    if (it != m_bytes.cend())
        return *it;
    // A deep copy: `bytes` may view a source buffer that dies with its SourceTree.
    QByteArray owned(bytes.constData(), bytes.size());
    key.bytes = owned;
    m_bytes.insert(key, owned);
    m_distinctBytes += owned.size();
    return owned;
}

DefinitionStore::Entry DefinitionStore::intern(const Candidate &c)
{
    // Interned contents are identified by their data pointers, so the key stays small.
    QByteArray key;
    key.reserve(c.schema.size() + c.folder.size() + 96);
    key.append(c.schema.toUtf8()).append('\0').append(c.folder.toUtf8()).append('\0');
    key.append(QByteArray::number(c.id)).append('\0');
    for (const QByteArray *b : {&c.up, &c.down, &c.metadata}) {
        key.append(QByteArray::number(quintptr(b->constData()), 16)).append(':');
        key.append(QByteArray::number(b->size())).append(';');
    }
    key.append(char('0' + c.hasMetadata + 2 * c.hasUp + 4 * c.hasDown + 8 * c.legacy));
    for (qint64 p : c.legacyParents)
        key.append(QByteArray::number(p)).append(',');

    {
        QMutexLocker lock(&m_mutex);
        auto it = m_definitions.constFind(key);
        if (it != m_definitions.cend())
            return *it;
    }
    Entry entry = build(c);
    QMutexLocker lock(&m_mutex);
    auto it = m_definitions.constFind(key);
    if (it != m_definitions.cend())
        return *it; // another thread built the same definition meanwhile
    m_definitions.insert(key, entry);
    return entry;
}

DefinitionStore::Entry DefinitionStore::build(const Candidate &c)
{
    Entry entry;
    auto m = std::make_shared<Migration>();
    m->id = c.id;
    m->upQuery = c.up;
    m->downQuery = c.down;
    m->path = c.folder;
    if (c.legacy) {
        m->name = c.slug;
        m->parents = c.legacyParents;
    } else if (c.hasMetadata) {
        MigrationMetadata md = MetadataParser::parse(c.metadata, c.folder + QStringLiteral("/metadata.yaml"));
        m->name = md.name.isEmpty() ? c.slug : md.name;
        m->parents = md.parents;
        m->privileged = md.privileged;
        m->nonIdempotent = md.nonIdempotent;
        m->createIndexConcurrently = md.createIndexConcurrently;
        m->bestEffortTerminateBlockingTransactions = md.bestEffortTerminateBlockingTransactions;
        entry.findings = md.findings;
    } else {
        m->name = c.slug;
    }

    auto missing = [&](const char *file, Severity severity) {
        Finding f;
        f.severity = severity;
        f.kind = QStringLiteral("missing-file");
        f.file = c.folder + u'/' + QLatin1String(file);
        f.message = QStringLiteral("migration %1 has no %2").arg(c.id).arg(QLatin1String(file));
        entry.findings.append(f);
    };
    if (!c.legacy) {
        if (!c.hasUp)
            missing("up.sql", Severity::Error);
        if (!c.hasDown)
            missing("down.sql", Severity::Warning);
        if (!c.hasMetadata)
            missing("metadata.yaml", Severity::Warning);
    }
    const StaticChecks::Files files = c.legacy
        ? StaticChecks::Files{c.folder + QStringLiteral(".up.sql"), c.folder + QStringLiteral(".down.sql"), c.folder + QStringLiteral(".up.sql")}
        : StaticChecks::Files{c.folder + QStringLiteral("/up.sql"), c.folder + QStringLiteral("/down.sql"),
                              c.folder + QStringLiteral("/metadata.yaml")};
    entry.findings.append(StaticChecks::checkDefinition(*m, files));
    entry.migration = std::move(m);
    return entry;
}

qsizetype DefinitionStore::distinctDefinitions() const
{
    QMutexLocker lock(&m_mutex);
    return m_definitions.size();
}

qint64 DefinitionStore::distinctBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_distinctBytes;
}

} // namespace passlane
