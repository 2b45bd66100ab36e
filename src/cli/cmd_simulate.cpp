// passlane-cli simulate SOURCE... --from A --to B [--state FILE | --inspect DSN... | --customer NAME]
//   [--backend sqlite|postgres] [--dsn DSN] [--database NAME --i-own-this-database]
//   [--inject-failure [SCHEMA:]ID | oob:ID] [--compare-schema] [--round-trip] [--format json|markdown|html|pdf] [--out FILE]
#include "cliargs.h"
#include "cliio.h"
#include "cliscenario.h"
#include "commands.h"

#include "scenario/scenarioreport.h"
#include "simulator/signalcancel.h"

#include <cmath>
#include <limits>

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
    opt("backend", "sqlite (default: bookkeeping only, simulated time) or postgres (real SQL).", "BACKEND", "sqlite");
    opt("dsn", "PostgreSQL server for --backend postgres (libpq conninfo or postgresql:// URI).", "DSN");
    opt("database", "Run on this existing database instead of a scratch one (needs --i-own-this-database).", "NAME");
    opt("i-own-this-database", "Confirm that --database may be written to.");
    opt("superuser", "Run migrations as the connected role, which must be a superuser, privileged ones included. "
                     "Default: a throwaway role without superuser rights runs them and privileged migrations "
                     "become manual steps.");
    opt("allow-outside-database", "Execute migrations whose static checks found statements that reach outside the "
                                  "database (COPY ... PROGRAM, server files, DROP DATABASE, ALTER SYSTEM, untrusted "
                                  "languages) instead of refusing the run.");
    opt("keep-database", "Keep the scratch databases after a successful run.");
    opt("schema", "Only this schema (repeatable; default: all of the target).", "SCHEMA");
    opt("inject-failure", "Make a migration fail: ID, SCHEMA:ID, or oob:ID (repeatable).", "ID");
    opt("compare-schema", "postgres: compare the result with a fresh install of the target and its squashed.sql.");
    opt("round-trip", "postgres: then run every down.sql in reverse and compare with the start.");
    opt("oob-progress", "Progress (0..1) of OOB migrations at a release start.", "P", "0");
    opt("rows", "OOB rows to migrate per migration (default model; 0 = empty tables).", "N");
    opt("batch", "OOB batch size (rows per batch, at least 1).", "N");
    opt("interval", "Seconds between OOB batches (more than 0).", "S");
    opt("rows-for", "Rows for one OOB migration: ID=N (repeatable).", "ID=N");
    opt("migration-time", "Simulated milliseconds for every schema migration (sqlite; default: each one's estimate).", "MS", "1000");
    opt("no-lint", "Skip the lint of the plan's migrations.");
}

/// A whole number option within [min, max]; prints the problem otherwise.
bool integerOption(const QCommandLineParser &p, const QString &name, qint64 min, qint64 max, qint64 *out)
{
    if (!p.isSet(name) && p.value(name).isEmpty()) // neither given nor defaulted
        return true;
    bool ok = false;
    const qint64 v = p.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        printError(QStringLiteral("--%1: '%2' is not a whole number from %3 to %4").arg(name, p.value(name)).arg(min).arg(max));
        return false;
    }
    *out = v;
    return true;
}

/// A finite number option within [min, max] (`minExclusive`: strictly above min).
bool numberOption(const QCommandLineParser &p, const QString &name, double min, double max, bool minExclusive, double *out)
{
    if (!p.isSet(name) && p.value(name).isEmpty()) // neither given nor defaulted
        return true;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || (minExclusive && v == min) || v > max) {
        printError(QStringLiteral("--%1: '%2' is not a number %3 %4 and at most %5")
                       .arg(name, p.value(name), minExclusive ? QStringLiteral("above") : QStringLiteral("from"))
                       .arg(min).arg(max));
        return false;
    }
    *out = v;
    return true;
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

/// The run's settings from the options; the progress model goes into the scenario's project.
std::optional<SimulationRequest> requestFromParser(const QCommandLineParser &parser, Scenario &scenario)
{
    SimulationRequest request;
    const auto backend = backendFromName(parser.value(QStringLiteral("backend")));
    if (!backend) {
        printError(QStringLiteral("--backend: '%1' is not sqlite or postgres").arg(parser.value(QStringLiteral("backend"))));
        return std::nullopt;
    }
    request.backend = *backend;
    request.dsn = parser.value(QStringLiteral("dsn"));
    request.database = parser.value(QStringLiteral("database"));
    request.iOwnThisDatabase = parser.isSet(QStringLiteral("i-own-this-database"));
    request.superuser = parser.isSet(QStringLiteral("superuser"));
    request.allowOutsideDatabase = parser.isSet(QStringLiteral("allow-outside-database"));
    request.keepDatabase = parser.isSet(QStringLiteral("keep-database"));
    request.compareSchema = parser.isSet(QStringLiteral("compare-schema"));
    request.roundTrip = parser.isSet(QStringLiteral("round-trip"));
    request.schemas = parser.values(QStringLiteral("schema"));
    request.lint = !parser.isSet(QStringLiteral("no-lint"));
    constexpr qint64 big = std::numeric_limits<qint64>::max() / 4;
    OobProgressModel &model = scenario.project.defaultProgress;
    if (!numberOption(parser, QStringLiteral("oob-progress"), 0, 1, false, &request.startOobProgress)
        || !integerOption(parser, QStringLiteral("migration-time"), 0, 7LL * 24 * 3600 * 1000, &request.schemaMigrationMs)
        || !integerOption(parser, QStringLiteral("rows"), 0, big, &model.rows)
        || !integerOption(parser, QStringLiteral("batch"), 1, big, &model.batchSize)
        || !numberOption(parser, QStringLiteral("interval"), 0, 365.0 * 24 * 3600, true, &model.intervalSeconds))
        return std::nullopt;
    request.flatMigrationTime = parser.isSet(QStringLiteral("migration-time")); // else the time model's estimates
    for (const QString &v : parser.values(QStringLiteral("rows-for"))) {
        bool idOk = false, rowsOk = false;
        const int id = v.section(u'=', 0, 0).toInt(&idOk);
        const qint64 rows = v.section(u'=', 1).toLongLong(&rowsOk);
        if (!v.contains(u'=') || !idOk || !rowsOk || id <= 0 || rows < 0) {
            printError(QStringLiteral("--rows-for: '%1' is not ID=ROWS").arg(v));
            return std::nullopt;
        }
        scenario.oobRows.insert(id, rows);
    }
    if (request.backend == SimulationBackend::Postgres && request.dsn.isEmpty()) {
        printError(QStringLiteral("--backend postgres needs --dsn (e.g. 'host=/tmp port=5432 user=me dbname=postgres')"));
        return std::nullopt;
    }
    if (!request.database.isEmpty() && !request.iOwnThisDatabase) {
        printError(QStringLiteral("--database %1 would write to an existing database: add --i-own-this-database to confirm")
                       .arg(request.database));
        return std::nullopt;
    }
    if (!parseFailures(parser.values(QStringLiteral("inject-failure")), &request.failures))
        return std::nullopt;
    return request;
}

} // namespace

int runSimulate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Rehearses an upgrade plan: SQLite bookkeeping in simulated time "
                                                    "(default) or the real SQL on a PostgreSQL scratch database."));
    auto command = parseScenarioCommand(parser, args, addSimulateOptions);
    if (!command)
        return 2;
    Scenario &scenario = command->scenario;
    const auto request = requestFromParser(parser, scenario);
    if (!request)
        return 2;
    if (!scenario.to || (!scenario.from && scenario.start.kind == ScenarioStart::Kind::Release)) {
        printError(QStringLiteral("--from VERSION (or a start that names its version) and --to VERSION are required"));
        return 2;
    }
    scenario.simulation = *request;
    const auto catalog = loadScenarioCatalog(scenario);
    if (!catalog)
        return 2;
    // Ctrl-C or SIGTERM during the run cancels it: the migration in progress rolls back and the
    // scratch databases are dropped before the process exits.
    SignalCancel signals;
    Progress progress;
    progress.canceled = signals.canceledFunction();
    const auto evaluation = evaluateOrReport(scenario, catalog, progress);
    if (signals.requested()) {
        if (evaluation && evaluation->simulation) {
            const SimulationResult &r = *evaluation->simulation;
            printError(r.failure.isEmpty() ? QStringLiteral("interrupted") : r.failure);
            if (!r.operatorAdvice.isEmpty())
                printError(r.operatorAdvice);
        }
        return signals.exitCode();
    }
    if (!evaluation)
        return 2;
    if (!writeScenarioReport(*evaluation, ScenarioReportKind::Plan, *command, parser.value(QStringLiteral("out"))))
        return 2;
    const SimulationResult &result = *evaluation->simulation;
    if (!result.completed && !result.databases.isEmpty() && result.databasesKept)
        printError(QStringLiteral("run stopped; databases kept for inspection: %1").arg(result.databases.join(QStringLiteral(", "))));
    return result.completed ? 0 : 1;
}

} // namespace passlane::cli
