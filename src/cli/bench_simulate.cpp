// passlane-cli bench simulate [SOURCE...] [--oob FILE] [--from A] [--to B] [--dsn DSN] [--runs N]
// 1. SQLite simulation of A -> B with the registry's OOB migrations (ten synthetic ones without
//    --oob): median and best of N runs; target under 50 ms.
// 2. PostgreSQL execution of the frontend A -> B delta against `psql -f` on one file holding the
//    same migrations (each in BEGIN/COMMIT, concurrent ones unwrapped), both from a clone of the
//    same installed A; best of three each; target ratio at most 1.1. Needs --dsn or PASSLANE_TEST_PG.
// --predict [--rows N] [--calibration FILE]: instead, the time model's per-migration estimates
//    against the real upgrade (default 5.8.1579 -> 6.5.0 on the real snapshots) on generated rows
//    (bench_predict.cpp).
#include "bench_support.h"
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include "plan/planner.h"
#include "simulator/postgresexecutor.h"
#include "simulator/scratchdatabase.h"
#include "simulator/simulation.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>

namespace passlane::cli {

namespace {

/// Ten OOB migrations spread over the known minors (used when no registry is given).
OobRegistry tenOobMigrations(const VersionIndex &index)
{
    OobRegistry reg;
    const auto &minors = index.minors();
    for (int k = 0; k < 10 && minors.size() >= 3; ++k) {
        const qsizetype start = (qsizetype(k) * (minors.size() - 2)) / 10;
        OobMigration m;
        m.id = 900 + k;
        m.team = QStringLiteral("bench");
        m.component = QStringLiteral("bench.table%1").arg(k);
        m.description = QStringLiteral("synthetic benchmark migration");
        m.introduced = minors.at(start);
        m.deprecated = minors.at(std::min<qsizetype>(minors.size() - 1, start + 2 + k % 4));
        reg.insert(m);
    }
    return reg;
}

struct Delta {
    QList<MigrationPtr> migrations;
    QList<bool> outside;
};

Delta frontendDelta(const Catalog &catalog, const UpgradePlan &plan)
{
    Delta d;
    const QString schema = QStringLiteral("frontend");
    for (const PlanStep &step : plan.steps) {
        for (qint64 id : step.schemas.value(schema)) {
            MigrationPtr m = catalog.graph.shippedDefinition(schema, id, step.release);
            if (!m)
                m = catalog.graph.definition(schema, id);
            d.migrations.append(m);
            d.outside.append(m->createIndexConcurrently || step.outsideTransaction.value(schema).contains(id));
        }
    }
    return d;
}

QByteArray psqlFile(const Delta &d)
{
    QByteArray out;
    for (qsizetype i = 0; i < d.migrations.size(); ++i) {
        const QByteArray &sql = d.migrations.at(i)->upQuery;
        if (d.outside.at(i))
            out += sql + "\n;\n";
        else
            out += "BEGIN;\n" + sql + "\n;\nCOMMIT;\n";
    }
    return out;
}

double runPsql(const QString &psql, const PgConnectionInfo &db, const QString &file, QString *error)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(psql, {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                   QStringLiteral("-f"), file, QStringLiteral("-d"), db.conninfo()});
    p.waitForFinished(600000);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (p.exitCode() != 0)
        *error = QString::fromUtf8(p.readAllStandardError()).left(400);
    return ms;
}

double runPasslane(const PgConnectionInfo &db, const Delta &d, QString *error)
{
    auto session = PgSession::open(db);
    if (!session) {
        *error = session.error().toString();
        return -1;
    }
    PostgresExecutor exec(*session.value());
    QElapsedTimer t;
    t.start();
    for (qsizetype i = 0; i < d.migrations.size(); ++i) {
        const MigrationOutcome out = exec.execute(QStringLiteral("frontend"), *d.migrations.at(i), true, d.outside.at(i),
                                                  false, true);
        if (out.status != MigrationOutcome::Status::Applied) {
            *error = QStringLiteral("migration %1: %2").arg(d.migrations.at(i)->id).arg(out.error);
            break;
        }
    }
    return double(t.nsecsElapsed()) / 1e6;
}

int benchPostgres(const Catalog &catalog, const UpgradePlan &plan, const QString &dsn, bool json)
{
    auto server = PgConnectionInfo::parse(dsn);
    if (!server) {
        printError(server.error().message);
        return 2;
    }
    QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    const QString bindir = qEnvironmentVariable("PASSLANE_TEST_PG_BINDIR");
    if (!bindir.isEmpty() && QFile::exists(bindir + QStringLiteral("/psql")))
        psql = bindir + QStringLiteral("/psql");
    if (psql.isEmpty()) {
        printError(QStringLiteral("psql not found"));
        return 2;
    }
    const Release *from = catalog.release(plan.from);
    const Delta delta = frontendDelta(catalog, plan);
    // Install the start once; every measured run starts from a clone of it.
    auto tmpl = ScratchDatabase::create(server.value(), QStringLiteral("bench_template"));
    if (!tmpl) {
        printError(tmpl.error().toString());
        return 2;
    }
    {
        auto session = PgSession::open(tmpl.value()->info());
        if (!session) {
            printError(session.error().toString());
            return 2;
        }
        PostgresExecutor exec(*session.value());
        exec.createBookkeeping();
        auto installed = exec.install(*from, QStringLiteral("frontend"), true);
        if (!installed) {
            printError(installed.error().toString());
            return 2;
        }
    }
    QTemporaryFile file;
    file.open();
    file.write(psqlFile(delta));
    file.flush();
    double bestOurs = 1e18, bestPsql = 1e18;
    QString error;
    // Best of three each, alternating which goes first: the machine is shared, single runs vary.
    for (int round = 0; round < 3 && error.isEmpty(); ++round) {
        auto a = ScratchDatabase::create(server.value(), QStringLiteral("bench_passlane"), tmpl.value()->name());
        auto b = ScratchDatabase::create(server.value(), QStringLiteral("bench_psql"), tmpl.value()->name());
        if (!a || !b) {
            printError((a ? b.error() : a.error()).toString());
            return 2;
        }
        if (round % 2 == 1)
            bestPsql = std::min(bestPsql, runPsql(psql, b.value()->info(), file.fileName(), &error));
        if (error.isEmpty())
            bestOurs = std::min(bestOurs, runPasslane(a.value()->info(), delta, &error));
        if (error.isEmpty() && round % 2 == 0)
            bestPsql = std::min(bestPsql, runPsql(psql, b.value()->info(), file.fileName(), &error));
    }
    if (!error.isEmpty()) {
        printError(QStringLiteral("bench simulate (postgres): %1").arg(error));
        return 1;
    }
    const double ratio = bestOurs / bestPsql;
    if (json)
        std::printf("{\"postgres\": {\"migrations\": %lld, \"passlaneMs\": %.1f, \"psqlMs\": %.1f, \"ratio\": %.3f, \"target\": 1.1}}\n",
                    static_cast<long long>(delta.migrations.size()), bestOurs, bestPsql, ratio);
    else
        std::printf("postgres: frontend %s -> %s, %lld migrations: passlane %.0f ms, psql -f %.0f ms, ratio %.2f "
                    "(target <= 1.10) %s\n",
                    qUtf8Printable(plan.from.toString()), qUtf8Printable(plan.to.toString()),
                    static_cast<long long>(delta.migrations.size()), bestOurs, bestPsql, ratio,
                    ratio <= 1.1 ? "OK" : "SLOW");
    return ratio <= 1.1 ? 0 : 1;
}

} // namespace

int benchSimulate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times SQLite simulation and PostgreSQL execution of an upgrade."));
    addSourceOptions(parser);
    parser.addOption({QStringLiteral("from"), QStringLiteral("Start release (default 5.8.1579, else the oldest)."), QStringLiteral("VERSION")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Target release (default 7.2.1943, else the newest)."), QStringLiteral("VERSION")});
    parser.addOption({QStringLiteral("dsn"), QStringLiteral("PostgreSQL server (default: PASSLANE_TEST_PG)."), QStringLiteral("DSN")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("SQLite runs (default 20)."), QStringLiteral("N"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("predict"), QStringLiteral("Compare the time model's estimates with the real upgrade on generated rows.")});
    parser.addOption({QStringLiteral("rows"), QStringLiteral("--predict: rows generated in all (default 200000)."), QStringLiteral("N"),
                      QStringLiteral("200000")});
    parser.addOption({QStringLiteral("calibration"), QStringLiteral("--predict: the calibration to estimate with (default: this machine's)."),
                      QStringLiteral("FILE")});
    if (!parseArgs(parser, args))
        return 2;
    const bool predict = parser.isSet(QStringLiteral("predict"));
    auto request = loadRequestFromParser(parser);
    if (!request)
        return 2;
    if (predict && parser.positionalArguments().isEmpty() && !parser.isSet(QStringLiteral("project"))) {
        // Not the bundled sample: the estimates are about the real migrations.
        const QString real = realReleasesFolder();
        if (real.isEmpty()) {
            printError(QStringLiteral("bench simulate --predict: the real snapshots were not found; give SOURCE..."));
            return 2;
        }
        request->sources = {real};
        if (!parser.isSet(QStringLiteral("oob")))
            request->oobFiles.clear(); // the sample's registry
    }
    auto catalog = loadCatalogOrReport(*request);
    if (!catalog)
        return 2;
    const QList<Version> versions = catalog->graph.versions();
    if (versions.size() < 2) {
        printError(QStringLiteral("bench simulate needs at least two releases"));
        return 2;
    }
    auto pick = [&](const QString &opt, const char *preferred, const Version &fallback) {
        const auto v = Version::parse(parser.value(opt).isEmpty() ? QString::fromLatin1(preferred) : parser.value(opt));
        return v && catalog->graph.hasVersion(*v) ? *v : fallback;
    };
    const Version from = pick(QStringLiteral("from"), "5.8.1579", versions.first());
    const Version to = pick(QStringLiteral("to"), predict ? "6.5.0" : "7.2.1943", versions.last());
    const QString dsn = parser.isSet(QStringLiteral("dsn")) ? parser.value(QStringLiteral("dsn")) : qEnvironmentVariable("PASSLANE_TEST_PG");
    if (predict) {
        bool ok = false;
        const qint64 rows = parser.value(QStringLiteral("rows")).toLongLong(&ok);
        if (!ok || rows < 1 || rows > 100000000) {
            printError(QStringLiteral("--rows '%1' is not a whole number from 1 to 100000000").arg(parser.value(QStringLiteral("rows"))));
            return 2;
        }
        if (dsn.isEmpty()) {
            printError(QStringLiteral("bench simulate --predict needs a PostgreSQL server: --dsn DSN or PASSLANE_TEST_PG"));
            return 2;
        }
        return benchPredict(*catalog, from, to, dsn, rows, parser.value(QStringLiteral("calibration")));
    }
    {
        const Planner probe(catalog->graph, catalog->oob);
        if (catalog->oob.migrations().size() < 10)
            catalog->oob = tenOobMigrations(probe.versions());
    }
    const Planner planner(catalog->graph, catalog->oob);
    const auto plan = planner.plan(from, to);
    if (!plan) {
        printError(plan.error().toString());
        return 2;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    SimulationRequest sim;
    sim.defaultProgress = OobProgressModel{1000000, 500, 3.0};
    QList<double> times;
    int applied = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        auto r = Simulation::run(*catalog, *plan, sim);
        times.append(double(t.nsecsElapsed()) / 1e6);
        if (!r || !r->completed) {
            printError(QStringLiteral("simulation failed: %1").arg(r ? r->failure : r.error().toString()));
            return 1;
        }
        applied = r->totals.migrationsApplied;
    }
    const double cold = times.first(); // includes loading the SQLite driver and linting every file once
    std::sort(times.begin(), times.end());
    const double median = times.at(times.size() / 2);
    if (json)
        std::printf("{\"sqlite\": {\"migrations\": %d, \"oob\": %lld, \"medianMs\": %.2f, \"bestMs\": %.2f, \"coldMs\": %.2f, \"target\": 50}}\n",
                    applied, static_cast<long long>(catalog->oob.migrations().size()), median, times.first(), cold);
    else
        std::printf("sqlite: %s -> %s, %d migrations, %lld OOB migrations, %zu stops: median %.1f ms, best %.1f ms, "
                    "first (cold) %.1f ms over %d runs (target < 50 ms) %s\n",
                    qUtf8Printable(from.toString()), qUtf8Printable(to.toString()), applied,
                    static_cast<long long>(catalog->oob.migrations().size()), static_cast<size_t>(plan->steps.size()), median,
                    times.first(), cold, runs, median < 50 ? "OK" : "SLOW");
    int rc = median < 50 ? 0 : 1;
    if (dsn.isEmpty()) {
        std::printf("postgres: skipped (no --dsn and PASSLANE_TEST_PG is unset)\n");
        return rc;
    }
    return std::max(rc, benchPostgres(*catalog, *plan, dsn, json));
}

} // namespace passlane::cli
