// passlane-cli bench calibrate [--dsn DSN] [--rows N] [--repeat N] [--out FILE]
// Measures what each statement class costs on this PostgreSQL server: on a scratch database it
// creates (and drops after), each class's statements run on a freshly filled table at three sizes
// (empty, N/10 and N rows, best of --repeat each): the empty table gives the fixed part, the two
// filled ones the milliseconds per thousand rows (least squares through the fixed part); a trivial
// migration applied by the product's executor gives the per-migration part. Prints the figures and saves a Calibration (measured) to
// --out or Calibration::defaultPath(), which the time estimates then rest on.
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include "estimate/calibration.h"
#include "simulator/pgconnection.h"
#include "simulator/postgresexecutor.h"
#include "simulator/scratchdatabase.h"

#include <QElapsedTimer>
#include <QSysInfo>

#include <algorithm>
#include <cstdio>

namespace passlane::cli {

namespace {

/// The statement that stands for a class, on table `cal` (see createTable()).
struct ClassStatement {
    StatementClass statementClass;
    const char *sql;
    bool inTransaction; ///< as the migrator runs it: in one transaction, or alone (CONCURRENTLY)
};

// Catalog-only work differs by statement (a new table creates files, a dropped one unlinks them,
// most change catalog rows only): the class's cost is the mean of the class's common statements,
// those that create or remove files and those that only write catalog rows (a default, row-level
// security, a policy: PostgreSQL applies policies when rows are read or written, never to the rows
// already there).
const ClassStatement kStatements[] = {
    {StatementClass::MetadataOnly, "ALTER TABLE cal ADD COLUMN extra text", true},
    {StatementClass::MetadataOnly, "ALTER TABLE cal ALTER COLUMN n SET DEFAULT 0", true},
    {StatementClass::MetadataOnly, "ALTER TABLE cal ENABLE ROW LEVEL SECURITY", true},
    {StatementClass::MetadataOnly, "CREATE POLICY cal_policy ON cal USING (n >= 0)", true},
    {StatementClass::MetadataOnly, "CREATE TABLE cal_side (id bigserial PRIMARY KEY, cal_id bigint REFERENCES cal (id), "
                                   "v text NOT NULL, at timestamptz DEFAULT now())", true},
    {StatementClass::MetadataOnly, "DROP TABLE cal_old", true},
    {StatementClass::TableRewrite, "ALTER TABLE cal ALTER COLUMN n TYPE bigint", true},
    {StatementClass::FullScanUnderLock, "ALTER TABLE cal ADD CONSTRAINT cal_n_positive CHECK (n >= 0)", true},
    {StatementClass::IndexBuild, "CREATE INDEX cal_label ON cal (label)", true},
    {StatementClass::ConcurrentIndexBuild, "CREATE INDEX CONCURRENTLY cal_label_c ON cal (label)", false},
    {StatementClass::Backfill, "UPDATE cal SET n = n + 1", true},
};

/// A table shaped like the product's: a bigint key, an integer, a text label, a timestamp and a
/// JSON payload, with a primary key and one secondary index; vacuumed and analysed like a table
/// that has settled in production.
Status createTable(PgSession &s, qint64 rows)
{
    const QStringList sql{
        QStringLiteral("DROP TABLE IF EXISTS cal_side, cal_old, cal"),
        QStringLiteral("CREATE TABLE cal_old (id bigserial PRIMARY KEY, v text NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE cal (id bigint PRIMARY KEY, n integer NOT NULL, label text NOT NULL, "
                       "created_at timestamptz NOT NULL, payload jsonb) WITH (autovacuum_enabled = false)"),
        QStringLiteral("INSERT INTO cal SELECT g, g % 1000, md5(g::text) || ' label', now() - g * interval '1 second', "
                       "jsonb_build_object('k', g) FROM generate_series(1, %1) g").arg(rows),
        QStringLiteral("CREATE INDEX cal_created_at ON cal (created_at)"),
        QStringLiteral("VACUUM ANALYZE cal"),
        QStringLiteral("CHECKPOINT"),
    };
    for (const QString &statement : sql) {
        const PgExecResult r = s.execRaw(statement.toUtf8());
        if (!r.ok && !(statement == u"CHECKPOINT")) // CHECKPOINT needs pg_checkpoint or a superuser
            return Status(Error{s.info().display(), QStringLiteral("%1: %2").arg(statement.left(40), r.message)});
    }
    return success();
}

/// Milliseconds the class's statement takes on a fresh table of `rows` rows, best of `repeat`.
Result<double> measure(PgSession &s, const ClassStatement &st, qint64 rows, int repeat)
{
    double best = -1;
    for (int i = 0; i < repeat; ++i) {
        if (const Status made = createTable(s, rows); !made)
            return made.error();
        const QByteArray sql = st.inTransaction ? "BEGIN;\n" + QByteArray(st.sql) + ";\nCOMMIT;" : QByteArray(st.sql);
        QElapsedTimer t;
        t.start();
        const PgExecResult r = s.execRaw(sql);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!r.ok)
            return Error{s.info().display(), QStringLiteral("%1: %2").arg(QString::fromLatin1(st.sql), r.message)};
        best = best < 0 ? ms : std::min(best, ms);
    }
    s.execRaw("DROP TABLE IF EXISTS cal_side, cal_old, cal");
    return best;
}

/// What the migrator adds around one migration on this server: the product's own executor
/// applies a migration whose only statement does no work (its migration_logs row written and
/// updated, the transaction begun and committed), `runs` times; the median, since the figure is
/// the same for every migration and one slow commit must not set it.
Result<double> measurePerMigration(PgSession &s, int runs)
{
    PostgresExecutor executor(s);
    if (const Status made = executor.createBookkeeping(); !made)
        return made.error();
    Migration trivial;
    trivial.name = QStringLiteral("calibrate per-migration work");
    trivial.upQuery = "SELECT 1;";
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        trivial.id = 1000 + i;
        QElapsedTimer t;
        t.start();
        const MigrationOutcome out = executor.execute(QStringLiteral("calibrate"), trivial, true, false, false, false);
        if (out.status != MigrationOutcome::Status::Applied)
            return Error{s.info().display(), QStringLiteral("a trivial migration did not apply: %1").arg(out.error)};
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    s.execRaw("DROP TABLE IF EXISTS migration_logs");
    return ms.at(ms.size() / 2);
}

} // namespace

int benchCalibrate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the cost of each statement class on a PostgreSQL server."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dsn"), QStringLiteral("PostgreSQL server (default: PASSLANE_TEST_PG)."), QStringLiteral("DSN")});
    parser.addOption({QStringLiteral("rows"), QStringLiteral("Rows of the larger table (default 200000)."), QStringLiteral("N"),
                      QStringLiteral("200000")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Runs per class and size, the best kept (default 2)."),
                      QStringLiteral("N"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Where to save (default: this machine's calibration file)."),
                      QStringLiteral("FILE")});
    if (!parseArgs(parser, args))
        return 2;
    const QString dsn = parser.isSet(QStringLiteral("dsn")) ? parser.value(QStringLiteral("dsn")) : qEnvironmentVariable("PASSLANE_TEST_PG");
    if (dsn.isEmpty()) {
        printError(QStringLiteral("bench calibrate needs a PostgreSQL server: --dsn DSN or PASSLANE_TEST_PG"));
        return 2;
    }
    bool ok = false;
    const qint64 rows = parser.value(QStringLiteral("rows")).toLongLong(&ok);
    if (!ok || rows < 1000 || rows > 100000000) {
        printError(QStringLiteral("--rows '%1' is not a whole number from 1000 to 100000000").arg(parser.value(QStringLiteral("rows"))));
        return 2;
    }
    const int repeat = std::clamp(parser.value(QStringLiteral("repeat")).toInt(), 1, 20);
    const QString out = parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out")) : Calibration::defaultPath();
    auto server = PgConnectionInfo::parse(dsn);
    if (!server) {
        printError(server.error().toString());
        return 2;
    }
    auto check = checkServer(server.value());
    if (!check) {
        printError(check.error().toString());
        return 2;
    }
    // Never an existing database: one of the tool's own, dropped when this function returns.
    auto scratch = ScratchDatabase::create(server.value(), QStringLiteral("calibrate"));
    if (!scratch) {
        printError(scratch.error().toString());
        return 2;
    }
    auto session = PgSession::open(scratch.value()->info());
    if (!session) {
        printError(session.error().toString());
        return 2;
    }
    const qint64 small = std::max<qint64>(1000, rows / 10);
    Calibration calibration;
    calibration.measured = true;
    calibration.machine = QSysInfo::machineHostName();
    calibration.server = QStringLiteral("PostgreSQL %1").arg(check->serverVersion.section(u' ', 0, 0));
    calibration.measuredAt = QDateTime::currentDateTimeUtc();
    calibration.rowsPerTable = rows;
    std::printf("calibrating %s on %s (%s), tables of 0, %lld and %lld rows, best of %d:\n",
                qUtf8Printable(calibration.server), qUtf8Printable(calibration.machine), qUtf8Printable(scratch.value()->name()),
                static_cast<long long>(small), static_cast<long long>(rows), repeat);
    std::printf("%-24s %10s %12s %10s %12s %12s  %s\n", "class", "fixed ms", "ms/1k rows", "ms empty", "ms at small",
                "ms at large", "statement");
    QElapsedTimer total;
    total.start();
    QMap<StatementClass, QList<ClassCost>> measured;
    for (const ClassStatement &st : kStatements) {
        auto empty = measure(*session.value(), st, 0, repeat);
        auto a = empty ? measure(*session.value(), st, small, repeat) : empty;
        auto b = a ? measure(*session.value(), st, rows, repeat) : a;
        if (!b) {
            printError(QStringLiteral("bench calibrate: %1").arg(b.error().toString()));
            return 1;
        }
        // Fixed: the empty table. Per row: least squares of what the rows add, through the origin.
        const double fixed = *empty;
        const double ka = double(small) / 1000.0, kb = double(rows) / 1000.0;
        const double perThousand = std::max(0.0, (ka * (*a - fixed) + kb * (*b - fixed)) / (ka * ka + kb * kb));
        measured[st.statementClass].append(ClassCost{fixed, perThousand});
        std::printf("%-24s %10.1f %12.3f %10.1f %12.1f %12.1f  %s\n", qUtf8Printable(statementClassName(st.statementClass)),
                    fixed, perThousand, *empty, *a, *b, QByteArray(st.sql).left(48).constData());
    }
    auto perMigration = measurePerMigration(*session.value(), 20 * repeat);
    if (!perMigration) {
        printError(QStringLiteral("bench calibrate: %1").arg(perMigration.error().toString()));
        return 1;
    }
    calibration.perMigrationMs = *perMigration;
    std::printf("per migration (the migrator's bookkeeping around a trivial statement, median of %d): %.1f ms\n",
                20 * repeat, *perMigration);
    std::printf("per class (mean of its statements):\n");
    for (auto it = measured.cbegin(); it != measured.cend(); ++it) {
        ClassCost mean;
        for (const ClassCost &c : it.value()) {
            mean.fixedMs += c.fixedMs / double(it.value().size());
            mean.msPerThousandRows += c.msPerThousandRows / double(it.value().size());
        }
        calibration.costs.insert(it.key(), mean);
        std::printf("%-24s %10.1f %12.3f\n", qUtf8Printable(statementClassName(it.key())), mean.fixedMs, mean.msPerThousandRows);
    }
    session.value().reset();
    const Status dropped = scratch.value()->drop();
    if (!dropped)
        printError(dropped.error().toString());
    const Status saved = calibration.save(out);
    if (!saved) {
        printError(saved.error().toString());
        return 2;
    }
    std::printf("measured in %.1f s; %s\nsaved %s\n", double(total.elapsed()) / 1000.0,
                qUtf8Printable(calibration.describe()), qUtf8Printable(out));
    return 0;
}

} // namespace passlane::cli
