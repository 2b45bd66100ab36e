#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace passlane {

enum class Severity { Info, Warning, Error };

QString severityName(Severity s); ///< "info", "warning", "error"
std::optional<Severity> severityFromName(QStringView name);

/// One thing wrong (or worth knowing) about the inputs: a static check result, a registry
/// conflict, a lint. Kinds are stable kebab-case strings ("missing-parent", "edited-migration").
struct Finding {
    Severity severity = Severity::Warning;
    QString kind;
    QString release;      ///< "6.7.0", empty when not tied to one release
    QString schema;       ///< "frontend", empty when not tied to a schema
    std::optional<qint64> id; ///< migration id (schema or OOB, per kind)
    QString file;         ///< the file inside the source, or the source itself
    QString message;      ///< one human sentence
    QString firstRelease; ///< for edited-migration: the release whose definition came first
    /// The releases that carry the same problem: `release` is the first, `lastRelease` the
    /// last, `releaseCount` how many (0: the finding is not about a span of releases).
    QString lastRelease;
    int releaseCount = 0;
    QString diff;         ///< for edited-migration: unified diff of the first and the edited definition

    bool isError() const { return severity == Severity::Error; }

    /// A finding about a file that is not tied to a release or migration yet (callers fill more in).
    static Finding about(Severity severity, QLatin1String kind, const QString &file, const QString &message)
    {
        Finding f;
        f.severity = severity;
        f.kind = kind;
        f.file = file;
        f.message = message;
        return f;
    }
};

using Findings = QList<Finding>;

/// Counts findings at error level.
qsizetype errorCount(const Findings &findings);

/// The JSON form every tool output uses: severity, kind, release, schema, id (null when none),
/// file, message, and first_release on edits.
QJsonObject findingToJson(const Finding &finding);
QJsonArray findingsToJson(const Findings &findings);

} // namespace passlane
