// passlane-cli bench simulate --predict [--rows N] [--calibration FILE] [--from A] [--to B]
// How far the time model's per-migration estimates are from what PostgreSQL really takes: the
// start release is installed on scratch databases the tool creates (one per schema), the tables
// the upgrade's statements work on (the statement classifier's table lists) are filled with N
// generated rows in all, ANALYZE runs and the table statistics are read back as an inspection
// reads them; then the real upgrade runs on those databases and every migration's measured time
// is set against its estimate (with the calibration of `bench calibrate` on the same server).
// Prints each ratio (estimate / measured) for migrations over 50 ms and their median (target
// 0.5 - 2.0). The scratch databases are dropped after.
#include "bench_support.h"
#include "cliio.h"

#include "catalog/catalog.h"
#include "estimate/calibration.h"
#include "estimate/schemaestimate.h"
#include "plan/planner.h"
#include "simulator/liveinspector.h"
#include "simulator/postgresexecutor.h"
#include "simulator/scratchdatabase.h"
#include "simulator/simulation.h"
#include "sql/statementclass.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

namespace passlane::cli {

namespace {

constexpr double kShownOverMs = 50;

struct SchemaRun {
    QString schema;
    std::unique_ptr<ScratchDatabase> db;
    QList<MigrationPtr> migrations;  ///< the plan's, in order
    QStringList workTables;          ///< tables the classified statements work on, existing at the start
    QMap<QString, qint64> generated; ///< rows present after the fill
    QList<TableStats> stats;         ///< read back after ANALYZE
};

/// One column and how to fill it.
struct Column {
    QString name;
    QString type;      ///< format_type(): "character varying(255)"
    bool notNull = false;
    bool hasDefault = false; ///< default, identity or generated: left to the server
    QString category;  ///< pg_type.typcategory of the (domain's base) type
    QString base;      ///< its type name: "int4", "jsonb"
    bool isEnum = false;
    QString refTable;  ///< foreign key target (regclass text), when the column is part of one
    QString refColumn;
};

QList<Column> columnsOf(PgSession &s, const QString &table)
{
    auto rows = s.rows(QStringLiteral(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '', "
        "coalesce(bt.typcategory, t.typcategory), coalesce(bt.typname, t.typname), "
        "t.typtype = 'e' OR coalesce(bt.typtype = 'e', false), fk.reftable, fk.refcolumn "
        "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype "
        "LEFT JOIN LATERAL (SELECT c.confrelid::regclass::text AS reftable, ra.attname AS refcolumn "
        "  FROM pg_constraint c JOIN pg_attribute ra ON ra.attrelid = c.confrelid "
        "   AND ra.attnum = c.confkey[array_position(c.conkey, a.attnum)] "
        "  WHERE c.conrelid = a.attrelid AND c.contype = 'f' AND a.attnum = ANY (c.conkey) LIMIT 1) fk ON true "
        "WHERE a.attrelid = %1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")
                          .arg(PgSession::quoteLiteral(QStringLiteral("public.") + PgSession::quoteIdent(table))));
    QList<Column> out;
    if (!rows)
        return out;
    for (const QStringList &r : rows.value()) {
        Column c;
        c.name = r.at(0);
        c.type = r.at(1);
        c.notNull = r.at(2) == u"true";
        c.hasDefault = r.at(3) == u"true";
        c.category = r.at(4);
        c.base = r.at(5);
        c.isEnum = r.at(6) == u"true";
        c.refTable = r.at(7);
        c.refColumn = r.at(8);
        out.append(c);
    }
    return out;
}

/// A value for row `g` of the generated series: distinct per row where the type allows it (so
/// unique keys hold), of the column's own type. Empty: nothing sensible (left NULL).
QString valueFor(const Column &c)
{
    QString v;
    if (c.isEnum)
        v = QStringLiteral("(enum_range(NULL::%1))[1]").arg(c.type);
    else if (c.category == u"A")
        v = QStringLiteral("'{}'");
    else if (c.category == u"B")
        v = QStringLiteral("(g % 2 = 0)");
    else if (c.category == u"N")
        v = c.base == u"int2" ? QStringLiteral("(g % 32000)")
            : (c.base == u"int4" || c.base == u"int8" || c.base == u"oid") ? QStringLiteral("g")
                                                                          : QStringLiteral("(g % 10)");
    else if (c.category == u"S") // letters and digits only: the product checks names (valid_chars) and commits
        v = c.name.contains(u"commit") ? QStringLiteral("(md5(g::text) || left(md5(g::text), 8))") : QStringLiteral("('r' || g)");
    else if (c.category == u"D")
        v = c.base == u"date" ? QStringLiteral("(current_date - (g % 3650))")
            : c.base.startsWith(u"time") && !c.base.startsWith(u"timestamp") ? QStringLiteral("'12:00'")
                                                                             : QStringLiteral("(now() - g * interval '1 second')");
    else if (c.category == u"T")
        v = QStringLiteral("(g * interval '1 second')");
    else if (c.category == u"I")
        v = QStringLiteral("'10.0.0.1'");
    else if (c.base == u"jsonb" || c.base == u"json")
        v = QStringLiteral("'{}'");
    else if (c.base == u"uuid")
        v = QStringLiteral("md5(g::text)::uuid");
    else if (c.base == u"tsvector")
        v = QStringLiteral("''");
    else if (c.base == u"bytea")
        v = QStringLiteral("'\\x00'");
    return v.isEmpty() ? QString() : QStringLiteral("(%1)::%2").arg(v, c.type);
}

qint64 rowCount(PgSession &s, const QString &table)
{
    auto n = s.scalar(QStringLiteral("SELECT count(*) FROM public.%1").arg(PgSession::quoteIdent(table)));
    return n ? n.value().toLongLong() : 0;
}

/// Inserts generated rows `from`..`to` into `table`. A NOT NULL foreign key points at a row of its
/// target (which gets a few rows first when it has none); a nullable one stays NULL. When a
/// constraint refuses the rows, other shapes are tried: each nullable foreign key set in turn
/// (checks that want one owner of several), only the columns that must be given, without ON
/// CONFLICT (deferrable keys refuse it). Empty on success, else the last refusal.
QString fill(PgSession &s, const QString &table, qint64 from, qint64 to, int depth = 0)
{
    const QList<Column> columns = columnsOf(s, table);
    if (columns.isEmpty())
        return QStringLiteral("no columns readable");
    auto parentOf = [](const Column &c) { return c.refTable.startsWith(u'"') ? c.refTable.mid(1).chopped(1) : c.refTable; };
    auto ensureParent = [&](const Column &c) -> QString {
        const QString parent = parentOf(c);
        if (parent == table || depth >= 4 || rowCount(s, parent) > 0)
            return {};
        // Keys of their own range: the table's own fill later starts at 1.
        const QString e = fill(s, parent, 900000001, 900000010, depth + 1);
        return e.isEmpty() ? QString() : QStringLiteral("parent %1: %2").arg(parent, e);
    };
    for (const Column &c : columns) {
        if (c.notNull && !c.hasDefault && !c.refTable.isEmpty()) {
            if (const QString e = ensureParent(c); !e.isEmpty())
                return e;
        }
    }
    // Shapes to try: -1 all plain columns; k >= 0 also nullable foreign key column k.
    QList<int> shapes{-1};
    for (int k = 0; k < columns.size(); ++k) {
        if (!columns.at(k).notNull && !columns.at(k).refTable.isEmpty() && !columns.at(k).hasDefault)
            shapes << k;
    }
    QString lastError;
    for (const bool required : {false, true}) {
        for (int shape : shapes) {
            if (required && shape >= 0)
                continue;
            if (shape >= 0) {
                if (const QString e = ensureParent(columns.at(shape)); !e.isEmpty())
                    continue;
            }
            QStringList names, values;
            for (int k = 0; k < columns.size(); ++k) {
                const Column &c = columns.at(k);
                if (c.hasDefault || (required && !c.notNull))
                    continue;
                QString v;
                if (!c.refTable.isEmpty()) {
                    if (!c.notNull && k != shape)
                        continue;
                    v = QStringLiteral("(SELECT %1 FROM %2 LIMIT 1)").arg(PgSession::quoteIdent(c.refColumn), c.refTable);
                } else {
                    v = valueFor(c);
                }
                if (v.isEmpty())
                    continue;
                names << PgSession::quoteIdent(c.name);
                values << v;
            }
            for (const bool onConflict : {true, false}) {
                const QString sql =
                    QStringLiteral("INSERT INTO public.%1 %2 SELECT %3 FROM generate_series(%4, %5) g%6")
                        .arg(PgSession::quoteIdent(table),
                             names.isEmpty() ? QString() : u'(' + names.join(QStringLiteral(", ")) + u')',
                             values.join(QStringLiteral(", ")))
                        .arg(from)
                        .arg(to)
                        .arg(onConflict ? QStringLiteral(" ON CONFLICT DO NOTHING") : QString());
                const PgExecResult r = s.execRaw(sql.toUtf8());
                if (r.ok)
                    return {};
                lastError = r.message;
            }
        }
    }
    return lastError;
}

} // namespace

int benchPredict(const Catalog &catalog, const Version &from, const Version &to, const QString &dsn, qint64 totalRows,
                 const QString &calibrationFile)
{
    const QString calPath = calibrationFile.isEmpty() ? Calibration::defaultPath() : calibrationFile;
    if (calibrationFile.isEmpty() && !QFileInfo::exists(calPath)) {
        printError(QStringLiteral("%1: no calibration for this machine: run `passlane-cli bench calibrate` on the same "
                                  "server first, or pass --calibration FILE").arg(calPath));
        return 2;
    }
    auto calibration = Calibration::load(calPath);
    if (!calibration) {
        printError(calibration.error().toString());
        return 2;
    }
    auto server = PgConnectionInfo::parse(dsn);
    if (!server) {
        printError(server.error().toString());
        return 2;
    }
    const Release *fromRelease = catalog.release(from);
    const Planner planner(catalog.graph, catalog.oob);
    const auto plan = planner.plan(from, to);
    if (!fromRelease || !plan) {
        printError(plan ? QStringLiteral("release %1 not loaded").arg(from.toString()) : plan.error().toString());
        return 2;
    }
    QElapsedTimer clock;
    clock.start();
    // The plan's migrations per schema, and the tables their statements work on.
    std::map<QString, SchemaRun> runs;
    QMap<QString, QSet<QString>> touched;
    for (const PlanStep &step : plan->steps) {
        for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it) {
            for (qint64 id : it.value()) {
                MigrationPtr m = catalog.graph.shippedDefinition(it.key(), id, step.release);
                if (!m)
                    m = catalog.graph.definition(it.key(), id);
                if (!m)
                    continue;
                SchemaRun &run = runs[it.key()];
                run.schema = it.key();
                run.migrations.append(m);
                for (const ClassifiedStatement &st : classifyStatements(m->upQuery)) {
                    if (st.statementClass != StatementClass::MetadataOnly)
                        touched[it.key()].unite(QSet<QString>(st.tables.cbegin(), st.tables.cend()));
                }
            }
        }
    }
    // Install the start release on a database of the tool's own per schema.
    int tableCount = 0;
    for (auto &[schema, run] : runs) {
        auto db = ScratchDatabase::create(server.value(), QStringLiteral("predict_%1").arg(schema));
        if (!db) {
            printError(db.error().toString());
            return 2;
        }
        run.db = std::move(db).value();
        auto session = PgSession::open(run.db->info());
        if (!session) {
            printError(session.error().toString());
            return 2;
        }
        PostgresExecutor exec(*session.value());
        if (const Status st = exec.createBookkeeping(); !st) {
            printError(st.error().toString());
            return 2;
        }
        auto installed = exec.install(*fromRelease, schema, true);
        if (!installed) {
            printError(installed.error().toString());
            return 2;
        }
        QSet<qint64> ancestors = catalog.graph.appliedAt(schema, from);
        for (qint64 id : installed.value())
            ancestors.remove(id);
        if (const Status bf = exec.backfill(schema, catalog.graph.topologicalOrder(schema, ancestors)); !bf) {
            printError(bf.error().toString());
            return 2;
        }
        QStringList tables(touched.value(schema).cbegin(), touched.value(schema).cend());
        std::sort(tables.begin(), tables.end());
        for (const QString &t : tables) {
            auto exists = session.value()->scalar(QStringLiteral("SELECT to_regclass(%1) IS NOT NULL")
                                                      .arg(PgSession::quoteLiteral(QStringLiteral("public.") + PgSession::quoteIdent(t))));
            if (exists && exists.value() == u"true")
                run.workTables << t;
        }
        tableCount += int(run.workTables.size());
    }
    if (tableCount == 0) {
        printError(QStringLiteral("the upgrade %1 -> %2 works on no table that exists at %1").arg(from.toString(), to.toString()));
        return 1;
    }
    // Fill: the rows spread evenly over the work tables of every schema; what tables refuse goes to
    // the others in a second round, so that the total is reached.
    const qint64 perTable = (totalRows + tableCount - 1) / tableCount;
    qint64 generatedTotal = 0;
    QStringList skipped;
    std::map<QString, std::unique_ptr<PgSession>> sessions;
    QList<QPair<QString, QString>> filled; // schema, table
    for (auto &[schema, run] : runs) {
        auto session = PgSession::open(run.db->info());
        if (!session) {
            printError(session.error().toString());
            return 2;
        }
        for (const QString &t : run.workTables) {
            const QString e = fill(*session.value(), t, 1, perTable);
            if (e.isEmpty())
                filled.append({schema, t});
            else
                skipped << QStringLiteral("%1.%2 (%3)").arg(schema, t, e.section(u'\n', 0, 0));
        }
        sessions[schema] = std::move(session).value();
    }
    auto countAll = [&] {
        qint64 n = 0;
        for (auto &[schema, run] : runs) {
            for (const QString &t : run.workTables) {
                run.generated.insert(t, rowCount(*sessions[schema], t));
                n += run.generated.value(t);
            }
        }
        return n;
    };
    generatedTotal = countAll();
    // Unique keys the generated values collide on (ON CONFLICT DO NOTHING) may leave a shortfall.
    qint64 next = perTable + 1;
    for (int round = 0; round < 4 && generatedTotal < totalRows && !filled.isEmpty(); ++round) {
        const qint64 more = (totalRows - generatedTotal + filled.size() - 1) / filled.size();
        for (const auto &[schema, t] : filled)
            fill(*sessions[schema], t, next, next + more - 1);
        next += more;
        generatedTotal = countAll();
    }
    for (auto &[schema, run] : runs) {
        sessions[schema]->execRaw("ANALYZE");
        sessions[schema].reset();
        // Read back as an inspection reads a customer's instance: read-only, the one query.
        auto reader = PgSession::open(run.db->info(), true);
        if (!reader) {
            printError(reader.error().toString());
            return 2;
        }
        auto stats = LiveInspector::readTableStats(*reader.value());
        if (!stats) {
            printError(stats.error().toString());
            return 2;
        }
        run.stats = stats.value();
    }
    std::printf("predict: %s -> %s on %s, %s\n", qUtf8Printable(from.toString()), qUtf8Printable(to.toString()),
                qUtf8Printable(server->display()), qUtf8Printable(calibration->describe()));
    std::printf("generated %lld rows over %d tables (%lld asked, %lld per table; %lld tables filled) in %.1f s\n",
                static_cast<long long>(generatedTotal), tableCount, static_cast<long long>(totalRows),
                static_cast<long long>(perTable), static_cast<long long>(filled.size()), double(clock.elapsed()) / 1000.0);
    for (const QString &s : skipped)
        std::printf("  not filled: %s\n", qUtf8Printable(s));

    // The real upgrade, schema by schema, on the filled databases.
    struct Compared {
        QString schema;
        qint64 id;
        QString name;
        double measured;
        double predicted;
        double statementsMs; ///< the estimate without the model's per-migration overhead
    };
    QList<Compared> compared;
    double measuredTotal = 0, predictedTotal = 0;
    int applied = 0;
    for (auto &[schema, run] : runs) {
        SimulationRequest request;
        request.backend = SimulationBackend::Postgres;
        request.dsn = dsn;
        request.database = run.db->name();
        request.iOwnThisDatabase = true; // the tool created it above
        request.superuser = true;        // the real migrations create extensions
        request.schemas = {schema};
        request.lint = false;
        auto result = Simulation::run(catalog, plan.value(), request);
        if (!result) {
            printError(result.error().toString());
            return 1;
        }
        if (!result->completed)
            std::printf("  %s: the upgrade stopped: %s\n", qUtf8Printable(schema), qUtf8Printable(result->failure));
        // The time model's own estimator, on the statistics as an inspection reads them.
        const SchemaEstimator estimator(calibration.value(), run.stats);
        QMap<qint64, MigrationPtr> byId;
        for (const MigrationPtr &m : run.migrations)
            byId.insert(m->id, m);
        for (const TimelineEvent &e : result->timeline) {
            if (e.kind != EventKind::MigrationApplied || !e.migrationId || !byId.contains(*e.migrationId))
                continue;
            const MigrationPtr &m = byId.value(*e.migrationId);
            const MigrationEstimate estimate = estimator.estimate(schema, *m);
            const double predicted = double(estimate.time.ms);
            double statementsMs = 0;
            for (const StatementEstimate &st : estimate.statements)
                statementsMs += st.ms;
            ++applied;
            measuredTotal += double(e.durationMs);
            predictedTotal += predicted;
            compared.append({schema, m->id, m->name, double(e.durationMs), predicted, statementsMs});
        }
    }
    QList<double> ratios;
    std::printf("%-13s %-11s %-44s %11s %11s %7s\n", "schema", "migration", "name", "measured ms", "estimate ms", "ratio");
    for (const Compared &c : compared) {
        if (c.measured <= kShownOverMs)
            continue;
        const double ratio = c.predicted / c.measured;
        ratios.append(ratio);
        std::printf("%-13s %-11lld %-44s %11.0f %11.0f %7.2f\n", qUtf8Printable(c.schema), static_cast<long long>(c.id),
                    qUtf8Printable(c.name.left(44)), c.measured, c.predicted, ratio);
    }
    std::printf("%d migrations applied: measured %.0f ms in all, estimated %.0f ms\n", applied, measuredTotal, predictedTotal);
    if (ratios.isEmpty()) {
        std::printf("migrations over %.0f ms: 0 (no ratio to compare; generate more rows with --rows)\n", kShownOverMs);
        return 1;
    }
    std::sort(ratios.begin(), ratios.end());
    const double median = ratios.size() % 2 ? ratios.at(ratios.size() / 2)
                                            : (ratios.at(ratios.size() / 2 - 1) + ratios.at(ratios.size() / 2)) / 2;
    const bool onTarget = median >= 0.5 && median <= 2.0;
    std::printf("migrations over %.0f ms: %lld, ratio estimate/measured: min %.2f, median %.2f, max %.2f (target median "
                "0.5 - 2.0) %s\n",
                kShownOverMs, static_cast<long long>(ratios.size()), ratios.first(), median, ratios.last(),
                onTarget ? "OK" : "OFF");
    // What the migrator adds around a migration, measured: migrations whose statements the model
    // prices under 1 ms take about that; against the model's documented per-migration figure.
    QList<double> bare;
    for (const Compared &c : compared) {
        if (c.statementsMs < 1)
            bare.append(c.measured);
    }
    if (!bare.isEmpty()) {
        std::sort(bare.begin(), bare.end());
        const double overhead = bare.at(bare.size() / 2);
        QList<double> adjusted;
        for (const Compared &c : compared) {
            if (c.measured > kShownOverMs)
                adjusted.append((c.statementsMs + overhead) / c.measured);
        }
        std::sort(adjusted.begin(), adjusted.end());
        std::printf("per-migration overhead: median %.0f ms measured over %lld migrations whose statements cost under 1 ms "
                    "(the model adds %.1f ms); with the measured overhead the median ratio would be %.2f\n",
                    overhead, static_cast<long long>(bare.size()), calibration->perMigrationMs,
                    adjusted.isEmpty() ? 0.0 : adjusted.at(adjusted.size() / 2));
    }
    std::printf("total %.1f s\n", double(clock.elapsed()) / 1000.0);
    return onTarget ? 0 : 1;
}

} // namespace passlane::cli
