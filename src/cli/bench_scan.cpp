// passlane-cli bench scan: how the SQL scans of a load grow with the size of one up.sql. Each
// input is generated at doubling sizes and loaded like `validate` does (static checks, OOB
// registrations in SQL, stitching); a linear scan takes twice the time for twice the bytes, so
// the time ratio between neighbouring sizes is printed beside the size ratio. Not a test: it prints.
#include "cliio.h"
#include "commands.h"

#include "catalog/catalog.h"
#include "oob/oobsql.h"
#include "releases/staticchecks.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace passlane::cli {

namespace {

constexpr int runs = 3;              // best of three: the machine is shared
constexpr double targetMsAt10Mb = 1000.0;

struct Input {
    const char *name;
    QByteArray unit; ///< repeated up to the size
};

/// Best wall time of `runs` calls, in milliseconds.
double bestMs(const std::function<void()> &work)
{
    double best = -1;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        best = best < 0 ? ms : qMin(best, ms);
    }
    return best;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

int benchScan(const QStringList &args)
{
    if (args.contains(QStringLiteral("--help"))) {
        std::printf("usage: passlane-cli bench scan\n"
                    "Loads generated releases whose one up.sql is 1.25, 2.5, 5 and 10 MB of the same\n"
                    "SQL and prints ms per MB and the time ratio between sizes (linear: about 2.0).\n"
                    "Target: validate of the 10 MB file of repeated 'INSERT INTO out_of_band_migrations ('\n"
                    "well under %.0f ms.\n",
                    targetMsAt10Mb);
        return 0;
    }
    const QList<Input> inputs = {
        // The shape that once took quadratic time: registrations that never close.
        {"open OOB registrations", QByteArrayLiteral("INSERT INTO out_of_band_migrations (")},
        // Ordinary migration SQL: strings, comments, dollar quotes, a DO block, a registration.
        {"mixed migration SQL",
         QByteArrayLiteral("CREATE TABLE IF NOT EXISTS t (id int, note text DEFAULT 'it''s -- fine');\n"
                           "/* a /* nested */ comment */ CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (id);\n"
                           "CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $fn$ BEGIN RETURN NEW; END $fn$ LANGUAGE plpgsql;\n"
                           "DO $$ BEGIN PERFORM 1; END $$;\n"
                           "INSERT INTO out_of_band_migrations (id, team, component, description, introduced) "
                           "VALUES (1, 't', 'c', E'd\\'s', '6.0.0') ON CONFLICT DO NOTHING;\n")},
    };
    const QList<qint64> sizes = {1280 * 1024, 2560 * 1024, 5120 * 1024, 10240 * 1024};

    QTemporaryDir dir;
    if (!dir.isValid()) {
        printError(QStringLiteral("cannot create a temporary folder: %1").arg(dir.errorString()));
        return 2;
    }
    bool met = true;
    std::printf("bench scan: one up.sql per release, best of %d\n", runs);
    for (const Input &input : inputs) {
        std::printf("  %s:\n", input.name);
        std::printf("    %8s %12s %9s %12s %12s %10s\n", "MB", "validate ms", "ms/MB", "checks ms", "oob ms", "ratio");
        double previousMs = -1;
        for (qsizetype s = 0; s < sizes.size(); ++s) {
            QByteArray sql;
            sql.reserve(sizes[s] + input.unit.size());
            while (sql.size() < sizes[s])
                sql.append(input.unit);
            const QString release = dir.filePath(QStringLiteral("%1-%2/v6.0.0").arg(&input - inputs.data()).arg(s));
            const QString folder = release + QStringLiteral("/migrations/frontend/1_big");
            if (!QDir().mkpath(folder) || !writeFile(folder + QStringLiteral("/up.sql"), sql)
                || !writeFile(folder + QStringLiteral("/down.sql"), "DROP TABLE t;")
                || !writeFile(folder + QStringLiteral("/metadata.yaml"), "name: big\nparents: []\n")) {
                printError(QStringLiteral("cannot write %1").arg(folder));
                return 2;
            }
            LoadRequest request;
            request.sources = {release};
            bool ok = true;
            const double validateMs = bestMs([&] { ok = ok && loadCatalog(request).ok(); });
            if (!ok) {
                printError(QStringLiteral("loading %1 failed").arg(release));
                return 2;
            }
            const double checksMs = bestMs([&] { StaticChecks::scan(sql); });
            const double oobMs = bestMs([&] { parseOobSql(sql); });
            const double mb = double(sql.size()) / (1024.0 * 1024.0);
            QByteArray ratio("-");
            if (previousMs > 0)
                ratio = QByteArray::number(validateMs / previousMs, 'f', 2) + " (size x2)";
            std::printf("    %8.2f %12.1f %9.1f %12.1f %12.1f %10s\n", mb, validateMs, validateMs / mb, checksMs, oobMs,
                        ratio.constData());
            previousMs = validateMs;
            if (s == sizes.size() - 1 && input.unit.startsWith("INSERT INTO out_of_band_migrations (")) {
                std::printf("    10 MB of open registrations: %.1f ms (target < %.0f ms): %s\n", validateMs, targetMsAt10Mb,
                            validateMs < targetMsAt10Mb ? "met" : "NOT met");
                met = met && validateMs < targetMsAt10Mb;
            }
        }
    }
    std::printf("  targets %s\n", met ? "met" : "NOT met");
    return 0;
}

} // namespace passlane::cli
