#pragma once

#include "common/problem.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace passlane {

enum class ReportFormat { Json, Markdown, Html };

QString reportFormatName(ReportFormat format); ///< "json", "markdown", "html"
std::optional<ReportFormat> reportFormatFromName(QStringView name); ///< also accepts "md"

/// One titled section of a report, given in both text formats. `html` is inserted as is:
/// escape every name with htmlEscape() when building it.
struct ReportSection {
    QString title;
    QString markdown;
    QString html;
};

/// A section with an intro line and a table in both formats (no table when `rows` is empty).
/// `right` lists column indexes to right-align (numbers).
ReportSection tableSection(const QString &title, const QString &intro, const QStringList &header,
                           const QList<QStringList> &rows, const QList<int> &right = {});

/// Problems as a list section titled `title`, errors first; "severity: message" per item.
ReportSection problemsSection(const QString &title, const Problems &problems);

/// Assembles a report in any format from reusable pieces: the plan report adds its sections,
/// the simulator adds a timeline section and a JSON key to the same writer.
class ReportWriter {
public:
    explicit ReportWriter(QString title = {});

    void setTitle(const QString &title) { m_title = title; }
    const QString &title() const { return m_title; }
    /// A short line under the title (Markdown and HTML versions).
    void setSummary(const QString &markdown, const QString &html);
    /// The JSON document's root object; sections never appear in JSON.
    void setJson(const QJsonObject &root) { m_json = root; }
    /// Adds or replaces one key of the JSON root ("simulation": {...}).
    void addJson(const QString &key, const QJsonValue &value) { m_json.insert(key, value); }
    void addSection(const ReportSection &section) { m_sections.append(section); }
    void insertSection(qsizetype index, const ReportSection &section) { m_sections.insert(index, section); }
    /// The index of the section titled `title`, or -1.
    qsizetype indexOf(const QString &title) const;
    /// Replaces the section with the same title, or inserts it at `index` when there is none.
    void replaceSection(const ReportSection &section, qsizetype index = 0);

    const QJsonObject &json() const { return m_json; }
    QByteArray render(ReportFormat format) const;

private:
    QString m_title;
    QString m_summaryMarkdown;
    QString m_summaryHtml;
    QJsonObject m_json;
    QList<ReportSection> m_sections;
};

} // namespace passlane
