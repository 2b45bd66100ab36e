// passlane-cli windows SOURCE... --oob FILE [--customers CSV] [--propose ID=MAJOR.MINOR ...] [--to VERSION]
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include "plan/windowanalysis.h"
#include "report/windowreport.h"

#include <QFile>

#include <cstdio>

namespace passlane::cli {

int runWindows(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "OOB deprecation window analysis: for each source version, the stops to the target before and after "
        "the proposals, the paths that become impossible, the instances affected, and the earliest deprecation "
        "that adds no stop."));
    addSourceOptions(parser);
    parser.addOption({QStringLiteral("customers"), QStringLiteral("version,instances CSV: the source versions and their weights."),
                      QStringLiteral("CSV")});
    parser.addOption({QStringLiteral("propose"), QStringLiteral("Move a deprecation: ID=MAJOR.MINOR (or ID=none). Repeatable."),
                      QStringLiteral("ID=VERSION")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Target release (default: the latest loaded)."), QStringLiteral("VERSION")});
    addReportOptions(parser);
    if (!parseArgs(parser, args))
        return 2;
    const auto format = reportFormatOption(parser);
    if (!format)
        return 2;
    QList<WindowProposal> proposals;
    for (const QString &text : parser.values(QStringLiteral("propose"))) {
        const auto p = WindowAnalysis::parseProposal(text);
        if (!p) {
            printError(QStringLiteral("--propose: '%1' is not ID=MAJOR.MINOR").arg(text));
            return 2;
        }
        proposals.append(*p);
    }
    QList<SourceWeight> sources;
    if (parser.isSet(QStringLiteral("customers"))) {
        const QString path = parser.value(QStringLiteral("customers"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(path + QStringLiteral(": ") + file.errorString());
            return 2;
        }
        auto parsed = WindowAnalysis::parseCustomersCsv(file.readAll(), path);
        if (!parsed) {
            printError(parsed.error().toString());
            return 2;
        }
        sources = parsed.value();
    }
    std::optional<Version> target;
    if (parser.isSet(QStringLiteral("to"))) {
        target = Version::parse(parser.value(QStringLiteral("to")));
        if (!target) {
            printError(QStringLiteral("--to: '%1' is not a version").arg(parser.value(QStringLiteral("to"))));
            return 2;
        }
    }
    const auto catalog = loadCatalogFromParser(parser);
    if (!catalog)
        return 2;
    const WindowAnalysis analysis(VersionIndex(catalog->graph.versions()));
    if (target && !analysis.versions().contains(*target)) {
        printError(QStringLiteral("--to: %1 is not among the loaded releases").arg(target->toString()));
        return 2;
    }
    const WindowReport report = analysis.analyze(catalog->oob, proposals, sources, target);
    ReportWriter writer;
    addWindowReport(writer, report, catalog->oob);
    if (!writeOutput(writer.render(*format), parser.value(QStringLiteral("out"))))
        return 2;
    return report.impossibleInstances > 0 ? 1 : 0;
}

} // namespace passlane::cli
