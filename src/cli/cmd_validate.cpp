// passlane-cli validate: static checks as findings; exit 1 when any error-level finding remains.
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QMap>

namespace passlane::cli {

int runValidate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Static checks of every release and of the stitched graph.\n"
                                                    "Exit status: 0 no errors, 1 error-level findings, 2 unreadable input."));
    addSourceOptions(parser);
    parser.addOption({QStringLiteral("severity"), QStringLiteral("Show findings at this level or above (info, warning, error)."),
                      QStringLiteral("LEVEL")});
    parser.addOption({QStringLiteral("kind"), QStringLiteral("Show only these kinds (repeatable or comma-separated)."),
                      QStringLiteral("KIND")});
    if (!parseArgs(parser, args))
        return 2;

    Severity minimum = Severity::Info;
    if (parser.isSet(QStringLiteral("severity"))) {
        const auto s = severityFromName(parser.value(QStringLiteral("severity")));
        if (!s) {
            printError(QStringLiteral("--severity must be info, warning or error"));
            return 2;
        }
        minimum = *s;
    }
    QStringList kinds;
    for (const QString &k : parser.values(QStringLiteral("kind")))
        kinds.append(k.split(u',', Qt::SkipEmptyParts));

    const auto catalog = loadCatalogFromParser(parser);
    if (!catalog)
        return 2;

    Findings shown;
    for (const Finding &f : catalog->findings)
        if (f.severity >= minimum && (kinds.isEmpty() || kinds.contains(f.kind)))
            shown.append(f);
    const int exitCode = errorCount(shown) > 0 ? 1 : 0;

    QMap<QString, int> bySeverity;
    for (const Finding &f : shown)
        ++bySeverity[severityName(f.severity)];

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Finding &f : shown)
            list.append(findingToJson(f));
        QJsonObject summary;
        for (const char *s : {"error", "warning", "info"})
            summary.insert(QLatin1String(s), bySeverity.value(QLatin1String(s)));
        const QJsonObject root{{QStringLiteral("findings"), list}, {QStringLiteral("summary"), summary}};
        return writeOutput(QJsonDocument(root).toJson()) ? exitCode : 2;
    }

    QString out;
    for (const Finding &f : shown) {
        out += QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(severityName(f.severity), -7)
                   .arg(f.kind, -26)
                   .arg(f.release.isEmpty() ? QStringLiteral("-") : f.release, -10)
                   .arg(f.schema.isEmpty() ? QStringLiteral("-") : f.schema + (f.id ? u' ' + QString::number(*f.id) : QString()), -24)
                   .arg(f.message);
        if (!f.file.isEmpty())
            out += QStringLiteral("        %1\n").arg(f.file);
    }
    out += QStringLiteral("%1 error(s), %2 warning(s), %3 info across %4 releases\n")
               .arg(bySeverity.value(QStringLiteral("error")))
               .arg(bySeverity.value(QStringLiteral("warning")))
               .arg(bySeverity.value(QStringLiteral("info")))
               .arg(catalog->releases.size());
    return writeOutput(out.toUtf8()) ? exitCode : 2;
}

} // namespace passlane::cli
