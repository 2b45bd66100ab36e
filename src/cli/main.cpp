// passlane-cli: the headless front end. Each subcommand lives in cmd_<name>.cpp.
#include "commands.h"
#include "cliio.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

struct Command {
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

const Command commands[] = {
    {"releases", passlane::cli::runReleases, "list releases with per-schema counts, roots and leaves"},
    {"validate", passlane::cli::runValidate, "static checks: findings with severity and file"},
    {"stitch", passlane::cli::runStitch, "the stitched graph (stitched-migration-graph.json shape)"},
    {"plan", passlane::cli::runPlan, "plan an upgrade or downgrade: stops, steps, report"},
    {"windows", passlane::cli::runWindows, "OOB deprecation window analysis for release engineers"},
    {"simulate", passlane::cli::runSimulate, "rehearse a plan on SQLite (default) or PostgreSQL"},
    {"bench", passlane::cli::runBench, "benchmarks: bench load|plan|simulate ..."},
};

void printUsage(FILE *out)
{
    std::fprintf(out, "usage: passlane-cli COMMAND [OPTIONS] [SOURCE...]\n\n"
                      "With no SOURCE, commands use the bundled sample.\n\ncommands:\n");
    for (const auto &c : commands)
        std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(out, "\nRun 'passlane-cli COMMAND --help' for a command's options.\n");
}

/// --format pdf lays the report out with real fonts, which takes a QGuiApplication; every other
/// command stays a plain QCoreApplication.
bool asksForPdf(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--format=pdf") == 0)
            return true;
        if (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0)
            return true;
    }
    return false;
}

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    if (!asksForPdf(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    // Headless: no display is needed, and fonts still come from fontconfig.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a session (cron, CI, root over ssh) Qt warns about a missing runtime folder on
    // every run; a private one for this process keeps stderr for what matters.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        static QTemporaryDir runtime;
        if (runtime.isValid())
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
    }
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char **argv)
{
    const auto app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("passlane-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASSLANE_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        printUsage(args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == u"--version") {
        std::printf("passlane-cli %s\n", PASSLANE_VERSION);
        return 0;
    }
    const QString name = args.takeFirst();
    for (const auto &c : commands)
        if (name == QLatin1String(c.name))
            return c.run(args);
    passlane::cli::printError(QStringLiteral("unknown command '%1' (try --help)").arg(name));
    return 2;
}
