#include "diffhighlighter.h"

DiffHighlighter::DiffHighlighter(QTextDocument *parent) : QSyntaxHighlighter(parent) {}

void DiffHighlighter::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    rehighlight();
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    QColor color;
    if (text.startsWith(u"+++") || text.startsWith(u"---") || text.startsWith(u"@@"))
        color = m_dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x5f, 0xb4);
    else if (text.startsWith(u'+'))
        color = m_dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1e, 0x7e, 0x34);
    else if (text.startsWith(u'-'))
        color = m_dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e);
    else
        return;
    setFormat(0, int(text.size()), color);
}
