#include "customerexport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace passlane {

namespace {

using Fields = QMap<QString, QString>; // column -> text; absent or null-marked = NULL
const QString kNull = QStringLiteral("\x01null");

std::optional<bool> parseBool(const QString &s)
{
    const QString t = s.trimmed().toLower();
    if (t == u"t" || t == u"true" || t == u"1" || t == u"yes")
        return true;
    if (t == u"f" || t == u"false" || t == u"0" || t == u"no")
        return false;
    return std::nullopt;
}

bool isNull(const Fields &f, const QString &key)
{
    auto it = f.constFind(key);
    return it == f.cend() || *it == kNull || it->isEmpty();
}

QString text(const Fields &f, const QString &key)
{
    return isNull(f, key) ? QString() : f.value(key);
}

std::optional<int> optInt(const Fields &f, const QString &key)
{
    if (isNull(f, key))
        return std::nullopt;
    bool ok = false;
    const int v = f.value(key).trimmed().toInt(&ok);
    return ok ? std::optional<int>(v) : std::nullopt;
}

/// Builds a row from fields; fails naming the column that is missing or malformed.
Result<MigrationLogRow> logRow(const Fields &f, const QString &where)
{
    MigrationLogRow r;
    bool ok = false;
    r.id = text(f, QStringLiteral("id")).toLongLong(&ok);
    if (!ok)
        r.id = 0; // ids are informative only
    r.migrationLogsSchemaVersion = optInt(f, QStringLiteral("migration_logs_schema_version")).value_or(2);
    r.schema = text(f, QStringLiteral("schema"));
    r.version = text(f, QStringLiteral("version")).toLongLong(&ok);
    if (r.schema.isEmpty() || !ok)
        return Error{where, QStringLiteral("migration_logs row needs 'schema' and a numeric 'version'")};
    r.up = parseBool(text(f, QStringLiteral("up"))).value_or(true);
    r.startedAt = CustomerExport::parseTimestamp(text(f, QStringLiteral("started_at")));
    if (!isNull(f, QStringLiteral("finished_at")))
        r.finishedAt = CustomerExport::parseTimestamp(text(f, QStringLiteral("finished_at")));
    if (!isNull(f, QStringLiteral("success")))
        r.success = parseBool(text(f, QStringLiteral("success")));
    r.errorMessage = text(f, QStringLiteral("error_message"));
    r.backfilled = parseBool(text(f, QStringLiteral("backfilled"))).value_or(false);
    return r;
}

Result<OobRow> oobRow(const Fields &f, const QString &where)
{
    OobRow r;
    const auto id = optInt(f, QStringLiteral("id"));
    const auto major = optInt(f, QStringLiteral("introduced_version_major"));
    const auto minor = optInt(f, QStringLiteral("introduced_version_minor"));
    if (!id || !major || !minor)
        return Error{where, QStringLiteral("out_of_band_migrations row needs 'id' and "
                                           "'introduced_version_major/minor'")};
    r.id = *id;
    r.team = text(f, QStringLiteral("team"));
    r.component = text(f, QStringLiteral("component"));
    r.description = text(f, QStringLiteral("description"));
    r.progress = qBound(0.0, text(f, QStringLiteral("progress")).toDouble(), 1.0);
    r.created = CustomerExport::parseTimestamp(text(f, QStringLiteral("created")));
    if (!isNull(f, QStringLiteral("last_updated")))
        r.lastUpdated = CustomerExport::parseTimestamp(text(f, QStringLiteral("last_updated")));
    r.nonDestructive = parseBool(text(f, QStringLiteral("non_destructive"))).value_or(false);
    r.applyReverse = parseBool(text(f, QStringLiteral("apply_reverse"))).value_or(false);
    r.isEnterprise = parseBool(text(f, QStringLiteral("is_enterprise"))).value_or(false);
    r.introducedMajor = *major;
    r.introducedMinor = *minor;
    r.deprecatedMajor = optInt(f, QStringLiteral("deprecated_version_major"));
    r.deprecatedMinor = optInt(f, QStringLiteral("deprecated_version_minor"));
    const QString meta = text(f, QStringLiteral("metadata"));
    r.metadata = meta.isEmpty() ? QByteArrayLiteral("{}") : meta.toUtf8();
    return r;
}

VersionRow versionRow(const Fields &f)
{
    VersionRow r;
    r.service = text(f, QStringLiteral("service"));
    r.version = text(f, QStringLiteral("version"));
    r.updatedAt = CustomerExport::parseTimestamp(text(f, QStringLiteral("updated_at")));
    r.firstVersion = text(f, QStringLiteral("first_version"));
    return r;
}

Fields fieldsFromJson(const QJsonObject &o)
{
    Fields f;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isNull() || v.isUndefined())
            f.insert(it.key(), kNull);
        else if (v.isBool())
            f.insert(it.key(), v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (v.isDouble())
            f.insert(it.key(), QString::number(v.toDouble(), 'g', 17));
        else if (v.isString())
            f.insert(it.key(), v.toString());
        else // metadata given as an object
            f.insert(it.key(), QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)));
    }
    return f;
}

/// RFC 4180 records; quoted fields may hold commas, quotes ("") and newlines.
QList<QStringList> csvRecords(const QString &data)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, fieldWasQuoted = false;
    auto endRecord = [&] {
        record.append(fieldWasQuoted || !field.isEmpty() ? field : QString());
        const bool blank = record.size() == 1 && record.first().isEmpty() && !fieldWasQuoted;
        records.append(blank ? QStringList() : record);
        record.clear();
        field.clear();
        fieldWasQuoted = false;
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QChar c = data.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < data.size() && data.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\n') {
            endRecord();
        } else if (c != u'\r') {
            field.append(c);
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    return records;
}

QString csvField(const QString &s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n'))
        return u'"' + QString(s).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return s;
}

QString ts(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString optBool(const std::optional<bool> &b)
{
    return b ? (*b ? QStringLiteral("true") : QStringLiteral("false")) : QString();
}

QString optInt(const std::optional<int> &v)
{
    return v ? QString::number(*v) : QString();
}

} // namespace

QDateTime CustomerExport::parseTimestamp(const QString &input)
{
    QString t = input.trimmed();
    if (t.isEmpty())
        return {};
    if (t.size() > 10 && t.at(10) == u' ')
        t[10] = u'T';
    // "+00" -> "+00:00"; "+0530" -> "+05:30"
    static const QRegularExpression shortOffset(QStringLiteral("([+-]\\d\\d)(\\d\\d)?$"));
    const auto m = shortOffset.match(t);
    if (m.hasMatch() && t.indexOf(u'T') > 0 && m.capturedStart() > 11)
        t = t.left(m.capturedStart()) + m.captured(1) + u':' + (m.captured(2).isEmpty() ? QStringLiteral("00") : m.captured(2));
    // Qt reads at most milliseconds: drop further fraction digits.
    static const QRegularExpression micro(QStringLiteral("(\\.\\d{3})\\d+"));
    t.replace(micro, QStringLiteral("\\1"));
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC); // no offset given: the product stores UTC
    return dt.toUTC();
}

Result<StartState> CustomerExport::readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{path, QStringLiteral("cannot read: %1").arg(f.errorString())};
    return parse(f.readAll(), path);
}

Result<StartState> CustomerExport::parse(const QByteArray &data, const QString &path)
{
    const QByteArray head = data.trimmed();
    if (head.startsWith('{'))
        return parseJson(data, path);
    return parseCsv(data, path);
}

Result<StartState> CustomerExport::parseJson(const QByteArray &data, const QString &path)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &err);
    if (doc.isNull() || !doc.isObject())
        return Error{path, QStringLiteral("not a JSON export object: %1 at offset %2").arg(err.errorString()).arg(err.offset)};
    const QJsonObject root = doc.object();
    if (!root.contains(QLatin1String("migration_logs")))
        return Error{path, QStringLiteral("JSON export lacks a \"migration_logs\" array")};
    StartState state;
    state.origin = QStringLiteral("export %1").arg(path);
    if (root.contains(QLatin1String("version")))
        state.version = Version::parse(root.value(QLatin1String("version")).toString());
    const QJsonArray logs = root.value(QLatin1String("migration_logs")).toArray();
    for (qsizetype i = 0; i < logs.size(); ++i) {
        auto row = logRow(fieldsFromJson(logs.at(i).toObject()), path);
        if (!row)
            return Error{path, QStringLiteral("migration_logs[%1]: %2").arg(i).arg(row.error().message)};
        state.logs.append(row.value());
    }
    const QJsonArray oob = root.value(QLatin1String("out_of_band_migrations")).toArray();
    for (qsizetype i = 0; i < oob.size(); ++i) {
        auto row = oobRow(fieldsFromJson(oob.at(i).toObject()), path);
        if (!row)
            return Error{path, QStringLiteral("out_of_band_migrations[%1]: %2").arg(i).arg(row.error().message)};
        state.oob.append(row.value());
    }
    for (const QJsonValue &v : root.value(QLatin1String("versions")).toArray())
        state.versions.append(versionRow(fieldsFromJson(v.toObject())));
    if (!state.version) {
        for (const VersionRow &v : state.versions) {
            if (v.service == u"frontend")
                state.version = Version::parse(v.version);
        }
    }
    return state;
}

Result<StartState> CustomerExport::parseCsv(const QByteArray &data, const QString &path)
{
    StartState state;
    state.origin = QStringLiteral("export %1").arg(path);
    const QList<QStringList> records = csvRecords(QString::fromUtf8(data));
    QStringList header;
    enum class Table { None, Logs, Oob, Versions } table = Table::None;
    int line = 0;
    for (const QStringList &rec : records) {
        ++line;
        if (rec.isEmpty() || rec.first().startsWith(u'#')) {
            header.clear(); // a blank line or a comment ends a section
            table = Table::None;
            continue;
        }
        if (header.isEmpty()) {
            header = rec;
            for (QString &h : header)
                h = h.trimmed().toLower();
            if (header.contains(u"schema") && header.contains(u"up"))
                table = Table::Logs;
            else if (header.contains(u"team") && header.contains(u"component"))
                table = Table::Oob;
            else if (header.contains(u"service") && header.contains(u"first_version"))
                table = Table::Versions;
            else
                return Error{path, QStringLiteral("record %1: header matches none of migration_logs, "
                                                  "out_of_band_migrations, versions").arg(line)};
            continue;
        }
        Fields f;
        for (qsizetype i = 0; i < header.size(); ++i)
            f.insert(header.at(i), i < rec.size() ? rec.at(i) : QString());
        const QString where = QStringLiteral("%1 (record %2)").arg(path).arg(line);
        if (table == Table::Logs) {
            auto row = logRow(f, where);
            if (!row)
                return row.error();
            state.logs.append(row.value());
        } else if (table == Table::Oob) {
            auto row = oobRow(f, where);
            if (!row)
                return row.error();
            state.oob.append(row.value());
        } else {
            state.versions.append(versionRow(f));
        }
    }
    if (state.logs.isEmpty())
        return Error{path, QStringLiteral("the export holds no migration_logs rows")};
    for (const VersionRow &v : state.versions) {
        if (v.service == u"frontend")
            state.version = Version::parse(v.version);
    }
    return state;
}

QByteArray CustomerExport::toJson(const StartState &state, const QString &customer)
{
    QJsonObject root;
    root.insert(QLatin1String("format"), QStringLiteral("passlane-customer-export"));
    root.insert(QLatin1String("formatVersion"), 1);
    if (!customer.isEmpty())
        root.insert(QLatin1String("customer"), customer);
    if (state.version)
        root.insert(QLatin1String("version"), state.version->toString());
    QJsonArray logs;
    for (const MigrationLogRow &r : state.logs) {
        logs.append(QJsonObject{{QLatin1String("id"), r.id},
                                {QLatin1String("migration_logs_schema_version"), r.migrationLogsSchemaVersion},
                                {QLatin1String("schema"), r.schema},
                                {QLatin1String("version"), r.version},
                                {QLatin1String("up"), r.up},
                                {QLatin1String("started_at"), ts(r.startedAt)},
                                {QLatin1String("finished_at"), r.finishedAt ? QJsonValue(ts(*r.finishedAt)) : QJsonValue()},
                                {QLatin1String("success"), r.success ? QJsonValue(*r.success) : QJsonValue()},
                                {QLatin1String("error_message"), r.errorMessage.isEmpty() ? QJsonValue() : QJsonValue(r.errorMessage)},
                                {QLatin1String("backfilled"), r.backfilled}});
    }
    root.insert(QLatin1String("migration_logs"), logs);
    QJsonArray oob;
    for (const OobRow &r : state.oob) {
        oob.append(QJsonObject{
            {QLatin1String("id"), r.id},
            {QLatin1String("team"), r.team},
            {QLatin1String("component"), r.component},
            {QLatin1String("description"), r.description},
            {QLatin1String("progress"), r.progress},
            {QLatin1String("created"), ts(r.created)},
            {QLatin1String("last_updated"), r.lastUpdated ? QJsonValue(ts(*r.lastUpdated)) : QJsonValue()},
            {QLatin1String("non_destructive"), r.nonDestructive},
            {QLatin1String("apply_reverse"), r.applyReverse},
            {QLatin1String("is_enterprise"), r.isEnterprise},
            {QLatin1String("introduced_version_major"), r.introducedMajor},
            {QLatin1String("introduced_version_minor"), r.introducedMinor},
            {QLatin1String("deprecated_version_major"), r.deprecatedMajor ? QJsonValue(*r.deprecatedMajor) : QJsonValue()},
            {QLatin1String("deprecated_version_minor"), r.deprecatedMinor ? QJsonValue(*r.deprecatedMinor) : QJsonValue()},
            {QLatin1String("metadata"), QJsonDocument::fromJson(r.metadata).object()}});
    }
    root.insert(QLatin1String("out_of_band_migrations"), oob);
    QJsonArray versions;
    for (const VersionRow &r : state.versions) {
        versions.append(QJsonObject{{QLatin1String("service"), r.service},
                                    {QLatin1String("version"), r.version},
                                    {QLatin1String("updated_at"), ts(r.updatedAt)},
                                    {QLatin1String("first_version"), r.firstVersion}});
    }
    root.insert(QLatin1String("versions"), versions);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray CustomerExport::toCsv(const StartState &state)
{
    QStringList lines;
    lines << QStringLiteral("id,migration_logs_schema_version,schema,version,up,started_at,finished_at,success,error_message,backfilled");
    for (const MigrationLogRow &r : state.logs) {
        lines << QStringList{QString::number(r.id), QString::number(r.migrationLogsSchemaVersion), csvField(r.schema),
                             QString::number(r.version), r.up ? QStringLiteral("t") : QStringLiteral("f"), ts(r.startedAt),
                             r.finishedAt ? ts(*r.finishedAt) : QString(), optBool(r.success), csvField(r.errorMessage),
                             r.backfilled ? QStringLiteral("t") : QStringLiteral("f")}
                     .join(u',');
    }
    lines << QString();
    lines << QStringLiteral("id,team,component,description,progress,created,last_updated,non_destructive,apply_reverse,"
                            "is_enterprise,introduced_version_major,introduced_version_minor,deprecated_version_major,"
                            "deprecated_version_minor,metadata");
    for (const OobRow &r : state.oob) {
        lines << QStringList{QString::number(r.id), csvField(r.team), csvField(r.component), csvField(r.description),
                             QString::number(r.progress, 'g', 17), ts(r.created), r.lastUpdated ? ts(*r.lastUpdated) : QString(),
                             optBool(r.nonDestructive), optBool(r.applyReverse), optBool(r.isEnterprise),
                             QString::number(r.introducedMajor), QString::number(r.introducedMinor),
                             optInt(r.deprecatedMajor), optInt(r.deprecatedMinor), csvField(QString::fromUtf8(r.metadata))}
                     .join(u',');
    }
    if (!state.versions.isEmpty()) {
        lines << QString() << QStringLiteral("service,version,updated_at,first_version");
        for (const VersionRow &r : state.versions)
            lines << QStringList{csvField(r.service), csvField(r.version), ts(r.updatedAt), csvField(r.firstVersion)}.join(u',');
    }
    return (lines.join(u'\n') + u'\n').toUtf8();
}

} // namespace passlane
