#include "simulationreport.h"

#include "operatoradvice.h"
#include "report/html.h"
#include "report/markdown.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace passlane {

namespace {

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject resumeJson(const ResumePlan &p)
{
    QJsonArray remaining;
    for (qint64 id : p.remainingMigrations)
        remaining.append(id);
    QJsonObject o{{QLatin1String("lastGoodVersion"), p.lastGoodVersion},
                  {QLatin1String("failedAtVersion"), p.failedAtVersion},
                  {QLatin1String("operatorSteps"), strings(p.operatorSteps)},
                  {QLatin1String("remainingMigrations"), remaining},
                  {QLatin1String("remainingStops"), strings(p.remainingStops)},
                  {QLatin1String("command"), p.command}};
    if (!p.schema.isEmpty())
        o.insert(QLatin1String("schema"), p.schema);
    if (p.migrationId)
        o.insert(QLatin1String("migration"), *p.migrationId);
    if (p.oobId)
        o.insert(QLatin1String("oob"), *p.oobId);
    return o;
}

QString status(const SimulationResult &r)
{
    if (r.completed)
        return QStringLiteral("completed");
    if (r.canceled)
        return QStringLiteral("canceled");
    if (r.dirty)
        return QStringLiteral("failed (dirty)");
    if (r.refusedToStart)
        return QStringLiteral("refused to start");
    return QStringLiteral("stopped");
}

/// The timeline with consecutive migration events of one stop and schema folded into one row.
struct Row {
    qint64 atMs;
    QString version, what, detail;
    qint64 durationMs;
};

QList<Row> foldedTimeline(const SimulationResult &r)
{
    QList<Row> rows;
    for (const TimelineEvent &e : r.timeline) {
        if (e.kind == EventKind::MigrationApplied && !rows.isEmpty() && rows.last().what.startsWith(QLatin1String("migrations "))
            && rows.last().version == e.version && rows.last().what.endsWith(e.schema)) {
            Row &last = rows.last();
            last.durationMs += e.durationMs;
            const int n = last.detail.section(u' ', 0, 0).toInt() + 1;
            last.detail = QStringLiteral("%1 applied, last %2").arg(n).arg(*e.migrationId);
            continue;
        }
        Row row{e.atMs, e.version, eventKindName(e.kind), e.message, e.durationMs};
        if (e.kind == EventKind::MigrationApplied) {
            row.what = QStringLiteral("migrations ") + e.schema;
            row.detail = QStringLiteral("1 applied, last %1").arg(*e.migrationId);
        } else if (e.migrationId) {
            row.what += QStringLiteral(" %1 %2").arg(e.schema).arg(*e.migrationId);
        } else if (e.oobId) {
            row.what += QStringLiteral(" OOB %1").arg(*e.oobId);
        }
        rows.append(row);
    }
    return rows;
}

QString h(const QString &s)
{
    return htmlEscape(s);
}

QString ids(const QList<int> &list)
{
    QStringList out;
    for (int id : list)
        out << QString::number(id);
    return out.join(QStringLiteral(", "));
}

} // namespace

QJsonObject SimulationReport::toJsonObject(const SimulationResult &r)
{
    QJsonObject o;
    o.insert(QLatin1String("format"), QStringLiteral("passlane-simulation"));
    o.insert(QLatin1String("formatVersion"), 1);
    o.insert(QLatin1String("backend"), backendName(r.backend));
    o.insert(QLatin1String("from"), r.from);
    o.insert(QLatin1String("to"), r.to);
    o.insert(QLatin1String("stops"), strings(r.stops));
    o.insert(QLatin1String("status"), status(r));
    o.insert(QLatin1String("completed"), r.completed);
    o.insert(QLatin1String("dirty"), r.dirty);
    o.insert(QLatin1String("refusedToStart"), r.refusedToStart);
    o.insert(QLatin1String("canceled"), r.canceled);
    if (!r.failure.isEmpty())
        o.insert(QLatin1String("failure"), r.failure);
    if (!r.operatorAdvice.isEmpty())
        o.insert(QLatin1String("operatorAdvice"), r.operatorAdvice);
    if (r.resume)
        o.insert(QLatin1String("resume"), resumeJson(*r.resume));
    o.insert(QLatin1String("totals"), r.totals.toJson());
    o.insert(QLatin1String("timeline"), timelineToJson(r.timeline));
    QJsonArray manual;
    for (const ManualStep &m : r.manualSteps)
        manual.append(QJsonObject{{QLatin1String("schema"), m.schema}, {QLatin1String("migration"), m.id},
                                  {QLatin1String("reason"), m.reason}, {QLatin1String("sql"), m.sql}});
    o.insert(QLatin1String("manualSteps"), manual);
    o.insert(QLatin1String("findings"), findingsToJson(r.findings));
    o.insert(QLatin1String("lint"), findingsToJson(r.lint));
    QJsonArray logs;
    for (const MigrationLogRow &l : r.migrationLogs) {
        QJsonObject row{{QLatin1String("id"), l.id}, {QLatin1String("schema"), l.schema}, {QLatin1String("version"), l.version},
                        {QLatin1String("up"), l.up}, {QLatin1String("started_at"), l.startedAt.toString(Qt::ISODateWithMs)},
                        {QLatin1String("backfilled"), l.backfilled}};
        row.insert(QLatin1String("finished_at"), l.finishedAt ? QJsonValue(l.finishedAt->toString(Qt::ISODateWithMs)) : QJsonValue());
        row.insert(QLatin1String("success"), l.success ? QJsonValue(*l.success) : QJsonValue());
        if (!l.errorMessage.isEmpty())
            row.insert(QLatin1String("error_message"), l.errorMessage);
        logs.append(row);
    }
    o.insert(QLatin1String("migrationLogs"), logs);
    QJsonArray oob;
    for (const OobRow &row : r.oob)
        oob.append(QJsonObject{{QLatin1String("id"), row.id}, {QLatin1String("progress"), row.progress},
                               {QLatin1String("introduced"), row.introduced().toString()},
                               {QLatin1String("deprecated"), row.deprecated() ? row.deprecated()->toString() : QString()}});
    o.insert(QLatin1String("outOfBandMigrations"), oob);
    if (!r.databases.isEmpty()) {
        o.insert(QLatin1String("databases"), strings(r.databases));
        o.insert(QLatin1String("databasesKept"), r.databasesKept);
    }
    QJsonArray comparisons;
    for (const SchemaComparisonResult &c : r.comparisons) {
        QJsonArray diffs;
        for (const SchemaDifference &d : c.differences)
            diffs.append(QJsonObject{{QLatin1String("kind"), differenceKindName(d.kind)},
                                     {QLatin1String("objectType"), d.objectType}, {QLatin1String("name"), d.name},
                                     {QLatin1String("left"), d.left}, {QLatin1String("right"), d.right}});
        comparisons.append(QJsonObject{{QLatin1String("schema"), c.schema}, {QLatin1String("left"), c.left},
                                       {QLatin1String("right"), c.right}, {QLatin1String("identical"), c.identical()},
                                       {QLatin1String("differences"), diffs}});
    }
    o.insert(QLatin1String("comparisons"), comparisons);
    return o;
}


ReportSection SimulationReport::lintSection(const Findings &lint)
{
    QList<QStringList> rows;
    for (const Finding &f : lint)
        rows << QStringList{f.schema, f.id ? QString::number(*f.id) : QString(), f.kind, f.message};
    if (rows.isEmpty())
        return ReportSection{QStringLiteral("Lint"), QStringLiteral("No lint findings.\n"), QStringLiteral("<p>No lint findings.</p>\n")};
    return tableSection(QStringLiteral("Lint"),
                        QStringLiteral("%1 finding(s): non-atomic files, lock-heavy DDL, NOT NULL without a default.").arg(rows.size()),
                        {QStringLiteral("Schema"), QStringLiteral("Migration"), QStringLiteral("Kind"), QStringLiteral("Finding")}, rows);
}

void SimulationReport::addToReport(ReportWriter &writer, const SimulationResult &r)
{
    writer.addJson(QStringLiteral("simulation"), toJsonObject(r));

    QList<QStringList> summary{
        {QStringLiteral("Backend"), backendName(r.backend)},
        {QStringLiteral("From -> to"), r.from + QStringLiteral(" -> ") + r.to},
        {QStringLiteral("Status"), status(r)},
        {QStringLiteral("Stops"), r.stops.join(QStringLiteral(" -> "))},
        {QStringLiteral("Total time"), formatDuration(r.totals.totalMs)},
        {QStringLiteral("Schema migrations"), QStringLiteral("%1 applied in %2, %3 failed, %4 manual")
                                                  .arg(r.totals.migrationsApplied).arg(formatDuration(r.totals.schemaMs))
                                                  .arg(r.totals.migrationsFailed).arg(r.totals.manualSteps)},
        {QStringLiteral("Waiting for OOB migrations"), formatDuration(r.totals.oobWaitMs)},
        {QStringLiteral("Estimated downtime"), formatDuration(r.totals.downtimeMs)},
    };
    if (r.totals.backgroundOobMs > 0)
        summary << QStringList{QStringLiteral("OOB migrations in the background after the run"), formatDuration(r.totals.backgroundOobMs)};
    if (!r.databases.isEmpty())
        summary << QStringList{QStringLiteral("Databases"), r.databases.join(QStringLiteral(", "))
                                                            + (r.databasesKept ? QStringLiteral(" (kept)") : QStringLiteral(" (dropped)"))};
    if (!r.failure.isEmpty())
        summary << QStringList{QStringLiteral("Stopped because"), r.failure};
    writer.addSection(tableSection(QStringLiteral("Simulation"), {}, {QStringLiteral("Item"), QStringLiteral("Value")}, summary));

    if (r.resume) {
        QString md, html = QStringLiteral("<ol>");
        md = OperatorAdvice::toText(*r.resume) + QStringLiteral("\n");
        for (const QString &step : r.resume->operatorSteps)
            html += QStringLiteral("<li>") + h(step) + QStringLiteral("</li>");
        html += QStringLiteral("</ol>\n");
        QString resume = QStringLiteral("Resume plan: stops %1").arg(r.resume->remainingStops.join(QStringLiteral(" -> ")));
        if (!r.resume->schema.isEmpty())
            resume += QStringLiteral("; %1 migration(s) left in %2").arg(r.resume->remainingMigrations.size()).arg(r.resume->schema);
        if (!r.resume->command.isEmpty()) {
            md += QStringLiteral("\n") + markdownEscape(resume) + QStringLiteral("\n\n") + markdownCode(r.resume->command, QStringLiteral("sh"));
            html += QStringLiteral("<p>") + h(resume) + QStringLiteral("</p><pre><code>") + h(r.resume->command) + QStringLiteral("</code></pre>\n");
        }
        if (r.databasesKept && !r.completed && !r.databases.isEmpty()) {
            const QString kept = QStringLiteral("Databases kept for inspection: %1").arg(r.databases.join(QStringLiteral(", ")));
            md += QStringLiteral("\n") + markdownEscape(kept) + QStringLiteral("\n");
            html += QStringLiteral("<p>") + h(kept) + QStringLiteral("</p>\n");
        }
        writer.addSection(ReportSection{QStringLiteral("What an operator must do"), md, html});
    }

    QList<QStringList> stops;
    for (const StopTotals &s : r.totals.stops)
        stops << QStringList{s.version, formatDuration(s.arrivedAtMs), QString::number(s.migrations), formatDuration(s.schemaMs),
                             formatDuration(s.oobWaitMs), ids(s.waitedFor)};
    writer.addSection(tableSection(QStringLiteral("Time per stop"), {},
                                   {QStringLiteral("Stop"), QStringLiteral("Arrived"), QStringLiteral("Migrations"),
                                    QStringLiteral("Schema time"), QStringLiteral("OOB wait"), QStringLiteral("Waited for")},
                                   stops));

    QList<QStringList> timeline;
    for (const Row &row : foldedTimeline(r))
        timeline << QStringList{formatDuration(row.atMs), row.version, row.what, row.detail,
                                row.durationMs ? formatDuration(row.durationMs) : QString()};
    writer.addSection(tableSection(QStringLiteral("Timeline"),
                                   r.backend == SimulationBackend::Sqlite
                                       ? QStringLiteral("Simulated time; consecutive schema migrations are folded into one row.")
                                       : QStringLiteral("Measured time on PostgreSQL (OOB waits simulated); consecutive schema "
                                                        "migrations are folded into one row."),
                                   {QStringLiteral("At"), QStringLiteral("Version"), QStringLiteral("Event"),
                                    QStringLiteral("Detail"), QStringLiteral("Duration")},
                                   timeline));

    if (!r.manualSteps.isEmpty()) {
        QString md, html;
        for (const ManualStep &m : r.manualSteps) {
            const QString title = QStringLiteral("%1 %2 (%3)").arg(m.schema).arg(m.id).arg(m.reason);
            md += markdownEscape(title) + QStringLiteral("\n\n") + markdownCode(m.sql.trimmed(), QStringLiteral("sql")) + QStringLiteral("\n");
            html += QStringLiteral("<h3>") + h(title) + QStringLiteral("</h3><pre><code>") + h(m.sql.trimmed()) + QStringLiteral("</code></pre>\n");
        }
        writer.addSection(ReportSection{QStringLiteral("Manual steps"), md, html});
    }
    if (!r.findings.isEmpty()) {
        QList<QStringList> rows;
        for (const Finding &f : r.findings)
            rows << QStringList{severityName(f.severity), f.kind, f.schema, f.id ? QString::number(*f.id) : QString(), f.message};
        writer.addSection(tableSection(QStringLiteral("Simulation findings"), {},
                                       {QStringLiteral("Severity"), QStringLiteral("Kind"), QStringLiteral("Schema"),
                                        QStringLiteral("Id"), QStringLiteral("Finding")}, rows));
    }
    for (const SchemaComparisonResult &c : r.comparisons) {
        QList<QStringList> rows;
        for (const SchemaDifference &d : c.differences)
            rows << QStringList{differenceKindName(d.kind), d.objectType, d.name, d.left.left(300), d.right.left(300)};
        const QString title = QStringLiteral("Schema %1: %2 vs %3").arg(c.schema, c.left, c.right);
        if (rows.isEmpty())
            writer.addSection(ReportSection{title, QStringLiteral("Identical.\n"), QStringLiteral("<p>Identical.</p>\n")});
        else
            writer.addSection(tableSection(title, QStringLiteral("%1 difference(s).").arg(rows.size()),
                                           {QStringLiteral("Kind"), QStringLiteral("Object"), QStringLiteral("Name"),
                                            QStringLiteral("Upgraded"), QStringLiteral("Reference")}, rows));
    }
    if (!r.lint.isEmpty()) // a run without its own lint leaves it to the plan beside it
        writer.addSection(lintSection(r.lint));
}

QByteArray SimulationReport::render(const SimulationResult &result, ReportFormat format)
{
    ReportWriter writer(QStringLiteral("Passlane simulation %1 -> %2").arg(result.from, result.to));
    writer.setJson(QJsonObject{});
    addToReport(writer, result);
    if (format == ReportFormat::Json)
        return QJsonDocument(toJsonObject(result)).toJson(QJsonDocument::Indented);
    return writer.render(format);
}

} // namespace passlane
