#include "oob/oobsql.h"

#include <QRegularExpression>
#include <QStringList>

namespace passlane {

namespace {

/// Removes `-- line` and `/* block */` comments outside string literals.
QString stripComments(const QString &sql)
{
    QString out;
    out.reserve(sql.size());
    bool inString = false;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (inString) {
            out.append(c);
            if (c == u'\'')
                inString = false; // '' re-enters on the next quote
            continue;
        }
        if (c == u'\'') {
            inString = true;
            out.append(c);
        } else if (c == u'-' && i + 1 < sql.size() && sql.at(i + 1) == u'-') {
            while (i < sql.size() && sql.at(i) != u'\n')
                ++i;
            out.append(u'\n');
        } else if (c == u'/' && i + 1 < sql.size() && sql.at(i + 1) == u'*') {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? sql.size() : end + 1;
            out.append(u' ');
        } else {
            out.append(c);
        }
    }
    return out;
}

/// Splits on top-level commas (outside quotes and parentheses).
QStringList splitTopLevel(QStringView text)
{
    QStringList parts;
    int depth = 0;
    bool inString = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (c == u'\'')
                inString = false;
        } else if (c == u'\'') {
            inString = true;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            --depth;
        } else if (c == u',' && depth == 0) {
            parts.append(text.mid(start, i - start).trimmed().toString());
            start = i + 1;
        }
    }
    parts.append(text.mid(start).trimmed().toString());
    return parts;
}

/// The text between the '(' at `open` and its matching ')', or -1 when unbalanced.
qsizetype matchParen(const QString &s, qsizetype open)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = open; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (inString) {
            if (c == u'\'')
                inString = false;
        } else if (c == u'\'') {
            inString = true;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i;
        }
    }
    return -1;
}

struct Literal {
    bool isNull = false;
    QString text; ///< unquoted
};

std::optional<Literal> literal(QString v)
{
    v = v.trimmed();
    // Casts such as '3.28.0'::text or 42::integer.
    const qsizetype cast = v.lastIndexOf(QLatin1String("::"));
    if (cast > 0 && !v.mid(cast).contains(u'\''))
        v = v.left(cast).trimmed();
    if (v.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0)
        return Literal{true, {}};
    if (v.size() >= 2 && v.startsWith(u'\'') && v.endsWith(u'\''))
        return Literal{false, v.mid(1, v.size() - 2).replace(QLatin1String("''"), QLatin1String("'"))};
    if (v.isEmpty() || v.contains(u'('))
        return std::nullopt; // an expression we do not evaluate
    return Literal{false, v};
}

std::optional<bool> toBool(const QString &s)
{
    const QString l = s.toLower();
    if (l == u"true" || l == u"t" || l == u"1")
        return true;
    if (l == u"false" || l == u"f" || l == u"0")
        return false;
    return std::nullopt;
}

/// Applies `column = value` to the statement; major/minor halves are collected separately.
void assign(OobSqlStatement &st, const QString &column, const Literal &lit,
            std::optional<int> &introMajor, std::optional<int> &introMinor,
            std::optional<int> &depMajor, std::optional<int> &depMinor, bool &depNull)
{
    const QString col = column.trimmed().toLower().remove(u'"');
    bool okInt = false;
    const int n = lit.text.toInt(&okInt);
    if (col == u"id") {
        if (okInt)
            st.id = n;
    } else if (col == u"team") {
        st.team = lit.text;
    } else if (col == u"component") {
        st.component = lit.text;
    } else if (col == u"description") {
        st.description = lit.text;
    } else if (col == u"non_destructive") {
        st.nonDestructive = toBool(lit.text);
    } else if (col == u"is_enterprise") {
        st.isEnterprise = toBool(lit.text);
    } else if (col == u"introduced") {
        st.introduced = MinorVersion::parse(lit.text);
    } else if (col == u"deprecated") {
        if (lit.isNull)
            depNull = true;
        else
            st.deprecated = MinorVersion::parse(lit.text);
    } else if (col == u"introduced_version_major" && okInt) {
        introMajor = n;
    } else if (col == u"introduced_version_minor" && okInt) {
        introMinor = n;
    } else if (col == u"deprecated_version_major") {
        if (lit.isNull)
            depNull = true;
        else if (okInt)
            depMajor = n;
    } else if (col == u"deprecated_version_minor") {
        if (lit.isNull)
            depNull = true;
        else if (okInt)
            depMinor = n;
    }
}

void finish(OobSqlStatement &st, std::optional<int> im, std::optional<int> in, std::optional<int> dm,
            std::optional<int> dn, bool depNull)
{
    if (im && in)
        st.introduced = MinorVersion{*im, *in};
    if (dm && dn)
        st.deprecated = MinorVersion{*dm, *dn};
    if (depNull && !st.deprecated)
        st.deprecatedCleared = true;
}

void parseInsert(const QString &sql, qsizetype from, QList<OobSqlStatement> &out)
{
    const qsizetype colOpen = sql.indexOf(u'(', from);
    if (colOpen < 0)
        return;
    const qsizetype colClose = matchParen(sql, colOpen);
    if (colClose < 0)
        return;
    const QStringList columns = splitTopLevel(QStringView(sql).mid(colOpen + 1, colClose - colOpen - 1));
    static const QRegularExpression valuesRe(QStringLiteral("\\G\\s*VALUES\\s*"),
                                             QRegularExpression::CaseInsensitiveOption);
    const auto vm = valuesRe.match(sql, colClose + 1, QRegularExpression::NormalMatch,
                                   QRegularExpression::AnchorAtOffsetMatchOption);
    if (!vm.hasMatch())
        return;
    qsizetype pos = vm.capturedEnd();
    // One or more rows: (...), (...)
    while (pos < sql.size() && sql.at(pos) == u'(') {
        const qsizetype close = matchParen(sql, pos);
        if (close < 0)
            return;
        const QStringList values = splitTopLevel(QStringView(sql).mid(pos + 1, close - pos - 1));
        if (values.size() == columns.size()) {
            OobSqlStatement st;
            st.kind = OobSqlStatement::Insert;
            std::optional<int> im, in, dm, dn;
            bool depNull = false;
            for (qsizetype i = 0; i < columns.size(); ++i)
                if (auto lit = literal(values.at(i)))
                    assign(st, columns.at(i), *lit, im, in, dm, dn, depNull);
            finish(st, im, in, dm, dn, depNull);
            if (st.id > 0)
                out.append(st);
        }
        pos = close + 1;
        while (pos < sql.size() && sql.at(pos).isSpace())
            ++pos;
        if (pos < sql.size() && sql.at(pos) == u',') {
            ++pos;
            while (pos < sql.size() && sql.at(pos).isSpace())
                ++pos;
        } else {
            break;
        }
    }
}

void parseUpdate(const QString &statement, QList<OobSqlStatement> &out)
{
    static const QRegularExpression re(
        QStringLiteral("SET\\s+(.*?)\\s+WHERE\\s+id\\s*(=\\s*(\\d+)|IN\\s*\\(([\\d\\s,]+)\\))"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(statement);
    if (!m.hasMatch())
        return;
    QList<int> ids;
    if (!m.captured(3).isEmpty()) {
        ids.append(m.captured(3).toInt());
    } else {
        for (const QString &part : m.captured(4).split(u',', Qt::SkipEmptyParts))
            ids.append(part.trimmed().toInt());
    }
    OobSqlStatement st;
    st.kind = OobSqlStatement::Update;
    std::optional<int> im, in, dm, dn;
    bool depNull = false;
    for (const QString &a : splitTopLevel(m.captured(1))) {
        const qsizetype eq = a.indexOf(u'=');
        if (eq < 0)
            continue;
        if (auto lit = literal(a.mid(eq + 1)))
            assign(st, a.left(eq), *lit, im, in, dm, dn, depNull);
    }
    finish(st, im, in, dm, dn, depNull);
    for (int id : ids) {
        if (id <= 0)
            continue;
        st.id = id;
        out.append(st);
    }
}

} // namespace

QList<OobSqlStatement> parseOobSql(const QByteArray &bytes)
{
    QList<OobSqlStatement> out;
    // Cheap pre-check: almost no migration mentions the table.
    if (!bytes.contains("out_of_band_migrations") && !bytes.contains("OUT_OF_BAND_MIGRATIONS"))
        return out;
    const QString sql = stripComments(QString::fromUtf8(bytes));
    static const QRegularExpression insertRe(
        QStringLiteral("INSERT\\s+INTO\\s+(?:\"?public\"?\\.)?\"?out_of_band_migrations\"?\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    auto it = insertRe.globalMatch(sql);
    while (it.hasNext()) {
        const auto m = it.next();
        parseInsert(sql, m.capturedStart() + m.capturedLength() - 1, out);
    }
    static const QRegularExpression updateRe(
        QStringLiteral("UPDATE\\s+(?:\"?public\"?\\.)?\"?out_of_band_migrations\"?\\s+([^;]*)"),
        QRegularExpression::CaseInsensitiveOption);
    auto uit = updateRe.globalMatch(sql);
    while (uit.hasNext())
        parseUpdate(uit.next().captured(1), out);
    return out;
}

} // namespace passlane
