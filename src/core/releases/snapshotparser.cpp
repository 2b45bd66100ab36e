#include "releases/snapshotparser.h"

#include <QMap>
#include <QSet>

#include <optional>

namespace passlane {

namespace {

/// Ids have at most this many digits, so that they always fit a qint64.
constexpr qsizetype maxIdDigits = 18;

/// The length of the run of ASCII digits before the first '_', or 0 when the name does not
/// start with "<digits>_".
qsizetype idDigits(QStringView name)
{
    const qsizetype us = name.indexOf(u'_');
    if (us <= 0)
        return 0;
    for (qsizetype i = 0; i < us; ++i)
        if (name[i] < u'0' || name[i] > u'9')
            return 0;
    return us;
}

/// "<digits>_<slug>" -> id and slug.
bool splitIdSlug(QStringView name, qint64 &id, QString &slug)
{
    const qsizetype us = name.indexOf(u'_');
    if (us <= 0 || us > maxIdDigits)
        return false;
    for (qsizetype i = 0; i < us; ++i)
        if (name[i] < u'0' || name[i] > u'9') // ASCII only: ids are parsed with toLongLong
            return false;
    id = name.left(us).toLongLong();
    slug = name.mid(us + 1).toString();
    return true;
}

/// The schema a folder component names; none, or the top-level "migrations/", is the legacy
/// frontend location. Names are shared through `known` so each file costs no allocation.
QString schemaFor(QStringView component, bool exists, QStringList &known)
{
    if (!exists || component == u"migrations")
        component = u"frontend";
    for (const QString &k : std::as_const(known))
        if (k == component)
            return k;
    known.append(component.toString());
    return known.last();
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
    QStringList schemaNames;
    QSet<QString> reportedIds; // folders already reported for an id that is too long
    for (const SourceFile &file : tree.files) {
        // Only the last three components matter: <schema>/<id>_<slug>/<file>.
        const QStringView path(file.path);
        const qsizetype s1 = path.lastIndexOf(u'/');
        const QStringView name = path.mid(s1 + 1);
        const QStringView dir = s1 < 0 ? QStringView() : path.left(s1);
        const qsizetype s2 = dir.lastIndexOf(u'/');
        const QStringView parent = s1 < 0 ? QStringView() : dir.mid(s2 + 1);
        const QStringView dir2 = s2 < 0 ? QStringView() : dir.left(s2);
        const QStringView grand = s2 < 0 ? QStringView() : dir2.mid(dir2.lastIndexOf(u'/') + 1);
        qint64 id = 0;
        QString slug;
        if (name == u"squashed.sql") {
            const QString schema = schemaFor(parent, s1 >= 0, schemaNames);
            SchemaSnapshot &s = release->schemas[schema];
            s.name = schema;
            s.hasSquashedSql = true;
            s.squashedSql = store.intern(file.data);
            s.squashedSqlPath = file.path;
            continue;
        }
        const bool folderFile = (name == u"up.sql" || name == u"down.sql" || name == u"metadata.yaml") && s1 >= 0;
        // An id too long for a qint64 would otherwise make the migration vanish without a word.
        const QStringView idName = folderFile ? parent : name;
        if (idDigits(idName) > maxIdDigits) {
            const QString where = folderFile ? dir.toString() : file.path;
            if (!reportedIds.contains(where)) {
                reportedIds.insert(where);
                Finding f = Finding::about(Severity::Error, QLatin1String("invalid-migration-id"), tree.displayPath(where),
                                           QStringLiteral("migration id '%1' has %2 digits (at most %3); skipped")
                                               .arg(idName.left(idDigits(idName)).toString())
                                               .arg(idDigits(idName))
                                               .arg(maxIdDigits));
                f.release = rel;
                out.findings.append(KeyedFinding{f, keyFor("invalid-migration-id", {}, where)});
            }
            continue;
        }
        const bool inFolder = folderFile && splitIdSlug(parent, id, slug);
        bool legacyUp = false;
        bool legacyDown = false;
        if (!inFolder) {
            legacyUp = name.endsWith(u".up.sql");
            legacyDown = name.endsWith(u".down.sql");
            if (!(legacyUp || legacyDown) || !splitIdSlug(name, id, slug))
                continue;
            slug.chop(legacyUp ? 7 : 9);
        }
        // A folder migration is named by its folder, a legacy one by its path without ".up.sql".
        const QString folder = inFolder ? dir.toString() : path.chopped(legacyUp ? 7 : 9).toString();
        const QString schema = inFolder ? schemaFor(grand, s2 >= 0, schemaNames) : schemaFor(parent, s1 >= 0, schemaNames);
        Pending &p = pending[folder];
        DefinitionStore::Candidate &c = p.candidate;
        c.schema = schema;
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
