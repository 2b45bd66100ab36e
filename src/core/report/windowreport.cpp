#include "report/windowreport.h"
#include "common/jsonnumbers.h"
#include "report/html.h"
#include "report/markdown.h"

#include <QJsonArray>
#include <QMap>

namespace passlane {

namespace {

QString idsText(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

QString changeSectionTitle(WindowChange change)
{
    switch (change) {
    case WindowChange::Impossible:
        return QStringLiteral("Paths that become impossible");
    case WindowChange::GainsStop:
        return QStringLiteral("Paths that gain a stop");
    case WindowChange::LosesStop:
        return QStringLiteral("Paths that lose a stop");
    case WindowChange::StopMoves:
        return QStringLiteral("Paths where a stop moves");
    case WindowChange::Reassigned:
        return QStringLiteral("Paths reassigned (same stop releases, other OOB ids completing at them)");
    case WindowChange::Unchanged:
        break;
    }
    return QStringLiteral("Unchanged paths");
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

QString windowHeadline(const WindowReport &report)
{
    QStringList affected;
    for (WindowChange c : allWindowChanges())
        if (windowChangeAffects(c))
            affected << QStringLiteral("%1 %2").arg(windowChangeName(c)).arg(report.instancesWith(c));
    return QStringLiteral("%1 affected (%2); %3 reassigned (the same stop releases, other OOB ids completing at "
                          "them); %4 unchanged.")
        .arg(report.affectedInstances)
        .arg(affected.join(QStringLiteral(", ")))
        .arg(report.instancesWith(WindowChange::Reassigned))
        .arg(report.instancesWith(WindowChange::Unchanged));
}

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
                                {QStringLiteral("change"), windowChangeName(r.change())}});
    }
    root.insert(QStringLiteral("rows"), rows);
    root.insert(QStringLiteral("total_instances"), report.totalInstances);
    root.insert(QStringLiteral("affected_instances"), report.affectedInstances);
    QJsonObject perChange;
    for (WindowChange c : allWindowChanges())
        perChange.insert(windowChangeName(c), report.instancesWith(c));
    root.insert(QStringLiteral("change_instances"), perChange);
    QJsonArray advice;
    for (const ProposalAdvice &a : report.advice)
        advice.append(QJsonObject{{QStringLiteral("id"), a.id},
                                  {QStringLiteral("current"), a.current ? QJsonValue(a.current->toString()) : QJsonValue()},
                                  {QStringLiteral("proposed"), a.proposed ? QJsonValue(a.proposed->toString()) : QJsonValue()},
                                  {QStringLiteral("earliest_no_extra_stop"),
                                   a.earliestNoExtraStop ? QJsonValue(a.earliestNoExtraStop->toString()) : QJsonValue()},
                                  {QStringLiteral("after_target"), a.afterTarget},
                                  {QStringLiteral("next_minor_after_introduction"), a.nextMinorAfterIntroduction},
                                  {QStringLiteral("caveat"), adviceCaveat(a)}});
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
        + QStringLiteral("Of %1 instance(s) on %2 source version(s): %3")
              .arg(report.totalInstances).arg(report.rows.size()).arg(windowHeadline(report));
    writer.setSummary(markdownEscape(summary), htmlEscape(summary));
    writer.setJson(windowReportToJson(report));

    const QStringList header{QStringLiteral("From"), QStringLiteral("Instances"), QStringLiteral("Stops before"),
                             QStringLiteral("Stops after"), QStringLiteral("Change")};
    QMap<WindowChange, QList<QStringList>> byChange;
    QStringList unchanged;
    for (const WindowRow &r : report.rows) {
        const WindowChange c = r.change();
        if (c == WindowChange::Unchanged) {
            unchanged << r.source.toString();
            continue;
        }
        QString change = windowChangeName(c);
        if (c == WindowChange::Impossible)
            change += QStringLiteral(": OOB ") + idsText(r.impossibleAfter);
        byChange[c] << QStringList{r.source.toString(), QString::number(r.instances), stopsText(r.before), stopsText(r.after), change};
    }
    const QList<int> right{1};
    // Worst first; unchanged paths are only named below.
    for (WindowChange c : {WindowChange::Impossible, WindowChange::GainsStop, WindowChange::LosesStop,
                           WindowChange::StopMoves, WindowChange::Reassigned}) {
        const QList<QStringList> rows = byChange.value(c);
        // The two that hurt are always listed, "None." included, so their absence is stated.
        const bool always = c == WindowChange::Impossible || c == WindowChange::GainsStop;
        if (rows.isEmpty() && !always)
            continue;
        writer.addSection(tableSection(changeSectionTitle(c), rows.isEmpty() ? QStringLiteral("None.") : QString(), header,
                                       rows, right));
    }
    writer.addSection(tableSection(QStringLiteral("Unchanged paths"),
                                   unchanged.isEmpty() ? QStringLiteral("None.") : unchanged.join(QStringLiteral(", ")), {},
                                   {}, {}));

    QList<QStringList> adviceRows;
    for (const ProposalAdvice &a : report.advice)
        adviceRows << QStringList{QString::number(a.id), minorText(a.current), minorText(a.proposed),
                                  earliestNoExtraStopText(a)};
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
