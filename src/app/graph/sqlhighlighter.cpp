#include "sqlhighlighter.h"

#include <QStringList>

SqlHighlighter::SqlHighlighter(QTextDocument *parent) : QSyntaxHighlighter(parent)
{
    setDark(false);
}

void SqlHighlighter::setDark(bool dark)
{
    static const QStringList keywords = {
        QStringLiteral("add"), QStringLiteral("all"), QStringLiteral("alter"), QStringLiteral("and"),
        QStringLiteral("as"), QStringLiteral("asc"), QStringLiteral("begin"), QStringLiteral("by"),
        QStringLiteral("cascade"), QStringLiteral("case"), QStringLiteral("check"), QStringLiteral("column"),
        QStringLiteral("commit"), QStringLiteral("concurrently"), QStringLiteral("constraint"),
        QStringLiteral("create"), QStringLiteral("default"), QStringLiteral("delete"), QStringLiteral("desc"),
        QStringLiteral("distinct"), QStringLiteral("do"), QStringLiteral("drop"), QStringLiteral("else"),
        QStringLiteral("end"), QStringLiteral("exists"), QStringLiteral("extension"), QStringLiteral("foreign"),
        QStringLiteral("from"), QStringLiteral("function"), QStringLiteral("grant"), QStringLiteral("group"),
        QStringLiteral("if"), QStringLiteral("in"), QStringLiteral("index"), QStringLiteral("insert"),
        QStringLiteral("into"), QStringLiteral("is"), QStringLiteral("join"), QStringLiteral("key"),
        QStringLiteral("left"), QStringLiteral("like"), QStringLiteral("limit"), QStringLiteral("not"),
        QStringLiteral("null"), QStringLiteral("on"), QStringLiteral("or"), QStringLiteral("order"),
        QStringLiteral("primary"), QStringLiteral("references"), QStringLiteral("rename"),
        QStringLiteral("replace"), QStringLiteral("returns"), QStringLiteral("select"), QStringLiteral("sequence"),
        QStringLiteral("set"), QStringLiteral("table"), QStringLiteral("then"), QStringLiteral("to"),
        QStringLiteral("trigger"), QStringLiteral("type"), QStringLiteral("unique"), QStringLiteral("update"),
        QStringLiteral("using"), QStringLiteral("values"), QStringLiteral("view"), QStringLiteral("when"),
        QStringLiteral("where"), QStringLiteral("with"), QStringLiteral("language"), QStringLiteral("plpgsql"),
        QStringLiteral("execute"), QStringLiteral("procedure"), QStringLiteral("materialized"),
        QStringLiteral("enum"), QStringLiteral("true"), QStringLiteral("false"),
    };
    static const QStringList types = {
        QStringLiteral("bigint"), QStringLiteral("integer"), QStringLiteral("int"), QStringLiteral("text"),
        QStringLiteral("boolean"), QStringLiteral("jsonb"), QStringLiteral("json"), QStringLiteral("timestamp"),
        QStringLiteral("timestamptz"), QStringLiteral("serial"), QStringLiteral("bigserial"),
        QStringLiteral("bytea"), QStringLiteral("varchar"), QStringLiteral("uuid"), QStringLiteral("double"),
        QStringLiteral("numeric"), QStringLiteral("smallint"), QStringLiteral("date"), QStringLiteral("interval"),
    };
    auto format = [](QColor color, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(color);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    m_rules.clear();
    const QColor keyword = dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x1a, 0x4f, 0xb0);
    const QColor type = dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x80, 0x30, 0xa0);
    const QColor number = dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xa0, 0x50, 0x00);
    const QColor string = dark ? QColor(0xc3, 0xe8, 0x8d) : QColor(0x2e, 0x7d, 0x32);
    m_rules.append({QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(keywords.join(QLatin1Char('|'))),
                                       QRegularExpression::CaseInsensitiveOption),
                    format(keyword, true)});
    m_rules.append({QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(types.join(QLatin1Char('|'))),
                                       QRegularExpression::CaseInsensitiveOption),
                    format(type)});
    m_rules.append({QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")), format(number)});
    m_rules.append({QRegularExpression(QStringLiteral("'(?:[^']|'')*'")), format(string)});
    m_comment = format(dark ? QColor(0x8a, 0x91, 0x99) : QColor(0x70, 0x70, 0x70), false, true);
    m_rules.append({QRegularExpression(QStringLiteral("--[^\\n]*")), m_comment});
    rehighlight();
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
    // Block comments may span lines: state 1 means "inside /* */ at the end of this block".
    setCurrentBlockState(0);
    qsizetype start = previousBlockState() == 1 ? 0 : text.indexOf(m_blockStart);
    while (start >= 0) {
        const auto end = m_blockEnd.match(text, start);
        qsizetype length;
        if (end.hasMatch()) {
            length = end.capturedEnd() - start;
        } else {
            setCurrentBlockState(1);
            length = text.size() - start;
        }
        setFormat(int(start), int(length), m_comment);
        start = end.hasMatch() ? text.indexOf(m_blockStart, start + length) : -1;
    }
}
