#pragma once

#include "common/version.h"
#include "project/project.h"
#include "simulator/simulation.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace passlane {

/// Where the instance in question stands before the upgrade.
struct ScenarioStart {
    enum class Kind {
        Release,      ///< a plain release: everything up to it applied (the default)
        ExportFile,   ///< a customer's export of its bookkeeping tables (docs/simulation.md)
        LiveInstance, ///< a read-only inspection of a running instance, one DSN per schema database
        Customer,     ///< a customer of the project: its export or version, and its OOB row counts
    };
    Kind kind = Kind::Release;
    QString exportFile;  ///< ExportFile
    QStringList dsns;    ///< LiveInstance
    QString customer;    ///< Customer: CustomerState::name
    /// An earlier export of the same instance (any kind of start): OOB progress then and now
    /// gives observed rates for the ETAs.
    QString previousExport;

    bool operator==(const ScenarioStart &) const = default;
};

QString startKindName(ScenarioStart::Kind kind); ///< "release", "export", "live", "customer"

/// One question a user asks: the project's inputs (sources, registries, what-if proposals kept
/// apart from the registry, customers CSV, customers with their row counts, progress model),
/// where the instance starts, the pair, and whether to rehearse it. Both front ends build one
/// and hand it to evaluate(); nothing else answers these questions.
struct Scenario {
    Project project;
    QString projectFile;             ///< the *.passlane file the project came from, if any
    ScenarioStart start;
    std::optional<Version> from;     ///< explicit; otherwise the version the start state names
    std::optional<Version> to;       ///< the target; for the window analysis, the latest release when unset
    /// Rehearse the plan: the backend and its options. The scenario owns the start state and the
    /// progress model: evaluate() fills `start`, `defaultProgress`, `progressOverrides` and
    /// `oobRows` of this request from the scenario, whatever they held.
    std::optional<SimulationRequest> simulation;
    /// OOB row counts given for this question (over the customer's own).
    QMap<int, qint64> oobRows;
    /// The report's title when the user names one (`--title`); otherwise reports make one from
    /// the pair and the customer.
    QString title;
    /// Per-class costs measured by `bench calibrate` (a JSON file); empty: the project's
    /// `calibration`, else the documented defaults.
    QString calibrationFile;

    /// The project's customer named by a Customer start (null otherwise or when unknown).
    const CustomerState *customer() const;
    /// True when what-if proposals change the registry the answer is computed with.
    bool isWhatIf() const { return !project.proposals.isEmpty(); }

    /// A scenario over a project file: loads it (failing with the file named).
    static Result<Scenario> fromProjectFile(const QString &path);
};

} // namespace passlane
