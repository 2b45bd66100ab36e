#include "project/customerscsv.h"

#include "common/safefile.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace passlane {

namespace {

using Rows = Result<QList<SourceWeight>>;

/// Shown in messages: the raw cell, cut short and with control characters made visible.
QString shown(QByteArrayView cell)
{
    QString s = QString::fromUtf8(cell.first(std::min<qsizetype>(cell.size(), 60)));
    for (QChar &c : s)
        if (c.unicode() < 0x20)
            c = QChar(0xFFFD);
    if (cell.size() > 60)
        s += QStringLiteral("...");
    return s;
}

/// Splits one line (no line end) into RFC 4180 fields. Returns false on a broken quote.
bool splitFields(QByteArrayView line, QList<QByteArray> &fields, QString &why)
{
    fields.clear();
    qsizetype i = 0;
    const qsizetype n = line.size();
    for (;;) {
        QByteArray field;
        // Spaces around a field are not part of it (people write "5.9.45, 12").
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i < n && line[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n) {
                    why = QStringLiteral("a quoted field is not closed");
                    return false;
                }
                if (line[i] == '"') {
                    if (i + 1 < n && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i++];
            }
            while (i < n && (line[i] == ' ' || line[i] == '\t'))
                ++i;
            if (i < n && line[i] != ',') {
                why = QStringLiteral("unexpected text after a quoted field");
                return false;
            }
        } else {
            const qsizetype start = i;
            while (i < n && line[i] != ',') {
                if (line[i] == '"') {
                    why = QStringLiteral("a quote inside an unquoted field");
                    return false;
                }
                ++i;
            }
            field = line.sliced(start, i - start).trimmed().toByteArray();
        }
        fields.append(field);
        if (i >= n)
            return true;
        ++i; // the comma
    }
}

/// The common case without quotes, without allocating: up to `max` comma-separated cells.
/// Returns the number of cells (more than `max` means too many).
qsizetype splitPlain(QByteArrayView line, QByteArrayView *cells, qsizetype max)
{
    qsizetype n = 0;
    for (;;) {
        const qsizetype comma = line.indexOf(',');
        const QByteArrayView cell = comma < 0 ? line : line.first(comma);
        if (n < max)
            cells[n] = cell.trimmed();
        ++n;
        if (comma < 0)
            return n;
        line = line.sliced(comma + 1);
    }
}

/// Version::parse's rules ("6.3.0", "v6.3.0", "6.3") on bytes, for speed on large files;
/// nullopt sends the cell to Version::parse itself.
std::optional<Version> quickVersion(QByteArrayView s)
{
    if (!s.isEmpty() && (s[0] == 'v' || s[0] == 'V'))
        s = s.sliced(1);
    int parts[3] = {0, 0, 0};
    int count = 0, digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (++digits > 9)
                return std::nullopt;
            parts[count] = parts[count] * 10 + (c - '0');
        } else if (c == '.' && digits > 0 && count < 2) {
            ++count;
            digits = 0;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || count < 1)
        return std::nullopt;
    return Version{parts[0], parts[1], parts[2]};
}

bool hasDigit(QByteArrayView s)
{
    for (char c : s)
        if (c >= '0' && c <= '9')
            return true;
    return false;
}

/// A non-negative decimal count: digits only, no sign, no spaces, no overflow.
bool parseCount(QByteArrayView s, qint64 &out)
{
    if (s.isEmpty())
        return false;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        if (__builtin_mul_overflow(v, qint64(10), &v) || __builtin_add_overflow(v, qint64(c - '0'), &v))
            return false;
    }
    out = v;
    return true;
}

} // namespace

Result<QList<SourceWeight>> CustomersCsv::readFile(const QString &path)
{
    Result<QByteArray> bytes = readRegularFile(path, limits::customersCsv, QStringLiteral("customers CSV"));
    if (!bytes)
        return bytes.error();
    return parse(bytes.value(), path);
}

Result<QList<SourceWeight>> CustomersCsv::parse(const QByteArray &csv, const QString &path)
{
    QList<SourceWeight> out;
    QHash<Version, qsizetype> index; // version -> position in `out`
    qint64 total = 0;
    bool seenContent = false;
    QList<QByteArray> fields;
    QString why;

    QByteArrayView rest(csv);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    qint64 lineNo = 0;
    while (!rest.isEmpty()) {
        ++lineNo;
        const qsizetype nl = rest.indexOf('\n');
        QByteArrayView line = nl < 0 ? rest : rest.first(nl);
        rest = nl < 0 ? QByteArrayView() : rest.sliced(nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArrayView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        const auto fail = [&](const QString &message) {
            return Rows::failure(path, QStringLiteral("line %1: %2").arg(lineNo).arg(message));
        };
        QByteArrayView cells[2];
        qsizetype cellCount = 0;
        if (line.contains('"')) {
            if (!splitFields(line, fields, why))
                return fail(QStringLiteral("%1 in '%2'").arg(why, shown(trimmed)));
            cellCount = fields.size();
            for (qsizetype k = 0; k < std::min<qsizetype>(cellCount, 2); ++k)
                cells[k] = fields.at(k);
        } else {
            cellCount = splitPlain(line, cells, 2);
        }
        const bool first = !seenContent;
        seenContent = true;
        if (first && !hasDigit(line))
            continue; // header line ("version,instances")
        if (cellCount != 2)
            return fail(QStringLiteral("expected 2 fields (version,instances), found %1 in '%2'")
                            .arg(cellCount)
                            .arg(shown(trimmed)));
        auto version = quickVersion(cells[0]);
        if (!version)
            version = Version::parse(QString::fromUtf8(cells[0]));
        if (!version)
            return fail(QStringLiteral("'%1' is not a version (expected MAJOR.MINOR.PATCH)").arg(shown(cells[0])));
        qint64 instances = 0;
        if (!parseCount(cells[1], instances))
            return fail(QStringLiteral("'%1' is not an instance count (a whole number from 0 to %2)")
                            .arg(shown(cells[1]))
                            .arg(std::numeric_limits<qint64>::max()));
        if (__builtin_add_overflow(total, instances, &total))
            return fail(QStringLiteral("'%1' instances make the total overflow a 64-bit count").arg(instances));
        const auto it = index.constFind(*version);
        if (it == index.cend()) {
            index.insert(*version, out.size());
            out.append({*version, instances});
        } else {
            out[*it].instances += instances; // cannot overflow: bounded by `total`
        }
    }
    return out;
}

} // namespace passlane
