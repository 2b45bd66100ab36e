#include "report/planreport.h"
#include "report/html.h"
#include "report/markdown.h"
#include "report/migratorreport.h"

namespace passlane {

namespace {

QString joinIds(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

QString oobName(const OobRegistry &registry, int id)
{
    const OobMigration *m = registry.find(id);
    if (!m)
        return QString::number(id);
    return QString::number(id) + QStringLiteral(" (") + m->component + QStringLiteral(": ") + m->description
        + u')';
}

QString oobShort(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

ReportSection windowsSection(const UpgradePlan &plan, const OobRegistry &registry, const VersionIndex &index)
{
    ReportSection s{QStringLiteral("OOB migration windows"), {}, {}};
    const LaneChart chart = planLaneChart(plan, registry, index);
    QMap<int, QString> stopOf;
    for (const Stop &stop : plan.stops)
        for (int id : stop.oob)
            stopOf.insert(id, stop.release.toString());
    const QStringList header{QStringLiteral("OOB"), QStringLiteral("Team"), QStringLiteral("Component"),
                             QStringLiteral("Introduced"), QStringLiteral("Deprecated"),
                             QStringLiteral("Destructive"), QStringLiteral("Done at")};
    QList<QStringList> rows;
    const bool down = plan.to < plan.from;
    const MinorVersion lo = (down ? plan.to : plan.from).minorVersion();
    const MinorVersion hi = (down ? plan.from : plan.to).minorVersion();
    for (const OobMigration &m : registry.migrations()) {
        if (hi < m.introduced || (m.deprecated && *m.deprecated <= lo))
            continue;
        QString done = stopOf.value(m.id);
        if (plan.impossibleOob.contains(m.id))
            done = QStringLiteral("impossible");
        rows << QStringList{QString::number(m.id), m.team, m.component, m.introduced.toString(),
                            m.deprecated ? m.deprecated->toString() : QStringLiteral("-"),
                            m.nonDestructive ? QStringLiteral("no") : QStringLiteral("yes"),
                            done.isEmpty() ? QStringLiteral("-") : done};
    }
    s.markdown = rows.isEmpty() ? QStringLiteral("No OOB migration runs between the two versions.\n")
                                : markdownTable(header, rows, {0});
    s.html = QStringLiteral("<div class=\"chart\">") + svgLaneChart(chart) + QStringLiteral("</div>\n")
        + QStringLiteral("<p class=\"legend\"><span style=\"color:#54aeff\">&#9632;</span> non-destructive "
                         "<span style=\"color:#8250df\">&#9632;</span> destructive (reverted on downgrade) "
                         "<span style=\"color:#cf222e\">&#9632;</span> cannot be honoured &nbsp;&#124;&nbsp; "
                         "a bar runs from the introduction to the deprecation (black tick); an arrow: still "
                         "running at the end of the range. Vertical lines: stops (solid), source and target "
                         "(dashed).</p>\n");
    if (!rows.isEmpty()) {
        s.html += QStringLiteral("<table>\n<tr>");
        for (const QString &h : header)
            s.html += QStringLiteral("<th>") + htmlEscape(h) + QStringLiteral("</th>");
        s.html += QStringLiteral("</tr>\n");
        for (const QStringList &row : std::as_const(rows)) {
            s.html += QStringLiteral("<tr>");
            for (qsizetype i = 0; i < row.size(); ++i)
                s.html += (i == 0 ? QStringLiteral("<td class=\"num\">") : QStringLiteral("<td>")) + htmlEscape(row.at(i))
                    + QStringLiteral("</td>");
            s.html += QStringLiteral("</tr>\n");
        }
        s.html += QStringLiteral("</table>\n");
    }
    return s;
}

ReportSection stopsSection(const UpgradePlan &plan, const OobRegistry &registry)
{
    ReportSection s{QStringLiteral("Stops"), {}, {}};
    if (plan.stops.isEmpty()) {
        s.markdown = QStringLiteral("No stop is needed: go straight to %1.\n").arg(plan.to.toString());
        s.html = QStringLiteral("<p>No stop is needed: go straight to %1.</p>\n").arg(htmlEscape(plan.to.toString()));
        return s;
    }
    const bool down = plan.kind == PairKind::Downgrade;
    const QString what = down ? QStringLiteral("OOB migrations to revert fully (apply_reverse)")
                              : QStringLiteral("OOB migrations that must reach 100%");
    QList<QStringList> rows;
    s.html = QStringLiteral("<table>\n<tr><th>#</th><th>Release</th><th>") + htmlEscape(what) + QStringLiteral("</th></tr>\n");
    int n = 0;
    for (const Stop &stop : plan.stops) {
        ++n;
        QStringList names;
        for (int id : stop.oob)
            names << oobName(registry, id);
        const QString release = stop.release.toString() + (stop.atSource ? QStringLiteral(" (the source: wait before leaving)") : QString());
        rows << QStringList{QString::number(n), release, names.join(QStringLiteral("; "))};
        s.html += QStringLiteral("<tr><td class=\"num\">%1</td><td>%2</td><td>%3</td></tr>\n")
                      .arg(n)
                      .arg(htmlEscape(release), htmlEscape(names.join(QStringLiteral("; "))));
    }
    s.html += QStringLiteral("</table>\n");
    s.markdown = markdownTable({QStringLiteral("#"), QStringLiteral("Release"), what}, rows, {0});
    return s;
}

void stepText(const UpgradePlan &plan, const PlanStep &step, const OobRegistry &registry, const StitchedGraph *graph,
              QString &md, QString &html)
{
    const QString order = step.down ? QStringLiteral("down migrations, children first") : QStringLiteral("in order");
    if (step.migrationCount() == 0) {
        md += QStringLiteral("No schema migration to run.\n\n");
        html += QStringLiteral("<p>No schema migration to run.</p>\n");
    }
    for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it) {
        if (!graph) {
            const QString ids = joinIds(it.value());
            md += QStringLiteral("- **%1**: %2 migration(s), %3: %4\n").arg(markdownEscape(it.key())).arg(it.value().size()).arg(order, ids);
            html += QStringLiteral("<details><summary><b>%1</b>: %2 migration(s), %3</summary><div class=\"ids\">%4</div></details>\n")
                        .arg(htmlEscape(it.key())).arg(it.value().size()).arg(htmlEscape(order), htmlEscape(ids));
            continue;
        }
        // Ids with the names the catalog gives them: what an operator matches against the migrator's output.
        QList<QStringList> rows;
        for (qint64 id : it.value()) {
            const MigrationPtr m = graph->definition(it.key(), id);
            rows << QStringList{QString::number(id), m ? m->name : QString()};
        }
        md += QStringLiteral("**%1**: %2 migration(s), %3:\n\n").arg(markdownEscape(it.key())).arg(it.value().size()).arg(order)
            + markdownTable({QStringLiteral("Id"), QStringLiteral("Name")}, rows, {0}) + u'\n';
        html += QStringLiteral("<details><summary><b>%1</b>: %2 migration(s), %3</summary>\n<table class=\"migrations\">\n"
                               "<tr><th>Id</th><th>Name</th></tr>\n")
                    .arg(htmlEscape(it.key())).arg(it.value().size()).arg(htmlEscape(order));
        for (const QStringList &row : std::as_const(rows))
            html += QStringLiteral("<tr><td class=\"num\">%1</td><td>%2</td></tr>\n").arg(htmlEscape(row.at(0)), htmlEscape(row.at(1)));
        html += QStringLiteral("</table>\n</details>\n");
    }
    for (auto it = step.outsideTransaction.cbegin(); it != step.outsideTransaction.cend(); ++it) {
        QStringList named;
        for (qint64 id : it.value()) {
            const MigrationPtr m = graph ? graph->definition(it.key(), id) : nullptr;
            named << (m ? QStringLiteral("%1 %2").arg(id).arg(m->name) : QString::number(id));
        }
        const QString list = named.join(QStringLiteral(", "));
        md += QStringLiteral("- Outside a transaction (CREATE INDEX CONCURRENTLY), %1: %2\n").arg(markdownEscape(it.key()), markdownEscape(list));
        html += QStringLiteral("<p>Outside a transaction (CREATE INDEX CONCURRENTLY), <b>%1</b>: <span class=\"ids\">%2</span></p>\n")
                    .arg(htmlEscape(it.key()), htmlEscape(list));
    }
    if (!step.manual.isEmpty()) {
        md += QStringLiteral("\nManual steps (privileged: run as a superuser before the step when the migrator has none):\n\n");
        html += QStringLiteral("<p>Manual steps (privileged: run as a superuser before the step when the migrator has none):</p>\n");
        for (const ManualStep &m : step.manual) {
            const MigrationPtr def = graph ? graph->definition(m.schema, m.id) : nullptr;
            const QString name = def ? QStringLiteral(" ") + def->name : QString();
            md += QStringLiteral("- %1 %2%3 (%4)\n").arg(markdownEscape(m.schema)).arg(m.id).arg(markdownEscape(name), m.reason);
            html += QStringLiteral("<details><summary>%1 %2%3 (%4)</summary>").arg(htmlEscape(m.schema)).arg(m.id).arg(htmlEscape(name), htmlEscape(m.reason));
            if (!m.sql.isEmpty()) {
                md += u'\n' + markdownCode(m.sql.trimmed(), QStringLiteral("sql"));
                html += QStringLiteral("<pre>") + htmlEscape(m.sql.trimmed()) + QStringLiteral("</pre>");
            }
            html += QStringLiteral("</details>\n");
        }
    }
    if (!step.oob.isEmpty()) {
        const QString verb = step.down ? QStringLiteral("Before moving on, wait until these OOB migrations are fully reverted (set apply_reverse): ")
                                       : QStringLiteral("Before moving on, wait until these OOB migrations reach 100%: ");
        QStringList names;
        for (int id : step.oob)
            names << oobName(registry, id);
        md += u'\n' + verb + markdownEscape(names.join(QStringLiteral("; "))) + u'\n';
        html += QStringLiteral("<p><b>") + htmlEscape(verb) + QStringLiteral("</b>") + htmlEscape(names.join(QStringLiteral("; "))) + QStringLiteral("</p>\n");
    }
    md += u'\n';
    Q_UNUSED(plan);
}

ReportSection stepsSection(const UpgradePlan &plan, const OobRegistry &registry, const StitchedGraph *graph)
{
    ReportSection s{QStringLiteral("Steps"), {}, {}};
    int n = 0;
    for (const PlanStep &step : plan.steps) {
        const QString title = planStepTitle(plan, step, ++n);
        s.markdown += QStringLiteral("### ") + title + QStringLiteral("\n\n");
        const QString cls = step.isTarget ? QStringLiteral("step target") : (step.down ? QStringLiteral("step down") : QStringLiteral("step"));
        s.html += QStringLiteral("<div class=\"%1\"><h3>%2</h3>\n").arg(cls, htmlEscape(title));
        stepText(plan, step, registry, graph, s.markdown, s.html);
        s.html += QStringLiteral("</div>\n");
    }
    return s;
}

ReportSection alternativeSection(const UpgradePlan &plan)
{
    const bool down = plan.kind == PairKind::Downgrade;
    ReportSection s{down ? QStringLiteral("Alternative: successive one-minor downgrades")
                         : QStringLiteral("Alternative: successive standard upgrades"),
                    {}, {}};
    QStringList path{plan.from.toString()};
    for (const Version &v : plan.standardPath)
        path << v.toString();
    const QString line = down ? QStringLiteral("%1 downgrade(s), one minor at a time, each letting destructive OOB migrations "
                                               "revert before the next:").arg(plan.hops)
                              : QStringLiteral("%1 standard upgrade(s), one per minor, each letting OOB migrations finish "
                                               "before the next:").arg(plan.hops);
    s.markdown = line + QStringLiteral("\n\n") + path.join(QStringLiteral(" → ")) + u'\n';
    s.html = QStringLiteral("<p>") + htmlEscape(line) + QStringLiteral("</p>\n<p class=\"path\">")
        + htmlEscape(path.join(QStringLiteral(" → "))) + QStringLiteral("</p>\n");
    return s;
}

ReportSection contentSection(const UpgradePlan &plan)
{
    ReportSection s{QStringLiteral("Applied at the source, absent from the target"), {}, {}};
    const QString intro = QStringLiteral("%1 → %2 is not a forward upgrade in content. These migrations stay applied; %2 does not know them:")
                              .arg(plan.from.toString(), plan.to.toString());
    s.markdown = intro + QStringLiteral("\n\n");
    s.html = QStringLiteral("<p>") + htmlEscape(intro) + QStringLiteral("</p>\n<ul>\n");
    for (auto it = plan.appliedNotInTarget.cbegin(); it != plan.appliedNotInTarget.cend(); ++it) {
        s.markdown += QStringLiteral("- **%1**: %2\n").arg(markdownEscape(it.key()), joinIds(it.value()));
        s.html += QStringLiteral("<li><b>%1</b>: <span class=\"ids\">%2</span></li>\n").arg(htmlEscape(it.key()), htmlEscape(joinIds(it.value())));
    }
    s.html += QStringLiteral("</ul>\n");
    return s;
}

} // namespace

QString planStepTitle(const UpgradePlan &plan, const PlanStep &step, int n)
{
    const QString verb = step.down ? QStringLiteral("Downgrade to ") : QStringLiteral("Upgrade to ");
    if (step.isTarget)
        return QStringLiteral("Step %1: %2%3 (target)").arg(n).arg(verb, step.release.toString());
    if (step.release == plan.from)
        return QStringLiteral("Step %1: wait at %2 (stop at the source)").arg(n).arg(step.release.toString());
    return QStringLiteral("Step %1: %2%3 (stop)").arg(n).arg(verb, step.release.toString());
}

QString alternativeHops(const UpgradePlan &plan)
{
    return (plan.kind == PairKind::Downgrade ? QStringLiteral("%1 one-minor downgrade(s)") : QStringLiteral("%1 standard upgrade(s)"))
        .arg(plan.hops);
}

Problems problemsFor(const Problems &problems, Audience audience)
{
    Problems out;
    for (const Problem &p : problems)
        if (p.audience == audience)
            out.append(p);
    return out;
}

void addPlanReport(ReportWriter &writer, const UpgradePlan &plan, const OobRegistry &registry, const VersionIndex &index,
                   const StitchedGraph *graph)
{
    const bool down = plan.kind == PairKind::Downgrade;
    writer.setTitle(QStringLiteral("%1 plan: %2 → %3").arg(down ? QStringLiteral("Downgrade") : QStringLiteral("Upgrade"),
                                                          plan.from.toString(), plan.to.toString()));
    qsizetype total = 0;
    for (const PlanStep &s : plan.steps)
        total += s.migrationCount();
    const QString status = plan.ok() ? QStringLiteral("feasible") : QStringLiteral("cannot be honoured as planned");
    const QString summary = QStringLiteral("%1 pair, %2 stop(s), %3 migration(s) in %4 step(s); the alternative is %5.")
                                .arg(pairKindName(plan.kind)).arg(plan.stops.size()).arg(total).arg(plan.steps.size())
                                .arg(alternativeHops(plan));
    writer.setSummary(QStringLiteral("**") + status + QStringLiteral("**: ") + summary,
                      QStringLiteral("<span class=\"badge %1\">%2</span> <span class=\"badge\">%3</span> ")
                              .arg(plan.ok() ? QStringLiteral("ok") : QStringLiteral("bad"), htmlEscape(status), htmlEscape(pairKindName(plan.kind)))
                          + htmlEscape(summary));
    QJsonObject root = planToJson(plan);
    root.insert(QStringLiteral("problems"), problemsToJson(problemsFor(plan.problems, Audience::Customer)));
    writer.setJson(root);
    const Problems problems = problemsFor(plan.problems, Audience::Customer);
    if (!problems.isEmpty())
        writer.addSection(problemsSection(QStringLiteral("Problems"), problems));
    writer.addSection(windowsSection(plan, registry, index));
    writer.addSection(stopsSection(plan, registry));
    writer.addSection(stepsSection(plan, registry, graph));
    writer.addSection(alternativeSection(plan));
    if (plan.isContentDowngrade())
        writer.addSection(contentSection(plan));
    if (plan.productMigrator)
        addProductMigratorReport(writer, *plan.productMigrator);
}

QByteArray renderPlanReport(const UpgradePlan &plan, const OobRegistry &registry, const VersionIndex &index,
                            ReportFormat format, const StitchedGraph *graph)
{
    ReportWriter writer;
    addPlanReport(writer, plan, registry, index, graph);
    return writer.render(format);
}

} // namespace passlane
