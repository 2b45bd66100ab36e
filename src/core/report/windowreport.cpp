#include "report/windowreport.h"
#include "common/jsonnumbers.h"
#include "report/html.h"
#include "report/markdown.h"

#include <QJsonArray>

namespace passlane {

namespace {

QString stopsText(const QList<Stop> &stops)
{
    if (stops.isEmpty())
        return QStringLiteral("none");
    QStringList parts;
    for (const Stop &s : stops) {
        QStringList ids;
        for (int id : s.oob)
            ids << QString::number(id);
        parts << s.release.toString() + QStringLiteral(" [") + ids.join(u',') + u']';
    }
    return parts.join(QStringLiteral(", "));
}

QString idsText(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

QString minorText(const std::optional<MinorVersion> &m)
{
    return m ? m->toString() : QStringLiteral("never");
}

QJsonArray stopsJson(const QList<Stop> &stops)
{
    QJsonArray a;
    for (const Stop &s : stops) {
        a.append(QJsonObject{{QStringLiteral("version"), s.release.toString()}, {QStringLiteral("oob"), jsonNumbers(s.oob)}});
    }
    return a;
}

} // namespace

QJsonObject windowReportToJson(const WindowReport &report)
{
    QJsonObject root;
    root.insert(QStringLiteral("to"), report.target.toString());
    QJsonArray proposals;
    for (const DeprecationProposal &p : report.proposals)
        proposals.append(QJsonObject{{QStringLiteral("id"), p.oobId},
                                     {QStringLiteral("deprecated"), p.deprecated ? QJsonValue(p.deprecated->toString()) : QJsonValue()}});
    root.insert(QStringLiteral("proposals"), proposals);
    QJsonArray rows;
    for (const WindowRow &r : report.rows) {
        rows.append(QJsonObject{{QStringLiteral("from"), r.source.toString()},
                                {QStringLiteral("instances"), r.instances},
                                {QStringLiteral("stops_before"), stopsJson(r.before)},
                                {QStringLiteral("stops_after"), stopsJson(r.after)},
                                {QStringLiteral("impossible_before"), jsonNumbers(r.impossibleBefore)},
                                {QStringLiteral("impossible_after"), jsonNumbers(r.impossibleAfter)},
                                {QStringLiteral("added_stops"), r.addedStops()},
                                {QStringLiteral("became_impossible"), r.becameImpossible()}});
    }
    root.insert(QStringLiteral("rows"), rows);
    root.insert(QStringLiteral("total_instances"), report.totalInstances);
    root.insert(QStringLiteral("affected_instances"), report.affectedInstances);
    root.insert(QStringLiteral("gained_stop_instances"), report.gainedStopInstances);
    root.insert(QStringLiteral("impossible_instances"), report.impossibleInstances);
    QJsonArray advice;
    for (const ProposalAdvice &a : report.advice)
        advice.append(QJsonObject{{QStringLiteral("id"), a.id},
                                  {QStringLiteral("current"), a.current ? QJsonValue(a.current->toString()) : QJsonValue()},
                                  {QStringLiteral("proposed"), a.proposed ? QJsonValue(a.proposed->toString()) : QJsonValue()},
                                  {QStringLiteral("earliest_no_extra_stop"),
                                   a.earliestNoExtraStop ? QJsonValue(a.earliestNoExtraStop->toString()) : QJsonValue()},
                                  {QStringLiteral("after_target"), a.afterTarget},
                                  {QStringLiteral("next_minor_after_introduction"), a.nextMinorAfterIntroduction}});
    root.insert(QStringLiteral("advice"), advice);
    root.insert(QStringLiteral("problems"), problemsToJson(report.problems));
    return root;
}

void addWindowReport(ReportWriter &writer, const WindowReport &report, const OobRegistry &registry)
{
    QStringList what;
    for (const DeprecationProposal &p : report.proposals) {
        const OobMigration *m = registry.find(p.oobId);
        what << QStringLiteral("deprecate OOB %1 at %2 instead of %3")
                    .arg(QString::number(p.oobId), minorText(p.deprecated), m ? minorText(m->deprecated) : QStringLiteral("?"));
    }
    writer.setTitle(QStringLiteral("OOB window analysis, target %1").arg(report.target.toString()));
    const QString summary = (what.isEmpty() ? QStringLiteral("No proposal: current stops only. ")
                                            : QStringLiteral("What if we ") + what.join(QStringLiteral("; ")) + QStringLiteral("? "))
        + QStringLiteral("Of %1 instance(s) on %2 source version(s): %3 affected, %4 gain a stop, %5 can no longer upgrade.")
              .arg(report.totalInstances).arg(report.rows.size()).arg(report.affectedInstances)
              .arg(report.gainedStopInstances).arg(report.impossibleInstances);
    writer.setSummary(markdownEscape(summary), htmlEscape(summary));
    writer.setJson(windowReportToJson(report));

    const QStringList header{QStringLiteral("From"), QStringLiteral("Instances"), QStringLiteral("Stops before"),
                             QStringLiteral("Stops after"), QStringLiteral("Change")};
    QList<QStringList> gained, impossible, other, unchanged;
    for (const WindowRow &r : report.rows) {
        QString change;
        if (r.becameImpossible())
            change = QStringLiteral("impossible: OOB ") + idsText(r.impossibleAfter);
        else if (r.addedStops() != 0)
            change = QStringLiteral("%1%2 stop(s)").arg(r.addedStops() > 0 ? QStringLiteral("+") : QString()).arg(r.addedStops());
        else if (r.changed())
            change = QStringLiteral("stops move");
        const QStringList row{r.source.toString(), QString::number(r.instances), stopsText(r.before), stopsText(r.after), change};
        if (r.becameImpossible())
            impossible << row;
        else if (r.addedStops() > 0)
            gained << row;
        else if (r.changed())
            other << row;
        else
            unchanged << row;
    }
    const QList<int> right{1};
    writer.addSection(tableSection(QStringLiteral("Paths that become impossible"),
                                   impossible.isEmpty() ? QStringLiteral("None.") : QString(), header, impossible, right));
    writer.addSection(tableSection(QStringLiteral("Paths that gain a stop"),
                                   gained.isEmpty() ? QStringLiteral("None.") : QString(), header, gained, right));
    if (!other.isEmpty())
        writer.addSection(tableSection(QStringLiteral("Paths whose stops change"), {}, header, other, right));
    QStringList same;
    for (const QStringList &row : std::as_const(unchanged))
        same << row.first();
    writer.addSection(tableSection(QStringLiteral("Unchanged paths"),
                                   same.isEmpty() ? QStringLiteral("None.") : same.join(QStringLiteral(", ")), {}, {}, {}));

    QList<QStringList> adviceRows;
    for (const ProposalAdvice &a : report.advice)
        adviceRows << QStringList{QString::number(a.id), minorText(a.current), minorText(a.proposed),
                                  minorText(a.earliestNoExtraStop) + (a.afterTarget ? QStringLiteral(" (after the target)") : QString())
                                      + (a.nextMinorAfterIntroduction
                                             ? QStringLiteral(" (the minor right after its introduction: advised against; "
                                                              "the minor after that gives instances time to finish)")
                                             : QString())};
    if (!adviceRows.isEmpty())
        writer.addSection(tableSection(
            QStringLiteral("Earliest deprecation that adds no stop"),
            QStringLiteral("The earliest minor at which each proposed migration can be deprecated without adding a stop "
                           "(or an impossible path) for any listed source, riding on the stops the other migrations already need."),
            {QStringLiteral("OOB"), QStringLiteral("Current"), QStringLiteral("Proposed"), QStringLiteral("Earliest free")},
            adviceRows, {0}));
    if (!report.problems.isEmpty())
        writer.addSection(problemsSection(QStringLiteral("Warnings"), report.problems));
}

} // namespace passlane
