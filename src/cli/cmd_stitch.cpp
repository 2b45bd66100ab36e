// passlane-cli stitch: the stitched graph, as stitched-migration-graph.json or a summary.
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include <cstdio>

namespace passlane::cli {

int runStitch(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stitch all releases into one migration graph "
                                                    "(the shape of Sourcegraph's stitched-migration-graph.json)."));
    addSourceOptions(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write the JSON export to FILE (atomically)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("keys"),
                      QStringLiteral("Key BoundsByRev per-minor (vX.Y.0, as the product's migrator looks bounds up; "
                                     "the default) or per-release (every release's own tag)."),
                      QStringLiteral("per-minor|per-release"), QStringLiteral("per-minor")});
    if (!parseArgs(parser, args))
        return 2;
    const QString keysName = parser.value(QStringLiteral("keys"));
    if (keysName != u"per-minor" && keysName != u"per-release") {
        printError(QStringLiteral("--keys must be per-minor or per-release, not '%1'").arg(keysName));
        return 2;
    }
    const auto keys = keysName == u"per-release" ? StitchedGraph::BoundsKeys::PerRelease
                                                  : StitchedGraph::BoundsKeys::PerMinor;
    const auto catalog = loadCatalogFromParser(parser);
    if (!catalog)
        return 2;

    const StitchedGraph &g = catalog->graph;
    const QString outFile = parser.value(QStringLiteral("out"));
    Findings standIns;
    const QByteArray json = g.toStitchedJson(keys, &standIns);
    for (const Finding &f : std::as_const(standIns)) // stderr: stdout may be the JSON itself
        std::fprintf(stderr, "%s: %s\n", qUtf8Printable(severityName(f.severity)), qUtf8Printable(f.message));
    if (parser.isSet(QStringLiteral("json")) || !outFile.isEmpty()) {
        if (!writeOutput(json, outFile))
            return 2;
        if (parser.isSet(QStringLiteral("json")) || outFile.isEmpty())
            return 0;
    }

    const QList<Version> versions = g.versions();
    QString out = QStringLiteral("%1 releases stitched (%2 .. %3)\n")
                      .arg(versions.size())
                      .arg(versions.isEmpty() ? QString() : versions.first().toString(),
                           versions.isEmpty() ? QString() : versions.last().toString());
    QMap<QString, int> editsBySchema;
    for (const Finding &f : g.findings())
        if (f.kind == u"edited-migration")
            ++editsBySchema[f.schema];
    for (const QString &schema : g.schemas()) {
        int pre = 0;
        std::optional<Version> firstPresent;
        QList<qint64> lastLeaves;
        qint64 lastRoot = 0;
        for (const Version &v : versions) {
            const auto b = g.bounds(schema, v);
            if (!b || b->preCreation) {
                ++pre;
                continue;
            }
            if (!firstPresent)
                firstPresent = v;
            lastRoot = b->rootId;
            lastLeaves = b->leafIds;
        }
        QStringList leaves;
        for (qint64 id : lastLeaves)
            leaves.append(QString::number(id));
        out += QStringLiteral("%1: %2 definitions; present from %3%4; latest root %5, leaves %6; %7 edited after release\n")
                   .arg(schema)
                   .arg(g.definitions(schema).size())
                   .arg(firstPresent ? firstPresent->toString() : QStringLiteral("never"))
                   .arg(pre ? QStringLiteral(" (pre-creation in %1 releases)").arg(pre) : QString())
                   .arg(lastRoot)
                   .arg(leaves.join(u','))
                   .arg(editsBySchema.value(schema));
    }
    if (!outFile.isEmpty())
        out += QStringLiteral("JSON written to %1\n").arg(outFile);
    return writeOutput(out.toUtf8()) ? 0 : 2;
}

} // namespace passlane::cli
