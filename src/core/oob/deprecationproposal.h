#pragma once

#include "common/version.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace passlane {

/// A what-if: a release engineer proposes to deprecate OOB migration `oobId` at another minor
/// (nullopt: never deprecate it). Proposals are kept apart from the registry they modify, so
/// that every answer computed with them can say so.
struct DeprecationProposal {
    int oobId = 0;
    std::optional<MinorVersion> deprecated;

    /// Parses "ID=MAJOR.MINOR", or "ID=none" to undeprecate.
    static std::optional<DeprecationProposal> parse(QStringView text);
    /// "25=6.8" or "25=none": the form parse() reads.
    QString toString() const;

    bool operator==(const DeprecationProposal &) const = default;
};

using DeprecationProposals = QList<DeprecationProposal>;

} // namespace passlane
