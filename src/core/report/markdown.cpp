#include "report/markdown.h"

namespace passlane {

QString markdownEscape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == u'\n') {
            out += u' ';
            continue;
        }
        if (QStringView(u"|*_`<>[]\\").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString markdownTable(const QStringList &header, const QList<QStringList> &rows, const QList<int> &rightAligned)
{
    QString out = QStringLiteral("|");
    for (const QString &h : header)
        out += u' ' + markdownEscape(h) + QStringLiteral(" |");
    out += QStringLiteral("\n|");
    for (qsizetype i = 0; i < header.size(); ++i)
        out += rightAligned.contains(int(i)) ? QStringLiteral(" ---: |") : QStringLiteral(" --- |");
    out += u'\n';
    for (const QStringList &row : rows) {
        out += u'|';
        for (qsizetype i = 0; i < header.size(); ++i)
            out += u' ' + markdownEscape(row.value(i)) + QStringLiteral(" |");
        out += u'\n';
    }
    return out;
}

QString markdownCode(const QString &text, const QString &language)
{
    QString fence = QStringLiteral("```");
    while (text.contains(fence))
        fence += u'`';
    QString body = text;
    if (!body.endsWith(u'\n'))
        body += u'\n';
    return fence + language + u'\n' + body + fence + u'\n';
}

} // namespace passlane
