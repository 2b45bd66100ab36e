#pragma once

#include "common/finding.h"

#include <QStringList>

namespace passlane::test {

/// The kinds of `findings`, in order: what a test compares when the messages may change.
inline QStringList kinds(const Findings &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << f.kind;
    return out;
}

} // namespace passlane::test
