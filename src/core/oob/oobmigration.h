#pragma once

#include "common/version.h"

#include <QString>

#include <optional>

namespace passlane {

/// An out-of-band migration: a background data rewrite that runs from `introduced` (inclusive)
/// and must be complete before an instance runs `deprecated` or later ("a passing lane").
struct OobMigration {
    int id = 0;
    QString team;
    QString component;
    QString description;
    bool nonDestructive = false;
    bool isEnterprise = false;
    MinorVersion introduced;
    std::optional<MinorVersion> deprecated;
    QString source;                 ///< registry file, or the migration file that registers it
    std::optional<Version> firstSeen; ///< release whose SQL first registers it, when found in SQL

    bool operator==(const OobMigration &) const = default;
};

} // namespace passlane
