#include "plan/productmigrator.h"

#include "plan/planner.h"
#include "plan/plannercache.h"

#include <algorithm>
#include <optional>

namespace passlane {

bool ProductMigratorView::canPlan() const
{
    return std::none_of(differences.cbegin(), differences.cend(),
                        [](const MigratorDifference &d) { return d.blocking; });
}

namespace {

/// The last minor of each major that the product's public version table knows. Its next and
/// previous minor arithmetic crosses a major only where this table says so.
std::optional<int> productLastMinor(int major)
{
    switch (major) {
    case 3: return 43;
    case 4: return 5;
    default: return std::nullopt;
    }
}

QString tagOf(const MinorVersion &m)
{
    // Once per step of every pair: one allocation, no format string to parse.
    return u'v' + QString::number(m.major) + u'.' + QString::number(m.minor) + QStringLiteral(".0");
}

QString idText(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

struct Interval {
    int id = 0;
    MinorVersion introduced;
    MinorVersion deprecated;
};

/// Version arithmetic as the product does it (whole minors, +1/-1), with the last minor of a
/// major taken from its table or, where the table has none, from the loaded releases.
class ProductVersions {
public:
    explicit ProductVersions(const VersionIndex &index) : m_index(index) {}

    std::optional<int> lastMinor(int major) const
    {
        if (const auto known = productLastMinor(major))
            return known;
        int last = -1;
        bool later = false;
        for (const MinorVersion &m : m_index.minors()) {
            if (m.major == major)
                last = std::max(last, m.minor);
            later = later || m.major > major;
        }
        if (last < 0 || !later)
            return std::nullopt; // the major is still open: no last minor yet
        return last;
    }
    MinorVersion next(const MinorVersion &m) const
    {
        const auto last = lastMinor(m.major);
        return (last && *last == m.minor) ? MinorVersion{m.major + 1, 0} : MinorVersion{m.major, m.minor + 1};
    }
    std::optional<MinorVersion> previous(const MinorVersion &m) const
    {
        if (m.minor > 0)
            return MinorVersion{m.major, m.minor - 1};
        const auto last = lastMinor(m.major - 1);
        if (!last)
            return std::nullopt;
        return MinorVersion{m.major - 1, *last};
    }
    /// [lo, hi] walked with next(); empty when it would not reach hi.
    QList<MinorVersion> range(const MinorVersion &lo, const MinorVersion &hi) const
    {
        QList<MinorVersion> out;
        for (MinorVersion v = lo; v <= hi && out.size() < 10000; v = next(v))
            out << v;
        if (out.isEmpty() || out.last() != hi)
            out.clear();
        return out;
    }

private:
    const VersionIndex &m_index;
};

/// The product's covering set (makeCoveringSet): `points` in travel order, each interval to the
/// first point of the reversed list that lies in [introduced, deprecated], both ends included.
/// Returns the ids of the intervals no point covers (where its code panics, at the first).
QList<int> coveringSet(const QList<Interval> &intervals, QList<MinorVersion> points, QMap<MinorVersion, QList<int>> &out)
{
    QList<int> uncovered;
    std::reverse(points.begin(), points.end());
    for (const Interval &iv : intervals) {
        bool covered = false;
        for (const MinorVersion &p : std::as_const(points)) {
            if (iv.introduced <= p && p <= iv.deprecated) {
                out[p].append(iv.id);
                covered = true;
                break;
            }
        }
        if (!covered)
            uncovered << iv.id;
    }
    for (auto &ids : out)
        std::sort(ids.begin(), ids.end());
    return uncovered;
}

/// Ids of `bits` in the schema's apply order.
QList<qint64> ordered(const PlannerCache &cache, const PlannerCache::Schema &s, const IdBits &bits)
{
    return cache.topologicalOrder(s, bits);
}

IdBits minus(const IdBits &a, const IdBits &b)
{
    IdBits out(a.size());
    for (size_t w = 0; w < a.size(); ++w)
        out[w] = a[w] & ~b[w];
    return out;
}

} // namespace

QList<MigratorDifference> ProductLookupMemo::differences(const MinorVersion &from, const MinorVersion &to,
                                                         const std::function<QList<MigratorDifference>()> &compute)
{
    const std::pair key(from, to);
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_memo.constFind(key);
        if (it != m_memo.cend())
            return *it;
    }
    QList<MigratorDifference> computed = compute();
    QMutexLocker lock(&m_mutex);
    m_memo.insert(key, computed);
    return computed;
}

ProductMigratorView productMigratorView(const Planner &planner, const UpgradePlan &plan,
                                        const QMap<QString, QSet<qint64>> *applied)
{
    ProductMigratorView view;
    if (plan.from == plan.to)
        return view;
    const VersionIndex &index = planner.versions();
    const StitchedGraph &graph = planner.graph();
    const PlannerCache &cache = planner.cache();
    const ProductVersions pv(index);
    const MinorVersion fm = plan.from.minorVersion();
    const MinorVersion tm = plan.to.minorVersion();
    const bool down = plan.to < plan.from;

    // The product works in minors only: a patch pair is not a range it can plan.
    if (fm == tm) {
        view.differences << MigratorDifference{
            QStringLiteral("patch-pair"), true,
            QStringLiteral("The product's migrator plans between minors only: %1 and %2 are both %3, so `migrator %4` "
                           "refuses the range (from >= to). The %2 frontend applies these migrations itself when it starts.")
                .arg(plan.from.toString(), plan.to.toString(), fm.toString(),
                     down ? QStringLiteral("downgrade") : QStringLiteral("upgrade")),
            {}, {}, {}, {}};
        return view;
    }

    // Version lookups: the table the product ships, then the tags its range needs.
    const MinorVersion lo = down ? tm : fm;
    const MinorVersion hi = down ? fm : tm;
    view.differences << planner.productLookups().differences(fm, tm, [&] {
        QList<MigratorDifference> lookups;
        QStringList openMajors;
        for (int major = lo.major; major < hi.major; ++major)
            if (!productLastMinor(major))
                openMajors << QStringLiteral("%1.x").arg(major);
        if (!openMajors.isEmpty()) {
            lookups << MigratorDifference{
                QStringLiteral("version-table"), true,
                QStringLiteral("The product's last-minor table names only 3.43 and 4.5 as the last minors of their majors. "
                               "For %1 it counts minors up forever (%2.%3, %2.%4, ...) and never reaches %5.0, so its "
                               "version range for %6 -> %7 does not end and its OOB scheduler cannot name the minor before a "
                               "new major. The `migrator` of these releases cannot plan this pair; the rest of this view "
                               "assumes the table were complete (the next majors taken from the loaded releases).")
                    .arg(openMajors.join(QStringLiteral(", ")))
                    .arg(lo.major).arg(lo.minor + 1).arg(lo.minor + 2)
                    .arg(lo.major + 1)
                    .arg(fm.toString(), tm.toString()),
                {}, {}, {}, {}};
        }
        const QList<MinorVersion> range = pv.range(lo, hi);
        QStringList missing;
        for (const MinorVersion &m : range) {
            if (graph.hasVersion(Version{m.major, m.minor, 0}))
                continue;
            const auto standIn = index.representative(m);
            missing << (standIn ? QStringLiteral("%1 (Passlane uses %2)").arg(tagOf(m), standIn->toString())
                                : QStringLiteral("%1 (no %2 release at all)").arg(tagOf(m), m.toString()));
        }
        if (!missing.isEmpty()) {
            lookups << MigratorDifference{
                QStringLiteral("missing-release"), true,
                QStringLiteral("The product looks every minor of the range up by its .0 tag, and these are not among the "
                               "loaded releases: %1. Its `migrator` stops with \"unknown tag\" before running anything. The "
                               "rest of this view uses Passlane's stand-in for each (the minor's lowest patch), which is also "
                               "what `passlane-cli stitch` writes under that key.")
                    .arg(missing.join(QStringLiteral(", "))),
                {}, {}, {}, {}};
        }
        return lookups;
    });

    // The release whose bounds answer a lookup of vX.Y.0.
    auto boundsRelease = [&](const MinorVersion &m) -> std::optional<Version> {
        const Version zero{m.major, m.minor, 0};
        if (graph.hasVersion(zero))
            return zero;
        return index.representative(m);
    };

    // OOB interrupts, as the product schedules them.
    QList<Interval> intervals;
    QList<MinorVersion> points;
    const auto &migrations = planner.registry().migrations();
    if (!down) {
        for (const OobMigration &m : migrations)
            if (m.deprecated && fm < *m.deprecated && *m.deprecated <= tm)
                intervals << Interval{m.id, m.introduced, *m.deprecated};
        std::stable_sort(intervals.begin(), intervals.end(),
                         [](const Interval &a, const Interval &b) { return a.deprecated < b.deprecated; });
        for (const Interval &iv : std::as_const(intervals)) {
            if (!points.isEmpty() && !(points.last() < iv.introduced))
                continue;
            const auto p = pv.previous(iv.deprecated);
            if (!p) {
                view.differences << MigratorDifference{
                    QStringLiteral("version-table"), true,
                    QStringLiteral("The product cannot name the minor before %1 (no last minor of %2.x known), so "
                                   "scheduling OOB migration %3 fails.")
                        .arg(iv.deprecated.toString()).arg(iv.deprecated.major - 1).arg(iv.id),
                    {}, {}, {iv.id}, {}};
                continue;
            }
            points << *p;
        }
    } else {
        for (const OobMigration &m : migrations) {
            const MinorVersion dep = m.deprecated ? *m.deprecated : pv.next(tm);
            if (tm <= m.introduced && m.introduced < fm)
                intervals << Interval{m.id, m.introduced, dep};
        }
        std::stable_sort(intervals.begin(), intervals.end(),
                         [](const Interval &a, const Interval &b) { return b.introduced < a.introduced; });
        for (const Interval &iv : std::as_const(intervals))
            if (points.isEmpty() || iv.deprecated <= points.last())
                points << iv.introduced;
    }
    QMap<MinorVersion, QList<int>> covering;
    const QList<int> uncoveredIds = coveringSet(intervals, points, covering);
    if (!uncoveredIds.isEmpty()) {
        const int *uncovered = &uncoveredIds.first();
        const OobMigration *m = planner.registry().find(*uncovered);
        QString why = QStringLiteral("no point it chose lies in the migration's interval");
        if (m && m->deprecated && *m->deprecated <= m->introduced)
            why = QStringLiteral("it is deprecated at %1, at or before its introduction (%2)")
                      .arg(m->deprecated->toString(), m->introduced.toString());
        else if (m && !m->deprecated && down)
            why = QStringLiteral("it was never deprecated, so the product assumes a deprecation at %1 (the minor after "
                                 "the target), below its introduction %2")
                      .arg(pv.next(tm).toString(), m->introduced.toString());
        view.differences << MigratorDifference{
            QStringLiteral("panic"), true,
            QStringLiteral("The product's OOB scheduler panics (\"input interval not covered\") on OOB migration %1: %2. "
                           "Its `migrator %3` crashes before running anything.")
                .arg(*uncovered).arg(why, down ? QStringLiteral("downgrade") : QStringLiteral("upgrade")),
            {}, {}, {*uncovered}, {}};
    }
    QList<MinorVersion> stopMinors = covering.keys(); // ascending
    if (down)
        std::reverse(stopMinors.begin(), stopMinors.end());

    // OOB differences against Passlane's stops.
    QMap<int, MinorVersion> productAt;
    for (auto it = covering.cbegin(); it != covering.cend(); ++it)
        for (int id : it.value())
            productAt.insert(id, it.key());
    QMap<int, MinorVersion> passlaneAt;
    for (const Stop &s : plan.stops)
        for (int id : s.oob)
            passlaneAt.insert(id, s.minor);
    QList<int> ids = productAt.keys();
    for (int id : passlaneAt.keys())
        if (!productAt.contains(id))
            ids << id;
    std::sort(ids.begin(), ids.end());
    for (int id : std::as_const(ids)) {
        if (uncoveredIds.contains(id))
            continue; // the panic above already says the product never gets this far
        const OobMigration *m = planner.registry().find(id);
        // On a downgrade the product flags non-destructive migrations too but never waits for
        // them (their data stays readable), just as Passlane does not revert them: no difference.
        if (down && m && m->nonDestructive)
            continue;
        const bool inProduct = productAt.contains(id);
        const bool inPasslane = passlaneAt.contains(id);
        const QString passlaneStop = inPasslane ? passlaneAt.value(id).toString() : QString();
        if (!down && inProduct && m && m->deprecated && *m->deprecated <= productAt.value(id)) {
            view.differences << MigratorDifference{
                QStringLiteral("oob-at-deprecation"), false,
                QStringLiteral("The product completes OOB migration %1 at its %2 stop, which is its deprecation version: "
                               "it first applies %2's schema migrations, which may already rely on %1 being complete, and "
                               "only then waits for it. Passlane completes it at %3, the last minor before %2.")
                    .arg(id).arg(productAt.value(id).toString(),
                                 inPasslane ? passlaneStop : QStringLiteral("no stop (see the problems)")),
                {}, {}, {id}, {}};
        } else if (inProduct && inPasslane) {
            if (productAt.value(id) != passlaneAt.value(id))
                view.differences << MigratorDifference{
                    QStringLiteral("oob-stop"), false,
                    QStringLiteral("The product %1 OOB migration %2 at %3; Passlane at %4.")
                        .arg(down ? QStringLiteral("reverts") : QStringLiteral("completes"))
                        .arg(id).arg(productAt.value(id).toString(), passlaneStop),
                    {}, {}, {id}, {}};
        } else if (inProduct) {
            QString why;
            if (down && m && m->introduced == tm)
                why = QStringLiteral("it was introduced at %1, the target's own minor, which still runs it: the revert is "
                                     "work for nothing (its window is to <= introduced < from)").arg(tm.toString());
            else
                why = QStringLiteral("Passlane has no stop for it (see the problems)");
            const bool window = down && m && m->introduced == tm;
            view.differences << MigratorDifference{
                window ? QStringLiteral("oob-extra-revert") : QStringLiteral("oob-stop"), false,
                QStringLiteral("The product %1 OOB migration %2 at %3: %4.")
                    .arg(down ? QStringLiteral("reverts") : QStringLiteral("completes"))
                    .arg(id).arg(productAt.value(id).toString(), why),
                {}, {}, {id}, {}};
        } else {
            const bool atSource = down && m && m->introduced == fm;
            view.differences << MigratorDifference{
                atSource ? QStringLiteral("oob-not-reverted") : QStringLiteral("oob-stop"), false,
                atSource ? QStringLiteral("The product never reverts OOB migration %1: it was introduced at %2, the source's own "
                                          "minor, and the product's downgrade window is to <= introduced < from. %3 predates "
                                          "it and finds its data in a format it does not know. Passlane reverts it at %4.")
                               .arg(id).arg(fm.toString(), plan.to.toString(), passlaneStop)
                         : QStringLiteral("The product does not wait for OOB migration %1; Passlane does at %2.")
                               .arg(id).arg(passlaneStop),
                {}, {}, {id}, {}};
        }
    }

    // The product's steps: each interrupt point's .0 leaves, then the target minor's .0 leaves.
    const auto &schemas = cache.schemas();
    QList<IdBits> have;
    QList<IdBits> passlaneHave;
    for (const auto &s : schemas) {
        IdBits bits = applied ? cache.toBits(s, applied->value(s.name)) : cache.closureOf(s, plan.from);
        have << bits;
        passlaneHave << bits;
    }
    QList<QList<qint64>> productRun(schemas.size());
    auto addStep = [&](const MinorVersion &m, bool isTarget, const QList<int> &oob) {
        MigratorStep step;
        step.tag = tagOf(m);
        step.down = down;
        step.isTarget = isTarget;
        step.oob = oob;
        const auto release = boundsRelease(m);
        if (release)
            step.release = *release;
        for (qsizetype k = 0; k < schemas.size() && release; ++k) {
            const auto &s = schemas.at(k);
            IdBits delta;
            if (!down) {
                delta = minus(cache.closureOf(s, *release), have[k]);
            } else {
                const IdBits &below = cache.belowLeavesOf(s, *release);
                delta = cache.empty(s);
                for (size_t w = 0; w < delta.size(); ++w)
                    delta[w] = have[k][w] & below[w];
            }
            if (!anyBit(delta))
                continue;
            QList<qint64> run = ordered(cache, s, delta);
            if (down)
                std::reverse(run.begin(), run.end());
            for (size_t w = 0; w < delta.size(); ++w)
                have[k][w] = down ? (have[k][w] & ~delta[w]) : (have[k][w] | delta[w]);
            productRun[k] << run;
            step.schemas.insert(s.name, run);
        }
        view.steps << step;
    };
    for (const MinorVersion &m : std::as_const(stopMinors))
        addStep(m, false, covering.value(m));
    addStep(tm, true, {});

    // Passlane's end state, as its steps move it (the planner's own bit rule per step release).
    for (const PlanStep &step : plan.steps) {
        for (qsizetype k = 0; k < schemas.size(); ++k) {
            const auto &s = schemas.at(k);
            const IdBits &target = cache.closureOf(s, step.release);
            for (size_t w = 0; w < target.size(); ++w)
                passlaneHave[k][w] = step.down ? (passlaneHave[k][w] & target[w]) : (passlaneHave[k][w] | target[w]);
        }
    }
    // The first position where Passlane's steps run another migration of `schema` than `run`
    // (the length of the shorter when one is a prefix of the other; -1 when they are equal).
    auto firstDifference = [&plan](const QString &schema, const QList<qint64> &run, qint64 *theirs) -> qsizetype {
        qsizetype at = 0;
        for (const PlanStep &step : plan.steps) {
            const auto it = step.schemas.constFind(schema);
            if (it == step.schemas.cend())
                continue;
            for (qint64 id : *it) {
                if (at >= run.size() || run[at] != id) {
                    *theirs = id;
                    return at;
                }
                ++at;
            }
        }
        *theirs = -1;
        return at == run.size() ? -1 : at;
    };

    const Version targetRelease = boundsRelease(tm).value_or(plan.to);
    for (qsizetype k = 0; k < schemas.size(); ++k) {
        const auto &s = schemas.at(k);
        const IdBits extra = minus(have[k], passlaneHave[k]);   // the product leaves these applied
        const IdBits lacking = minus(passlaneHave[k], have[k]); // the product never applies these
        if (anyBit(extra)) {
            QList<qint64> run = ordered(cache, s, extra);
            std::reverse(run.begin(), run.end()); // children first
            QString sql;
            sql.reserve(run.size() * 256);
            for (qint64 id : std::as_const(run)) {
                MigrationPtr def = graph.shippedDefinition(s.name, id, plan.from);
                if (!def)
                    def = graph.definition(s.name, id);
                sql += QStringLiteral("-- %1 %2\n").arg(s.name).arg(id);
                if (def)
                    sql += QString::fromUtf8(def->downQuery).trimmed() + u'\n';
            }
            const QString why = down
                ? QStringLiteral("its downgrade only undoes applied descendants of %1's leaves, and these are not "
                                 "descendants of any of them").arg(targetRelease.toString())
                : QStringLiteral("its steps never revert anything on an upgrade");
            std::sort(run.begin(), run.end());
            view.differences << MigratorDifference{
                QStringLiteral("drift"), false,
                QStringLiteral("%1: the product's migrator leaves %2 migration(s) applied that %3 does not have (%4): %5. "
                               "The schema then drifts from %3; run their down.sql by hand, children first, to match it.")
                    .arg(s.name).arg(run.size()).arg(plan.to.toString(), idText(run), why),
                s.name, run, {}, sql};
        }
        if (anyBit(lacking)) {
            QList<qint64> run = ordered(cache, s, lacking);
            std::sort(run.begin(), run.end());
            view.differences << MigratorDifference{
                QStringLiteral("target-release"), false,
                down ? QStringLiteral("%1: the product's migrator downgrades to %2's leaves (it works in minors), so it also "
                                      "reverts %3 migration(s) that %4 has (%5); the %4 frontend applies them again when it starts.")
                           .arg(s.name, targetRelease.toString()).arg(run.size()).arg(plan.to.toString(), idText(run))
                     : QStringLiteral("%1: the product's migrator stops at %2's leaves (it works in minors), so %3 migration(s) "
                                      "of %4 are left for the %4 frontend to apply when it starts (%5).")
                           .arg(s.name, targetRelease.toString()).arg(run.size()).arg(plan.to.toString(), idText(run)),
                s.name, run, {}, {}};
        }
        qint64 theirs = -1;
        const qsizetype at = anyBit(extra) || anyBit(lacking) ? -1 : firstDifference(s.name, productRun[k], &theirs);
        if (at >= 0) {
            view.differences << MigratorDifference{
                QStringLiteral("order"), false,
                QStringLiteral("%1: the product runs the same migrations in another order (its stops group them "
                               "differently); the first difference is at position %2 (%3 instead of %4).")
                    .arg(s.name).arg(at + 1)
                    .arg(at < productRun[k].size() ? QString::number(productRun[k][at]) : QStringLiteral("-"),
                         theirs >= 0 ? QString::number(theirs) : QStringLiteral("-")),
                s.name, {}, {}, {}};
        }
    }
    std::stable_sort(view.differences.begin(), view.differences.end(),
                     [](const MigratorDifference &a, const MigratorDifference &b) { return a.blocking && !b.blocking; });
    return view;
}

} // namespace passlane
