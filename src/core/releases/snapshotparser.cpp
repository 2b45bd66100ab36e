#include "releases/snapshotparser.h"

#include <QMap>

#include <optional>

namespace passlane {

namespace {

/// "<digits>_<slug>" -> id and slug.
bool splitIdSlug(QStringView name, qint64 &id, QString &slug)
{
    const qsizetype us = name.indexOf(u'_');
    if (us <= 0 || us > 18)
        return false;
    for (qsizetype i = 0; i < us; ++i)
        if (!name[i].isDigit())
            return false;
    id = name.left(us).toLongLong();
    slug = name.mid(us + 1).toString();
    return true;
}

QString schemaFor(const QStringList &parts, qsizetype schemaIndex)
{
    // No folder above, or the top-level "migrations/": the legacy frontend location.
    if (schemaIndex < 0 || parts[schemaIndex] == u"migrations")
        return QStringLiteral("frontend");
    return parts[schemaIndex];
}

struct Pending {
    DefinitionStore::Candidate candidate;
};

QByteArray keyFor(const char *kind, const QString &schema, const QString &extra)
{
    return QByteArray(kind) + '|' + schema.toUtf8() + '|' + extra.toUtf8();
}

} // namespace

ParsedRelease SnapshotParser::parse(const SourceTree &tree, const Version &version, const QString &date,
                                    DefinitionStore &store)
{
    ParsedRelease out;
    auto release = std::make_shared<Release>();
    release->version = version;
    release->source = tree.source;
    release->date = date;
    const QString rel = version.toString();

    for (const Finding &f : tree.findings) {
        Finding copy = f;
        copy.release = rel;
        out.findings.append(KeyedFinding{copy, {}});
    }

    // Group files by migration (schema + folder), keyed so that iteration is by path.
    QMap<QString, Pending> pending; // folder path -> candidate
    for (const SourceFile &file : tree.files) {
        const QStringList parts = file.path.split(u'/', Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        const QString &name = parts.last();
        qint64 id = 0;
        QString slug;
        if (name == u"squashed.sql") {
            const QString schema = schemaFor(parts, parts.size() - 2);
            SchemaSnapshot &s = release->schemas[schema];
            s.name = schema;
            s.hasSquashedSql = true;
            s.squashedSql = store.intern(file.data);
            s.squashedSqlPath = file.path;
            continue;
        }
        const bool inFolder = (name == u"up.sql" || name == u"down.sql" || name == u"metadata.yaml")
            && parts.size() >= 2 && splitIdSlug(parts[parts.size() - 2], id, slug);
        bool legacyUp = false;
        bool legacyDown = false;
        if (!inFolder) {
            legacyUp = name.endsWith(u".up.sql");
            legacyDown = name.endsWith(u".down.sql");
            if (!(legacyUp || legacyDown) || !splitIdSlug(name, id, slug))
                continue;
            slug.chop(legacyUp ? 7 : 9);
        }
        const qsizetype schemaIndex = inFolder ? parts.size() - 3 : parts.size() - 2;
        const QString folder = inFolder ? parts.mid(0, parts.size() - 1).join(u'/')
                                        : parts.mid(0, parts.size() - 1).join(u'/') + (parts.size() > 1 ? QStringLiteral("/") : QString())
                + QString::number(id) + u'_' + slug;
        Pending &p = pending[folder];
        DefinitionStore::Candidate &c = p.candidate;
        c.schema = schemaFor(parts, schemaIndex);
        c.id = id;
        c.slug = slug;
        c.folder = folder;
        c.legacy = !inFolder;
        const QByteArray data = store.intern(file.data);
        if (name == u"up.sql" || legacyUp) {
            c.up = data;
            c.hasUp = true;
        } else if (name == u"down.sql" || legacyDown) {
            c.down = data;
            c.hasDown = true;
        } else {
            c.metadata = data;
            c.hasMetadata = true;
        }
    }

    // Legacy flat files have no metadata: each one's parent is the previous id of its schema.
    QMap<QString, QMap<qint64, QString>> legacyBySchema;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        if (it->candidate.legacy)
            legacyBySchema[it->candidate.schema].insert(it->candidate.id, it.key());
    for (const auto &ids : std::as_const(legacyBySchema)) {
        std::optional<qint64> previous;
        for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
            if (previous)
                pending[*it].candidate.legacyParents = {*previous};
            previous = it.key();
        }
    }

    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const DefinitionStore::Candidate &c = it->candidate;
        const DefinitionStore::Entry entry = store.intern(c);
        SchemaSnapshot &s = release->schemas[c.schema];
        s.name = c.schema;
        const auto existing = s.migrations.constFind(c.id);
        if (existing != s.migrations.cend()) {
            Finding f;
            f.severity = Severity::Error;
            f.kind = QStringLiteral("duplicate-id");
            f.release = rel;
            f.schema = c.schema;
            f.id = c.id;
            f.file = tree.displayPath(c.folder);
            f.message = QStringLiteral("id %1 is defined twice: %2 and %3; the first is kept")
                            .arg(c.id).arg((*existing)->path, c.folder);
            out.findings.append(KeyedFinding{f, keyFor("duplicate-id", c.schema, (*existing)->path + u'|' + c.folder)});
            continue;
        }
        s.migrations.insert(c.id, entry.migration);
        const QByteArray identity = QByteArray::number(quintptr(entry.migration.get()), 16);
        for (const Finding &df : entry.findings) {
            Finding f = df;
            f.release = rel;
            f.schema = c.schema;
            f.id = c.id;
            f.file = tree.displayPath(df.file);
            out.findings.append(KeyedFinding{f, f.kind.toUtf8() + '|' + identity + '|' + df.file.toUtf8() + '|' + df.message.toUtf8()});
        }
    }

    for (const SchemaSnapshot &s : std::as_const(release->schemas)) {
        if (!s.hasSquashedSql)
            continue;
        Finding f;
        f.severity = Severity::Info;
        f.kind = QStringLiteral("squashed-sql");
        f.release = rel;
        f.schema = s.name;
        f.file = tree.displayPath(s.squashedSqlPath);
        f.message = QStringLiteral("squashed.sql is a schema dump (%1 bytes), not a migration: not graphed")
                        .arg(s.squashedSql.size());
        out.findings.append(KeyedFinding{f, keyFor("squashed-sql", s.name, {})});
    }
    out.release = std::move(release);
    return out;
}

} // namespace passlane
