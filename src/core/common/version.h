#pragma once

#include <QHashFunctions>
#include <QString>

#include <compare>
#include <optional>

namespace passlane {

/// A product minor version ("6.3"): the unit that OOB windows and stops are measured in.
struct MinorVersion {
    int major = 0;
    int minor = 0;

    /// Accepts "6.3", "v6.3", and also "6.3.0" (the patch is ignored).
    static std::optional<MinorVersion> parse(QStringView text);
    QString toString() const; ///< "6.3"

    auto operator<=>(const MinorVersion &) const = default;
};

/// A release version major.minor.patch. Ordered numerically, never by release date.
struct Version {
    int major = 0;
    int minor = 0;
    int patch = 0;

    /// Accepts "6.3.0", "v6.3.0" and "6.3" (patch 0). Anything else is nullopt.
    static std::optional<Version> parse(QStringView text);
    /// Finds the version in a snapshot name: "migrations-v6.3.0.tar.gz", "v6.3.0", "6.3.0".
    static std::optional<Version> fromSourceName(QStringView fileName);

    QString toString() const; ///< "6.3.0", no leading v
    QString tag() const;      ///< "v6.3.0", as BoundsByRev keys it
    MinorVersion minorVersion() const { return {major, minor}; }

    auto operator<=>(const Version &) const = default;
};

inline size_t qHash(const Version &v, size_t seed = 0) noexcept
{
    return qHashMulti(seed, v.major, v.minor, v.patch);
}
inline size_t qHash(const MinorVersion &v, size_t seed = 0) noexcept
{
    return qHashMulti(seed, v.major, v.minor);
}

} // namespace passlane
