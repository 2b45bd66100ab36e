// Plan reports: JSON shape, Markdown and HTML structure, escaping, self-containment.
#include "plan/planner.h"
#include "report/html.h"
#include "report/markdown.h"
#include "report/planreport.h"
#include "report/windowreport.h"
#include "synthetic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace passlane;
using passlane::test::MigrationSpec;
using passlane::test::makeOob;
using passlane::test::makeRelease;

namespace {

const QString F = QStringLiteral("frontend");

QList<ReleasePtr> releases()
{
    QList<MigrationSpec> ms{{1, {}}};
    QList<ReleasePtr> out;
    out << makeRelease(QStringLiteral("6.0.0"), {{F, ms}});
    ms << MigrationSpec{2, {1}, true};
    out << makeRelease(QStringLiteral("6.1.0"), {{F, ms}});
    ms << MigrationSpec{3, {2}, false, true};
    out << makeRelease(QStringLiteral("6.2.0"), {{F, ms}});
    ms << MigrationSpec{4, {3}};
    out << makeRelease(QStringLiteral("6.3.0"), {{F, ms}});
    return out;
}

/// A registry whose names try to break out of HTML and Markdown.
OobRegistry hostileRegistry()
{
    OobRegistry reg;
    OobMigration m = makeOob(7, QStringLiteral("6.0"), QStringLiteral("6.2"), false);
    m.description = QStringLiteral("<script>alert('x')</script> & \"quotes\" | pipes");
    m.component = QStringLiteral("db.<table>&co");
    m.team = QStringLiteral("a&b");
    reg.insert(m);
    return reg;
}

} // namespace

class TestReports : public QObject {
    Q_OBJECT
    StitchedGraph m_graph = StitchedGraph::build(releases());

private Q_SLOTS:
    void escaping_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("markdown");
        QTest::newRow("plain") << "abc" << "abc" << "abc";
        QTest::newRow("script") << "<script>" << "&lt;script&gt;" << "\\<script\\>";
        QTest::newRow("amp-quotes") << "a&\"b'" << "a&amp;&quot;b&#39;" << "a&\"b'";
        QTest::newRow("pipe-underscore") << "a|b_c" << "a|b_c" << "a\\|b\\_c";
    }
    void escaping()
    {
        QFETCH(QString, input);
        QFETCH(QString, html);
        QFETCH(QString, markdown);
        QCOMPARE(htmlEscape(input), html);
        QCOMPARE(markdownEscape(input), markdown);
    }

    void markdownTableShape()
    {
        const QString t = markdownTable({QStringLiteral("A"), QStringLiteral("B")},
                                        {{QStringLiteral("1"), QStringLiteral("x|y")}, {QStringLiteral("2")}}, {0});
        QCOMPARE(t, QStringLiteral("| A | B |\n| ---: | --- |\n| 1 | x\\|y |\n| 2 |  |\n"));
        QCOMPARE(markdownCode(QStringLiteral("a ``` b"), QStringLiteral("sql")), QStringLiteral("````sql\na ``` b\n````\n"));
    }

    void jsonShape()
    {
        const Planner planner(m_graph, hostileRegistry());
        const auto plan = planner.plan(*Version::parse(u"v6.0.0"), *Version::parse(u"6.3.0"));
        QVERIFY(plan.ok());
        const QJsonObject o = QJsonDocument::fromJson(renderPlanReport(*plan, planner.registry(), planner.versions(),
                                                                       ReportFormat::Json)).object();
        QCOMPARE(o.value(QStringLiteral("from")).toString(), QStringLiteral("6.0.0")); // no leading v
        QCOMPARE(o.value(QStringLiteral("to")).toString(), QStringLiteral("6.3.0"));
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("multi-version"));
        QCOMPARE(o.value(QStringLiteral("hops")).toInt(), 3);
        const QJsonArray stops = o.value(QStringLiteral("stops")).toArray();
        QCOMPARE(stops.size(), 1);
        QCOMPARE(stops.at(0).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("6.1.0"));
        QCOMPARE(stops.at(0).toObject().value(QStringLiteral("oob")).toArray(), QJsonArray{7});
        const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 2);
        const QJsonObject first = steps.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("release")).toString(), QStringLiteral("6.1.0"));
        QCOMPARE(first.value(QStringLiteral("schemas")).toObject().value(F).toArray(), QJsonArray{2});
        QCOMPARE(first.value(QStringLiteral("oob")).toArray(), QJsonArray{7});
        const QJsonObject manual = first.value(QStringLiteral("manual")).toArray().at(0).toObject();
        QCOMPARE(manual.value(QStringLiteral("schema")).toString(), F);
        QCOMPARE(manual.value(QStringLiteral("id")).toInt(), 2);
        QCOMPARE(manual.value(QStringLiteral("reason")).toString(), QStringLiteral("privileged"));
        QCOMPARE(manual.value(QStringLiteral("sql")).toString(), QStringLiteral("-- up 2"));
        const QJsonObject target = steps.at(1).toObject();
        QCOMPARE(target.value(QStringLiteral("schemas")).toObject().value(F).toArray(), (QJsonArray{3, 4}));
        QCOMPARE(target.value(QStringLiteral("outside_transaction")).toObject().value(F).toArray(), QJsonArray{3});
        QVERIFY(o.value(QStringLiteral("problems")).isArray());
        for (const QJsonValue &p : o.value(QStringLiteral("problems")).toArray())
            QVERIFY(p.toObject().value(QStringLiteral("severity")).toString() != QStringLiteral("error"));
    }

    void htmlIsEscapedAndSelfContained()
    {
        const Planner planner(m_graph, hostileRegistry());
        const auto plan = planner.plan(Version{6, 0, 0}, Version{6, 3, 0});
        const QString html = QString::fromUtf8(renderPlanReport(*plan, planner.registry(), planner.versions(), ReportFormat::Html));
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(!html.contains(QLatin1String("<script")));
        QVERIFY(!html.contains(QLatin1String("<table>&co")));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")));
        QVERIFY(html.contains(QLatin1String("db.&lt;table&gt;&amp;co")));
        QVERIFY(html.contains(QLatin1String("<svg")));
        QVERIFY(html.contains(QLatin1String("<style>")));
        QVERIFY(!html.contains(QLatin1String("<link")));
        // The only URL is the SVG namespace: nothing is fetched.
        QCOMPARE(html.count(QLatin1String("http")), 1);
    }

    void markdownReadsWell()
    {
        const Planner planner(m_graph, hostileRegistry());
        const auto plan = planner.plan(Version{6, 0, 0}, Version{6, 3, 0});
        const QString md = QString::fromUtf8(renderPlanReport(*plan, planner.registry(), planner.versions(), ReportFormat::Markdown));
        QVERIFY(md.startsWith(u"# Upgrade plan: 6.0.0 → 6.3.0"));
        QVERIFY(md.contains(QLatin1String("## Stops")));
        QVERIFY(md.contains(QLatin1String("### Step 1: Upgrade to 6.1.0 (stop)")));
        QVERIFY(md.contains(QLatin1String("```sql\n-- up 2\n```")));
        QVERIFY(md.contains(QLatin1String("\\<script\\>")));
        QVERIFY(md.contains(u"6.0.0 → 6.1.0 → 6.2.0 → 6.3.0"));
    }

    void laneChartGeometry()
    {
        const Planner planner(m_graph, hostileRegistry());
        const auto plan = planner.plan(Version{6, 0, 0}, Version{6, 3, 0});
        const LaneChart chart = planLaneChart(*plan, planner.registry(), planner.versions());
        QCOMPARE(chart.axis, (QStringList{QStringLiteral("6.0"), QStringLiteral("6.1"), QStringLiteral("6.2"), QStringLiteral("6.3")}));
        QCOMPARE(chart.lanes.size(), 1);
        QCOMPARE(chart.lanes.first().start, 0.0);
        QCOMPARE(chart.lanes.first().end, 2.0); // runs in 6.0 and 6.1, deprecated at 6.2
        QVERIFY(chart.lanes.first().destructive);
        QCOMPARE(chart.markers.size(), 3); // source, one stop, target
        QCOMPARE(chart.markers.at(1).position, 1.0);
    }

    void writerIsExtensible()
    {
        // The simulator adds its own section and JSON key to a plan report.
        const Planner planner(m_graph, hostileRegistry());
        const auto plan = planner.plan(Version{6, 0, 0}, Version{6, 3, 0});
        ReportWriter writer;
        addPlanReport(writer, *plan, planner.registry(), planner.versions());
        writer.addSection({QStringLiteral("Simulation timeline"), QStringLiteral("t0 start\n"), QStringLiteral("<p>t0 start</p>")});
        writer.addJson(QStringLiteral("simulation"), QJsonObject{{QStringLiteral("ok"), true}});
        QVERIFY(writer.render(ReportFormat::Markdown).contains("## Simulation timeline\n\nt0 start"));
        QVERIFY(writer.render(ReportFormat::Html).contains("<h2>Simulation timeline</h2>\n<p>t0 start</p>"));
        const QJsonObject o = QJsonDocument::fromJson(writer.render(ReportFormat::Json)).object();
        QVERIFY(o.value(QStringLiteral("simulation")).toObject().value(QStringLiteral("ok")).toBool());
        QCOMPARE(o.value(QStringLiteral("from")).toString(), QStringLiteral("6.0.0"));
    }

    void windowReport()
    {
        const WindowAnalysis analysis{VersionIndex(m_graph.versions())};
        // Moving 7's deprecation to 6.1 (= the next minor): sources 6.0 still need one stop.
        const auto report = analysis.analyze(hostileRegistry(), {{7, MinorVersion{6, 1}}});
        ReportWriter writer;
        addWindowReport(writer, report, hostileRegistry());
        const QString md = QString::fromUtf8(writer.render(ReportFormat::Markdown));
        QVERIFY(md.contains(QLatin1String("What if we deprecate OOB 7 at 6.1 instead of 6.2?")));
        QVERIFY(md.contains(QLatin1String("## Paths that become impossible")));
        const QJsonObject o = QJsonDocument::fromJson(writer.render(ReportFormat::Json)).object();
        QCOMPARE(o.value(QStringLiteral("rows")).toArray().size(), 3); // 6.0, 6.1, 6.2 below 6.3
        QCOMPARE(o.value(QStringLiteral("to")).toString(), QStringLiteral("6.3.0"));

        // Each row carries its change; the headline counts every class and affected sums four.
        const QJsonArray rows = o.value(QStringLiteral("rows")).toArray();
        for (qsizetype k = 0; k < rows.size(); ++k)
            QCOMPARE(rows.at(k).toObject().value(QStringLiteral("change")).toString(),
                     windowChangeName(report.rows.at(k).change()));
        const QJsonObject perChange = o.value(QStringLiteral("change_instances")).toObject();
        QCOMPARE(perChange.size(), 6);
        qint64 all = 0, affected = 0;
        for (WindowChange c : allWindowChanges()) {
            const qint64 n = perChange.value(windowChangeName(c)).toInteger(-1);
            QCOMPARE(n, report.instancesWith(c));
            all += n;
            affected += windowChangeAffects(c) ? n : 0;
        }
        QCOMPARE(all, o.value(QStringLiteral("total_instances")).toInteger());
        QCOMPARE(affected, o.value(QStringLiteral("affected_instances")).toInteger());
        QVERIFY(md.contains(markdownEscape(windowHeadline(report))));
    }

    void windowAdviceCaveat_data()
    {
        QTest::addColumn<bool>("afterTarget");
        QTest::addColumn<bool>("nextMinor");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << false << false << "5.10";
        QTest::newRow("next minor") << false << true
                                    << "5.10 (the minor right after its introduction: advised against; the minor "
                                       "after that gives instances time to finish)";
        QTest::newRow("after target") << true << false << "5.10 (after the target)";
    }
    void windowAdviceCaveat()
    {
        // The caveat travels with the suggestion into the Markdown, the HTML and the JSON.
        QFETCH(bool, afterTarget);
        QFETCH(bool, nextMinor);
        QFETCH(QString, text);
        WindowReport report;
        report.target = *Version::parse(u"6.3.0");
        ProposalAdvice a;
        a.id = 7;
        a.earliestNoExtraStop = MinorVersion{5, 10};
        a.afterTarget = afterTarget;
        a.nextMinorAfterIntroduction = nextMinor;
        report.advice = {a};
        QCOMPARE(earliestNoExtraStopText(a), text);
        ReportWriter writer;
        addWindowReport(writer, report, hostileRegistry());
        QVERIFY(QString::fromUtf8(writer.render(ReportFormat::Markdown)).contains(markdownEscape(text)));
        QVERIFY(QString::fromUtf8(writer.render(ReportFormat::Html)).contains(htmlEscape(text)));
        const QJsonObject o = QJsonDocument::fromJson(writer.render(ReportFormat::Json)).object();
        QCOMPARE(o.value(QStringLiteral("advice")).toArray().first().toObject().value(QStringLiteral("caveat")).toString(),
                 adviceCaveat(a));
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
