// The SQL lexer on its own: tokens, statements, and the code a script executes.
#include "sql/sqllexer.h"

#include <QtTest>

using namespace passlane;

namespace {

QString kindName(SqlToken::Kind k)
{
    switch (k) {
    case SqlToken::Kind::End: return QStringLiteral("End");
    case SqlToken::Kind::Word: return QStringLiteral("Word");
    case SqlToken::Kind::QuotedIdentifier: return QStringLiteral("Ident");
    case SqlToken::Kind::String: return QStringLiteral("String");
    case SqlToken::Kind::Number: return QStringLiteral("Number");
    case SqlToken::Kind::Parameter: return QStringLiteral("Param");
    case SqlToken::Kind::Operator: return QStringLiteral("Op");
    case SqlToken::Kind::Punctuation: return QStringLiteral("Punct");
    case SqlToken::Kind::Semicolon: return QStringLiteral("Semi");
    case SqlToken::Kind::Comment: return QStringLiteral("Comment");
    }
    return {};
}

/// "Kind text" per token, "!" after the text when unterminated, "@line" when not on line 1.
QStringList describe(const QList<SqlToken> &tokens)
{
    QStringList out;
    for (const SqlToken &t : tokens) {
        QString s = kindName(t.kind) + u' ' + QString::fromUtf8(t.text.toByteArray());
        if (t.unterminated())
            s += u'!';
        if (t.line != 1)
            s += u'@' + QString::number(t.line);
        out << s;
    }
    return out;
}

} // namespace

class TestSqlLexer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("block comments nest")
            << QByteArray("/* a /* b */ c */ SELECT")
            << QStringList{u"Comment /* a /* b */ c */"_qs, u"Word SELECT"_qs};
        QTest::newRow("line comment ends at the newline")
            << QByteArray("a -- b; c\nd") << QStringList{u"Word a"_qs, u"Comment -- b; c"_qs, u"Word d@2"_qs};
        QTest::newRow("-- inside a string is text")
            << QByteArray("'a -- b' c") << QStringList{u"String 'a -- b'"_qs, u"Word c"_qs};
        QTest::newRow("/* inside a string is text")
            << QByteArray("'/*' c") << QStringList{u"String '/*'"_qs, u"Word c"_qs};
        QTest::newRow("doubled quote")
            << QByteArray("'it''s' x") << QStringList{u"String 'it''s'"_qs, u"Word x"_qs};
        QTest::newRow("E string with an escaped quote")
            << QByteArray("E'\\'' x") << QStringList{u"String E'\\''"_qs, u"Word x"_qs};
        QTest::newRow("lower-case e prefix")
            << QByteArray("e'a\\'b' x") << QStringList{u"String e'a\\'b'"_qs, u"Word x"_qs};
        QTest::newRow("backslash in a standard string is text")
            << QByteArray("'C:\\' x") << QStringList{u"String 'C:\\'"_qs, u"Word x"_qs};
        QTest::newRow("a word ending in e is no prefix")
            << QByteArray("type'x'") << QStringList{u"Word type"_qs, u"String 'x'"_qs};
        QTest::newRow("quoted identifier with doubled quote")
            << QByteArray("\"a\"\"b\".c") << QStringList{u"Ident \"a\"\"b\""_qs, u"Punct ."_qs, u"Word c"_qs};
        QTest::newRow("empty dollar tag")
            << QByteArray("$$ a; 'b $$;") << QStringList{u"String $$ a; 'b $$"_qs, u"Semi ;"_qs};
        QTest::newRow("named tag holds another tag")
            << QByteArray("$fn$ x $other$ y $other$ z $fn$ w")
            << QStringList{u"String $fn$ x $other$ y $other$ z $fn$"_qs, u"Word w"_qs};
        QTest::newRow("$1 is a parameter, not a tag")
            << QByteArray("$1 + $2") << QStringList{u"Param $1"_qs, u"Op +"_qs, u"Param $2"_qs};
        QTest::newRow("dollar inside a word")
            << QByteArray("a$b$ c") << QStringList{u"Word a$b$"_qs, u"Word c"_qs};
        QTest::newRow("tags are case-sensitive")
            << QByteArray("$A$ x $a$ y $A$") << QStringList{u"String $A$ x $a$ y $A$"_qs};
        QTest::newRow("numbers")
            << QByteArray("1 1.5e-3 .5 0x1F 10_000")
            << QStringList{u"Number 1"_qs, u"Number 1.5e-3"_qs, u"Number .5"_qs, u"Number 0x1F"_qs, u"Number 10_000"_qs};
        QTest::newRow("operators and casts")
            << QByteArray("a<>b::int")
            << QStringList{u"Word a"_qs, u"Op <>"_qs, u"Word b"_qs, u"Op ::"_qs, u"Word int"_qs};
        QTest::newRow("an operator never swallows a comment")
            << QByteArray("a+--c\nb") << QStringList{u"Word a"_qs, u"Op +"_qs, u"Comment --c"_qs, u"Word b@2"_qs};
        QTest::newRow("prefixed strings")
            << QByteArray("B'101' X'1F' N'n' U&'u'")
            << QStringList{u"String B'101'"_qs, u"String X'1F'"_qs, u"String N'n'"_qs, u"String U&'u'"_qs};
        QTest::newRow("lines inside a token")
            << QByteArray("'a\nb' c\n/* d\n*/ e")
            << QStringList{u"String 'a\nb'"_qs, u"Word c@2"_qs, u"Comment /* d\n*/@3"_qs, u"Word e@4"_qs};
        QTest::newRow("unterminated block comment")
            << QByteArray("a /* b /* c */") << QStringList{u"Word a"_qs, u"Comment /* b /* c */!"_qs};
        QTest::newRow("unterminated string") << QByteArray("a 'b;") << QStringList{u"Word a"_qs, u"String 'b;!"_qs};
        QTest::newRow("unterminated E string ending in a backslash")
            << QByteArray("E'a\\") << QStringList{u"String E'a\\!"_qs};
        QTest::newRow("unterminated identifier") << QByteArray("\"a") << QStringList{u"Ident \"a!"_qs};
        QTest::newRow("unterminated dollar quote")
            << QByteArray("$x$ a $y$ b") << QStringList{u"String $x$ a $y$ b!"_qs};
        QTest::newRow("lone dollar") << QByteArray("$ a") << QStringList{u"Punct $"_qs, u"Word a"_qs};
        QTest::newRow("empty") << QByteArray("  \n ") << QStringList{};
    }
    void tokens()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QStringList, tokens);
        QCOMPARE(describe(SqlLexer::tokens(sql)), tokens);
    }

    void values_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("doubled quote") << QByteArray("'it''s'") << QByteArray("it's");
        QTest::newRow("E escapes") << QByteArray("E'a\\'b\\n\\\\\\x41\\101'") << QByteArray("a'b\n\\AA");
        QTest::newRow("E doubled quote") << QByteArray("E'a''b'") << QByteArray("a'b");
        QTest::newRow("standard backslash") << QByteArray("'a\\b'") << QByteArray("a\\b");
        QTest::newRow("quoted identifier") << QByteArray("\"a\"\"b\"") << QByteArray("a\"b");
        QTest::newRow("dollar body") << QByteArray("$t$ it's $$ $t$") << QByteArray(" it's $$ ");
        QTest::newRow("empty dollar body") << QByteArray("$$$$") << QByteArray("");
        QTest::newRow("unterminated string") << QByteArray("'abc") << QByteArray("abc");
        QTest::newRow("unterminated dollar") << QByteArray("$q$abc") << QByteArray("abc");
    }
    void values()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, value);
        const QList<SqlToken> tokens = SqlLexer::tokens(sql);
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().value(), value);
    }

    void statements_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QStringList>("statements"); // "line: text", "!" when unterminated
        QTest::newRow("two statements, comments around")
            << QByteArray("-- head\nSELECT 1; /* x */\n\nSELECT 2 -- tail\n;")
            << QStringList{u"2: SELECT 1"_qs, u"4: SELECT 2"_qs};
        QTest::newRow("last statement without semicolon")
            << QByteArray("SELECT 1;\nSELECT 2") << QStringList{u"1: SELECT 1"_qs, u"2: SELECT 2"_qs};
        QTest::newRow("empty statements vanish") << QByteArray(";;\n;SELECT 2;;") << QStringList{u"2: SELECT 2"_qs};
        QTest::newRow("semicolons inside parentheses")
            << QByteArray("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));\nSELECT 1;")
            << QStringList{u"1: CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))"_qs,
                           u"2: SELECT 1"_qs};
        QTest::newRow("BEGIN ATOMIC body")
            << QByteArray("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n SELECT 1;\n SELECT CASE WHEN true THEN 2 END;\nEND;\nSELECT 3;")
            << QStringList{u"1: CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n SELECT 1;\n SELECT CASE WHEN true THEN 2 END;\nEND"_qs,
                           u"6: SELECT 3"_qs};
        QTest::newRow("BEGIN outside a routine is a transaction")
            << QByteArray("BEGIN;\nSELECT 1;\nEND;") << QStringList{u"1: BEGIN"_qs, u"2: SELECT 1"_qs, u"3: END"_qs};
        QTest::newRow("dollar body with semicolons")
            << QByteArray("DO $$ BEGIN PERFORM 1; END $$;\nSELECT 2;")
            << QStringList{u"1: DO $$ BEGIN PERFORM 1; END $$"_qs, u"2: SELECT 2"_qs};
        QTest::newRow("unterminated string swallows the rest")
            << QByteArray("SELECT 1;\nSELECT 'a; SELECT 2;") << QStringList{u"1: SELECT 1"_qs, u"2: SELECT 'a; SELECT 2;!"_qs};
        QTest::newRow("only comments") << QByteArray("-- a\n/* b */") << QStringList{};
    }
    void statements()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QStringList, statements);
        QStringList got;
        for (const SqlLexer::Statement &st : SqlLexer::statements(sql))
            got << QString::number(st.line) + u": "_qs + QString::fromUtf8(st.text.toByteArray()) + (st.unterminated ? u"!"_qs : QString());
        QCOMPARE(got, statements);
    }

    void withoutComments()
    {
        QCOMPARE(SqlLexer::withoutComments("a /* x /* y */ z */b -- c\n'--' d"), QByteArray("a  b  \n'--' d"));
    }

    // The rule applied by every check: DO bodies in PL/pgSQL run, routine bodies do not.
    void executedTokens_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("words"); // the executed Words and Semicolons, space-separated
        QTest::newRow("top level")
            << QByteArray("CREATE EXTENSION x; -- DROP ROLE y\n") << u"CREATE EXTENSION x ;"_qs;
        QTest::newRow("DO body runs")
            << QByteArray("DO $$ BEGIN CREATE EXTENSION x; END $$;") << u"DO ; BEGIN CREATE EXTENSION x ; END ; ;"_qs;
        QTest::newRow("DO LANGUAGE plpgsql body runs")
            << QByteArray("DO LANGUAGE plpgsql $b$ BEGIN DROP ROLE r; END $b$")
            << u"DO LANGUAGE plpgsql ; BEGIN DROP ROLE r ; END ;"_qs;
        QTest::newRow("quoted DO body is unescaped")
            << QByteArray("DO 'BEGIN RAISE NOTICE ''x''; END'") << u"DO ; BEGIN RAISE NOTICE ; END ;"_qs;
        QTest::newRow("DO in another language stays a string")
            << QByteArray("DO LANGUAGE plpython3u $$ import os $$") << u"DO LANGUAGE plpython3u"_qs;
        QTest::newRow("function body does not run")
            << QByteArray("CREATE FUNCTION f() RETURNS void AS $$ BEGIN CREATE EXTENSION x; END $$ LANGUAGE plpgsql;")
            << u"CREATE FUNCTION f RETURNS void AS LANGUAGE plpgsql ;"_qs;
        QTest::newRow("DO inside DO")
            << QByteArray("DO $a$ BEGIN DO $b$ BEGIN CREATE ROLE r; END $b$; END $a$")
            << u"DO ; BEGIN DO ; BEGIN CREATE ROLE r ; END ; ; END ;"_qs;
        QTest::newRow("ON CONFLICT DO is no block")
            << QByteArray("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;") << u"INSERT INTO t VALUES ON CONFLICT DO NOTHING ;"_qs;
        QTest::newRow("unterminated DO body still counts")
            << QByteArray("DO $$ CREATE ROLE r;") << u"DO ; CREATE ROLE r ; ;"_qs;
    }
    void executedTokens()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, words);
        QStringList got;
        SqlLexer::forEachExecutedToken(sql, [&got](const SqlToken &t) {
            if (t.kind == SqlToken::Kind::Word || t.kind == SqlToken::Kind::Semicolon)
                got << QString::fromUtf8(t.text.toByteArray());
        });
        QCOMPARE(got.join(u' '), words);
    }

    void executedTokenLines()
    {
        QList<int> lines;
        SqlLexer::forEachExecutedToken("SELECT 1;\nDO $$\nBEGIN\n  CREATE ROLE r;\nEND\n$$;", [&lines](const SqlToken &t) {
            if (t.isWord("ROLE"))
                lines << t.line;
        });
        QCOMPARE(lines, QList<int>{4});
    }

    // Bad input never hangs: every prefix of a tricky script lexes to the end.
    void everyPrefixTerminates()
    {
        const QByteArray sql("E'\\' $a$ /* /* */ $1 \"x\"\" -- \n $$ U&' 0x ; $a$ */ ' \xff\xfe $");
        for (qsizetype n = 0; n <= sql.size(); ++n) {
            const QByteArray prefix = sql.left(n);
            qsizetype covered = 0;
            for (const SqlToken &t : SqlLexer::tokens(prefix)) {
                QVERIFY(t.text.data() >= prefix.constData() + covered);
                covered = t.text.data() + t.text.size() - prefix.constData();
            }
            QVERIFY(covered <= prefix.size());
            SqlLexer::statements(prefix);
        }
    }
};

QTEST_GUILESS_MAIN(TestSqlLexer)
#include "tst_sqllexer.moc"
