#include "oob/oobsql.h"

#include "sql/sqllexer.h"

#include <QLatin1StringView>
#include <QVarLengthArray>

#include <algorithm>

namespace passlane {

namespace {

using Kind = SqlToken::Kind;

struct Literal {
    bool isNull = false;
    QString text; ///< unquoted
};

/// A value as its tokens: a literal, a literal with a cast ('3.28.0'::text, 42::integer), NULL,
/// or a negative number. Expressions (anything with parentheses) are not evaluated.
std::optional<Literal> literal(const QList<SqlToken> &tokens, bool complex)
{
    if (complex)
        return std::nullopt;
    qsizetype n = 0;
    while (n < tokens.size() && !(tokens.at(n).kind == Kind::Operator && tokens.at(n).text == "::"))
        ++n;
    if (n == 1) {
        const SqlToken &t = tokens.first();
        if (t.isWord("NULL"))
            return Literal{true, {}};
        if (t.kind == Kind::String || t.kind == Kind::Word || t.kind == Kind::Number)
            return Literal{false, QString::fromUtf8(t.value())};
    }
    if (n == 2 && tokens.at(0).kind == Kind::Operator && tokens.at(0).text == "-" && tokens.at(1).kind == Kind::Number)
        return Literal{false, u'-' + QString::fromUtf8(tokens.at(1).text)};
    return std::nullopt;
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

bool isName(const SqlToken &t, const char *upper, const char *lower)
{
    return t.isWord(upper) || (t.kind == Kind::QuotedIdentifier && t.value() == lower);
}

/// Finds INSERT INTO out_of_band_migrations (columns) VALUES (row), ... and
/// UPDATE out_of_band_migrations SET column = value, ... WHERE id = N | id IN (N, ...), token by
/// token: constant memory besides the current row, each token looked at once or twice.
class OobScanner {
public:
    explicit OobScanner(QList<OobSqlStatement> &out) : m_out(out) {}

    void feed(const SqlToken &t)
    {
        std::rotate(m_recent, m_recent + 1, m_recent + recentSize);
        m_recent[recentSize - 1] = t;
        // A token that breaks the current pattern may start the next one.
        if (!step(t)) {
            m_state = State::Idle;
            step(t);
        }
    }

private:
    static constexpr int recentSize = 5;
    enum class State {
        Idle, ColumnsOpen, Column, ColumnSeparator, Values, RowOpen, Row, AfterRow,
        UpdateSet, Assignments, WhereId, WhereOperator, WhereNumber, WhereListOpen, WhereList,
    };

    /// The token `back` places before the current one.
    const SqlToken &recent(int back) const { return m_recent[recentSize - 1 - back]; }

    /// `out_of_band_migrations`, `public.out_of_band_migrations` or their quoted forms ending at
    /// the current token: how many tokens the name takes (0 when it is not the table).
    int tableName() const
    {
        if (!isName(recent(0), "OUT_OF_BAND_MIGRATIONS", "out_of_band_migrations"))
            return 0;
        return recent(1).isPunctuation('.') && isName(recent(2), "PUBLIC", "public") ? 3 : 1;
    }

    bool step(const SqlToken &t)
    {
        const bool comma = t.isPunctuation(',');
        switch (m_state) {
        case State::Idle:
            if (const int name = tableName()) {
                if (recent(name).isWord("INTO") && recent(name + 1).isWord("INSERT")) {
                    m_columns.clear();
                    m_state = State::ColumnsOpen;
                } else if (recent(name).isWord("UPDATE") || (recent(name).isWord("ONLY") && recent(name + 1).isWord("UPDATE"))) {
                    m_assignments.clear();
                    m_current.clear();
                    m_complex = false;
                    m_aliasWords = 0;
                    m_state = State::UpdateSet;
                }
            }
            return true;
        case State::ColumnsOpen:
            m_state = State::Column;
            return t.isPunctuation('(');
        case State::Column:
            if (t.kind != Kind::Word && t.kind != Kind::QuotedIdentifier)
                return false;
            m_columns.append(QString::fromUtf8(t.kind == Kind::Word ? t.text.toByteArray().toLower() : t.value()));
            m_state = State::ColumnSeparator;
            return true;
        case State::ColumnSeparator:
            m_state = comma ? State::Column : State::Values;
            return comma || t.isPunctuation(')');
        case State::Values:
            m_state = State::RowOpen;
            return t.isWord("VALUES");
        case State::RowOpen:
            m_values.clear();
            m_current.clear();
            m_complex = false;
            m_depth = 1;
            m_state = State::Row;
            return t.isPunctuation('(');
        case State::Row:
            if (t.kind == Kind::Semicolon)
                return false;
            if (t.isPunctuation(')') && --m_depth == 0) {
                pushValue();
                insertRow();
                m_state = State::AfterRow;
            } else if (comma && m_depth == 1) {
                pushValue();
            } else {
                if (t.isPunctuation('('))
                    ++m_depth;
                collect(t);
            }
            return true;
        case State::AfterRow:
            m_state = State::RowOpen;
            return comma;
        case State::UpdateSet:
            if (t.isWord("SET")) {
                m_state = State::Assignments;
                m_depth = 0;
                return true;
            }
            return t.kind == Kind::Word && ++m_aliasWords <= 2; // [AS] alias
        case State::Assignments:
            if (t.kind == Kind::Semicolon)
                return false;
            if (m_depth == 0 && (comma || t.isWord("WHERE"))) {
                pushAssignment();
                if (!comma)
                    m_state = State::WhereId;
                return true;
            }
            if (t.isPunctuation('('))
                ++m_depth;
            else if (t.isPunctuation(')') && m_depth > 0)
                --m_depth;
            collect(t);
            return true;
        case State::WhereId:
            m_state = State::WhereOperator;
            return isName(t, "ID", "id");
        case State::WhereOperator:
            m_ids.clear();
            if (t.kind == Kind::Operator && t.text == "=") {
                m_state = State::WhereNumber;
                return true;
            }
            m_state = State::WhereListOpen;
            return t.isWord("IN");
        case State::WhereNumber:
            if (t.kind != Kind::Number)
                return false;
            m_ids.append(t.text.toInt());
            update();
            m_state = State::Idle;
            return true;
        case State::WhereListOpen:
            m_state = State::WhereList;
            return t.isPunctuation('(');
        case State::WhereList:
            if (t.kind == Kind::Number)
                m_ids.append(t.text.toInt());
            else if (t.isPunctuation(')')) {
                update();
                m_state = State::Idle;
            } else if (!comma) {
                return false;
            }
            return true;
        }
        return false;
    }

    /// Keeps the first tokens of the current value; longer ones are expressions.
    void collect(const SqlToken &t)
    {
        if (t.isPunctuation('(') || t.isPunctuation(')') || m_current.size() >= 8)
            m_complex = true;
        else
            m_current.append(t);
    }

    void pushValue()
    {
        m_values.append(literal(m_current, m_complex));
        m_current.clear();
        m_complex = false;
    }

    void pushAssignment()
    {
        // column = value
        if (m_current.size() >= 3 && (m_current.at(0).kind == Kind::Word || m_current.at(0).kind == Kind::QuotedIdentifier)
            && m_current.at(1).kind == Kind::Operator && m_current.at(1).text == "=") {
            const QByteArray column = m_current.at(0).kind == Kind::Word ? m_current.at(0).text.toByteArray().toLower()
                                                                         : m_current.at(0).value();
            m_assignments.append({QString::fromUtf8(column), literal(m_current.mid(2), m_complex)});
        }
        m_current.clear();
        m_complex = false;
    }

    void insertRow()
    {
        if (m_values.size() != m_columns.size())
            return;
        OobSqlStatement st;
        st.kind = OobSqlStatement::Insert;
        std::optional<int> im, in, dm, dn;
        bool depNull = false;
        for (qsizetype i = 0; i < m_columns.size(); ++i)
            if (m_values.at(i))
                assign(st, m_columns.at(i), *m_values.at(i), im, in, dm, dn, depNull);
        finish(st, im, in, dm, dn, depNull);
        if (st.id > 0)
            m_out.append(st);
    }

    void update()
    {
        OobSqlStatement st;
        st.kind = OobSqlStatement::Update;
        std::optional<int> im, in, dm, dn;
        bool depNull = false;
        for (const auto &[column, value] : std::as_const(m_assignments))
            if (value)
                assign(st, column, *value, im, in, dm, dn, depNull);
        finish(st, im, in, dm, dn, depNull);
        for (int id : std::as_const(m_ids)) {
            if (id <= 0)
                continue;
            st.id = id;
            m_out.append(st);
        }
    }

    QList<OobSqlStatement> &m_out;
    SqlToken m_recent[recentSize];
    State m_state = State::Idle;
    QStringList m_columns;
    QList<std::optional<Literal>> m_values;
    QList<std::pair<QString, std::optional<Literal>>> m_assignments;
    QList<SqlToken> m_current;
    QList<int> m_ids;
    bool m_complex = false;
    int m_depth = 0;
    int m_aliasWords = 0;
};

} // namespace

QList<OobSqlStatement> parseOobSql(const QByteArray &bytes)
{
    QList<OobSqlStatement> out;
    // Cheap pre-check: almost no migration mentions the table.
    if (!QLatin1StringView(bytes).contains(QLatin1StringView("out_of_band_migrations"), Qt::CaseInsensitive))
        return out;
    // Registrations count where the code runs: top level and DO bodies (see StaticChecks::scan).
    OobScanner scanner(out);
    SqlLexer::forEachExecutedToken(bytes, [&scanner](const SqlToken &t) { scanner.feed(t); });
    return out;
}

} // namespace passlane
