// Turns command-line options into a Scenario: the CLI's only way of asking plan, window and
// simulation questions, so that it asks them exactly as the GUI does.
#include "cliscenario.h"

#include "cliargs.h"
#include "cliio.h"

#include "printing/reportprinter.h"

#include <QFileInfo>

#include <unistd.h>

namespace passlane::cli {

namespace {

/// A version option; prints the problem when it is set but not a version.
bool versionOption(const QCommandLineParser &parser, const QString &name, std::optional<Version> *out)
{
    if (!parser.isSet(name))
        return true;
    const QString text = parser.value(name);
    *out = Version::parse(text);
    if (!*out)
        printError(QStringLiteral("--%1: '%2' is not a version (e.g. 6.3.0 or v6.3.0)").arg(name, text));
    return out->has_value();
}

/// Adds or replaces one proposal per OOB id, keeping the project's order.
void mergeProposal(DeprecationProposals &proposals, const DeprecationProposal &p)
{
    for (DeprecationProposal &existing : proposals) {
        if (existing.oobId == p.oobId) {
            existing = p;
            return;
        }
    }
    proposals.append(p);
}

} // namespace

void addScenarioOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("from"), QStringLiteral("Source release (6.3.0 or v6.3.0); default: the version the start names."),
                      QStringLiteral("VERSION")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Target release."), QStringLiteral("VERSION")});
    parser.addOption({QStringLiteral("propose"),
                      QStringLiteral("What-if: deprecate OOB migration ID at MAJOR.MINOR instead (ID=none: never). Repeatable; "
                                     "adds to the project's proposals."),
                      QStringLiteral("ID=VERSION")});
    parser.addOption({QStringLiteral("customers"),
                      QStringLiteral("version,instances CSV: the fleet for the window analysis (default: the project's)."),
                      QStringLiteral("CSV")});
    parser.addOption({QStringLiteral("state"),
                      QStringLiteral("Start from a customer export (JSON or CSV of migration_logs and out_of_band_migrations; "
                                     "see docs/simulation.md)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("inspect"),
                      QStringLiteral("Start from a live instance, read through a read-only session (repeatable: one DSN per "
                                     "schema database)."),
                      QStringLiteral("DSN")});
    parser.addOption({QStringLiteral("title"),
                      QStringLiteral("The report's title (default: the pair, and the customer when one is named)."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("customer"),
                      QStringLiteral("Start from this customer of the --project file (its export or version, and its OOB row counts)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("previous-export"),
                      QStringLiteral("An earlier export of the same instance: OOB progress then and now gives observed rates "
                                     "for the ETAs (docs/time-model.md)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("calibration"),
                      QStringLiteral("Per-class costs measured by `bench calibrate` (default: the project's, else the "
                                     "documented defaults)."),
                      QStringLiteral("FILE")});
}

std::optional<Scenario> scenarioFromParser(const QCommandLineParser &parser)
{
    const auto project = projectFromParser(parser);
    if (!project)
        return std::nullopt;
    Scenario s;
    s.project = *project;
    if (parser.isSet(QStringLiteral("project")))
        s.projectFile = QFileInfo(parser.value(QStringLiteral("project"))).absoluteFilePath();
    if (!versionOption(parser, QStringLiteral("from"), &s.from) || !versionOption(parser, QStringLiteral("to"), &s.to))
        return std::nullopt;
    for (const QString &text : parser.values(QStringLiteral("propose"))) {
        const auto p = DeprecationProposal::parse(text);
        if (!p) {
            printError(QStringLiteral("--propose: '%1' is not ID=MAJOR.MINOR (or ID=none)").arg(text));
            return std::nullopt;
        }
        mergeProposal(s.project.proposals, *p);
    }
    s.title = parser.value(QStringLiteral("title")).trimmed();
    if (parser.isSet(QStringLiteral("customers")))
        s.project.customersCsv = QFileInfo(parser.value(QStringLiteral("customers"))).absoluteFilePath();

    if (parser.isSet(QStringLiteral("previous-export")))
        s.start.previousExport = QFileInfo(parser.value(QStringLiteral("previous-export"))).absoluteFilePath();
    if (parser.isSet(QStringLiteral("calibration")))
        s.calibrationFile = QFileInfo(parser.value(QStringLiteral("calibration"))).absoluteFilePath();

    const int starts = int(parser.isSet(QStringLiteral("state"))) + int(parser.isSet(QStringLiteral("inspect")))
        + int(parser.isSet(QStringLiteral("customer")));
    if (starts > 1) {
        printError(QStringLiteral("--state, --inspect and --customer each name a start: give one"));
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("state"))) {
        s.start.kind = ScenarioStart::Kind::ExportFile;
        s.start.exportFile = QFileInfo(parser.value(QStringLiteral("state"))).absoluteFilePath();
    } else if (parser.isSet(QStringLiteral("inspect"))) {
        s.start.kind = ScenarioStart::Kind::LiveInstance;
        s.start.dsns = parser.values(QStringLiteral("inspect"));
    } else if (parser.isSet(QStringLiteral("customer"))) {
        if (!parser.isSet(QStringLiteral("project"))) {
            printError(QStringLiteral("--customer NAME needs --project FILE (customers live in the project)"));
            return std::nullopt;
        }
        s.start.kind = ScenarioStart::Kind::Customer;
        s.start.customer = parser.value(QStringLiteral("customer"));
        if (!s.customer()) {
            QStringList names;
            for (const CustomerState &c : s.project.customers)
                names << c.name;
            printError(QStringLiteral("--customer: no customer '%1' in %2%3")
                           .arg(s.start.customer, parser.value(QStringLiteral("project")),
                                names.isEmpty() ? QString() : QStringLiteral(" (known: %1)").arg(names.join(QStringLiteral(", ")))));
            return std::nullopt;
        }
    }
    return s;
}

std::optional<ScenarioCommand> parseScenarioCommand(QCommandLineParser &parser, const QStringList &args,
                                                    const std::function<void(QCommandLineParser &)> &addCommandOptions)
{
    addSourceOptions(parser);
    addScenarioOptions(parser);
    if (addCommandOptions)
        addCommandOptions(parser);
    addReportOptions(parser);
    if (!parseArgs(parser, args))
        return std::nullopt;
    // PDF is the HTML report printed: the core's writers know only the three text formats.
    const bool pdf = !parser.isSet(QStringLiteral("json")) && parser.value(QStringLiteral("format")) == u"pdf";
    const auto format = pdf ? std::optional<ReportFormat>(ReportFormat::Html) : reportFormatOption(parser);
    if (!format)
        return std::nullopt;
    auto scenario = scenarioFromParser(parser);
    if (!scenario)
        return std::nullopt;
    return ScenarioCommand{*format, pdf, std::move(*scenario)};
}

bool writeScenarioReport(const Evaluation &evaluation, ScenarioReportKind kind, const ScenarioCommand &command,
                         const QString &outFile)
{
    if (!command.pdf)
        return writeOutput(renderScenarioReport(evaluation, kind, command.format), outFile);
    if ((outFile.isEmpty() || outFile == u"-") && isatty(STDOUT_FILENO)) {
        printError(QStringLiteral("--format pdf: standard output is a terminal; give --out FILE or redirect it"));
        return false;
    }
    ReportWriter writer;
    addScenarioReport(writer, evaluation, kind);
    ReportPrinter printer(QString::fromUtf8(writer.render(ReportFormat::Html)), writer.title());
    const QByteArray pdf = printer.toPdf();
    if (pdf.isEmpty()) {
        printError(QStringLiteral("--format pdf: %1").arg(printer.error()));
        return false;
    }
    return writeOutput(pdf, outFile);
}

std::shared_ptr<const Catalog> loadScenarioCatalog(const Scenario &scenario)
{
    auto catalog = loadCatalogOrReport(LoadRequest::fromProject(scenario.project));
    if (!catalog)
        return nullptr;
    return std::make_shared<const Catalog>(std::move(*catalog));
}

std::optional<Evaluation> evaluateOrReport(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
                                           const Progress &progress)
{
    Result<Evaluation> e = evaluate(scenario, std::move(catalog), progress);
    if (!e) {
        printError(e.error().toString());
        return std::nullopt;
    }
    return std::move(e).value();
}

} // namespace passlane::cli
