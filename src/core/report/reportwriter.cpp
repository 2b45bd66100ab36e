#include "report/reportwriter.h"
#include "report/html.h"
#include "report/markdown.h"

#include <QJsonDocument>

#include <algorithm>

namespace passlane {

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Json: return QStringLiteral("json");
    case ReportFormat::Markdown: return QStringLiteral("markdown");
    case ReportFormat::Html: return QStringLiteral("html");
    }
    return {};
}

std::optional<ReportFormat> reportFormatFromName(QStringView name)
{
    if (name == u"json")
        return ReportFormat::Json;
    if (name == u"markdown" || name == u"md")
        return ReportFormat::Markdown;
    if (name == u"html")
        return ReportFormat::Html;
    return std::nullopt;
}

ReportSection tableSection(const QString &title, const QString &intro, const QStringList &header,
                           const QList<QStringList> &rows, const QList<int> &right)
{
    ReportSection s{title, {}, {}};
    s.markdown = intro.isEmpty() ? QString() : intro + QStringLiteral("\n\n");
    s.html = intro.isEmpty() ? QString() : QStringLiteral("<p>") + htmlEscape(intro) + QStringLiteral("</p>\n");
    if (rows.isEmpty())
        return s;
    s.markdown += markdownTable(header, rows, right);
    s.html += QStringLiteral("<table>\n<tr>");
    for (const QString &h : header)
        s.html += QStringLiteral("<th>") + htmlEscape(h) + QStringLiteral("</th>");
    s.html += QStringLiteral("</tr>\n");
    for (const QStringList &row : rows) {
        s.html += QStringLiteral("<tr>");
        for (qsizetype i = 0; i < header.size(); ++i)
            s.html += (right.contains(int(i)) ? QStringLiteral("<td class=\"num\">") : QStringLiteral("<td>"))
                + htmlEscape(row.value(i)) + QStringLiteral("</td>");
        s.html += QStringLiteral("</tr>\n");
    }
    s.html += QStringLiteral("</table>\n");
    return s;
}

ReportSection problemsSection(const QString &title, const Problems &problems)
{
    ReportSection s{title, {}, QStringLiteral("<ul class=\"findings\">\n")};
    for (Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
        for (const Problem &p : problemsOf(problems, severity)) {
            const QString name = severityName(severity);
            if (severity == Severity::Error) {
                s.markdown += QStringLiteral("- **error:** ") + markdownEscape(p.message) + u'\n';
                s.html += QStringLiteral("<li class=\"error\"><b>error:</b> ") + htmlEscape(p.message) + QStringLiteral("</li>\n");
            } else {
                s.markdown += QStringLiteral("- %1: ").arg(name) + markdownEscape(p.message) + u'\n';
                s.html += QStringLiteral("<li class=\"%1\">%1: ").arg(name) + htmlEscape(p.message) + QStringLiteral("</li>\n");
            }
        }
    }
    s.html += QStringLiteral("</ul>\n");
    return s;
}

qsizetype ReportWriter::indexOf(const QString &title) const
{
    for (qsizetype i = 0; i < m_sections.size(); ++i)
        if (m_sections.at(i).title == title)
            return i;
    return -1;
}

void ReportWriter::replaceSection(const ReportSection &section, qsizetype index)
{
    for (ReportSection &s : m_sections) {
        if (s.title == section.title) {
            s = section;
            return;
        }
    }
    m_sections.insert(std::min(index, m_sections.size()), section);
}

ReportWriter::ReportWriter(QString title) : m_title(std::move(title)) {}

void ReportWriter::setSummary(const QString &markdown, const QString &html)
{
    m_summaryMarkdown = markdown;
    m_summaryHtml = html;
}

QByteArray ReportWriter::render(ReportFormat format) const
{
    switch (format) {
    case ReportFormat::Json:
        return QJsonDocument(m_json).toJson(QJsonDocument::Indented);
    case ReportFormat::Markdown: {
        QString md = QStringLiteral("# ") + m_title + QStringLiteral("\n\n");
        if (!m_summaryMarkdown.isEmpty())
            md += m_summaryMarkdown + QStringLiteral("\n\n");
        for (const ReportSection &s : m_sections) {
            md += QStringLiteral("## ") + s.title + QStringLiteral("\n\n") + s.markdown;
            if (!md.endsWith(QLatin1String("\n\n")))
                md += md.endsWith(u'\n') ? QStringLiteral("\n") : QStringLiteral("\n\n");
        }
        return md.toUtf8();
    }
    case ReportFormat::Html: {
        QString body = QStringLiteral("<h1>") + htmlEscape(m_title) + QStringLiteral("</h1>\n");
        if (!m_summaryHtml.isEmpty())
            body += QStringLiteral("<div class=\"summary\">") + m_summaryHtml + QStringLiteral("</div>\n");
        for (const ReportSection &s : m_sections)
            body += QStringLiteral("<section>\n<h2>") + htmlEscape(s.title) + QStringLiteral("</h2>\n") + s.html
                + QStringLiteral("</section>\n");
        return htmlDocument(m_title, body).toUtf8();
    }
    }
    return {};
}

} // namespace passlane
