#include "sql/statementclass.h"

#include "sql/sqllexer.h"

#include <QSet>

#include <array>

namespace passlane {

namespace {

struct ClassName {
    StatementClass c;
    const char *name;
};

constexpr std::array<ClassName, 6> kNames{{
    {StatementClass::MetadataOnly, "metadata-only"},
    {StatementClass::TableRewrite, "table-rewrite"},
    {StatementClass::FullScanUnderLock, "full-scan-under-lock"},
    {StatementClass::IndexBuild, "index-build"},
    {StatementClass::ConcurrentIndexBuild, "concurrent-index-build"},
    {StatementClass::Backfill, "backfill"},
}};

/// One token copied out of the lexer (body tokens of a DO block live only during the visit).
struct Tok {
    SqlToken::Kind kind = SqlToken::Kind::End;
    QByteArray upper; ///< words upper-cased; other tokens as written
    QByteArray name;  ///< identifiers: the name, lower-cased unless quoted
    int line = 1;
    int depth = 0;    ///< parenthesis depth at the token (the parenthesis itself counts outside)

    bool word(const char *w) const { return kind == SqlToken::Kind::Word && upper == w; }
    bool punct(char c) const { return kind == SqlToken::Kind::Punctuation && upper.size() == 1 && upper.front() == c; }
    bool identifier() const { return kind == SqlToken::Kind::Word || kind == SqlToken::Kind::QuotedIdentifier; }
};

using Toks = QList<Tok>;

/// Rank of the work a class makes the server do, to give a statement with several actions
/// (ALTER TABLE a, b) the class of its most expensive one.
int rank(StatementClass c)
{
    switch (c) {
    case StatementClass::MetadataOnly: return 0;
    case StatementClass::Backfill: return 1;
    case StatementClass::ConcurrentIndexBuild: return 2;
    case StatementClass::FullScanUnderLock: return 3;
    case StatementClass::IndexBuild: return 4;
    case StatementClass::TableRewrite: return 5;
    }
    return 0;
}

/// A possibly qualified name at `i` (schema.table, "quoted"): its last part. Advances `i` past it.
QByteArray qualifiedName(const Toks &t, qsizetype &i)
{
    QByteArray last;
    while (i < t.size() && t[i].identifier()) {
        last = t[i].name;
        if (i + 2 < t.size() && t[i + 1].punct('.') && t[i + 2].identifier()) {
            i += 2;
            continue;
        }
        ++i;
        break;
    }
    return last;
}

bool containsWord(const Toks &t, qsizetype from, qsizetype to, const char *w)
{
    for (qsizetype i = from; i < to && i < t.size(); ++i)
        if (t[i].word(w))
            return true;
    return false;
}

/// Two adjacent words (NOT VALID, PRIMARY KEY).
bool containsPair(const Toks &t, qsizetype from, qsizetype to, const char *a, const char *b)
{
    for (qsizetype i = from; i + 1 < to && i + 1 < t.size(); ++i)
        if (t[i].word(a) && t[i + 1].word(b))
            return true;
    return false;
}

/// Names bound by WITH ... name AS ( ... ): not tables.
QSet<QByteArray> cteNames(const Toks &t)
{
    QSet<QByteArray> names;
    for (qsizetype i = 0; i + 2 < t.size(); ++i)
        if (t[i].identifier() && t[i + 1].word("AS") && t[i + 2].punct('(') && t[i].depth == 0)
            names.insert(t[i].name);
    return names;
}

/// Tables read by FROM and JOIN clauses from `from` on (subqueries included, functions and CTEs not).
QStringList sourceTables(const Toks &t, qsizetype from)
{
    const QSet<QByteArray> ctes = cteNames(t);
    QStringList out;
    auto add = [&](const QByteArray &n) {
        const QString s = QString::fromUtf8(n);
        if (!n.isEmpty() && !ctes.contains(n) && !out.contains(s))
            out.append(s);
    };
    for (qsizetype i = from; i < t.size(); ++i) {
        if (!(t[i].word("FROM") || t[i].word("JOIN")))
            continue;
        qsizetype j = i + 1;
        for (;;) {
            while (j < t.size() && (t[j].word("ONLY") || t[j].word("LATERAL")))
                ++j;
            if (j >= t.size() || !t[j].identifier())
                break;
            const int depth = t[j].depth;
            const QByteArray n = qualifiedName(t, j);
            if (j < t.size() && t[j].punct('('))
                break; // a set-returning function such as generate_series(...)
            add(n);
            if (j < t.size() && t[j].word("AS"))
                ++j;
            if (j < t.size() && t[j].kind == SqlToken::Kind::Word && !t[j].word("WHERE") && !t[j].word("JOIN")
                && !t[j].word("ON") && !t[j].word("LEFT") && !t[j].word("INNER") && !t[j].word("RIGHT")
                && !t[j].word("CROSS") && !t[j].word("FULL") && !t[j].word("GROUP") && !t[j].word("ORDER")
                && !t[j].word("LIMIT") && !t[j].word("UNION") && !t[j].word("NATURAL") && !t[j].word("USING"))
                ++j; // alias
            if (j < t.size() && t[j].punct(',') && t[j].depth == depth) {
                ++j;
                continue;
            }
            break;
        }
    }
    return out;
}

/// Functions whose value differs per row: a column added with one as its default is written
/// into every existing row. Others (constants, now(), stable functions) are stored once.
bool isVolatileFunction(const QByteArray &upper)
{
    static const QSet<QByteArray> names{"RANDOM",        "GEN_RANDOM_UUID", "UUID_GENERATE_V4", "UUID_GENERATE_V1",
                                        "CLOCK_TIMESTAMP", "TIMEOFDAY",     "NEXTVAL"};
    return names.contains(upper);
}

/// ADD [COLUMN] [IF NOT EXISTS] name type [constraints...]: the tokens after ADD [COLUMN].
StatementClass classifyAddColumn(const Toks &a, qsizetype from)
{
    const qsizetype end = a.size();
    StatementClass c = StatementClass::MetadataOnly;
    auto raise = [&c](StatementClass k) {
        if (rank(k) > rank(c))
            c = k;
    };
    for (qsizetype i = from; i < end; ++i) {
        const Tok &k = a[i];
        if (k.kind != SqlToken::Kind::Word)
            continue;
        if (k.upper == "SERIAL" || k.upper == "BIGSERIAL" || k.upper == "SMALLSERIAL" || k.upper == "SERIAL4"
            || k.upper == "SERIAL8" || k.upper == "SERIAL2")
            raise(StatementClass::TableRewrite); // a sequence value per existing row
        else if (k.upper == "IDENTITY" || k.upper == "STORED")
            raise(StatementClass::TableRewrite); // identity and stored generated columns fill every row
        else if (isVolatileFunction(k.upper) && i + 1 < end && a[i + 1].punct('('))
            raise(StatementClass::TableRewrite);
        else if ((k.upper == "PRIMARY" && i + 1 < end && a[i + 1].word("KEY")) || k.upper == "UNIQUE")
            raise(StatementClass::IndexBuild);
        else if (k.upper == "CHECK" || k.upper == "REFERENCES")
            raise(StatementClass::FullScanUnderLock); // validated against every existing row
    }
    return c;
}

/// One action of ALTER TABLE (the tokens between commas at the statement's depth).
StatementClass classifyAlterAction(const Toks &a)
{
    if (a.isEmpty())
        return StatementClass::MetadataOnly;
    const qsizetype n = a.size();
    if (a[0].word("ADD")) {
        qsizetype i = 1;
        bool constraint = false;
        if (i < n && a[i].word("CONSTRAINT")) {
            constraint = true;
            i += 2; // CONSTRAINT name
        }
        if (i < n && (a[i].word("PRIMARY") || a[i].word("UNIQUE") || a[i].word("EXCLUDE"))) {
            if (containsPair(a, i, n, "USING", "INDEX"))
                return StatementClass::MetadataOnly; // an existing index becomes the constraint
            return StatementClass::IndexBuild;
        }
        if (i < n && (a[i].word("CHECK") || a[i].word("FOREIGN"))) {
            if (containsPair(a, i, n, "NOT", "VALID"))
                return StatementClass::MetadataOnly; // checked later by VALIDATE CONSTRAINT
            return StatementClass::FullScanUnderLock;
        }
        if (constraint)
            return StatementClass::MetadataOnly;
        if (i < n && a[i].word("COLUMN"))
            ++i;
        return classifyAddColumn(a, i);
    }
    if (a[0].word("ALTER")) {
        qsizetype i = 1;
        if (i < n && a[i].word("COLUMN"))
            ++i;
        ++i; // the column name
        if (i < n && (a[i].word("TYPE") || (a[i].word("SET") && i + 2 < n && a[i + 1].word("DATA") && a[i + 2].word("TYPE"))))
            return StatementClass::TableRewrite;
        if (i + 1 < n && a[i].word("SET") && a[i + 1].word("NOT"))
            return StatementClass::FullScanUnderLock; // SET NOT NULL reads every row
        if (i + 1 < n && a[i].word("SET") && a[i + 1].word("EXPRESSION"))
            return StatementClass::TableRewrite;
        return StatementClass::MetadataOnly;
    }
    if (a[0].word("VALIDATE"))
        return StatementClass::FullScanUnderLock;
    if (a[0].word("ATTACH"))
        return StatementClass::FullScanUnderLock; // the partition's rows are checked against its bound
    if (a[0].word("SET") && n > 1
        && (a[1].word("LOGGED") || a[1].word("UNLOGGED") || a[1].word("TABLESPACE") || a[1].word("ACCESS")))
        return StatementClass::TableRewrite;
    return StatementClass::MetadataOnly;
}

/// PL/pgSQL control words: a fragment of a DO body made of these alone runs no command.
bool isControlFragment(const Toks &all)
{
    static const QSet<QByteArray> words{"DO",     "BEGIN", "END",   "EXCEPTION", "IF",     "ELSE",  "ELSIF",
                                        "RAISE",  "RETURN", "DECLARE", "LOOP",    "EXIT",   "CONTINUE", "WHEN"};
    return all.front().kind == SqlToken::Kind::Word && words.contains(all.front().upper);
}

/// Transaction control and session settings (COMMIT [AND CHAIN], SAVEPOINT, SET LOCAL ...):
/// PostgreSQL changes no catalog row and no table for them; the commit's WAL flush is already in
/// every class's measured fixed part (each is measured in its own transaction).
bool isTransactionOrSessionControl(const Toks &all)
{
    static const QSet<QByteArray> words{"COMMIT", "ROLLBACK", "ABORT", "START", "SAVEPOINT", "RELEASE", "SET", "RESET"};
    return all.front().kind == SqlToken::Kind::Word && words.contains(all.front().upper);
}

std::optional<ClassifiedStatement> classifyOne(const Toks &all)
{
    if (!all.isEmpty() && isTransactionOrSessionControl(all))
        return std::nullopt;
    ClassifiedStatement out;
    // PL/pgSQL control words (BEGIN, IF ... THEN, EXCEPTION WHEN ...) come before the command in
    // a DO body: the command is the first word at depth 0 that starts one.
    static const QSet<QByteArray> starters{"ALTER",  "CREATE",  "UPDATE",  "DELETE", "INSERT",
                                           "REFRESH", "CLUSTER", "VACUUM", "REINDEX", "SELECT"};
    qsizetype s = 0;
    while (s < all.size() && !(all[s].depth == 0 && all[s].kind == SqlToken::Kind::Word && starters.contains(all[s].upper)))
        ++s;
    if (s >= all.size()) {
        if (all.isEmpty() || isControlFragment(all))
            return std::nullopt;
        out.line = all.front().line;
        return out;
    }
    // A WITH clause before the command (WITH x AS (...) INSERT ...): its reads count too.
    qsizetype with = s;
    for (qsizetype j = 0; j < s; ++j)
        if (all[j].depth == 0 && all[j].word("WITH")) {
            with = j;
            break;
        }
    const Toks t = all.mid(s);
    out.line = t.front().line;
    const qsizetype n = t.size();
    auto tablesFrom = [](const QByteArray &name) { return name.isEmpty() ? QStringList{} : QStringList{QString::fromUtf8(name)}; };

    if (t[0].word("CREATE")) {
        qsizetype i = 1;
        if (i < n && t[i].word("UNIQUE"))
            ++i;
        if (i < n && t[i].word("INDEX")) {
            const bool concurrent = i + 1 < n && t[i + 1].word("CONCURRENTLY");
            for (qsizetype j = i + 1; j < n; ++j) {
                if (t[j].word("ON") && t[j].depth == 0) {
                    qsizetype k = j + 1;
                    if (k < n && t[k].word("ONLY"))
                        ++k;
                    out.tables = tablesFrom(qualifiedName(t, k));
                    break;
                }
            }
            out.statementClass = concurrent ? StatementClass::ConcurrentIndexBuild : StatementClass::IndexBuild;
            return out;
        }
        // CREATE TABLE ... AS SELECT, CREATE MATERIALIZED VIEW ... AS SELECT: filled from their sources.
        const bool materialized = containsWord(t, 1, 4, "MATERIALIZED");
        const bool table = containsWord(t, 1, 5, "TABLE");
        if ((materialized || table) && !containsPair(t, 0, n, "NO", "DATA")) {
            for (qsizetype j = 1; j + 1 < n; ++j) {
                if (t[j].depth == 0 && t[j].word("AS") && (t[j + 1].word("SELECT") || t[j + 1].word("WITH") || t[j + 1].punct('('))) {
                    out.tables = sourceTables(all, s + j + 1);
                    if (!out.tables.isEmpty())
                        out.statementClass = StatementClass::Backfill;
                    return out;
                }
            }
        }
        return out;
    }
    if (t[0].word("ALTER") && n > 1 && t[1].word("TABLE")) {
        qsizetype i = 2;
        if (i + 1 < n && t[i].word("IF") && t[i + 1].word("EXISTS"))
            i += 2;
        if (i < n && t[i].word("ONLY"))
            ++i;
        if (i < n && t[i].word("ALL"))
            return out; // ALL IN TABLESPACE: no single table
        const QByteArray table = qualifiedName(t, i);
        if (i < n && t[i].kind == SqlToken::Kind::Operator && t[i].upper == "*")
            ++i;
        StatementClass c = StatementClass::MetadataOnly;
        Toks action;
        for (; i <= n; ++i) {
            if (i == n || (t[i].punct(',') && t[i].depth == 0)) {
                const StatementClass k = classifyAlterAction(action);
                if (rank(k) > rank(c))
                    c = k;
                action.clear();
                continue;
            }
            action.append(t[i]);
        }
        out.statementClass = c;
        if (c != StatementClass::MetadataOnly)
            out.tables = tablesFrom(table);
        return out;
    }
    if (t[0].word("UPDATE")) {
        qsizetype i = 1;
        if (i < n && t[i].word("ONLY"))
            ++i;
        out.statementClass = StatementClass::Backfill;
        out.tables = tablesFrom(qualifiedName(t, i));
        return out;
    }
    if (t[0].word("DELETE")) {
        qsizetype i = 1;
        if (i < n && t[i].word("FROM"))
            ++i;
        if (i < n && t[i].word("ONLY"))
            ++i;
        out.statementClass = StatementClass::Backfill;
        out.tables = tablesFrom(qualifiedName(t, i));
        return out;
    }
    if (t[0].word("INSERT")) {
        // INSERT ... VALUES writes the rows it lists; INSERT ... SELECT scales with what it reads.
        for (qsizetype j = 1; j < n; ++j) {
            if (t[j].word("SELECT")) {
                // The target of INSERT INTO t is never a source: FROM comes after SELECT.
                out.tables = sourceTables(all, with);
                if (!out.tables.isEmpty())
                    out.statementClass = StatementClass::Backfill;
                return out;
            }
        }
        return out;
    }
    if (t[0].word("REFRESH")) {
        qsizetype i = 1;
        while (i < n && (t[i].word("MATERIALIZED") || t[i].word("VIEW") || t[i].word("CONCURRENTLY")))
            ++i;
        out.statementClass = StatementClass::Backfill;
        out.tables = tablesFrom(qualifiedName(t, i));
        return out;
    }
    if (t[0].word("CLUSTER") || (t[0].word("VACUUM") && containsWord(t, 1, 3, "FULL"))) {
        qsizetype i = 1;
        while (i < n && (t[i].word("FULL") || t[i].word("VERBOSE") || t[i].word("ANALYZE")))
            ++i;
        out.statementClass = StatementClass::TableRewrite;
        out.tables = tablesFrom(qualifiedName(t, i));
        return out;
    }
    if (t[0].word("REINDEX")) {
        qsizetype i = 1;
        const bool table = i < n && t[i].word("TABLE");
        if (i < n && (t[i].word("TABLE") || t[i].word("INDEX")))
            ++i;
        const bool concurrent = i < n && t[i].word("CONCURRENTLY");
        if (concurrent)
            ++i;
        out.statementClass = concurrent ? StatementClass::ConcurrentIndexBuild : StatementClass::IndexBuild;
        if (table)
            out.tables = tablesFrom(qualifiedName(t, i));
        return out;
    }
    return out;
}

} // namespace

QString statementClassName(StatementClass c)
{
    for (const ClassName &n : kNames)
        if (n.c == c)
            return QString::fromLatin1(n.name);
    return QStringLiteral("metadata-only");
}

std::optional<StatementClass> statementClassFromName(QStringView name)
{
    for (const ClassName &n : kNames)
        if (name == QLatin1String(n.name))
            return n.c;
    return std::nullopt;
}

QList<StatementClass> allStatementClasses()
{
    QList<StatementClass> out;
    for (const ClassName &n : kNames)
        out.append(n.c);
    return out;
}

QList<ClassifiedStatement> classifyStatements(QByteArrayView sql)
{
    QList<ClassifiedStatement> out;
    Toks current;
    int depth = 0;
    auto flush = [&] {
        if (!current.isEmpty())
            if (const auto c = classifyOne(current))
                out.append(*c);
        current.clear();
        depth = 0;
    };
    SqlLexer::forEachExecutedToken(sql, [&](const SqlToken &tok) {
        if (tok.kind == SqlToken::Kind::Semicolon) {
            flush();
            return;
        }
        Tok t;
        t.kind = tok.kind;
        t.line = tok.line;
        if (tok.kind == SqlToken::Kind::Word) {
            t.upper = tok.text.toByteArray().toUpper();
            t.name = tok.text.toByteArray().toLower();
        } else if (tok.kind == SqlToken::Kind::QuotedIdentifier) {
            t.upper = tok.text.toByteArray();
            t.name = tok.value();
        } else if (tok.kind == SqlToken::Kind::Punctuation || tok.kind == SqlToken::Kind::Operator) {
            t.upper = tok.text.toByteArray();
        }
        if (t.punct(')') && depth > 0)
            --depth;
        t.depth = depth;
        if (t.punct('('))
            ++depth;
        current.append(std::move(t));
    });
    flush();
    return out;
}

} // namespace passlane
