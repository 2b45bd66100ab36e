#include "scenario/scenarioreport.h"

#include "report/html.h"
#include "report/markdown.h"
#include "report/planreport.h"
#include "report/windowreport.h"
#include "scenario/reportheader.h"
#include "scenario/runbook.h"
#include "scenario/timereport.h"
#include "simulator/simulationreport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace passlane {

namespace {

QJsonValue minorJson(const std::optional<MinorVersion> &v)
{
    return v ? QJsonValue(v->toString()) : QJsonValue();
}

/// The question in the JSON root: where it starts and which proposals it assumes. File names
/// only (no folders), so that the same scenario reads the same on every machine.
QJsonObject scenarioJson(const Evaluation &e)
{
    QJsonArray whatIf;
    for (const DeprecationProposal &p : e.scenario.project.proposals) {
        const OobMigration *m = e.catalog->oob.find(p.oobId);
        whatIf.append(QJsonObject{{QStringLiteral("id"), p.oobId},
                                  {QStringLiteral("deprecated"), minorJson(p.deprecated)},
                                  {QStringLiteral("registry"), m ? minorJson(m->deprecated) : QJsonValue()}});
    }
    QJsonArray registries;
    for (const QString &file : e.scenario.project.oobFiles)
        registries.append(QFileInfo(file).fileName());
    QJsonObject o{{QStringLiteral("start"), e.startOrigin},
                  {QStringLiteral("start_kind"), startKindName(e.scenario.start.kind)},
                  {QStringLiteral("what_if"), whatIf},
                  {QStringLiteral("registries"), registries}};
    if (const CustomerState *c = e.scenario.customer())
        o.insert(QStringLiteral("customer"), c->name);
    if (!e.oobRows.isEmpty()) {
        QJsonObject rows;
        for (auto it = e.oobRows.cbegin(); it != e.oobRows.cend(); ++it)
            rows.insert(QString::number(it.key()), double(it.value()));
        o.insert(QStringLiteral("oob_rows"), rows);
    }
    return o;
}

/// Findings with their files relative to the project's folder, so that a report reads the same
/// wherever the project and its sources were checked out.
QJsonArray portableFindings(const Evaluation &e, const Findings &findings)
{
    if (e.scenario.projectFile.isEmpty())
        return findingsToJson(findings);
    const QDir base = QFileInfo(e.scenario.projectFile).absoluteDir();
    Findings out = findings;
    for (Finding &f : out)
        if (QFileInfo(f.file).isAbsolute())
            f.file = base.relativeFilePath(f.file);
    return findingsToJson(out);
}

ReportSection whatIfSection(const Evaluation &e)
{
    const QStringList lines = e.whatIf();
    ReportSection s{QStringLiteral("What-if"), {}, {}};
    const QString intro = QStringLiteral("This answer assumes deprecations that are not in the registry:");
    s.markdown = intro + QStringLiteral("\n\n");
    s.html = QStringLiteral("<p class=\"whatif\">") + htmlEscape(intro) + QStringLiteral("</p>\n<ul>\n");
    for (const QString &line : lines) {
        s.markdown += QStringLiteral("- ") + markdownEscape(line) + u'\n';
        s.html += QStringLiteral("<li>") + htmlEscape(line) + QStringLiteral("</li>\n");
    }
    s.html += QStringLiteral("</ul>\n");
    return s;
}

/// Findings on the migrations the plan runs, each under the step that runs it.
ReportSection findingsSection(const Evaluation &e)
{
    QList<QStringList> rows;
    const UpgradePlan &plan = *e.plan;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &step = plan.steps.at(i);
        for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it)
            for (qint64 id : *it)
                for (const Finding &f : e.findingsFor(it.key(), id))
                    rows << QStringList{QStringLiteral("%1 (%2)").arg(i + 1).arg(step.release.toString()), it.key(),
                                        QString::number(id), severityName(f.severity), f.kind, f.message};
    }
    for (const Finding &f : e.planFindings)
        if (f.schema.isEmpty())
            rows << QStringList{QString(), QStringLiteral("OOB"), QString::number(*f.id), severityName(f.severity), f.kind,
                                f.message};
    return tableSection(QStringLiteral("Findings on the migrations this plan runs"),
                        QStringLiteral("%1 finding(s) from the release checks concern migrations this plan runs.").arg(rows.size()),
                        {QStringLiteral("Step"), QStringLiteral("Schema"), QStringLiteral("Migration"), QStringLiteral("Severity"),
                         QStringLiteral("Kind"), QStringLiteral("Finding")},
                        rows);
}

/// The header at the top of every report: its title becomes the report's title.
void addHeader(ReportWriter &writer, const Evaluation &e)
{
    const ReportHeader header = makeReportHeader(e, writer.title());
    writer.setTitle(header.title);
    writer.addJson(QStringLiteral("header"), header.toJson());
    writer.insertSection(0, header.section());
}

/// Remarks for the release team (deprecation advice) that the plan of this question raised:
/// they belong in the window analysis, never in the customer's plan report.
void addReleaseTeamRemarks(ReportWriter &writer, const Evaluation &e)
{
    if (!e.plan)
        return;
    const Problems remarks = problemsFor(e.problems, Audience::ReleaseTeam);
    if (remarks.isEmpty())
        return;
    writer.addSection(problemsSection(QStringLiteral("Release-team remarks on the plan %1 → %2")
                                          .arg(e.plan->from.toString(), e.plan->to.toString()),
                                      remarks));
    writer.addJson(QStringLiteral("release_team_remarks"), problemsToJson(remarks));
}

void addPlanKind(ReportWriter &writer, const Evaluation &e)
{
    addPlanReport(writer, *e.plan, e.registry, e.versions, &e.catalog->graph);
    // A customer's report: only what blocks or slows this customer's upgrade.
    const Problems problems = problemsFor(e.problems, Audience::Customer);
    const QList<RunbookStep> runbook = makeRunbook(e);
    QJsonObject root = writer.json();
    root.insert(QStringLiteral("scenario"), scenarioJson(e));
    root.insert(QStringLiteral("problems"), problemsToJson(problems));
    root.insert(QStringLiteral("findings"), portableFindings(e, e.planFindings));
    root.insert(QStringLiteral("lint"), portableFindings(e, e.lint));
    root.insert(QStringLiteral("runbook"), runbookToJson(runbook));
    if (e.time)
        root.insert(QStringLiteral("time"), timeModelToJson(*e.time));
    writer.setJson(root);
    if (e.scenario.isWhatIf())
        writer.setTitle(QStringLiteral("What-if ") + writer.title().at(0).toLower() + writer.title().mid(1));
    // The answer's problems (the plan's, and errors found on the migrations it runs), as in JSON.
    if (!problems.isEmpty())
        writer.replaceSection(problemsSection(QStringLiteral("Problems"), problems));
    // The operator's part comes before the detail: right after the stops, ahead of the steps' migration lists.
    const qsizetype steps = writer.indexOf(QStringLiteral("Steps"));
    writer.insertSection(steps < 0 ? 0 : steps, runbookSection(runbook));
    if (e.time) {
        qsizetype at = writer.indexOf(QStringLiteral("Steps"));
        for (const ReportSection &section : timeSections(*e.time))
            writer.insertSection(at < 0 ? 0 : at++, section);
    }
    if (!e.planFindings.isEmpty())
        writer.addSection(findingsSection(e));
    writer.addSection(SimulationReport::lintSection(e.lint));
    if (e.simulation)
        SimulationReport::addToReport(writer, *e.simulation);
}

} // namespace

void addScenarioReport(ReportWriter &writer, const Evaluation &e, ScenarioReportKind kind)
{
    if (kind == ScenarioReportKind::Windows || !e.plan) {
        addWindowReport(writer, e.windows, e.catalog->oob);
        addReleaseTeamRemarks(writer, e);
        addHeader(writer, e);
        return;
    }
    addPlanKind(writer, e);
    if (e.scenario.isWhatIf())
        writer.insertSection(0, whatIfSection(e));
    addHeader(writer, e);
}

QByteArray renderScenarioReport(const Evaluation &evaluation, ScenarioReportKind kind, ReportFormat format)
{
    ReportWriter writer;
    addScenarioReport(writer, evaluation, kind);
    return writer.render(format);
}

} // namespace passlane
