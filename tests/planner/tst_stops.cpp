// Version arithmetic, pair classification and OOB stops: tables and seeded property tests.
#include "plan/stopplanner.h"
#include "plan/versionindex.h"
#include "plan/windowanalysis.h"
#include "synthetic.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace passlane;
using passlane::test::makeOob;
using passlane::test::stopsString;

namespace {

QList<Version> versions(const QStringList &texts)
{
    QList<Version> out;
    for (const QString &t : texts)
        out << *Version::parse(t);
    return out;
}

/// The real release list's shape: 5.8 has only 5.8.1579, 6.6 has no .0, 5.11 -> 6.0, 6.12 -> 7.0.
VersionIndex realShapedIndex()
{
    return VersionIndex(versions({QStringLiteral("5.8.1579"), QStringLiteral("5.9.45"), QStringLiteral("5.9.17785"),
                                  QStringLiteral("5.10.0"), QStringLiteral("5.11.0"), QStringLiteral("5.11.6271"),
                                  QStringLiteral("6.0.0"), QStringLiteral("6.1.0"), QStringLiteral("6.2.0"),
                                  QStringLiteral("6.3.0"), QStringLiteral("6.4.0"), QStringLiteral("6.5.0"),
                                  QStringLiteral("6.6.868"), QStringLiteral("6.6.2517"), QStringLiteral("6.7.0"),
                                  QStringLiteral("6.8.0"), QStringLiteral("6.9.0"), QStringLiteral("6.10.0"),
                                  QStringLiteral("6.11.0"), QStringLiteral("6.12.0"), QStringLiteral("7.0.0"),
                                  QStringLiteral("7.1.0"), QStringLiteral("7.2.0"), QStringLiteral("7.2.1943")}));
}

struct Window {
    int id;
    MinorVersion lo, hi;
};

/// Windows recomputed independently of the planner (for the properties).
QList<Window> expectedWindows(const VersionIndex &index, const OobRegistry &reg, const Version &from, const Version &to,
                              QList<int> &impossible)
{
    QList<Window> out;
    const bool down = to < from;
    for (const OobMigration &m : reg.migrations()) {
        if (!down) {
            if (!m.deprecated || !(from.minorVersion() < *m.deprecated && *m.deprecated <= to.minorVersion()))
                continue;
            const auto prev = index.previousMinor(*m.deprecated);
            const MinorVersion lo = std::max(m.introduced, from.minorVersion());
            if (*m.deprecated <= m.introduced || !prev || index.minorsBetween(lo, *prev).isEmpty()) {
                impossible << m.id;
                continue;
            }
            out << Window{m.id, lo, *prev};
        } else {
            if (m.nonDestructive || !(to.minorVersion() < m.introduced && m.introduced <= from.minorVersion()))
                continue;
            MinorVersion hi = from.minorVersion();
            if (m.deprecated) {
                const auto prev = index.previousMinor(*m.deprecated);
                if (!prev || *m.deprecated <= m.introduced) {
                    impossible << m.id;
                    continue;
                }
                hi = std::min(hi, *prev);
            }
            if (index.minorsBetween(m.introduced, hi).isEmpty()) {
                impossible << m.id;
                continue;
            }
            out << Window{m.id, m.introduced, hi};
        }
    }
    return out;
}

/// Smallest number of minors hitting every window, by brute force over candidate subsets.
int bruteForceMinimum(const VersionIndex &index, const QList<Window> &windows)
{
    if (windows.isEmpty())
        return 0;
    QList<MinorVersion> candidates;
    for (const Window &w : windows)
        for (const MinorVersion &m : index.minorsBetween(w.lo, w.hi))
            if (!candidates.contains(m))
                candidates << m;
    const int n = int(candidates.size());
    int best = n;
    for (quint32 mask = 0; mask < (1u << n); ++mask) {
        const int size = qPopulationCount(mask);
        if (size >= best)
            continue;
        bool all = true;
        for (const Window &w : windows) {
            bool hit = false;
            for (int i = 0; i < n && !hit; ++i)
                hit = (mask >> i & 1) && w.lo <= candidates[i] && candidates[i] <= w.hi;
            if (!hit) {
                all = false;
                break;
            }
        }
        if (all)
            best = size;
    }
    return best;
}

/// The inverse of stopsString: "1.3.0[1,2] 2.0.0[4]" (empty: no stop).
QList<Stop> parseStops(const QString &text)
{
    QList<Stop> out;
    for (const QString &part : text.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype open = part.indexOf(u'[');
        Stop s;
        s.release = *Version::parse(part.left(open));
        s.minor = s.release.minorVersion();
        for (const QString &id : part.mid(open + 1).chopped(1).split(u',', Qt::SkipEmptyParts))
            s.oob << id.toInt();
        out << s;
    }
    return out;
}

QList<int> parseIds(const QString &text)
{
    QList<int> out;
    for (const QString &id : text.split(u',', Qt::SkipEmptyParts))
        out << id.toInt();
    return out;
}

} // namespace

class TestStops : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionIndex()
    {
        const VersionIndex index = realShapedIndex();
        QCOMPARE(index.nextMinor({5, 11}), (MinorVersion{6, 0}));
        QCOMPARE(index.nextMinor({6, 12}), (MinorVersion{7, 0}));
        QCOMPARE(index.previousMinor({6, 0}), (MinorVersion{5, 11}));
        QCOMPARE(index.previousMinor({7, 0}), (MinorVersion{6, 12}));
        QCOMPARE(index.previousMinor({6, 13}), (MinorVersion{6, 12})); // unknown minors work too
        QCOMPARE(index.representative({5, 8}), Version::parse(u"5.8.1579"));
        QCOMPARE(index.representative({6, 6}), Version::parse(u"6.6.868"));
        QCOMPARE(index.representative({6, 3}), Version::parse(u"6.3.0"));
        QVERIFY(!index.representative({6, 13}));
        QVERIFY(!index.nextMinor({7, 2}));
        QCOMPARE(index.minorsBetween({6, 10}, {7, 1}).size(), 5); // 6.10 6.11 6.12 7.0 7.1
    }

    void classify_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("kind");
        QTest::newRow("same") << "6.3.0" << "6.3.0" << "same";
        QTest::newRow("patch") << "6.6.868" << "6.6.2517" << "patch";
        QTest::newRow("patch-to-lower-patch") << "6.6.2517" << "6.6.868" << "downgrade";
        QTest::newRow("standard") << "6.3.0" << "6.4.0" << "standard";
        QTest::newRow("standard-any-patch") << "5.9.17785" << "5.10.0" << "standard";
        QTest::newRow("standard-5.11-6.0") << "5.11.6271" << "6.0.0" << "standard";
        QTest::newRow("standard-6.12-7.0") << "6.12.0" << "7.0.0" << "standard";
        QTest::newRow("multi-two-minors") << "6.3.0" << "6.5.0" << "multi-version";
        QTest::newRow("multi-across-major") << "5.11.0" << "6.1.0" << "multi-version";
        QTest::newRow("multi-long") << "5.9.45" << "7.2.1943" << "multi-version";
        QTest::newRow("downgrade") << "7.0.0" << "6.12.0" << "downgrade";
        QTest::newRow("downgrade-version-but-content-ahead") << "6.0.0" << "5.9.17785" << "downgrade";
    }
    void classify()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, kind);
        QCOMPARE(pairKindName(classifyPair(realShapedIndex(), *Version::parse(from), *Version::parse(to))), kind);
    }

    void stops_data()
    {
        // Registry: id:introduced-deprecated[d = destructive]. Expected: "release[ids] ...".
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("warnings");
        QTest::addColumn<int>("errors");
        QTest::newRow("no-window") << "1:6.0-6.3" << "6.3.0" << "7.0.0" << "" << 0 << 0;
        QTest::newRow("one-window") << "1:6.0-6.3" << "5.9.45" << "7.0.0" << "6.2.0[1]" << 0 << 0;
        QTest::newRow("deprecated-at-target") << "1:6.0-6.3" << "6.0.0" << "6.3.0" << "6.2.0[1]" << 0 << 0;
        QTest::newRow("wait-at-source") << "1:6.0-6.3" << "6.2.0" << "6.5.0" << "6.2.0[1]" << 0 << 0;
        QTest::newRow("across-major") << "1:5.9-6.0" << "5.9.45" << "6.2.0" << "5.11.0[1]" << 0 << 0;
        QTest::newRow("across-major-7") << "1:6.10-7.0" << "6.9.0" << "7.2.0" << "6.12.0[1]" << 0 << 0;
        QTest::newRow("no-dot-zero") << "1:6.5-6.7" << "6.0.0" << "7.0.0" << "6.6.868[1]" << 0 << 0;
        QTest::newRow("shared-stop") << "1:6.0-6.5,2:6.2-6.8,3:6.3-6.4" << "6.0.0" << "7.0.0" << "6.3.0[1,2,3]" << 1 << 0; // 3 is deprecated at the very next minor
        QTest::newRow("two-stops") << "1:6.0-6.3,2:6.3-6.8" << "6.0.0" << "7.0.0" << "6.2.0[1] 6.7.0[2]" << 0 << 0;
        QTest::newRow("next-minor-warning") << "1:6.3-6.4" << "6.0.0" << "7.0.0" << "6.3.0[1]" << 1 << 0;
        QTest::newRow("deprecated-before-introduced") << "1:6.5-6.3" << "6.0.0" << "7.0.0" << "" << 0 << 1;
        QTest::newRow("deprecated-at-introduced") << "1:6.5-6.5" << "6.0.0" << "7.0.0" << "" << 0 << 1;
        QTest::newRow("never-shipped-deprecation") << "1:7.0-7.5" << "7.0.0" << "7.2.1943" << "" << 0 << 0;
        QTest::newRow("introduced-after-from") << "1:6.8-6.11,2:5.9-6.1" << "5.8.1579" << "7.0.0" << "6.0.0[2] 6.10.0[1]" << 0 << 0;
        // Downgrades: destructive migrations introduced in (to, from] are reverted at their introduction.
        QTest::newRow("downgrade-revert") << "1:6.3-d" << "6.8.0" << "6.1.0" << "6.3.0[1]" << 0 << 0;
        QTest::newRow("downgrade-nondestructive") << "1:6.3-" << "6.8.0" << "6.1.0" << "" << 0 << 0;
        QTest::newRow("downgrade-shared") << "1:6.3-d,2:6.5-d" << "6.8.0" << "6.1.0" << "6.5.0[1,2]" << 0 << 0;
        QTest::newRow("downgrade-deprecated-window") << "1:6.3-6.5d,2:6.5-d" << "6.8.0" << "6.1.0" << "6.5.0[2] 6.3.0[1]" << 0 << 0;
        QTest::newRow("downgrade-at-source") << "1:6.8-d" << "6.8.0" << "6.1.0" << "6.8.0[1]" << 0 << 0;
    }
    void stops()
    {
        QFETCH(QString, registry);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        QFETCH(int, warnings);
        QFETCH(int, errors);
        OobRegistry reg;
        for (const QString &entry : registry.split(u',')) {
            const QStringList idRest = entry.split(u':');
            QString range = idRest.at(1);
            const bool destructive = range.endsWith(u'd');
            if (destructive)
                range.chop(1);
            const QStringList iv = range.split(u'-');
            reg.insert(makeOob(idRest.at(0).toInt(), iv.at(0), iv.value(1), !destructive));
        }
        const StopPlan plan = planStops(realShapedIndex(), reg, *Version::parse(from), *Version::parse(to));
        QCOMPARE(stopsString(plan.stops), expected);
        QCOMPARE(problemsOf(plan.problems, Severity::Warning).size(), warnings);
        QCOMPARE(problemsOf(plan.problems, Severity::Error).size(), errors);
        // Every problem names the OOB migrations it concerns, so a view can jump to them.
        for (const Problem &p : plan.problems)
            QVERIFY2(!p.oobIds.isEmpty(), qPrintable(p.message));
    }

    void windowChange_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("impossibleBefore");
        QTest::addColumn<QString>("impossibleAfter");
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("affects");
        QTest::newRow("gains a stop") << "1.3.0[1]" << "1.3.0[1] 2.0.0[2]" << "" << "" << "gains a stop" << true;
        QTest::newRow("gains the first stop") << "" << "2.0.0[2]" << "" << "" << "gains a stop" << true;
        QTest::newRow("loses a stop") << "1.3.0[1] 2.0.0[2]" << "2.0.0[1,2]" << "" << "" << "loses a stop" << true;
        QTest::newRow("loses its only stop") << "1.3.0[1]" << "" << "" << "" << "loses a stop" << true;
        // A window it could not honour is gone and nothing else changes: it can upgrade again.
        QTest::newRow("impossible window lifted") << "1.3.0[1]" << "1.3.0[1]" << "3" << "" << "loses a stop" << true;
        QTest::newRow("a stop moves, same ids") << "1.3.0[1] 2.0.0[2]" << "1.2.0[1] 2.0.0[2]" << "" << ""
                                                << "a stop moves" << true;
        QTest::newRow("a stop moves, other ids") << "1.3.0[1,2]" << "1.1.0[1]" << "" << "" << "a stop moves" << true;
        QTest::newRow("a stop moves to the source") << "1.3.0[1]" << "1.2.4[1]" << "" << "" << "a stop moves" << true;
        QTest::newRow("impossible") << "1.3.0[1]" << "1.3.0[1]" << "" << "3" << "impossible" << true;
        QTest::newRow("impossible beats a gained stop") << "1.3.0[1]" << "1.3.0[1] 2.0.0[2]" << "" << "3"
                                                        << "impossible" << true;
        QTest::newRow("impossible, another id") << "1.3.0[1]" << "1.3.0[1]" << "3" << "3,5" << "impossible" << true;
        QTest::newRow("reassigned") << "1.3.0[1,2] 2.0.0[4]" << "1.3.0[1] 2.0.0[2,4]" << "" << ""
                                    << "reassigned" << false;
        QTest::newRow("reassigned, id added") << "1.3.0[1]" << "1.3.0[1,2]" << "" << "" << "reassigned" << false;
        QTest::newRow("unchanged") << "1.3.0[1] 2.0.0[2]" << "1.3.0[1] 2.0.0[2]" << "" << "" << "unchanged" << false;
        QTest::newRow("unchanged, no stop") << "" << "" << "" << "" << "unchanged" << false;
        QTest::newRow("unchanged, still impossible") << "1.3.0[1]" << "1.3.0[1]" << "3" << "3" << "unchanged" << false;
    }
    void windowChange()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, impossibleBefore);
        QFETCH(QString, impossibleAfter);
        QFETCH(QString, change);
        QFETCH(bool, affects);
        WindowRow row;
        row.source = *Version::parse(u"1.2.4");
        row.before = parseStops(before);
        row.after = parseStops(after);
        QCOMPARE(test::stopsString(row.before), before); // the table says what it means
        row.impossibleBefore = parseIds(impossibleBefore);
        row.impossibleAfter = parseIds(impossibleAfter);
        QCOMPARE(windowChangeName(row.change()), change);
        QCOMPARE(windowChangeAffects(row.change()), affects);
    }

    void windowChangeNames()
    {
        // Six classes, six distinct names; exactly four count as affected.
        QSet<QString> names;
        int affecting = 0;
        for (WindowChange c : allWindowChanges()) {
            names.insert(windowChangeName(c));
            affecting += windowChangeAffects(c) ? 1 : 0;
        }
        QCOMPARE(names.size(), 6);
        QCOMPARE(affecting, 4);
        QCOMPARE(stopsText({}), QStringLiteral("none"));
        QCOMPARE(stopsText(parseStops(u"5.11.0[21,22,25] 6.5.0[26,28]"_qs)), QStringLiteral("5.11.0 [21,22,25], 6.5.0 [26,28]"));
    }

    void neverShippedDeprecation()
    {
        // The 3.3x-era registry planned deprecations at 3.45 and 3.48; 3.43 was the last 3.x minor.
        QList<Version> vs;
        for (int m = 20; m <= 43; ++m)
            vs << Version{3, m, 0};
        vs << Version{4, 0, 0} << Version{4, 1, 0};
        const VersionIndex index(vs);
        OobRegistry reg;
        reg.insert(makeOob(13, QStringLiteral("3.34"), QStringLiteral("3.45")));
        reg.insert(makeOob(14, QStringLiteral("3.37"), QStringLiteral("3.48")));
        const StopPlan plan = planStops(index, reg, Version{3, 30, 0}, Version{4, 1, 0});
        QCOMPARE(stopsString(plan.stops), QStringLiteral("3.43.0[13,14]"));
        const Problems warnings = problemsOf(plan.problems, Severity::Warning);
        QCOMPARE(warnings.size(), 2);
        QCOMPARE(warnings.first().kind, QStringLiteral("oob-deprecated-unshipped"));
        QCOMPARE(warnings.first().oobIds, QList<int>{13});
        QVERIFY(warnings.first().message.contains(QLatin1String("never shipped")));
        QVERIFY(warnings.first().message.contains(QLatin1String("3.43.0")));
        // Stopping short of the phantom deprecation needs no stop at all.
        QVERIFY(planStops(index, reg, Version{3, 30, 0}, Version{3, 43, 0}).stops.isEmpty());
    }

    void randomProperties()
    {
        QRandomGenerator rng(20241218);
        int checkedWindows = 0;
        for (int round = 0; round < 400; ++round) {
            // Random known minors over majors 1-2, sometimes with gaps and several patches.
            QList<Version> vs;
            for (int major = 1; major <= 2; ++major)
                for (int minor = 0; minor < 8; ++minor)
                    if (rng.bounded(4) != 0) {
                        vs << Version{major, minor, rng.bounded(2) ? 0 : 100 + rng.bounded(50)};
                        if (rng.bounded(3) == 0)
                            vs << Version{major, minor, 500};
                    }
            if (vs.size() < 2)
                continue;
            const VersionIndex index(vs);
            OobRegistry reg;
            const int n = 1 + rng.bounded(7);
            for (int id = 1; id <= n; ++id) {
                OobMigration m = makeOob(id, QStringLiteral("1.0"));
                m.introduced = {1 + rng.bounded(2), rng.bounded(8)};
                if (rng.bounded(5) != 0)
                    m.deprecated = MinorVersion{1 + rng.bounded(2), rng.bounded(9)}; // may be unknown or bad
                m.nonDestructive = rng.bounded(2);
                reg.insert(m);
            }
            const QList<Version> releases = index.releases();
            const Version a = releases.at(rng.bounded(int(releases.size())));
            const Version b = releases.at(rng.bounded(int(releases.size())));
            for (const auto &[from, to] : {std::pair{a, b}, std::pair{b, a}}) {
                const StopPlan plan = planStops(index, reg, from, to);
                QList<int> impossible;
                const QList<Window> windows = expectedWindows(index, reg, from, to, impossible);
                std::sort(impossible.begin(), impossible.end());
                QList<int> got = plan.impossible;
                std::sort(got.begin(), got.end());
                QCOMPARE(got, impossible);
                // Every window holds the stop its migration is assigned to, and only one.
                QSet<int> assigned;
                for (const Stop &s : plan.stops) {
                    QVERIFY(index.hasMinor(s.minor));
                    for (int id : s.oob) {
                        QVERIFY2(!assigned.contains(id), "an OOB migration is assigned twice");
                        assigned.insert(id);
                    }
                    QVERIFY(s.oob.size() > 0); // no useless stop
                }
                for (const Window &w : windows) {
                    ++checkedWindows;
                    bool ok = false;
                    for (const Stop &s : plan.stops)
                        ok = ok || (s.oob.contains(w.id) && w.lo <= s.minor && s.minor <= w.hi);
                    QVERIFY2(ok, qPrintable(QStringLiteral("window %1 has no stop").arg(w.id)));
                }
                QCOMPARE(assigned.size(), windows.size());
                QCOMPARE(int(plan.stops.size()), bruteForceMinimum(index, windows));
                // Travel order: ascending for upgrades, descending for downgrades; inside [from, to].
                for (qsizetype k = 1; k < plan.stops.size(); ++k)
                    QVERIFY((to < from) ? plan.stops[k].minor < plan.stops[k - 1].minor
                                        : plan.stops[k - 1].minor < plan.stops[k].minor);
            }
        }
        QVERIFY(checkedWindows > 100); // the generator really exercises windows
    }
};

QTEST_GUILESS_MAIN(TestStops)
#include "tst_stops.moc"
