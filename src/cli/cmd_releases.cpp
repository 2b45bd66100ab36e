// passlane-cli releases: every release with per-schema counts, roots and leaves.
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include "graph/releasegraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace passlane::cli {

namespace {

QJsonArray ids(const QList<qint64> &list)
{
    QJsonArray a;
    for (qint64 id : list)
        a.append(double(id));
    return a;
}

QString idText(const QList<qint64> &list)
{
    QStringList parts;
    for (qint64 id : list)
        parts.append(QString::number(id));
    return parts.join(u',');
}

} // namespace

int runReleases(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List releases with per-schema migration counts, roots and leaves."));
    addSourceOptions(parser);
    if (!parseArgs(parser, args))
        return 2;
    const auto catalog = loadCatalogFromParser(parser);
    if (!catalog)
        return 2;

    const QStringList schemas = catalog->graph.schemas();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray releases;
        for (const ReleasePtr &r : catalog->releases) {
            QJsonObject perSchema;
            for (const SchemaSnapshot &s : r->schemas) {
                const ReleaseGraph g(s.migrations);
                perSchema.insert(s.name, QJsonObject{{QStringLiteral("count"), double(s.migrations.size())},
                                                     {QStringLiteral("roots"), ids(g.roots())},
                                                     {QStringLiteral("leaves"), ids(g.leaves())}});
            }
            releases.append(QJsonObject{{QStringLiteral("version"), r->version.toString()},
                                        {QStringLiteral("date"), r->date.isEmpty() ? QJsonValue() : QJsonValue(r->date)},
                                        {QStringLiteral("source"), r->source},
                                        {QStringLiteral("schemas"), perSchema}});
        }
        return writeOutput(QJsonDocument(QJsonObject{{QStringLiteral("releases"), releases}}).toJson()) ? 0 : 2;
    }

    // Human table: one row per release, per schema "count migrations, root, leaves".
    QString out = QStringLiteral("%1 %2").arg(QStringLiteral("VERSION"), -12).arg(QStringLiteral("DATE"), -11);
    for (const QString &s : schemas)
        out += QStringLiteral(" %1").arg(s.toUpper() + QStringLiteral(" (count root leaves)"), -40);
    out += u'\n';
    for (const ReleasePtr &r : catalog->releases) {
        out += QStringLiteral("%1 %2").arg(r->version.toString(), -12).arg(r->date.isEmpty() ? QStringLiteral("-") : r->date, -11);
        for (const QString &name : schemas) {
            const SchemaSnapshot *s = r->schema(name);
            if (!s) {
                out += QStringLiteral(" %1").arg(QStringLiteral("-"), -40);
                continue;
            }
            const ReleaseGraph g(s->migrations);
            out += QStringLiteral(" %1").arg(QStringLiteral("%1 %2 %3")
                                                 .arg(s->migrations.size())
                                                 .arg(idText(g.roots()), idText(g.leaves())),
                                             -40);
        }
        out += u'\n';
    }
    out += QStringLiteral("%1 releases, %2 distinct migrations\n").arg(catalog->releases.size()).arg(catalog->migrationCount());
    return writeOutput(out.toUtf8()) ? 0 : 2;
}

} // namespace passlane::cli
