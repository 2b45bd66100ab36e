#pragma once

#include "common/version.h"

namespace passlane {

/// A source version and how many instances run it (1 when no customer CSV is given).
/// Counts are 64-bit: a distribution can add up to more than 2^31 instances.
struct SourceWeight {
    Version version;
    qint64 instances = 1;
};

} // namespace passlane
