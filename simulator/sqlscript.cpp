#include "sqlscript.h"

#include "sql/sqllexer.h"

namespace passlane {

QList<SqlStatement> SqlScript::split(const QByteArray &sql, bool stripComments)
{
    QList<SqlStatement> out;
    // Byte offsets to UTF-16 offsets, counted once over the text as the statements advance.
    qsizetype byte = 0;
    qsizetype chars = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(sql.constData());
    SqlLexer lexer(sql);
    while (const auto st = lexer.nextStatement()) {
        const qsizetype at = st->text.data() - sql.constData();
        for (; byte < at; ++byte) {
            if ((data[byte] & 0xC0) != 0x80)
                chars += data[byte] >= 0xF0 ? 2 : 1; // a four-byte sequence is a surrogate pair
        }
        const QByteArray text = stripComments ? SqlLexer::withoutComments(st->text) : st->text.toByteArray();
        out.append(SqlStatement{QString::fromUtf8(text).trimmed(), st->line, chars});
    }
    return out;
}

int SqlScript::lineAt(const QString &sql, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, sql.size());
    return int(QStringView(sql).left(offset).count(u'\n')) + 1;
}

} // namespace passlane
