#pragma once

#include "common/version.h"
#include "project/project.h"
#include "startstate.h"

#include <QList>
#include <QMap>

namespace passlane {

class OobRegistry;

/// The OOB progress model (the product's documented default): a migrator runs one batch of `batchSize` rows every
/// `intervalSeconds`. Time is computed analytically, never by looping over batches.
class OobProgress {
public:
    OobProgress() = default;
    OobProgress(OobProgressModel defaults, QMap<int, OobProgressModel> overrides, QMap<int, qint64> rows)
        : m_defaults(defaults), m_overrides(std::move(overrides)), m_rows(std::move(rows)) {}

    /// The model for one migration: override, else default; per-customer rows replace `rows`.
    OobProgressModel modelFor(int id) const;

    /// Milliseconds until `progress` reaches 1.0 (0 for an empty table or a finished migration).
    static qint64 msToComplete(const OobProgressModel &model, double progress);
    /// Progress after running `ms` from `progress` (whole batches only; capped at 1.0).
    static double progressAfter(const OobProgressModel &model, double progress, qint64 ms);

private:
    OobProgressModel m_defaults;
    QMap<int, OobProgressModel> m_overrides;
    QMap<int, qint64> m_rows;
};

/// The product's start-up rule and the OOB bookkeeping around stops.
class StartupRule {
public:
    /// Ids of OOB migrations deprecated at or before `at` whose progress is below 1.0: an instance
    /// at `at` refuses to start. Rows are the instance's table; registry entries without a row
    /// count as progress 0 unless deprecated at or before `assumeDoneBefore` (the start release,
    /// which a running instance has already passed).
    static QList<int> blocking(const QMap<int, OobRow> &rows, const OobRegistry &registry,
                               const MinorVersion &at, const std::optional<MinorVersion> &assumeDoneBefore = {});

    /// OOB migrations that run at `at`: introduced at or before it, not deprecated at or before it.
    static bool activeAt(const OobRow &row, const MinorVersion &at);

    /// At a stop `at` followed by `next`: the active OOB migrations deprecated at or before
    /// `next`, incomplete. The migrator must drive them to 1.0 before leaving the stop.
    static QList<int> requiredBefore(const QMap<int, OobRow> &rows, const MinorVersion &at, const MinorVersion &next);
};

} // namespace passlane
