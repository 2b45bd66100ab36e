// The scenario layer on the 70 real releases: a project's proposals and customers CSV give the
// same answer in `plan --project` and `windows` as the equivalent command-line options.
#include "clirun.h"
#include "fixtures.h"
#include "scenario/evaluate.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane;

namespace {

QJsonObject cliJson(const QStringList &args)
{
    return QJsonDocument::fromJson(test::runCli(args).out).object();
}

/// "5.11.0[21,22,25] 6.5.0[26,28]": stops as the plan and the window analysis both write them.
QString stopsText(const QJsonArray &stops)
{
    QStringList out;
    for (const QJsonValue &v : stops) {
        QStringList ids;
        for (const QJsonValue &id : v.toObject().value(QStringLiteral("oob")).toArray())
            ids << QString::number(id.toInt());
        out << QStringLiteral("%1[%2]").arg(v.toObject().value(QStringLiteral("version")).toString(), ids.join(u','));
    }
    return out.join(u' ');
}

} // namespace

class TestRealScenarios : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeProject(const QString &fixtures, const QStringList &proposals, const QString &csv = {})
    {
        QString yaml = QStringLiteral("sources: [\"%1/releases\"]\noobFiles: [\"%1/oob/oobmigrations-whatif-6x.yaml\"]\n").arg(fixtures);
        if (!proposals.isEmpty()) {
            yaml += QStringLiteral("proposals:\n");
            for (const QString &p : proposals) {
                const auto parsed = DeprecationProposal::parse(p);
                yaml += QStringLiteral("  - {oob: %1, deprecated: %2}\n")
                            .arg(parsed->oobId)
                            .arg(parsed->deprecated ? QStringLiteral("\"%1\"").arg(parsed->deprecated->toString()) : QStringLiteral("null"));
            }
        }
        if (!csv.isEmpty())
            yaml += QStringLiteral("customersCsv: \"%1\"\n").arg(csv);
        const QString path = m_dir.filePath(QStringLiteral("p%1.passlane").arg(qHash(yaml)));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(yaml.toUtf8());
        return path;
    }

private Q_SLOTS:
    void projectProposalsPlanLikeWindowsPropose_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QStringList>("proposals");
        QTest::newRow("no proposal") << u"5.9.45"_qs << QStringList{};
        QTest::newRow("25 at 6.9") << u"5.9.45"_qs << QStringList{u"25=6.9"_qs};
        QTest::newRow("25 at 6.8, 29 never") << u"5.9.45"_qs << QStringList{u"25=6.8"_qs, u"29=none"_qs};
        QTest::newRow("from 5.8, 21 at 6.0") << u"5.8.1579"_qs << QStringList{u"21=6.0"_qs};
        QTest::newRow("from 6.2, 27 at 7.0, 32 at 7.2") << u"6.2.0"_qs << QStringList{u"27=7.0"_qs, u"32=7.2"_qs};
    }
    void projectProposalsPlanLikeWindowsPropose()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QFETCH(QString, from);
        QFETCH(QStringList, proposals);
        const QString to = QStringLiteral("7.2.1943");
        const QString project = writeProject(fixtures, proposals);
        QVERIFY(!project.isEmpty());

        const QJsonObject plan = cliJson({u"plan"_qs, u"--project"_qs, project, u"--from"_qs, from, u"--to"_qs, to, u"--format"_qs, u"json"_qs});
        QVERIFY2(plan.contains(QStringLiteral("stops")), "plan --project wrote no plan");
        QStringList windowArgs{u"windows"_qs, fixtures + u"/releases"_qs, u"--oob"_qs,
                               fixtures + u"/oob/oobmigrations-whatif-6x.yaml"_qs, u"--to"_qs, to, u"--format"_qs, u"json"_qs};
        for (const QString &p : proposals)
            windowArgs << u"--propose"_qs << p;
        const QJsonObject windows = cliJson(windowArgs);
        QJsonObject row;
        for (const QJsonValue &v : windows.value(QStringLiteral("rows")).toArray())
            if (v.toObject().value(QStringLiteral("from")).toString() == from)
                row = v.toObject();
        QVERIFY2(!row.isEmpty(), qPrintable(from + QStringLiteral(" is not a row of the window analysis")));
        QCOMPARE(stopsText(plan.value(QStringLiteral("stops")).toArray()), stopsText(row.value(QStringLiteral("stops_after")).toArray()));
        // The plan says it is hypothetical exactly when proposals apply.
        QCOMPARE(plan.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("what_if")).toArray().size(),
                 qsizetype(proposals.size()));
    }

    void windowsProjectUsesItsCustomers()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        const QString csv = fixtures + QStringLiteral("/customers-example.csv");
        const QString project = writeProject(fixtures, {u"25=6.9"_qs}, csv);
        const QJsonObject viaProject = cliJson({u"windows"_qs, u"--project"_qs, project, u"--format"_qs, u"json"_qs});
        const QJsonObject viaOptions = cliJson({u"windows"_qs, fixtures + u"/releases"_qs, u"--oob"_qs,
                                                fixtures + u"/oob/oobmigrations-whatif-6x.yaml"_qs, u"--customers"_qs, csv,
                                                u"--propose"_qs, u"25=6.9"_qs, u"--format"_qs, u"json"_qs});
        QVERIFY(!viaProject.isEmpty());
        QCOMPARE(viaProject, viaOptions);
        // Weighted by the CSV, not one instance per release.
        QVERIFY(viaProject.value(QStringLiteral("total_instances")).toInteger()
                > viaProject.value(QStringLiteral("rows")).toArray().size());
    }

    void windowsIdenticalStopsAreNotAffected()
    {
        // `windows --propose 25=6.6` with the customer CSV: rows whose stop releases stay the same
        // are reassigned or unchanged, never affected; the headline's affected count is the sum
        // of the four affected classes.
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        const QStringList args{u"windows"_qs, fixtures + u"/releases"_qs, u"--oob"_qs,
                               fixtures + u"/oob/oobmigrations-whatif-6x.yaml"_qs, u"--customers"_qs,
                               fixtures + u"/customers-example.csv"_qs, u"--propose"_qs, u"25=6.6"_qs};
        const QJsonObject o = cliJson(args + QStringList{u"--format"_qs, u"json"_qs});
        const QJsonArray rows = o.value(QStringLiteral("rows")).toArray();
        QVERIFY(!rows.isEmpty());
        auto releases = [](const QJsonArray &stops) {
            QStringList out;
            for (const QJsonValue &s : stops)
                out << s.toObject().value(QStringLiteral("version")).toString();
            return out;
        };
        int same = 0;
        for (const QJsonValue &v : rows) {
            const QJsonObject row = v.toObject();
            const QString change = row.value(QStringLiteral("change")).toString();
            if (releases(row.value(QStringLiteral("stops_before")).toArray()) == releases(row.value(QStringLiteral("stops_after")).toArray())
                && row.value(QStringLiteral("impossible_before")) == row.value(QStringLiteral("impossible_after"))) {
                ++same;
                QVERIFY2(change == u"reassigned" || change == u"unchanged",
                         qPrintable(row.value(QStringLiteral("from")).toString() + u": "_qs + change));
                const bool idsMove = stopsText(row.value(QStringLiteral("stops_before")).toArray())
                    != stopsText(row.value(QStringLiteral("stops_after")).toArray());
                QCOMPARE(change == u"reassigned", idsMove);
            }
        }
        QVERIFY(same > 0);
        const QJsonObject perChange = o.value(QStringLiteral("change_instances")).toObject();
        QVERIFY(perChange.value(QStringLiteral("reassigned")).toInteger() > 0);
        QCOMPARE(perChange.value(QStringLiteral("a stop moves")).toInteger(), 0);
        QCOMPARE(o.value(QStringLiteral("affected_instances")).toInteger(),
                 perChange.value(QStringLiteral("gains a stop")).toInteger() + perChange.value(QStringLiteral("loses a stop")).toInteger()
                     + perChange.value(QStringLiteral("a stop moves")).toInteger()
                     + perChange.value(QStringLiteral("impossible")).toInteger());

        // The Markdown shows each stop's OOB ids and keeps the caveat on the earliest deprecation:
        // 5.10 is the minor right after 25's introduction at 5.9.
        const QString md = QString::fromUtf8(test::runCli(args + QStringList{u"--format"_qs, u"markdown"_qs}).out);
        QVERIFY(md.contains(QLatin1String("5.11.0 \\[21,22,25\\], 6.5.0 \\[26,28\\]")));
        QVERIFY(md.contains(QLatin1String("| reassigned |")));
        QVERIFY(md.contains(QLatin1String("5.10 (the minor right after its introduction: advised against")));
    }

    void validateJsonCarriesReleaseSpans()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        const test::CliRun run = test::runCli({u"validate"_qs, u"--json"_qs, fixtures + u"/releases"_qs});
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
        const QJsonArray findings = QJsonDocument::fromJson(run.out).object().value(u"findings"_qs).toArray();
        QVERIFY(!findings.isEmpty());
        // The parent: alias ships from 6.7.0 in every later release: count them from the archives.
        const auto first = Version::parse(u"6.7.0");
        int carrying = 0;
        std::optional<Version> last;
        for (const QString &name : QDir(fixtures + u"/releases"_qs).entryList({u"migrations-v*.tar.gz"_qs})) {
            const auto v = Version::fromSourceName(name);
            QVERIFY2(v, qPrintable(name));
            if (!(*v < *first)) {
                ++carrying;
                if (!last || *last < *v)
                    last = v;
            }
        }
        bool seen = false;
        for (const QJsonValue &v : findings) {
            const QJsonObject f = v.toObject();
            if (f.value(u"kind"_qs).toString() != u"parent-alias")
                continue;
            seen = true;
            const QJsonObject releases = f.value(u"releases"_qs).toObject();
            QCOMPARE(releases.value(u"first"_qs).toString(), first->toString());
            QCOMPARE(releases.value(u"last"_qs).toString(), last->toString());
            QCOMPARE(releases.value(u"count"_qs).toInt(), carrying);
        }
        QVERIFY(seen);
    }

    void planCarriesLintAndFindingsOfItsMigrations()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        Scenario s;
        s.project.sources = {fixtures + QStringLiteral("/releases")};
        s.project.oobFiles = {fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml")};
        s.from = Version::parse(u"5.9.45");
        s.to = Version::parse(u"7.2.1943");
        auto catalog = loadCatalog(LoadRequest::fromProject(s.project));
        QVERIFY(catalog.ok());
        const auto shared = std::make_shared<const Catalog>(std::move(catalog).value());
        const Result<Evaluation> e = evaluate(s, shared);
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().toString()));
        QVERIFY(e->plan);
        QVERIFY(!e->lint.isEmpty());
        // Every finding on the plan concerns a migration one of its steps runs.
        QVERIFY(!e->planFindings.isEmpty());
        for (const Finding &f : e->planFindings) {
            bool ran = false;
            for (const PlanStep &step : e->plan->steps)
                ran = ran || step.schemas.value(f.schema).contains(*f.id);
            QVERIFY2(ran, qPrintable(f.message));
        }
        QVERIFY(e->whatIf().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRealScenarios)
#include "tst_realscenarios.moc"
