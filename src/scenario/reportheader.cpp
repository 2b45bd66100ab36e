#include "scenario/reportheader.h"

#include "report/html.h"
#include "report/markdown.h"
#include "scenario/passlaneversion.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

namespace passlane {

namespace {

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

/// One migration definition's content digest: definitions are shared across releases, so each
/// is hashed once however many releases ship it.
QByteArray definitionDigest(const Migration &m)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArray(QByteArray::number(m.id) + '\0' + m.name.toUtf8() + '\0'));
    h.addData(sha256(m.upQuery));
    h.addData(sha256(m.downQuery));
    for (qint64 p : m.parents)
        h.addData(QByteArray(QByteArray::number(p) + ','));
    const char flags[] = {char('0' + m.privileged), char('0' + m.nonIdempotent), char('0' + m.createIndexConcurrently),
                          char('0' + m.bestEffortTerminateBlockingTransactions)};
    h.addData(QByteArrayView(flags, sizeof flags));
    return h.result();
}

} // namespace

QString reportDate()
{
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").trimmed().toLongLong(&ok);
    const QDateTime at = ok ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime::currentDateTimeUtc();
    return at.date().toString(Qt::ISODate);
}

QString sourcesDigest(const Catalog &catalog)
{
    QHash<const Migration *, QByteArray> done;
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const ReleasePtr &release : catalog.releases) {
        h.addData(QByteArray(QByteArrayLiteral("release ") + release->version.toString().toUtf8() + '\n'));
        for (const SchemaSnapshot &schema : release->schemas) {
            h.addData(QByteArray(QByteArrayLiteral("schema ") + schema.name.toUtf8() + '\n'));
            for (const MigrationPtr &m : schema.migrations) {
                auto it = done.constFind(m.get());
                if (it == done.cend())
                    it = done.insert(m.get(), definitionDigest(*m));
                h.addData(*it);
            }
            if (schema.hasSquashedSql)
                h.addData(QByteArray(QByteArrayLiteral("squashed ") + sha256(schema.squashedSql)));
        }
    }
    return QString::fromLatin1(h.result().toHex().left(12));
}

ReportHeader makeReportHeader(const Evaluation &e, const QString &defaultTitle)
{
    ReportHeader h;
    if (const CustomerState *c = e.scenario.customer())
        h.customer = c->name;
    else if (e.startState && !e.startState->customer.isEmpty())
        h.customer = e.startState->customer;
    h.title = e.scenario.title.trimmed();
    if (h.title.isEmpty())
        h.title = h.customer.isEmpty() ? defaultTitle : defaultTitle + QStringLiteral(" for ") + h.customer;
    h.subject = defaultTitle;
    h.start = e.startOrigin;
    h.date = reportDate();
    h.passlaneVersion = QString::fromLatin1(passlaneVersionText);
    if (e.catalog) {
        h.sourceCount = e.catalog->releases.size();
        if (!e.catalog->releases.isEmpty()) {
            h.firstRelease = e.catalog->releases.first()->version.toString();
            h.lastRelease = e.catalog->releases.last()->version.toString();
        }
        h.sourcesDigest = sourcesDigest(*e.catalog);
    }
    for (const QString &file : e.scenario.project.oobFiles)
        h.registries << QFileInfo(file).fileName();
    h.whatIf = e.whatIf();
    return h;
}

QJsonObject ReportHeader::toJson() const
{
    QJsonObject sources{{QStringLiteral("count"), double(sourceCount)},
                        {QStringLiteral("first"), firstRelease},
                        {QStringLiteral("last"), lastRelease},
                        {QStringLiteral("digest"), sourcesDigest}};
    return QJsonObject{{QStringLiteral("title"), title},
                       {QStringLiteral("subject"), subject},
                       {QStringLiteral("customer"), customer.isEmpty() ? QJsonValue() : QJsonValue(customer)},
                       {QStringLiteral("start"), start.isEmpty() ? QJsonValue() : QJsonValue(start)},
                       {QStringLiteral("date"), date},
                       {QStringLiteral("passlane_version"), passlaneVersion},
                       {QStringLiteral("sources"), sources},
                       {QStringLiteral("registries"), QJsonArray::fromStringList(registries)},
                       {QStringLiteral("what_if"), QJsonArray::fromStringList(whatIf)}};
}

ReportSection ReportHeader::section() const
{
    const QString none = QStringLiteral("none");
    QList<QStringList> rows;
    rows << QStringList{QStringLiteral("Subject"), subject};
    rows << QStringList{QStringLiteral("Customer"), customer.isEmpty() ? QStringLiteral("not named") : customer};
    if (!start.isEmpty())
        rows << QStringList{QStringLiteral("Starting point"), start};
    rows << QStringList{QStringLiteral("Date"), date};
    rows << QStringList{QStringLiteral("Passlane version"), passlaneVersion};
    rows << QStringList{QStringLiteral("Release sources"),
                        sourceCount == 0 ? none
                                         : QStringLiteral("%1 release(s), %2 to %3, digest %4")
                                               .arg(sourceCount)
                                               .arg(firstRelease, lastRelease, sourcesDigest)};
    rows << QStringList{QStringLiteral("OOB registries"), registries.isEmpty() ? none : registries.join(QStringLiteral(", "))};
    rows << QStringList{QStringLiteral("What-if"),
                        whatIf.isEmpty() ? QStringLiteral("no: the registry as released")
                                         : QStringLiteral("yes: ") + whatIf.join(QStringLiteral("; "))};
    ReportSection s = tableSection(QStringLiteral("About this report"), {}, {QStringLiteral("Field"), QStringLiteral("Value")}, rows);
    s.html.replace(QStringLiteral("<table>"), QStringLiteral("<table class=\"about\">"));
    return s;
}

} // namespace passlane
