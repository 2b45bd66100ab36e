#include "scenario/runbook.h"

#include "common/jsonnumbers.h"
#include "report/html.h"
#include "report/markdown.h"
#include "report/planreport.h"
#include "simulator/oobprogress.h"
#include "simulator/timeline.h"

#include <QJsonObject>

#include <algorithm>

namespace passlane {

namespace {

const QString noManual = QStringLiteral("No manual steps are needed.");

/// Whether the scenario says how many rows OOB migration `id` has to migrate: a customer's or
/// the question's row count, a per-migration progress model, or a project-wide model that is
/// not the built-in default.
bool progressKnown(const Evaluation &e, int id)
{
    const Project &p = e.scenario.project;
    const OobProgressModel builtIn;
    const bool defaultSet = p.defaultProgress.rows != builtIn.rows || p.defaultProgress.batchSize != builtIn.batchSize
        || p.defaultProgress.intervalSeconds != builtIn.intervalSeconds;
    return e.oobRows.contains(id) || p.progressOverrides.contains(id) || defaultSet;
}

QString idList(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

void fillDuration(const Evaluation &e, const PlanStep &step, RunbookStep &r)
{
    if (e.simulation) {
        for (const StopTotals &t : e.simulation->totals.stops) {
            if (t.version != r.release)
                continue;
            r.durationSource = QStringLiteral("simulation");
            r.durationMs = t.totalMs();
            r.duration = QStringLiteral("About %1 in the rehearsal: %2 of schema migrations (%3 migration(s)), %4 waiting for OOB migrations.")
                             .arg(formatDuration(t.totalMs()), formatDuration(t.schemaMs))
                             .arg(t.migrations)
                             .arg(formatDuration(t.oobWaitMs));
            return;
        }
    }
    if (e.time) {
        // The time model: the same figures as the report's two roads, with what they rest on.
        for (const RoadHop &hop : e.time->roads.multiVersion.hops) {
            if (hop.to != step.release)
                continue;
            QStringList rates;
            for (int id : hop.waitsFor) {
                const QString rate = QStringLiteral("OOB %1 %2").arg(id).arg(e.time->oob.value(id).rateText);
                rates << rate;
            }
            r.durationSource = QStringLiteral("estimate");
            r.durationMs = hop.downtime.ms;
            r.duration = QStringLiteral("About %1: %2 of schema migrations%3. Rests on %4.")
                             .arg(hop.downtime.rangeText(), formatDuration(hop.schema.ms),
                                  hop.waitsFor.isEmpty() ? QString()
                                                         : QStringLiteral(", %1 waiting for OOB migrations side by side (%2)")
                                                               .arg(formatDuration(hop.oobWait.ms), rates.join(QStringLiteral("; "))),
                                  hop.downtime.basisText());
            return;
        }
    }
    if (step.oob.isEmpty()) {
        r.durationSource = QStringLiteral("none");
        r.durationMs = 0;
        r.duration = QStringLiteral("No OOB migration to wait for: the step takes as long as its schema migrations.");
        return;
    }
    QList<int> unknown;
    for (int id : step.oob)
        if (!progressKnown(e, id))
            unknown << id;
    if (!unknown.isEmpty()) {
        r.durationSource = QStringLiteral("unknown");
        r.duration = QStringLiteral("Expected wait for the OOB migrations: unknown (no row count for OOB %1; give the "
                                    "instance's row counts or a progress model in the project, or rehearse the plan).")
                         .arg(idList(unknown));
        return;
    }
    const OobProgress progress(e.scenario.project.defaultProgress, e.scenario.project.progressOverrides, e.oobRows);
    qint64 wait = 0;
    QStringList parts;
    for (int id : step.oob) {
        const OobProgressModel m = progress.modelFor(id);
        const qint64 ms = OobProgress::msToComplete(m, 0.0);
        wait = std::max(wait, ms); // they run side by side
        parts << QStringLiteral("OOB %1: %2 rows at %3 every %4 s").arg(id).arg(m.rows).arg(m.batchSize).arg(m.intervalSeconds);
    }
    r.durationSource = QStringLiteral("progress-model");
    r.durationMs = wait;
    r.duration = QStringLiteral("Expected wait for the OOB migrations: about %1 from 0% (%2; they run side by side).")
                     .arg(formatDuration(wait), parts.join(QStringLiteral("; ")));
}

void fillCommand(const UpgradePlan &plan, const PlanStep &step, RunbookStep &r)
{
    const bool waitOnly = step.release == plan.from && step.migrationCount() == 0;
    if (waitOnly) {
        r.commandNote = QStringLiteral("Nothing to run: the instance stays on %1 while the OOB migrations below finish.").arg(r.release);
        return;
    }
    QString privileged;
    if (!r.manual.isEmpty())
        privileged = QStringLiteral(" If the migrator's database user is not a superuser, run the SQL above first and add "
                                    "--noop-privileged to the command; the migrator then prints a --privileged-hash value "
                                    "to add on a second run.");
    if (step.down) {
        r.command = QStringLiteral("migrator downgrade --from=%1 --to=%2").arg(r.previous, r.release);
        r.commandNote = QStringLiteral("With the instance stopped, run it with the migrator image of %1 or newer (the "
                                       "product advises the newest migrator for every command but up), then deploy %2.")
                            .arg(plan.from.toString(), r.release)
            + privileged;
    } else if (plan.kind == PairKind::MultiVersion) {
        r.command = QStringLiteral("migrator upgrade --from=%1 --to=%2").arg(r.previous, r.release);
        r.commandNote = QStringLiteral("With the instance stopped, run it with the migrator image of %1 or newer (the "
                                       "product advises the newest migrator for every command but up), then deploy %2 "
                                       "and let it start.")
                            .arg(plan.to.toString(), r.release)
            + privileged;
    } else {
        r.command = QStringLiteral("migrator up");
        r.commandNote = QStringLiteral("Deploy %1: its own migrator runs up when it starts, before the frontend; a "
                                       "standard upgrade moves one minor version at a time.")
                            .arg(r.release)
            + privileged;
    }
}

QString migrationName(const Evaluation &e, const QString &schema, qint64 id)
{
    const MigrationPtr m = e.catalog ? e.catalog->graph.definition(schema, id) : nullptr;
    return m ? m->name : QString();
}

QString md(const QString &text)
{
    return markdownEscape(text);
}

QString h(const QString &text)
{
    return htmlEscape(text);
}

} // namespace

QString schemaDatabaseLabel(const QString &schema)
{
    const QString db = schemaDatabase(schema);
    return db == schema ? QStringLiteral("the %1 database").arg(schema)
                        : QStringLiteral("%1 (the %2 schema's database)").arg(db, schema);
}

QList<int> RunbookStep::watchIds() const
{
    QList<int> ids;
    for (const Oob &o : watch)
        ids << o.id;
    return ids;
}

QString schemaDatabase(const QString &schema)
{
    if (schema == u"frontend")
        return QStringLiteral("pgsql");
    if (schema == u"codeintel")
        return QStringLiteral("codeintel-db");
    if (schema == u"codeinsights")
        return QStringLiteral("codeinsights-db");
    return schema;
}

QString oobProgressPage()
{
    return QStringLiteral("Site admin > Maintenance > Migrations (/site-admin/migrations)");
}

QString oobProgressSql(const QList<int> &ids)
{
    return QStringLiteral("SELECT id, component, progress FROM out_of_band_migrations WHERE id IN (%1);").arg(idList(ids));
}

QList<RunbookStep> makeRunbook(const Evaluation &e)
{
    QList<RunbookStep> out;
    if (!e.plan)
        return out;
    const UpgradePlan &plan = *e.plan;
    QString previous = plan.from.toString();
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &step = plan.steps.at(i);
        RunbookStep r;
        r.number = int(i + 1);
        r.title = planStepTitle(plan, step, r.number);
        r.release = step.release.toString();
        r.previous = previous;
        r.down = step.down;
        QStringList schemas = step.schemas.keys();
        for (const ManualStep &m : step.manual)
            if (!schemas.contains(m.schema))
                schemas << m.schema;
        std::sort(schemas.begin(), schemas.end());
        for (const QString &schema : std::as_const(schemas))
            if (!step.schemas.value(schema).isEmpty() || std::any_of(step.manual.cbegin(), step.manual.cend(), [&](const ManualStep &m) { return m.schema == schema; }))
                r.backups << schemaDatabaseLabel(schema);
        for (const ManualStep &m : step.manual)
            r.manual.append({m.schema, schemaDatabase(m.schema), m.id, migrationName(e, m.schema, m.id), m.sql.trimmed()});
        fillCommand(plan, step, r);
        for (int id : step.oob) {
            const OobMigration *m = e.registry.find(id);
            r.watch.append({id, m ? m->component + QStringLiteral(": ") + m->description : QString()});
        }
        if (step.down && !r.watch.isEmpty()) {
            QStringList ids;
            for (int id : step.oob)
                ids << QStringLiteral("--id=%1").arg(id);
            r.revertCommand = QStringLiteral("migrator run-out-of-band-migrations --apply-reverse ") + ids.join(u' ');
        }
        fillDuration(e, step, r);
        out.append(r);
        previous = r.release;
    }
    return out;
}

QJsonArray runbookToJson(const QList<RunbookStep> &runbook)
{
    QJsonArray steps;
    for (const RunbookStep &r : runbook) {
        QJsonArray manual;
        for (const RunbookStep::Sql &s : r.manual)
            manual.append(QJsonObject{{QStringLiteral("schema"), s.schema},
                                      {QStringLiteral("database"), s.database},
                                      {QStringLiteral("id"), s.id},
                                      {QStringLiteral("name"), s.name},
                                      {QStringLiteral("sql"), s.sql}});
        QJsonArray watch;
        for (const RunbookStep::Oob &o : r.watch)
            watch.append(QJsonObject{{QStringLiteral("id"), o.id}, {QStringLiteral("label"), o.label}});
        steps.append(QJsonObject{
            {QStringLiteral("step"), r.number},
            {QStringLiteral("title"), r.title},
            {QStringLiteral("from"), r.previous},
            {QStringLiteral("release"), r.release},
            {QStringLiteral("direction"), r.down ? QStringLiteral("down") : QStringLiteral("up")},
            {QStringLiteral("backup"), QJsonArray::fromStringList(r.backups)},
            {QStringLiteral("manual_sql"), manual},
            {QStringLiteral("manual_note"), r.manual.isEmpty() ? QJsonValue(noManual) : QJsonValue()},
            {QStringLiteral("migrator_command"), r.command.isEmpty() ? QJsonValue() : QJsonValue(r.command)},
            {QStringLiteral("migrator_note"), r.commandNote},
            {QStringLiteral("watch_oob"), watch},
            {QStringLiteral("revert_command"), r.revertCommand.isEmpty() ? QJsonValue() : QJsonValue(r.revertCommand)},
            {QStringLiteral("watch_page"), r.watch.isEmpty() ? QJsonValue() : QJsonValue(oobProgressPage())},
            {QStringLiteral("watch_sql"), r.watch.isEmpty() ? QJsonValue() : QJsonValue(oobProgressSql(r.watchIds()))},
            {QStringLiteral("duration"),
             QJsonObject{{QStringLiteral("source"), r.durationSource},
                         {QStringLiteral("ms"), r.durationMs ? QJsonValue(double(*r.durationMs)) : QJsonValue()},
                         {QStringLiteral("text"), r.duration}}}});
    }
    return steps;
}

ReportSection runbookSection(const QList<RunbookStep> &runbook)
{
    ReportSection s{QStringLiteral("Runbook"), {}, {}};
    const QString intro = QStringLiteral("Follow the steps in order. Do not start a step before the previous one is "
                                         "complete, including its OOB migrations.");
    s.markdown = intro + QStringLiteral("\n\n");
    s.html = QStringLiteral("<p>") + h(intro) + QStringLiteral("</p>\n");
    for (const RunbookStep &r : runbook) {
        s.markdown += QStringLiteral("### ") + md(r.title) + QStringLiteral("\n\n");
        s.html += QStringLiteral("<div class=\"runbook\"><h3>") + h(r.title) + QStringLiteral("</h3>\n<ol>\n");

        const QString backup = r.backups.isEmpty() ? QStringLiteral("nothing changes in the databases at this step.")
                                                   : r.backups.join(QStringLiteral("; ")) + u'.';
        s.markdown += QStringLiteral("1. Back up first: ") + md(backup) + u'\n';
        s.html += QStringLiteral("<li><b>Back up first:</b> ") + h(backup) + QStringLiteral("</li>\n");

        if (r.manual.isEmpty()) {
            s.markdown += QStringLiteral("2. Manual SQL: ") + noManual + u'\n';
            s.html += QStringLiteral("<li><b>Manual SQL:</b> ") + h(noManual) + QStringLiteral("</li>\n");
        } else {
            const QString lead = QStringLiteral("Manual SQL: run as a superuser, before the migrator:");
            s.markdown += QStringLiteral("2. ") + lead + u'\n';
            s.html += QStringLiteral("<li><b>Manual SQL:</b> run as a superuser, before the migrator:\n");
            for (const RunbookStep::Sql &m : r.manual) {
                const QString what = QStringLiteral("in %1, migration %2 %3").arg(schemaDatabaseLabel(m.schema)).arg(m.id).arg(m.name);
                s.markdown += QStringLiteral("   - ") + md(what) + QStringLiteral(":\n\n");
                QString code = markdownCode(m.sql, QStringLiteral("sql"));
                code.replace(u'\n', QStringLiteral("\n     "));
                s.markdown += QStringLiteral("     ") + code.trimmed() + QStringLiteral("\n\n");
                s.html += QStringLiteral("<p>") + h(what) + QStringLiteral(":</p>\n<pre>") + h(m.sql) + QStringLiteral("</pre>\n");
            }
            s.html += QStringLiteral("</li>\n");
        }

        if (r.command.isEmpty()) {
            s.markdown += QStringLiteral("3. Migrator: ") + md(r.commandNote) + u'\n';
            s.html += QStringLiteral("<li><b>Migrator:</b> ") + h(r.commandNote) + QStringLiteral("</li>\n");
        } else {
            s.markdown += QStringLiteral("3. Migrator: `") + r.command + QStringLiteral("`. ") + md(r.commandNote) + u'\n';
            s.html += QStringLiteral("<li><b>Migrator:</b> <code>") + h(r.command) + QStringLiteral("</code><br>") + h(r.commandNote)
                + QStringLiteral("</li>\n");
        }

        if (r.watch.isEmpty()) {
            const QString none = QStringLiteral("No OOB migration to watch at this step.");
            s.markdown += QStringLiteral("4. Watch: ") + none + u'\n';
            s.html += QStringLiteral("<li><b>Watch:</b> ") + h(none) + QStringLiteral("</li>\n");
        } else {
            const QString lead = r.down ? QStringLiteral("Before the next step, these OOB migrations must be fully reverted (progress 0%):")
                                        : QStringLiteral("Before the next step, these OOB migrations must reach 100%:");
            s.markdown += QStringLiteral("4. Watch: ") + lead + u'\n';
            s.html += QStringLiteral("<li><b>Watch:</b> ") + h(lead) + QStringLiteral("\n<ul>\n");
            for (const RunbookStep::Oob &o : r.watch) {
                s.markdown += QStringLiteral("   - OOB %1 %2\n").arg(o.id).arg(md(o.label));
                s.html += QStringLiteral("<li>OOB %1 %2</li>\n").arg(o.id).arg(h(o.label));
            }
            if (!r.revertCommand.isEmpty()) {
                const QString how = QStringLiteral("Revert them (if the downgrade did not) with the migrator image used above:");
                s.markdown += QStringLiteral("   - ") + how + QStringLiteral(" `") + r.revertCommand + QStringLiteral("`\n");
                s.html += QStringLiteral("<li>") + h(how) + QStringLiteral(" <code>") + h(r.revertCommand) + QStringLiteral("</code></li>\n");
            }
            const QString sql = oobProgressSql(r.watchIds());
            const QString db = QStringLiteral(", or in the frontend database (pgsql): ");
            s.markdown += QStringLiteral("   - Progress: ") + md(oobProgressPage()) + db + u'`' + sql + QStringLiteral("`\n");
            s.html += QStringLiteral("</ul>\nProgress: ") + h(oobProgressPage()) + h(db) + QStringLiteral("<code>") + h(sql)
                + QStringLiteral("</code></li>\n");
        }
        s.markdown += QStringLiteral("5. Duration: ") + md(r.duration) + QStringLiteral("\n\n");
        s.html += QStringLiteral("<li><b>Duration:</b> ") + h(r.duration) + QStringLiteral("</li>\n</ol></div>\n");
    }
    return s;
}

} // namespace passlane
