#include "report/reportwriter.h"
#include "report/html.h"

#include <QJsonDocument>

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
