// Shared option handling for the commands that read sources (releases, validate, stitch, ...).
#include "cliargs.h"

#include "bundledsample.h"
#include "cliio.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace passlane::cli {

void addSourceOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addOption({QStringLiteral("project"), QStringLiteral("Read sources and settings from a *.passlane project."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("oob"), QStringLiteral("An oobmigrations.yaml registry (repeatable)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable JSON output.")});
    parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                 QStringLiteral("Archives, release folders or folders of them (default: the bundled sample)."),
                                 QStringLiteral("[SOURCE...]"));
}

bool parseArgs(QCommandLineParser &parser, const QStringList &args)
{
    if (!parser.parse(QStringList{QStringLiteral("passlane-cli")} + args)) {
        printError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        const QString help = parser.helpText();
        std::fputs(qUtf8Printable(help), stdout);
        std::fflush(stdout);
        std::exit(0); // --help is never bad usage
    }
    return true;
}

void addReportOptions(QCommandLineParser &parser, const QString &defaultFormat)
{
    parser.addOption({QStringLiteral("format"), QStringLiteral("json, markdown, html or pdf (default %1). pdf needs --out FILE or a redirected stdout.").arg(defaultFormat),
                      QStringLiteral("FORMAT"), defaultFormat});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write the report to FILE instead of stdout."), QStringLiteral("FILE")});
}

std::optional<ReportFormat> reportFormatOption(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("json")))
        return ReportFormat::Json;
    const QString name = parser.value(QStringLiteral("format"));
    const auto format = reportFormatFromName(name);
    if (!format)
        printError(QStringLiteral("--format: '%1' is not one of json, markdown, html, pdf").arg(name));
    return format;
}

std::optional<Project> projectFromParser(const QCommandLineParser &parser)
{
    Project project;
    const QString projectFile = parser.value(QStringLiteral("project"));
    if (!projectFile.isEmpty()) {
        auto loaded = Project::load(projectFile);
        if (!loaded) {
            printError(loaded.error().toString());
            return std::nullopt;
        }
        project = std::move(loaded).value();
    }
    project.sources.append(parser.positionalArguments());
    project.oobFiles.append(parser.values(QStringLiteral("oob")));
    if (project.sources.isEmpty() && projectFile.isEmpty()) {
        project.sources.append(bundledSamplePath());
        if (project.oobFiles.isEmpty() && QFile::exists(bundledSampleOobPath()))
            project.oobFiles.append(bundledSampleOobPath());
    }
    if (project.sources.isEmpty()) {
        printError(projectFile + QStringLiteral(": the project names no sources"));
        return std::nullopt;
    }
    return project;
}

std::optional<LoadRequest> loadRequestFromParser(const QCommandLineParser &parser)
{
    const auto project = projectFromParser(parser);
    if (!project)
        return std::nullopt;
    return LoadRequest::fromProject(*project);
}

std::optional<Catalog> loadCatalogOrReport(const LoadRequest &request)
{
    auto catalog = loadCatalog(request);
    if (!catalog) {
        printError(catalog.error().toString());
        return std::nullopt;
    }
    return std::move(catalog).value();
}

std::optional<Catalog> loadCatalogFromParser(const QCommandLineParser &parser)
{
    const auto request = loadRequestFromParser(parser);
    if (!request)
        return std::nullopt;
    return loadCatalogOrReport(*request);
}

} // namespace passlane::cli
