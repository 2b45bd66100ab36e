// What a report forwarded to a customer as is must carry, in HTML, Markdown and JSON alike: a
// header that identifies it (title, customer, date, Passlane version, the release sources and
// their digest, the registries, the what-if proposals) and a runbook an operator can follow (what
// to back up, the manual SQL or that none is needed, the migrator command, the OOB migrations to
// watch and where, the expected wait or that it is unknown). Checked on the bundled sample and on
// the real releases, against the catalog and the plan, never against text copied from a report.
#include "bundledsample.h"
#include "fixtures.h"
#include "report/html.h"
#include "report/markdown.h"
#include "report/lanechart.h"
#include "report/planreport.h"
#include "scenario/evaluate.h"
#include "scenario/reportheader.h"
#include "scenario/runbook.h"
#include "scenario/scenarioreport.h"
#include "simulator/customerexport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane;

namespace {

constexpr qint64 epoch = 1700000000;

/// The project version as the top-level CMakeLists.txt declares it.
QString declaredVersion()
{
    QFile f(QStringLiteral(PASSLANE_SOURCE_DIR "/CMakeLists.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto m = QRegularExpression(QStringLiteral(R"(project\(Passlane\s+VERSION\s+([0-9.]+))"))
                       .match(QString::fromUtf8(f.readAll()));
    return m.hasMatch() ? m.captured(1) : QString();
}

struct Rendered {
    QJsonObject json;
    QString markdown;
    QString html;
};

Rendered render(const Evaluation &e, ScenarioReportKind kind = ScenarioReportKind::Plan)
{
    return {QJsonDocument::fromJson(renderScenarioReport(e, kind, ReportFormat::Json)).object(),
            QString::fromUtf8(renderScenarioReport(e, kind, ReportFormat::Markdown)),
            QString::fromUtf8(renderScenarioReport(e, kind, ReportFormat::Html))};
}

#define VERIFY_IN(haystack, needle) QVERIFY2((haystack).contains(needle), qPrintable(QStringLiteral("missing: ") + (needle)))

/// `text` in both text formats, escaped as each format escapes it.
#define VERIFY_TEXT(r, text)                                                                               \
    do {                                                                                                   \
        VERIFY_IN((r).markdown, markdownEscape(text));                                                     \
        VERIFY_IN((r).html, htmlEscape(text));                                                             \
    } while (false)

} // namespace

class TestReportContent : public QObject {
    Q_OBJECT

    /// The scenario of one row: sources and registries, an optional customer with row counts for
    /// every OOB migration, proposals, a title.
    std::optional<Scenario> scenarioFor(const QString &data)
    {
        Scenario s;
        if (data == u"sample" || data == u"sample-customer") {
            s.project.sources << bundledSamplePath();
            s.project.oobFiles << bundledSampleOobPath();
        } else {
            const QString fixtures = test::sourcegraphFixtures();
            if (fixtures.isEmpty())
                return std::nullopt;
            s.project.sources << fixtures + QStringLiteral("/releases");
            s.project.oobFiles << fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml");
        }
        return s;
    }

private Q_SLOTS:
    void initTestCase() { qputenv("SOURCE_DATE_EPOCH", QByteArray::number(epoch)); }

    void planReport_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QStringList>("proposals");
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("customer"); // a project customer with 10,000 rows per OOB migration
        QTest::newRow("sample") << u"sample"_qs << u"1.0.0"_qs << u"2.1.0"_qs << QStringList{} << QString() << false;
        QTest::newRow("sample, customer, title") << u"sample-customer"_qs << u"1.0.0"_qs << u"2.1.0"_qs << QStringList{}
                                                 << u"Upgrade of the Example instance"_qs << true;
        QTest::newRow("sample, what-if") << u"sample"_qs << u"1.0.0"_qs << u"2.1.0"_qs << QStringList{u"1=2.1"_qs} << QString() << false;
        QTest::newRow("sample, standard") << u"sample"_qs << u"1.2.0"_qs << u"1.3.0"_qs << QStringList{} << QString() << false;
        QTest::newRow("sample, downgrade") << u"sample"_qs << u"2.1.0"_qs << u"1.2.0"_qs << QStringList{} << QString() << false;
        QTest::newRow("sample, downgrade with a revert") << u"sample"_qs << u"2.1.0"_qs << u"1.0.0"_qs << QStringList{} << QString() << false;
        QTest::newRow("real 5.9.45 -> 7.2.1943, what-if") << u"real"_qs << u"5.9.45"_qs << u"7.2.1943"_qs
                                                          << QStringList{u"25=6.9"_qs} << QString() << false;
        QTest::newRow("real 5.9.45 -> 7.2.1943, customer") << u"real"_qs << u"5.9.45"_qs << u"7.2.1943"_qs
                                                           << QStringList{} << u"Acme: upgrade to 7.2"_qs << true;
    }

    void planReport()
    {
        QFETCH(QString, data);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QStringList, proposals);
        QFETCH(QString, title);
        QFETCH(bool, customer);
        if (data == u"real") {
            PASSLANE_REQUIRE_FIXTURES(fixtures);
            Q_UNUSED(fixtures);
        }
        std::optional<Scenario> scenario = scenarioFor(data);
        QVERIFY(scenario);
        Scenario &s = *scenario;
        Result<Catalog> loaded = loadCatalog(LoadRequest::fromProject(s.project));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
        const auto catalog = std::make_shared<const Catalog>(std::move(loaded).value());
        for (const QString &p : proposals)
            s.project.proposals << *DeprecationProposal::parse(p);
        s.from = Version::parse(from);
        s.to = Version::parse(to);
        s.title = title;
        if (customer) {
            CustomerState c;
            c.name = QStringLiteral("Example Corp");
            c.version = s.from;
            for (const OobMigration &m : catalog->oob.migrations())
                c.oobRows.insert(m.id, 10000);
            s.project.customers << c;
            s.start.kind = ScenarioStart::Kind::Customer;
            s.start.customer = c.name;
        }
        Result<Evaluation> evaluated = evaluate(s, catalog);
        QVERIFY2(evaluated, qPrintable(evaluated ? QString() : evaluated.error().toString()));
        const Evaluation &e = evaluated.value();
        QVERIFY(e.plan);
        const Rendered r = render(e);

        // Header: the same facts in the JSON and in both text formats.
        const QJsonObject header = r.json.value(QStringLiteral("header")).toObject();
        QVERIFY(!header.isEmpty());
        const QString pair = from + QStringLiteral(" → ") + to;
        const QString shownTitle = header.value(QStringLiteral("title")).toString();
        if (title.isEmpty())
            QVERIFY2(shownTitle.contains(pair), qPrintable(shownTitle));
        else
            QCOMPARE(shownTitle, title);
        QVERIFY(header.value(QStringLiteral("subject")).toString().contains(pair));
        QVERIFY(r.markdown.startsWith(QStringLiteral("# ") + shownTitle + u'\n'));
        VERIFY_IN(r.html, QStringLiteral("<h1>") + htmlEscape(shownTitle) + QStringLiteral("</h1>"));
        VERIFY_TEXT(r, header.value(QStringLiteral("subject")).toString());
        if (customer) {
            QCOMPARE(header.value(QStringLiteral("customer")).toString(), u"Example Corp"_qs);
            VERIFY_TEXT(r, u"Example Corp"_qs);
        } else {
            QVERIFY(header.value(QStringLiteral("customer")).isNull());
        }
        const QString date = QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).date().toString(Qt::ISODate);
        QCOMPARE(header.value(QStringLiteral("date")).toString(), date);
        VERIFY_TEXT(r, date);
        const QString version = declaredVersion();
        QVERIFY(!version.isEmpty());
        QCOMPARE(header.value(QStringLiteral("passlane_version")).toString(), version);
        VERIFY_TEXT(r, version);

        const QJsonObject sources = header.value(QStringLiteral("sources")).toObject();
        QCOMPARE(sources.value(QStringLiteral("count")).toInteger(), catalog->releases.size());
        QCOMPARE(sources.value(QStringLiteral("first")).toString(), catalog->releases.first()->version.toString());
        QCOMPARE(sources.value(QStringLiteral("last")).toString(), catalog->releases.last()->version.toString());
        const QString digest = sources.value(QStringLiteral("digest")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{12}$")).match(digest).hasMatch(), qPrintable(digest));
        VERIFY_TEXT(r, QStringLiteral("%1 release(s), %2 to %3, digest %4")
                           .arg(catalog->releases.size())
                           .arg(catalog->releases.first()->version.toString(), catalog->releases.last()->version.toString(), digest));

        const QJsonArray registries = header.value(QStringLiteral("registries")).toArray();
        QCOMPARE(registries.size(), s.project.oobFiles.size());
        for (qsizetype i = 0; i < registries.size(); ++i) {
            QCOMPARE(registries.at(i).toString(), QFileInfo(s.project.oobFiles.at(i)).fileName());
            VERIFY_TEXT(r, registries.at(i).toString());
        }
        const QJsonArray whatIf = header.value(QStringLiteral("what_if")).toArray();
        QCOMPARE(whatIf.size(), proposals.size());
        for (const QString &p : proposals) {
            const DeprecationProposal proposal = *DeprecationProposal::parse(p);
            const QString line = QStringLiteral("OOB %1 deprecated at %2").arg(proposal.oobId).arg(proposal.deprecated->toString());
            QVERIFY2(whatIf.first().toString().startsWith(line), qPrintable(whatIf.first().toString()));
            VERIFY_TEXT(r, line);
        }

        // Runbook: one entry per plan step, each with what an operator needs.
        const QJsonArray runbook = r.json.value(QStringLiteral("runbook")).toArray();
        QCOMPARE(runbook.size(), e.plan->steps.size());
        VERIFY_IN(r.markdown, u"## Runbook"_qs);
        VERIFY_IN(r.html, u"<h2>Runbook</h2>"_qs);
        QString previous = e.plan->from.toString();
        for (qsizetype i = 0; i < runbook.size(); ++i) {
            const PlanStep &step = e.plan->steps.at(i);
            const QJsonObject j = runbook.at(i).toObject();
            const QString release = step.release.toString();
            QCOMPARE(j.value(QStringLiteral("release")).toString(), release);
            VERIFY_TEXT(r, j.value(QStringLiteral("title")).toString());

            // Back up each schema database the step touches.
            const QJsonArray backup = j.value(QStringLiteral("backup")).toArray();
            QStringList touched = step.schemas.keys();
            for (const QString &schema : touched) {
                const QString label = schemaDatabaseLabel(schema);
                QVERIFY2(backup.contains(label), qPrintable(release + QStringLiteral(": no backup of ") + schema));
                VERIFY_TEXT(r, label);
            }
            QCOMPARE(backup.size(), touched.size());

            // The manual SQL, or that none is needed.
            const QJsonArray manual = j.value(QStringLiteral("manual_sql")).toArray();
            QCOMPARE(manual.size(), step.manual.size());
            if (step.manual.isEmpty()) {
                QCOMPARE(j.value(QStringLiteral("manual_note")).toString(), u"No manual steps are needed."_qs);
                VERIFY_TEXT(r, u"No manual steps are needed."_qs);
            }
            for (qsizetype k = 0; k < step.manual.size(); ++k) {
                const QString sql = step.manual.at(k).sql.trimmed();
                QCOMPARE(manual.at(k).toObject().value(QStringLiteral("sql")).toString(), sql);
                QCOMPARE(manual.at(k).toObject().value(QStringLiteral("name")).toString(),
                         catalog->graph.definition(step.manual.at(k).schema, step.manual.at(k).id)->name);
                VERIFY_IN(r.markdown, sql.section(u'\n', 0, 0));
                VERIFY_IN(r.html, htmlEscape(sql.section(u'\n', 0, 0)));
            }

            // The product's command: `upgrade` for a multi-version step, `downgrade` down, the `up`
            // a deployed release runs for a standard upgrade; nothing while waiting at the source.
            if (step.release == e.plan->from) {
                QVERIFY(j.value(QStringLiteral("migrator_command")).isNull());
            } else {
                const QString command = step.down ? QStringLiteral("migrator downgrade --from=%1 --to=%2").arg(previous, release)
                    : e.plan->kind == PairKind::MultiVersion ? QStringLiteral("migrator upgrade --from=%1 --to=%2").arg(previous, release)
                                                             : QStringLiteral("migrator up");
                QCOMPARE(j.value(QStringLiteral("migrator_command")).toString(), command);
                VERIFY_IN(r.markdown, u'`' + command + u'`');
                VERIFY_IN(r.html, QStringLiteral("<code>") + htmlEscape(command) + QStringLiteral("</code>"));
            }
            previous = release;

            // The OOB migrations to watch, and where.
            const QJsonArray watch = j.value(QStringLiteral("watch_oob")).toArray();
            QCOMPARE(watch.size(), step.oob.size());
            for (qsizetype k = 0; k < step.oob.size(); ++k) {
                QCOMPARE(watch.at(k).toObject().value(QStringLiteral("id")).toInt(), step.oob.at(k));
                VERIFY_TEXT(r, QStringLiteral("OOB %1 %2").arg(step.oob.at(k)).arg(e.registry.find(step.oob.at(k))->component));
            }
            if (step.down && !step.oob.isEmpty()) {
                QString revert = QStringLiteral("migrator run-out-of-band-migrations --apply-reverse");
                for (int id : step.oob)
                    revert += QStringLiteral(" --id=%1").arg(id);
                QCOMPARE(j.value(QStringLiteral("revert_command")).toString(), revert);
                VERIFY_IN(r.markdown, u'`' + revert + u'`');
                VERIFY_IN(r.html, QStringLiteral("<code>") + htmlEscape(revert) + QStringLiteral("</code>"));
            } else {
                QVERIFY(j.value(QStringLiteral("revert_command")).isNull());
            }
            if (!step.oob.isEmpty()) {
                VERIFY_TEXT(r, oobProgressPage());
                VERIFY_IN(r.markdown, oobProgressSql(step.oob));
                VERIFY_IN(r.html, htmlEscape(oobProgressSql(step.oob)));
                QCOMPARE(j.value(QStringLiteral("watch_sql")).toString(), oobProgressSql(step.oob));
            }

            // The expected time: the time model's figure for the step (schema migrations plus the
            // OOB wait, side by side), saying what it rests on: the customer's 10,000 rows each at
            // the documented 500 rows every 3 s; unknown rows (assumed empty) without row counts.
            const QJsonObject duration = j.value(QStringLiteral("duration")).toObject();
            const QString durationText = duration.value(QStringLiteral("text")).toString();
            VERIFY_TEXT(r, durationText);
            QCOMPARE(duration.value(QStringLiteral("source")).toString(), u"estimate"_qs);
            QVERIFY2(durationText.contains(u"costs: documented default"), qPrintable(durationText));
            if (step.oob.isEmpty()) {
                QVERIFY2(!durationText.contains(u"waiting for OOB"), qPrintable(durationText));
            } else if (customer) {
                QVERIFY2(durationText.contains(u"customer data (10,000 rows)"), qPrintable(durationText));
                QVERIFY2(durationText.contains(u"rate: documented default (500 rows / 3 s)"), qPrintable(durationText));
                QVERIFY(duration.value(QStringLiteral("ms")).toInteger() >= qint64(10000 / 500 * 3 * 1000));
            } else {
                QVERIFY2(durationText.contains(u"rows: unknown (assumed empty)"), qPrintable(durationText));
            }

            // Every migration the step runs, by id and name.
            for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it) {
                for (qint64 id : it.value()) {
                    const QString name = catalog->graph.definition(it.key(), id)->name;
                    VERIFY_IN(r.markdown, QStringLiteral("| %1 | %2 |").arg(id).arg(markdownEscape(name)));
                    VERIFY_IN(r.html, QStringLiteral("<td class=\"num\">%1</td><td>%2</td>").arg(id).arg(htmlEscape(name)));
                }
            }
        }

        // Only customer-facing problems: remarks for the release team stay out of the plan report
        // and go to the window analysis.
        const QJsonArray problems = r.json.value(QStringLiteral("problems")).toArray();
        for (const QJsonValue &p : problems)
            QCOMPARE(p.toObject().value(QStringLiteral("audience")).toString(), u"customer"_qs);
        const Rendered windows = render(e, ScenarioReportKind::Windows);
        for (const Problem &p : e.problems) {
            if (p.audience != Audience::ReleaseTeam)
                continue;
            QVERIFY2(!r.markdown.contains(markdownEscape(p.message)), qPrintable(p.message));
            QVERIFY2(!r.html.contains(htmlEscape(p.message)), qPrintable(p.message));
            VERIFY_TEXT(windows, p.message);
        }
        if (data == u"real") // the what-if registry deprecates 31 at the very next minor
            QVERIFY(std::any_of(e.problems.cbegin(), e.problems.cend(),
                                [](const Problem &p) { return p.audience == Audience::ReleaseTeam; }));
        QVERIFY(!windows.json.value(QStringLiteral("header")).toObject().isEmpty());

        // Lane chart: full component names, never cut.
        QVERIFY(!r.html.contains(QChar(0x2026)));
        const LaneChart chart = planLaneChart(*e.plan, e.registry, e.versions);
        QVERIFY(!chart.lanes.isEmpty());
        for (const LaneChart::Lane &lane : chart.lanes)
            VERIFY_IN(r.html, u'>' + htmlEscape(lane.label) + u'<');
    }

    /// With a rehearsal, each step's expected duration is the time the rehearsal spent at it.
    void runbookDurationFromRehearsal()
    {
        Scenario s;
        s.project.sources << bundledSamplePath();
        s.project.oobFiles << bundledSampleOobPath();
        s.project.defaultProgress.rows = 20000;
        s.from = Version::parse(u"1.0.0");
        s.to = Version::parse(u"2.1.0");
        s.simulation = SimulationRequest{};
        Result<Catalog> loaded = loadCatalog(LoadRequest::fromProject(s.project));
        QVERIFY(loaded);
        Result<Evaluation> e = evaluate(s, std::make_shared<const Catalog>(std::move(loaded).value()));
        QVERIFY2(e, qPrintable(e ? QString() : e.error().toString()));
        QVERIFY(e.value().simulation);
        const SimulationTotals &totals = e.value().simulation->totals;
        const Rendered r = render(e.value());
        const QJsonArray runbook = r.json.value(QStringLiteral("runbook")).toArray();
        QCOMPARE(runbook.size(), e.value().plan->steps.size());
        int matched = 0;
        for (const QJsonValue &v : runbook) {
            const QJsonObject duration = v.toObject().value(QStringLiteral("duration")).toObject();
            for (const StopTotals &t : totals.stops) {
                if (t.version != v.toObject().value(QStringLiteral("release")).toString())
                    continue;
                ++matched;
                QCOMPARE(duration.value(QStringLiteral("source")).toString(), u"simulation"_qs);
                QCOMPARE(duration.value(QStringLiteral("ms")).toInteger(), t.schemaMs + t.oobWaitMs);
                VERIFY_TEXT(r, duration.value(QStringLiteral("text")).toString());
            }
        }
        QCOMPARE(matched, int(totals.stops.size()));
        QVERIFY(totals.oobWaitMs > 0);
    }

    /// A customer export names its owner: the report's header says whose instance it is.
    void customerFromExport()
    {
        QTemporaryDir dir;
        LoadRequest request;
        request.sources << bundledSamplePath();
        request.oobFiles << bundledSampleOobPath();
        Result<Catalog> loaded = loadCatalog(request);
        QVERIFY(loaded);
        const auto catalog = std::make_shared<const Catalog>(std::move(loaded).value());
        const Version start = *Version::parse(u"1.2.0");
        Result<StartState> state = StartState::fromRelease(*catalog, start, 0.5, QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC));
        QVERIFY(state);
        const QString file = dir.filePath(QStringLiteral("globex.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(CustomerExport::toJson(state.value(), QStringLiteral("Globex")));
        f.close();

        Scenario s;
        s.project.sources = request.sources;
        s.project.oobFiles = request.oobFiles;
        s.start.kind = ScenarioStart::Kind::ExportFile;
        s.start.exportFile = file;
        s.to = Version::parse(u"2.1.0");
        Result<Evaluation> e = evaluate(s, catalog);
        QVERIFY2(e, qPrintable(e ? QString() : e.error().toString()));
        const Rendered r = render(e.value());
        const QJsonObject header = r.json.value(QStringLiteral("header")).toObject();
        QCOMPARE(header.value(QStringLiteral("customer")).toString(), u"Globex"_qs);
        QVERIFY(header.value(QStringLiteral("title")).toString().endsWith(u" for Globex"));
        VERIFY_TEXT(r, header.value(QStringLiteral("title")).toString());
        QCOMPARE(r.json.value(QStringLiteral("runbook")).toArray().first().toObject().value(QStringLiteral("from")).toString(),
                 start.toString());
    }

    /// A name longer than the widest name column wraps at word boundaries: every piece is whole
    /// and the pieces give back the full name.
    void laneChartWrapsLongNamesAtWordBoundaries()
    {
        LaneChart chart;
        chart.axis << u"1.0"_qs << u"1.1"_qs;
        const QString longName = u"99 codeintel-db.lsif_data_documentation_search_results_by_repository_and_language"_qs;
        chart.lanes.append(LaneChart::Lane{longName, u"tip"_qs, 0, 1, false, false, false, false});
        chart.lanes.append(LaneChart::Lane{u"7 frontend-db.repo"_qs, u"tip"_qs, 0, 2, false, true, false, false});
        const QString svg = svgLaneChart(chart);
        QVERIFY(!svg.contains(QChar(0x2026)));
        VERIFY_IN(svg, u">7 frontend-db.repo<"_qs);
        const QRegularExpression text(QStringLiteral("<text x=\"8\"[^>]*>(.*?)</text>"));
        QString joined;
        int lines = 0;
        for (const auto &m : text.globalMatch(svg)) {
            QString inner = m.captured(1);
            if (!inner.startsWith(u"99"))
                continue;
            lines = int(inner.count(u"<tspan")) + 1;
            inner.replace(QRegularExpression(QStringLiteral("<tspan[^>]*>")), QString());
            inner.remove(u"</tspan>"_qs);
            joined = inner;
        }
        QVERIFY2(lines > 1, qPrintable(svg));
        QCOMPARE(joined, longName);
        // Each piece ends at a separator or at the end of the name: never inside a word.
        const QRegularExpression piece(QStringLiteral("<tspan[^>]*>([^<]*)</tspan>"));
        for (const auto &m : piece.globalMatch(svg)) {
            const qsizetype at = longName.indexOf(m.captured(1));
            QVERIFY(at > 0);
            const QChar before = longName.at(at - 1);
            QVERIFY2(before == u'.' || before == u'_' || before == u'-' || before == u' ', qPrintable(m.captured(1)));
        }
    }

    /// The digest identifies what was read: the same sources give the same digest, a different
    /// set of releases a different one.
    void sourcesDigestFollowsContent()
    {
        LoadRequest all;
        all.sources << bundledSamplePath();
        const Result<Catalog> a = loadCatalog(all);
        const Result<Catalog> b = loadCatalog(all);
        QVERIFY(a && b);
        QCOMPARE(sourcesDigest(a.value()), sourcesDigest(b.value()));
        Catalog fewer = a.value();
        fewer.releases.removeLast();
        QVERIFY(sourcesDigest(fewer) != sourcesDigest(a.value()));
    }

    /// SOURCE_DATE_EPOCH fixes the date; without it the report carries today's.
    void reportDateHonoursSourceDateEpoch()
    {
        qputenv("SOURCE_DATE_EPOCH", "86400");
        QCOMPARE(reportDate(), u"1970-01-02"_qs);
        qunsetenv("SOURCE_DATE_EPOCH");
        QCOMPARE(reportDate(), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        qputenv("SOURCE_DATE_EPOCH", QByteArray::number(epoch));
    }
};

QTEST_GUILESS_MAIN(TestReportContent)
#include "tst_reportcontent.moc"
