#include "graph/stitchedgraph.h"

#include "graph/applyorder.h"
#include "graph/editdiff.h"
#include "graph/migrationcanon.h"
#include "graph/releasegraph.h"

#include <algorithm>

namespace passlane {

namespace {

/// Which parts of a definition differ, for edited-migration messages.
QStringList changedParts(const Migration &a, const Migration &b)
{
    QStringList parts;
    if (a.upQuery != b.upQuery)
        parts << QStringLiteral("up.sql");
    if (a.downQuery != b.downQuery)
        parts << QStringLiteral("down.sql");
    if (a.parents != b.parents)
        parts << QStringLiteral("parents");
    if (a.privileged != b.privileged || a.nonIdempotent != b.nonIdempotent
        || a.createIndexConcurrently != b.createIndexConcurrently)
        parts << QStringLiteral("flags");
    return parts;
}

bool isAccepted(const QList<AcceptedEdit> &accepted, const QString &schema, qint64 id, const Version &v)
{
    return std::any_of(accepted.begin(), accepted.end(), [&](const AcceptedEdit &e) {
        return e.schema == schema && e.id == id && e.release == v;
    });
}

} // namespace

StitchedGraph StitchedGraph::build(const QList<ReleasePtr> &releasesIn, const QList<AcceptedEdit> &accepted)
{
    StitchedGraph g;
    QList<ReleasePtr> releases = releasesIn;
    releases.removeAll(nullptr);
    std::stable_sort(releases.begin(), releases.end(),
                     [](const ReleasePtr &a, const ReleasePtr &b) { return a->version < b->version; });

    QSet<QString> schemaNames;
    for (const ReleasePtr &r : releases) {
        if (!g.m_versions.isEmpty() && g.m_versions.last() == r->version)
            continue; // a duplicate version: the catalog reports it; the first one counts
        g.m_versions.append(r->version);
        for (const QString &s : r->schemas.keys())
            schemaNames.insert(s);
    }

    for (const QString &schemaName : std::as_const(schemaNames)) {
        SchemaData &data = g.m_schemas[schemaName];
        QMap<qint64, MigrationPtr> lastShipped; // what the previous release shipping the id had
        // Edit findings of this schema by id, so that accepting a later release carrying the same
        // edited content also withdraws the finding reported where the content changed.
        QMultiMap<qint64, QPair<MigrationPtr, qsizetype>> reported;
        Version previous{-1, -1, -1};
        for (const ReleasePtr &r : releases) {
            if (r->version == previous)
                continue;
            previous = r->version;
            const SchemaSnapshot *s = r->schema(schemaName);
            if (!s || s->migrations.isEmpty()) {
                SchemaBounds b;
                b.preCreation = true;
                data.bounds.insert(r->version, b);
                continue;
            }
            const ReleaseGraph rg(s->migrations);
            SchemaBounds b;
            b.rootId = rg.roots().isEmpty() ? s->migrations.firstKey() : rg.roots().first();
            b.leafIds = rg.leaves();
            data.bounds.insert(r->version, b);

            for (auto it = s->migrations.cbegin(); it != s->migrations.cend(); ++it) {
                const qint64 id = it.key();
                const MigrationPtr &m = *it;
                data.shipped[id].insert(r->version, m);
                const MigrationPtr last = lastShipped.value(id);
                lastShipped.insert(id, m);
                auto def = data.definitions.find(id);
                if (def == data.definitions.end()) {
                    data.definitions.insert(id, m);
                    data.introducedIn.insert(id, r->version);
                    continue;
                }
                if (m->isSquashed() || (*def)->sameDefinition(*m))
                    continue; // squashed migrations never overwrite older definitions
                const bool acceptedHere = isAccepted(accepted, schemaName, id, r->version);
                const bool changedHere = !last || last->isSquashed() || !last->sameDefinition(*m);
                if (changedHere && !acceptedHere) {
                    const bool cosmetic = classifyEdit(**def, *m) == EditClass::Cosmetic;
                    Finding f;
                    f.severity = cosmetic ? Severity::Info : Severity::Warning;
                    f.kind = QStringLiteral("edited-migration");
                    f.release = r->version.toString();
                    f.firstRelease = data.introducedIn.value(id).toString();
                    f.schema = schemaName;
                    f.id = id;
                    f.file = r->source + u'/' + m->path;
                    f.message = QStringLiteral("%1 migration %2 was edited in %3 after it shipped in %4 (%5 changed, %6); "
                                               "the first definition is kept")
                                    .arg(schemaName).arg(id)
                                    .arg(f.release, f.firstRelease, changedParts(**def, *m).join(QStringLiteral(", ")),
                                         cosmetic ? QStringLiteral("cosmetic: only comments and whitespace differ")
                                                  : QStringLiteral("substantive"));
                    f.diff = editDiff(**def, *m, f.firstRelease, f.release);
                    reported.insert(id, {m, g.m_findings.size()});
                    g.m_findings.append(f);
                    if (!productAllowsEdit(id) && !productSameDefinition(**def, *m)) {
                        Finding stop = f;
                        stop.severity = Severity::Warning;
                        stop.kind = QStringLiteral("edit-rejected-by-product");
                        stop.diff.clear();
                        stop.message = QStringLiteral("the product's stitcher stops on %1 migration %2 (\"unexpectedly edited in "
                                                      "release %3\"): the id is not on its list of accepted edits, so a "
                                                      "stitched graph across %4 and %3 cannot be built with its tools")
                                           .arg(schemaName).arg(id).arg(f.release, f.firstRelease);
                        g.m_findings.append(stop);
                    }
                }
                if (acceptedHere) {
                    *def = m; // the project accepts this edit: the newer definition wins
                    for (auto it = reported.constFind(id); it != reported.cend() && it.key() == id; ++it)
                        if (it->first->sameDefinition(*m))
                            g.m_findings[it->second].kind.clear(); // withdrawn below
                }
            }
        }
        for (auto it = data.definitions.cbegin(); it != data.definitions.cend(); ++it)
            for (qint64 p : (*it)->parents)
                data.children[p].append(it.key());
    }
    g.m_findings.removeIf([](const Finding &f) { return f.kind.isEmpty(); });
    return g;
}

QStringList StitchedGraph::schemas() const
{
    return m_schemas.keys();
}

QList<Version> StitchedGraph::versions() const
{
    return m_versions;
}

bool StitchedGraph::hasVersion(const Version &v) const
{
    return std::binary_search(m_versions.begin(), m_versions.end(), v);
}

const QMap<qint64, MigrationPtr> &StitchedGraph::definitions(const QString &schema) const
{
    static const QMap<qint64, MigrationPtr> empty;
    auto it = m_schemas.constFind(schema);
    return it == m_schemas.cend() ? empty : it->definitions;
}

MigrationPtr StitchedGraph::definition(const QString &schema, qint64 id) const
{
    return definitions(schema).value(id);
}

MigrationPtr StitchedGraph::shippedDefinition(const QString &schema, qint64 id, const Version &release) const
{
    auto it = m_schemas.constFind(schema);
    if (it == m_schemas.cend())
        return {};
    const auto shipped = it->shipped.constFind(id);
    if (shipped == it->shipped.cend() || shipped->isEmpty())
        return {};
    auto at = shipped->upperBound(release); // first release after `release`
    if (at == shipped->cbegin())
        return {}; // not shipped yet at `release`
    --at;
    // A release that squashed the id away ships the squashed form; what its migrator runs for a
    // database that still needs the id is the latest unsquashed one.
    while ((*at)->isSquashed() && at != shipped->cbegin())
        --at;
    return *at;
}

std::optional<Version> StitchedGraph::introducedIn(const QString &schema, qint64 id) const
{
    auto it = m_schemas.constFind(schema);
    if (it == m_schemas.cend())
        return std::nullopt;
    auto v = it->introducedIn.constFind(id);
    if (v == it->introducedIn.cend())
        return std::nullopt;
    return *v;
}

std::optional<SchemaBounds> StitchedGraph::bounds(const QString &schema, const Version &release) const
{
    auto it = m_schemas.constFind(schema);
    if (it == m_schemas.cend())
        return std::nullopt;
    auto b = it->bounds.constFind(release);
    if (b == it->bounds.cend())
        return std::nullopt;
    return *b;
}

QSet<qint64> StitchedGraph::ancestorClosure(const QString &schema, const QList<qint64> &leaves) const
{
    QSet<qint64> seen;
    const auto &defs = definitions(schema);
    QList<qint64> stack = leaves;
    while (!stack.isEmpty()) {
        const qint64 id = stack.takeLast();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        if (const MigrationPtr m = defs.value(id))
            for (qint64 p : m->parents)
                if (!seen.contains(p))
                    stack.append(p);
    }
    return seen;
}

QSet<qint64> StitchedGraph::appliedAt(const QString &schema, const Version &release) const
{
    const auto b = bounds(schema, release);
    if (!b || b->preCreation)
        return {};
    return ancestorClosure(schema, b->leafIds);
}

QList<qint64> StitchedGraph::topologicalOrder(const QString &schema, const QSet<qint64> &subset) const
{
    QMap<qint64, QList<qint64>> parents;
    for (auto it = definitions(schema).cbegin(); it != definitions(schema).cend(); ++it)
        parents.insert(it.key(), *it ? (*it)->parents : QList<qint64>{});
    QList<qint64> order;
    for (qint64 id : applyOrder(parents)) // the schema's one apply order, restricted to the subset
        if (subset.contains(id))
            order.append(id);
    QList<qint64> unknown; // ids no release defines: last, by id
    for (qint64 id : subset)
        if (!parents.contains(id))
            unknown.append(id);
    std::sort(unknown.begin(), unknown.end());
    return order + unknown;
}

} // namespace passlane
