#pragma once

#include "common/finding.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace passlane {

/// Who a problem is written for. A customer report shows what blocks or slows that customer's
/// upgrade; remarks about how a release was cut (deprecation advice) go to the release team.
enum class Audience { Customer, ReleaseTeam };

QString audienceName(Audience a); ///< "customer", "release-team"

/// Something wrong with an answer (a plan, a window analysis, a simulation), as opposed to a
/// Finding, which is something wrong with the inputs. Carries the ids it concerns so that a
/// view can filter by kind and jump to the OOB migration or the schema migrations.
/// Kinds are stable kebab-case strings ("oob-window-impossible", "not-forward-upgrade").
struct Problem {
    Severity severity = Severity::Warning;
    QString kind;
    QString message;             ///< one human sentence
    Audience audience = Audience::Customer;
    QList<int> oobIds;           ///< OOB migrations concerned
    QString schema;              ///< with `migrations`: the schema they belong to
    QList<qint64> migrations;    ///< schema migrations concerned

    bool isError() const { return severity == Severity::Error; }

    static Problem make(Severity severity, QLatin1String kind, const QString &message)
    {
        Problem p;
        p.severity = severity;
        p.kind = kind;
        p.message = message;
        return p;
    }
};

using Problems = QList<Problem>;

bool hasErrors(const Problems &problems);
/// The problems of one severity, in order.
Problems problemsOf(const Problems &problems, Severity severity);

/// {"severity", "kind", "audience", "message", "oob": [...], "schema", "migrations": [...]};
/// empty id lists and schema are omitted.
QJsonObject problemToJson(const Problem &problem);
QJsonArray problemsToJson(const Problems &problems);

} // namespace passlane
