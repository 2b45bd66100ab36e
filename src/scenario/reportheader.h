#pragma once

#include "catalog/catalog.h"
#include "report/reportwriter.h"
#include "scenario/evaluation.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace passlane {

/// What a report is about, at its top, so that a report forwarded as is identifies itself:
/// whose instance, when, which Passlane, on which release sources and registries, and the
/// what-if proposals it assumes.
struct ReportHeader {
    QString title;
    QString subject;         ///< what the report answers ("Upgrade plan: 5.9.45 → 7.2.1943"), whatever the title
    QString customer;        ///< the project's customer, the export's "customer", or empty
    QString start;           ///< where the instance starts ("release 5.9.45", "customer acme")
    QString date;            ///< YYYY-MM-DD (UTC): SOURCE_DATE_EPOCH when set, else today
    QString passlaneVersion;
    qsizetype sourceCount = 0;   ///< releases loaded
    QString firstRelease;
    QString lastRelease;
    QString sourcesDigest;   ///< sourcesDigest() of the catalog
    QStringList registries;  ///< OOB registry file names
    QStringList whatIf;      ///< Evaluation::whatIf(): empty when the answer assumes no proposal

    QJsonObject toJson() const;
    /// The "About this report" section: one row per field, in Markdown and HTML.
    ReportSection section() const;
};

/// The header of a report on `e`; `defaultTitle` is used when the scenario names none.
ReportHeader makeReportHeader(const Evaluation &e, const QString &defaultTitle);

/// The report date: SOURCE_DATE_EPOCH (seconds, UTC) when set to a number, so that a report
/// can be rebuilt byte for byte; today's date (UTC) otherwise.
QString reportDate();

/// A short digest (12 hex digits of SHA-256) that identifies the release sources by what was
/// read from them: each release's version, and per schema each migration's id, name, up and
/// down SQL, parents and flags, and any squashed.sql. Paths play no part, so the same archives
/// give the same digest on every machine; any edited file changes it.
QString sourcesDigest(const Catalog &catalog);

} // namespace passlane
