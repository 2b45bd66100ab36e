#include "customerexport.h"

#include "common/safefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <limits>
#include <variant>

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

/// A malformed value: the row readers throw nothing, they return this message, which the
/// caller prefixes with the file and the record ("export.csv: line 4: ...").
struct RowError {
    QString message;
};

template <typename T>
using RowResult = std::variant<T, RowError>;

QString shown(const QString &value)
{
    return value.size() > 60 ? value.left(60) + QStringLiteral("...") : value;
}

/// A strict integer in [min, max]: digits with an optional sign, nothing else.
std::optional<qint64> strictInt(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

/// Reads the row's fields one by one and remembers the first problem, naming the column and value.
class RowReader {
public:
    explicit RowReader(const Fields &f) : m_f(f) {}

    bool failed() const { return m_error.has_value(); }
    RowError error() const { return *m_error; }

    QString text(const QString &key) const { return passlane::text(m_f, key); }
    bool has(const QString &key) const { return !isNull(m_f, key); }

    qint64 integer(const QString &key, qint64 min, qint64 max)
    {
        if (!has(key)) {
            fail(QStringLiteral("'%1' is missing").arg(key));
            return 0;
        }
        return optInteger(key, min, max).value_or(0);
    }
    std::optional<qint64> optInteger(const QString &key, qint64 min, qint64 max)
    {
        if (!has(key))
            return std::nullopt;
        const auto v = strictInt(text(key), min, max);
        if (!v)
            fail(QStringLiteral("%1 '%2' is not a whole number from %3 to %4").arg(key, shown(text(key))).arg(min).arg(max));
        return v;
    }
    std::optional<bool> optBool(const QString &key)
    {
        if (!has(key))
            return std::nullopt;
        const auto v = parseBool(text(key));
        if (!v)
            fail(QStringLiteral("%1 '%2' is not true or false").arg(key, shown(text(key))));
        return v;
    }
    QDateTime timestamp(const QString &key)
    {
        if (!has(key))
            return {};
        const QDateTime t = CustomerExport::parseTimestamp(text(key));
        if (!t.isValid())
            fail(QStringLiteral("%1 '%2' is not a timestamp").arg(key, shown(text(key))));
        return t;
    }
    void fail(const QString &message)
    {
        if (!m_error)
            m_error = RowError{message};
    }

private:
    const Fields &m_f;
    std::optional<RowError> m_error;
};

constexpr qint64 intMax = std::numeric_limits<int>::max();
constexpr qint64 int64Max = std::numeric_limits<qint64>::max();

RowResult<MigrationLogRow> logRow(const Fields &f)
{
    RowReader in(f);
    MigrationLogRow r;
    r.id = in.optInteger(QStringLiteral("id"), 0, int64Max).value_or(0); // ids are informative only
    r.migrationLogsSchemaVersion = int(in.optInteger(QStringLiteral("migration_logs_schema_version"), 1, intMax).value_or(2));
    r.schema = in.text(QStringLiteral("schema")).trimmed();
    if (r.schema.isEmpty())
        in.fail(QStringLiteral("'schema' is missing"));
    r.version = in.integer(QStringLiteral("version"), 1, int64Max);
    r.up = in.optBool(QStringLiteral("up")).value_or(true);
    r.startedAt = in.timestamp(QStringLiteral("started_at"));
    if (in.has(QStringLiteral("finished_at")))
        r.finishedAt = in.timestamp(QStringLiteral("finished_at"));
    r.success = in.optBool(QStringLiteral("success"));
    r.errorMessage = in.text(QStringLiteral("error_message"));
    r.backfilled = in.optBool(QStringLiteral("backfilled")).value_or(false);
    if (in.failed())
        return in.error();
    return r;
}

RowResult<OobRow> oobRow(const Fields &f)
{
    RowReader in(f);
    OobRow r;
    r.id = int(in.integer(QStringLiteral("id"), 1, intMax));
    r.team = in.text(QStringLiteral("team"));
    r.component = in.text(QStringLiteral("component"));
    r.description = in.text(QStringLiteral("description"));
    if (in.has(QStringLiteral("progress"))) {
        bool ok = false;
        const QString text = in.text(QStringLiteral("progress")).trimmed();
        r.progress = text.toDouble(&ok);
        // NaN fails both comparisons: it is refused with the rest.
        if (!ok || !(r.progress >= 0.0 && r.progress <= 1.0))
            in.fail(QStringLiteral("progress '%1' is not a number from 0 to 1").arg(shown(text)));
    }
    r.created = in.timestamp(QStringLiteral("created"));
    if (in.has(QStringLiteral("last_updated")))
        r.lastUpdated = in.timestamp(QStringLiteral("last_updated"));
    r.nonDestructive = in.optBool(QStringLiteral("non_destructive")).value_or(false);
    r.applyReverse = in.optBool(QStringLiteral("apply_reverse")).value_or(false);
    r.isEnterprise = in.optBool(QStringLiteral("is_enterprise")).value_or(false);
    r.introducedMajor = int(in.integer(QStringLiteral("introduced_version_major"), 0, intMax));
    r.introducedMinor = int(in.integer(QStringLiteral("introduced_version_minor"), 0, intMax));
    const auto dm = in.optInteger(QStringLiteral("deprecated_version_major"), 0, intMax);
    const auto dn = in.optInteger(QStringLiteral("deprecated_version_minor"), 0, intMax);
    if (dm.has_value() != dn.has_value())
        in.fail(QStringLiteral("deprecated_version_major and deprecated_version_minor must be given together"));
    if (dm)
        r.deprecatedMajor = int(*dm);
    if (dn)
        r.deprecatedMinor = int(*dn);
    const QString meta = in.text(QStringLiteral("metadata"));
    r.metadata = meta.isEmpty() ? QByteArrayLiteral("{}") : meta.toUtf8();
    if (!meta.isEmpty()) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(r.metadata, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            in.fail(QStringLiteral("metadata '%1' is not a JSON object").arg(shown(meta)));
    }
    if (in.failed())
        return in.error();
    return r;
}

RowResult<VersionRow> versionRow(const Fields &f)
{
    RowReader in(f);
    VersionRow r;
    r.service = in.text(QStringLiteral("service"));
    r.version = in.text(QStringLiteral("version"));
    if (!r.version.isEmpty() && !Version::parse(r.version))
        in.fail(QStringLiteral("version '%1' is not a release version").arg(shown(r.version)));
    r.updatedAt = in.timestamp(QStringLiteral("updated_at"));
    r.firstVersion = in.text(QStringLiteral("first_version"));
    if (in.failed())
        return in.error();
    return r;
}

RowResult<TableStats> tableRow(const Fields &f)
{
    RowReader in(f);
    TableStats r;
    r.schema = in.text(QStringLiteral("schema")).trimmed();
    r.table = in.text(QStringLiteral("table_name")).trimmed();
    if (r.table.isEmpty())
        in.fail(QStringLiteral("'table_name' is missing"));
    // -1 is PostgreSQL's own "never analysed": unknown, like NULL.
    const auto rows = in.optInteger(QStringLiteral("estimated_rows"), -1, int64Max);
    if (rows && *rows >= 0)
        r.rows = rows;
    r.totalBytes = in.optInteger(QStringLiteral("total_bytes"), 0, int64Max);
    r.indexBytes = in.optInteger(QStringLiteral("index_bytes"), 0, int64Max);
    r.liveRows = in.optInteger(QStringLiteral("live_rows"), 0, int64Max);
    const QDateTime analyzed = in.timestamp(QStringLiteral("last_analyzed"));
    if (analyzed.isValid())
        r.lastAnalyzed = analyzed;
    in.timestamp(QStringLiteral("observed_at")); // checked here, read by the caller
    if (in.failed())
        return in.error();
    return r;
}

/// The latest observed_at of the tables' rows (each row carries the server's clock).
void takeObservedAt(StartState &state, const Fields &f)
{
    const QDateTime at = CustomerExport::parseTimestamp(text(f, QStringLiteral("observed_at")));
    if (at.isValid() && (!state.observedAt || at > *state.observedAt))
        state.observedAt = at;
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

/// One CSV record and the 1-based line it starts on (quoted fields may span lines).
struct CsvRecord {
    QStringList fields; ///< empty for a blank line
    int line = 0;
};

/// RFC 4180 records; quoted fields may hold commas, quotes ("") and newlines. An unclosed quote
/// is reported through `unclosedAt` (the line it opened on).
QList<CsvRecord> csvRecords(const QString &data, int &unclosedAt)
{
    QList<CsvRecord> records;
    QStringList record;
    QString field;
    bool quoted = false, fieldWasQuoted = false;
    int line = 1, recordLine = 1, quoteLine = 0;
    unclosedAt = 0;
    auto endRecord = [&] {
        record.append(fieldWasQuoted || !field.isEmpty() ? field : QString());
        const bool blank = record.size() == 1 && record.first().isEmpty() && !fieldWasQuoted;
        records.append(CsvRecord{blank ? QStringList() : record, recordLine});
        record.clear();
        field.clear();
        fieldWasQuoted = false;
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QChar c = data.at(i);
        if (c == u'\n') {
            ++line;
            if (!quoted) {
                endRecord();
                recordLine = line;
                continue;
            }
        }
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
            quoteLine = line;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldWasQuoted = false;
        } else if (c != u'\r') {
            field.append(c);
        }
    }
    if (quoted)
        unclosedAt = quoteLine;
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

/// out_of_band_migrations.id is the table's primary key: a second row with the same id would
/// otherwise surface later as a bare SQLite constraint error.
std::optional<Error> checkOobIds(const StartState &state, const QString &path)
{
    QSet<int> seen;
    for (const OobRow &r : state.oob) {
        if (seen.contains(r.id))
            return Error{path, QStringLiteral("out_of_band_migrations: id %1 appears more than once").arg(r.id)};
        seen.insert(r.id);
    }
    return std::nullopt;
}

QString optNumber(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QString();
}

/// The tables as text in tableStatsColumns() order (empty: unknown); observed_at is the state's.
QList<QStringList> tableRows(const StartState &state)
{
    QList<QStringList> out;
    for (const TableStats &t : state.tables) {
        out << QStringList{t.schema, t.table, optNumber(t.rows), optNumber(t.totalBytes), optNumber(t.indexBytes),
                           optNumber(t.liveRows), t.lastAnalyzed ? ts(*t.lastAnalyzed) : QString(),
                           state.observedAt ? ts(*state.observedAt) : QString()};
    }
    return out;
}

} // namespace

Result<TableStats> CustomerExport::tableStatsRow(const QMap<QString, QString> &columns)
{
    auto row = tableRow(columns);
    if (const RowError *e = std::get_if<RowError>(&row))
        return Error{QString(), e->message};
    return std::get<0>(std::move(row));
}

QStringList CustomerExport::tableStatsColumns()
{
    return {QStringLiteral("schema"),     QStringLiteral("table_name"),    QStringLiteral("estimated_rows"),
            QStringLiteral("total_bytes"), QStringLiteral("index_bytes"),  QStringLiteral("live_rows"),
            QStringLiteral("last_analyzed"), QStringLiteral("observed_at")};
}

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
    Result<QByteArray> bytes = readRegularFile(path, limits::customerExport, QStringLiteral("customer export"));
    if (!bytes)
        return bytes.error();
    return parse(bytes.value(), path);
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
    if (!root.value(QLatin1String("migration_logs")).isArray())
        return Error{path, QStringLiteral("JSON export lacks a \"migration_logs\" array")};
    for (const char *table : {"out_of_band_migrations", "versions", "tables"}) {
        const QJsonValue v = root.value(QLatin1String(table));
        if (!v.isUndefined() && !v.isNull() && !v.isArray())
            return Error{path, QStringLiteral("\"%1\" must be an array").arg(QLatin1String(table))};
    }
    StartState state;
    state.origin = QStringLiteral("export %1").arg(path);
    state.customer = root.value(QLatin1String("customer")).toString().trimmed();
    if (root.contains(QLatin1String("version"))) {
        const QString v = root.value(QLatin1String("version")).toString();
        state.version = Version::parse(v);
        if (!state.version)
            return Error{path, QStringLiteral("\"version\" '%1' is not a release version").arg(shown(v))};
    }
    // Each array item must be an object; the message names the table and the 0-based index.
    const auto rows = [&](const char *table, auto read, auto &into) -> std::optional<Error> {
        const QJsonArray items = root.value(QLatin1String(table)).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString where = QStringLiteral("%1[%2]").arg(QLatin1String(table)).arg(i);
            if (!items.at(i).isObject())
                return Error{path, where + QStringLiteral(": not an object")};
            auto row = read(fieldsFromJson(items.at(i).toObject()));
            if (const RowError *e = std::get_if<RowError>(&row))
                return Error{path, where + QStringLiteral(": ") + e->message};
            into.append(std::get<0>(std::move(row)));
        }
        return std::nullopt;
    };
    if (auto e = rows("migration_logs", logRow, state.logs))
        return *e;
    if (auto e = rows("out_of_band_migrations", oobRow, state.oob))
        return *e;
    if (auto e = rows("versions", versionRow, state.versions))
        return *e;
    if (auto e = rows("tables", tableRow, state.tables))
        return *e;
    for (const QJsonValue &t : root.value(QLatin1String("tables")).toArray())
        takeObservedAt(state, fieldsFromJson(t.toObject()));
    if (root.contains(QLatin1String("exported_at")) && !root.value(QLatin1String("exported_at")).isNull()) {
        const QString at = root.value(QLatin1String("exported_at")).toString();
        const QDateTime t = parseTimestamp(at);
        if (!t.isValid())
            return Error{path, QStringLiteral("\"exported_at\" '%1' is not a timestamp").arg(shown(at))};
        state.observedAt = t; // when the customer says the export was taken
    }
    if (auto e = checkOobIds(state, path))
        return *e;
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
    int unclosedAt = 0;
    const QList<CsvRecord> records = csvRecords(QString::fromUtf8(data), unclosedAt);
    if (unclosedAt > 0)
        return Error{path, QStringLiteral("line %1: a quoted field is not closed").arg(unclosedAt)};
    QStringList header;
    enum class Table { None, Logs, Oob, Versions, Tables } table = Table::None;
    for (const CsvRecord &record : records) {
        const QStringList &rec = record.fields;
        const int line = record.line;
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
            else if (header.contains(u"table_name") && header.contains(u"total_bytes"))
                table = Table::Tables;
            else
                return Error{path, QStringLiteral("line %1: header '%2' matches none of migration_logs, "
                                                  "out_of_band_migrations, versions, table statistics")
                                       .arg(line)
                                       .arg(shown(rec.join(u',')))};
            continue;
        }
        if (rec.size() != header.size())
            return Error{path, QStringLiteral("line %1: %2 fields, but the header on the section has %3")
                                   .arg(line)
                                   .arg(rec.size())
                                   .arg(header.size())};
        Fields f;
        for (qsizetype i = 0; i < header.size(); ++i)
            f.insert(header.at(i), rec.at(i));
        const auto fail = [&](const RowError &e) {
            return Error{path, QStringLiteral("line %1: %2").arg(line).arg(e.message)};
        };
        if (table == Table::Logs) {
            auto row = logRow(f);
            if (const RowError *e = std::get_if<RowError>(&row))
                return fail(*e);
            state.logs.append(std::get<0>(std::move(row)));
        } else if (table == Table::Oob) {
            auto row = oobRow(f);
            if (const RowError *e = std::get_if<RowError>(&row))
                return fail(*e);
            state.oob.append(std::get<0>(std::move(row)));
        } else if (table == Table::Tables) {
            auto row = tableRow(f);
            if (const RowError *e = std::get_if<RowError>(&row))
                return fail(*e);
            state.tables.append(std::get<0>(std::move(row)));
            takeObservedAt(state, f);
        } else {
            auto row = versionRow(f);
            if (const RowError *e = std::get_if<RowError>(&row))
                return fail(*e);
            state.versions.append(std::get<0>(std::move(row)));
        }
    }
    if (state.logs.isEmpty())
        return Error{path, QStringLiteral("the export holds no migration_logs rows")};
    if (auto e = checkOobIds(state, path))
        return *e;
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
    if (state.observedAt)
        root.insert(QLatin1String("exported_at"), ts(*state.observedAt));
    if (!state.tables.isEmpty()) {
        QJsonArray tables;
        for (const QStringList &row : tableRows(state)) {
            QJsonObject o;
            const QStringList columns = CustomerExport::tableStatsColumns();
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const bool number = i >= 2 && i <= 5;
                if (row.at(i).isEmpty())
                    o.insert(columns.at(i), QJsonValue());
                else
                    o.insert(columns.at(i), number ? QJsonValue(row.at(i).toLongLong()) : QJsonValue(row.at(i)));
            }
            tables.append(o);
        }
        root.insert(QLatin1String("tables"), tables);
    }
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
    if (!state.tables.isEmpty()) {
        lines << QString() << CustomerExport::tableStatsColumns().join(u',');
        for (QStringList row : tableRows(state)) {
            for (QString &field : row)
                field = csvField(field);
            lines << row.join(u',');
        }
    }
    return (lines.join(u'\n') + u'\n').toUtf8();
}

} // namespace passlane
