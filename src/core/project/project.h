#pragma once

#include "common/result.h"
#include "common/version.h"
#include "graph/stitchedgraph.h"
#include "oob/deprecationproposal.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace passlane {

/// How fast one OOB migration progresses in simulated time (the product's documented default: 500 rows every 3 s).
struct OobProgressModel {
    qint64 rows = 0;         ///< rows to migrate; 0 means the table is empty: complete at once
    qint64 batchSize = 500;
    double intervalSeconds = 3.0;
};

/// A customer's state: the version it runs, or an exported migration_logs/out_of_band_migrations file.
struct CustomerState {
    QString name;
    std::optional<Version> version;
    QString exportFile;                 ///< JSON or CSV export, relative to the project file
    QMap<int, qint64> oobRows;          ///< per-customer row counts by OOB id
};

/// A `*.passlane` project file (YAML). Paths inside are stored relative to the file.
struct Project {
    QStringList sources;                        ///< archives or folders (absolute after load)
    QMap<QString, Version> versionOverrides;    ///< source path -> version, when the name lacks one
    QStringList oobFiles;                       ///< oobmigrations.yaml files (absolute after load)
    QList<AcceptedEdit> acceptedEdits;
    OobProgressModel defaultProgress;
    QMap<int, OobProgressModel> progressOverrides; ///< by OOB id
    QList<CustomerState> customers;
    QList<DeprecationProposal> proposals;
    QString customersCsv;                       ///< version,instances distribution for window analysis
    QString calibration;                        ///< per-class costs (bench calibrate); empty: documented defaults

    /// Reads a project file (a regular file of at most limits::projectFile bytes); relative paths
    /// are resolved against its folder. Duplicate keys and out-of-range numbers are errors.
    static Result<Project> load(const QString &path);
    static Result<Project> parse(const QByteArray &yaml, const QString &path);
    /// Validates, then writes with writeFileAtomically(): the old file survives any failure, and
    /// a device or FIFO at the path is refused. Paths are made relative.
    Status save(const QString &path) const;
    QByteArray toYaml(const QString &baseDir) const;
};

} // namespace passlane
