// passlane-cli simulate SOURCE... --from A --to B [--state FILE | --inspect DSN...] [--backend sqlite|postgres]
//   [--dsn DSN] [--database NAME --i-own-this-database] [--inject-failure [SCHEMA:]ID | oob:ID]
//   [--compare-schema] [--round-trip] [--format json|markdown|html] [--out FILE]
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include "plan/planner.h"
#include "report/planreport.h"
#include "simulator/customerexport.h"
#include "simulator/liveinspector.h"
#include "simulator/simulation.h"
#include "simulator/simulationreport.h"

#include <QFileInfo>

#include <cstdio>

namespace passlane::cli {

namespace {

void addSimulateOptions(QCommandLineParser &p)
{
    const auto opt = [&](const char *name, const char *help, const char *value = nullptr, const char *def = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
        if (value)
            o.setValueName(QString::fromLatin1(value));
        if (def)
            o.setDefaultValue(QString::fromLatin1(def));
        p.addOption(o);
    };
    opt("from", "Start release (also the start of --state when it names none).", "VERSION");
    opt("to", "Target release.", "VERSION");
    opt("state", "Start from a customer export (JSON or CSV of migration_logs and out_of_band_migrations; "
                 "see docs/simulation.md).", "FILE");
    opt("inspect", "Start from a live instance, read through a read-only session (repeatable: one DSN per "
                   "schema database).", "DSN");
    opt("customer", "Use this customer of the --project file (its version or export, and its row counts).", "NAME");
    opt("backend", "sqlite (default: bookkeeping only, simulated time) or postgres (real SQL).", "BACKEND", "sqlite");
    opt("dsn", "PostgreSQL server for --backend postgres (libpq conninfo or postgresql:// URI).", "DSN");
    opt("database", "Run on this existing database instead of a scratch one (needs --i-own-this-database).", "NAME");
    opt("i-own-this-database", "Confirm that --database may be written to.");
    opt("keep-database", "Keep the scratch databases after a successful run.");
    opt("schema", "Only this schema (repeatable; default: all of the target).", "SCHEMA");
    opt("inject-failure", "Make a migration fail: ID, SCHEMA:ID, or oob:ID (repeatable).", "ID");
    opt("compare-schema", "postgres: compare the result with a fresh install of the target and its squashed.sql.");
    opt("round-trip", "postgres: then run every down.sql in reverse and compare with the start.");
    opt("oob-progress", "Progress (0..1) of OOB migrations at a release start.", "P", "0");
    opt("rows", "OOB rows to migrate per migration (default model; 0 = empty tables).", "N");
    opt("batch", "OOB batch size.", "N");
    opt("interval", "Seconds between OOB batches.", "S");
    opt("rows-for", "Rows for one OOB migration: ID=N (repeatable).", "ID=N");
    opt("migration-time", "Simulated milliseconds per schema migration (sqlite).", "MS", "1000");
    opt("no-lint", "Skip the lint of applied migrations.");
}

std::optional<Version> versionOption(const QCommandLineParser &p, const QString &name)
{
    const QString text = p.value(name);
    if (text.isEmpty())
        return std::nullopt;
    return Version::parse(text);
}

bool parseFailures(const QStringList &values, QList<FailureInjection> *out)
{
    for (const QString &v : values) {
        FailureInjection f;
        bool ok = false;
        if (v.startsWith(QLatin1String("oob:"))) {
            f.oobId = v.mid(4).toInt(&ok);
        } else if (v.contains(u':')) {
            f.schema = v.section(u':', 0, 0);
            f.migrationId = v.section(u':', 1).toLongLong(&ok);
        } else {
            f.migrationId = v.toLongLong(&ok);
        }
        if (!ok) {
            printError(QStringLiteral("--inject-failure: '%1' is not ID, SCHEMA:ID or oob:ID").arg(v));
            return false;
        }
        out->append(f);
    }
    return true;
}

} // namespace

int runSimulate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Rehearses an upgrade plan: SQLite bookkeeping in simulated time "
                                                    "(default) or the real SQL on a PostgreSQL scratch database."));
    addSourceOptions(parser);
    addSimulateOptions(parser);
    addReportOptions(parser);
    if (!parseArgs(parser, args))
        return 2;
    const auto format = reportFormatOption(parser);
    if (!format)
        return 2;
    SimulationRequest request;
    const auto backend = backendFromName(parser.value(QStringLiteral("backend")));
    if (!backend) {
        printError(QStringLiteral("--backend: '%1' is not sqlite or postgres").arg(parser.value(QStringLiteral("backend"))));
        return 2;
    }
    request.backend = *backend;
    request.dsn = parser.value(QStringLiteral("dsn"));
    request.database = parser.value(QStringLiteral("database"));
    request.iOwnThisDatabase = parser.isSet(QStringLiteral("i-own-this-database"));
    request.keepDatabase = parser.isSet(QStringLiteral("keep-database"));
    request.compareSchema = parser.isSet(QStringLiteral("compare-schema"));
    request.roundTrip = parser.isSet(QStringLiteral("round-trip"));
    request.schemas = parser.values(QStringLiteral("schema"));
    request.lint = !parser.isSet(QStringLiteral("no-lint"));
    request.startOobProgress = parser.value(QStringLiteral("oob-progress")).toDouble();
    request.schemaMigrationMs = parser.value(QStringLiteral("migration-time")).toLongLong();
    if (request.backend == SimulationBackend::Postgres && request.dsn.isEmpty()) {
        printError(QStringLiteral("--backend postgres needs --dsn (e.g. 'host=/tmp port=5432 user=me dbname=postgres')"));
        return 2;
    }
    if (!request.database.isEmpty() && !request.iOwnThisDatabase) {
        printError(QStringLiteral("--database %1 would write to an existing database: add --i-own-this-database to confirm")
                       .arg(request.database));
        return 2;
    }
    if (!parseFailures(parser.values(QStringLiteral("inject-failure")), &request.failures))
        return 2;

    const auto load = loadRequestFromParser(parser);
    if (!load)
        return 2;
    // Progress model and customers from the project file, when one is given.
    std::optional<CustomerState> customer;
    QString projectDir;
    if (parser.isSet(QStringLiteral("project"))) {
        const auto project = Project::load(parser.value(QStringLiteral("project")));
        if (!project) {
            printError(project.error().toString());
            return 2;
        }
        projectDir = QFileInfo(parser.value(QStringLiteral("project"))).absolutePath();
        request.defaultProgress = project->defaultProgress;
        request.progressOverrides = project->progressOverrides;
        for (const CustomerState &c : project->customers) {
            if (c.name == parser.value(QStringLiteral("customer")))
                customer = c;
        }
        if (parser.isSet(QStringLiteral("customer")) && !customer) {
            printError(QStringLiteral("--customer: no customer '%1' in the project").arg(parser.value(QStringLiteral("customer"))));
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("rows")))
        request.defaultProgress.rows = parser.value(QStringLiteral("rows")).toLongLong();
    if (parser.isSet(QStringLiteral("batch")))
        request.defaultProgress.batchSize = parser.value(QStringLiteral("batch")).toLongLong();
    if (parser.isSet(QStringLiteral("interval")))
        request.defaultProgress.intervalSeconds = parser.value(QStringLiteral("interval")).toDouble();
    if (customer)
        request.oobRows = customer->oobRows;
    for (const QString &v : parser.values(QStringLiteral("rows-for")))
        request.oobRows.insert(v.section(u'=', 0, 0).toInt(), v.section(u'=', 1).toLongLong());

    // The starting state: an export, a live instance, a customer, or a release.
    QString stateFile = parser.value(QStringLiteral("state"));
    if (stateFile.isEmpty() && customer && !customer->exportFile.isEmpty())
        stateFile = QFileInfo(customer->exportFile).isAbsolute() ? customer->exportFile : projectDir + u'/' + customer->exportFile;
    if (!stateFile.isEmpty()) {
        auto state = CustomerExport::readFile(stateFile);
        if (!state) {
            printError(state.error().toString());
            return 2;
        }
        request.start = state.value();
    } else if (parser.isSet(QStringLiteral("inspect"))) {
        QList<PgConnectionInfo> dbs;
        for (const QString &dsn : parser.values(QStringLiteral("inspect"))) {
            auto info = PgConnectionInfo::parse(dsn);
            if (!info) {
                printError(QStringLiteral("--inspect: %1").arg(info.error().message));
                return 2;
            }
            dbs.append(info.value());
        }
        auto state = LiveInspector::inspect(dbs);
        if (!state) {
            printError(state.error().toString());
            return 2;
        }
        request.start = state.value();
    }
    std::optional<Version> from = versionOption(parser, QStringLiteral("from"));
    if (!from && request.start)
        from = request.start->version;
    if (!from && customer)
        from = customer->version;
    const auto to = versionOption(parser, QStringLiteral("to"));
    if (!from || !to) {
        printError(QStringLiteral("--from VERSION (or a state that names its version) and --to VERSION are required"));
        return 2;
    }

    const auto catalog = loadCatalogOrReport(*load);
    if (!catalog)
        return 2;
    const Planner planner(catalog->graph, catalog->oob);
    PlanOptions options;
    if (request.start)
        options.applied = request.start->appliedBySchema();
    const auto plan = planner.plan(*from, *to, options);
    if (!plan) {
        printError(plan.error().toString());
        return 2;
    }
    auto result = Simulation::run(*catalog, *plan, request);
    if (!result) {
        printError(result.error().toString());
        return 2;
    }
    ReportWriter writer(QStringLiteral("Passlane simulation %1 -> %2").arg(from->toString(), to->toString()));
    addPlanReport(writer, *plan, catalog->oob, planner.versions());
    SimulationReport::addToReport(writer, *result);
    if (!writeOutput(writer.render(*format), parser.value(QStringLiteral("out"))))
        return 2;
    if (!result->completed && !result->databases.isEmpty() && result->databasesKept)
        printError(QStringLiteral("run stopped; databases kept for inspection: %1").arg(result->databases.join(QStringLiteral(", "))));
    return result->completed ? 0 : 1;
}

} // namespace passlane::cli
