#pragma once

#include "catalog/catalog.h"
#include "report/reportwriter.h"

#include <QCommandLineParser>

#include <optional>

namespace passlane::cli {

/// Adds the options every command that reads sources shares: --project FILE, --oob FILE
/// (repeatable), --json, --help. SOURCE... are positional arguments.
void addSourceOptions(QCommandLineParser &parser);

/// Parses `args` (without program and subcommand); on bad usage prints one line and returns false.
bool parseArgs(QCommandLineParser &parser, const QStringList &args);

/// The project the parsed options describe: the --project file (sources, registries, proposals,
/// customers...) plus positional sources and --oob files. With no sources and no project: the
/// bundled sample (and its registry). On failure prints one line naming the file and returns nullopt.
std::optional<Project> projectFromParser(const QCommandLineParser &parser);
/// LoadRequest::fromProject(projectFromParser()).
std::optional<LoadRequest> loadRequestFromParser(const QCommandLineParser &parser);

/// Adds --format FORMAT (json, markdown, html or pdf; `defaultFormat` when absent) and --out FILE.
void addReportOptions(QCommandLineParser &parser, const QString &defaultFormat = QStringLiteral("markdown"));
/// The report format chosen by --format (or --json); prints the problem and returns nullopt.
std::optional<ReportFormat> reportFormatOption(const QCommandLineParser &parser);

/// loadRequestFromParser() then loadCatalogOrReport(): what most commands start with.
std::optional<Catalog> loadCatalogFromParser(const QCommandLineParser &parser);

/// loadCatalog(), printing "passlane-cli: <file>: <problem>" on failure.
std::optional<Catalog> loadCatalogOrReport(const LoadRequest &request);

} // namespace passlane::cli
